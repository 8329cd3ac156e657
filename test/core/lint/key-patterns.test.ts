// key-longest, key-most-steps, key-position, multi-count and partial-credit: each as a table of
// banks that trip the rule and banks that pass it.
import { describe, expect, it } from 'vitest';
import { bank, choice, findings, multi, PLAIN, repeat, type QuestionSpec } from './build.js';

const LONG = 'Greet the customer politely, explain where the coats are kept and walk over with them';

describe('key-longest', () => {
  it.each<[string, QuestionSpec[], number]>([
    ['a key over 1.5x the mean length of the others', [choice([LONG, ...PLAIN.slice(1)], 0)], 1],
    ['a key as long as the others', [choice(PLAIN, 2)], 0],
    ['a long distractor and a short key', [choice([LONG, ...PLAIN.slice(1)], 1)], 0],
  ])('per question: %s gives %i warnings', (_, questions, n) => {
    expect(findings(bank(questions), 'key-longest')).toHaveLength(n);
  });

  it('warns once for the bank when the key is the longest in more than 35 % of questions', () => {
    // The key is longest but not 1.5x longer: only the bank-wide pattern shows.
    const a = ['Greet the customer politely now', ...PLAIN.slice(1)];
    const questions = [...repeat(2, () => choice(a, 0)), ...repeat(3, () => choice(PLAIN, 1))];
    const found = findings(bank(questions), 'key-longest');
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['bank']);
    expect(found[0]!.message).toContain('2 of 5 questions (40 %');
  });

  it('does not judge the bank-wide share below five questions', () => {
    const a = ['Greet the customer politely now', ...PLAIN.slice(1)];
    expect(findings(bank(repeat(4, () => choice(a, 0))), 'key-longest')).toEqual([]);
  });

  it('passes a bank where the longest choice is the key in 35 % of questions or fewer', () => {
    const a = ['Greet the customer politely now', ...PLAIN.slice(1)];
    const questions = [...repeat(1, () => choice(a, 0)), ...repeat(4, () => choice(PLAIN, 1))];
    expect(findings(bank(questions), 'key-longest')).toEqual([]);
  });

  it('reads the key of rank (first written) and best-worst (best) questions', () => {
    const rank: QuestionSpec = { type: 'rank', choices: [{ text: LONG }, ...PLAIN.slice(1).map((text) => ({ text }))] };
    const bestWorst: QuestionSpec = {
      type: 'best-worst',
      choices: [{ text: PLAIN[0]!, worst: true }, { text: LONG, best: true }, { text: PLAIN[2]! }],
    };
    expect(findings(bank([rank, bestWorst]), 'key-longest').map((f) => f.path)).toEqual([
      ['questions', 0, 'choices', 0, 'text'],
      ['questions', 1, 'choices', 1, 'text'],
    ]);
  });
});

describe('key-most-steps', () => {
  const busy = 'Greet her, apologise for the wait, check the stock and then walk her to the rail';
  it.each<[string, QuestionSpec[], number]>([
    ['a key that does four things while the others do one', [choice([busy, ...PLAIN.slice(1)], 0)], 1],
    ['every choice doing one thing', [choice(PLAIN, 0)], 0],
    ['a busy distractor', [choice([busy, ...PLAIN.slice(1)], 2)], 0],
    ['a key whose clauses argue rather than act', [choice(['Wait by the till, because she may be browsing, since it is busy', ...PLAIN.slice(1)], 0)], 0],
  ])('per question: %s gives %i warnings', (_, questions, n) => {
    expect(findings(bank(questions), 'key-most-steps')).toHaveLength(n);
  });

  it('warns for the bank when the key has strictly the most steps in more than 35 % of questions', () => {
    const twoSteps = ['Greet the customer and offer help', ...PLAIN.slice(1)];
    const found = findings(bank([...repeat(2, () => choice(twoSteps, 0)), ...repeat(3, () => choice(PLAIN, 0))]), 'key-most-steps');
    expect(found.map((f) => f.path)).toEqual([['bank']]);
  });
});

describe('key-position', () => {
  it.each<[string, number[], number]>([
    ['keys always first', [0, 0, 0, 0, 0], 1],
    ['three of five at the same place (60 %)', [2, 2, 2, 0, 1], 1],
    ['two of five at one place (40 %)', [0, 0, 1, 2, 3], 0],
    ['every position used', [0, 1, 2, 3, 0, 1, 2, 3], 0],
  ])('%s', (_, keys, n) => {
    expect(findings(bank(keys.map((k) => choice(PLAIN, k))), 'key-position')).toHaveLength(n);
  });

  it('leaves rank questions out: their written order is the answer', () => {
    const rank: QuestionSpec = { type: 'rank', choices: PLAIN.map((text) => ({ text })) };
    expect(findings(bank(repeat(6, () => rank)), 'key-position')).toEqual([]);
  });
});

describe('multi-count', () => {
  const m = (n: number) => multi(repeat(5, (i) => i < n));
  it.each<[string, number[], number]>([
    ['two multi with the same count', [3, 3], 1],
    ['two multi with different counts', [1, 3], 0],
    ['four multi with two distinct counts', [2, 3, 2, 3], 1],
    ['four multi with three distinct counts', [1, 2, 3, 2], 0],
    ['a single multi', [3], 0],
  ])('%s gives %i warnings', (_, counts, n) => {
    expect(findings(bank(counts.map(m)), 'multi-count')).toHaveLength(n);
  });
});

describe('partial-credit', () => {
  const withPartials = (...scores: number[]): QuestionSpec => ({
    choices: [{ text: 'best answer', score: 1 }, ...scores.map((score, i) => ({ text: `part right ${i}`, score }))],
  });
  it.each<[string, QuestionSpec[], number]>([
    ['every partial score 0.5', [withPartials(0.5, 0.5), withPartials(0.5)], 1],
    ['partial scores judged per choice', [withPartials(0.5, 0.25), withPartials(0.7)], 0],
    ['only two partial scores', [withPartials(0.5, 0.5)], 0],
    ['no partial scores', [withPartials(0, 0)], 0],
  ])('%s gives %i warnings', (_, questions, n) => {
    expect(findings(bank(questions), 'partial-credit')).toHaveLength(n);
  });
});
