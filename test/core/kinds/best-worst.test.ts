// The fourth question kind, best-worst, everywhere it shows: the file's rules, the formula,
// scripted answers and what the learner reads afterwards.
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src/core/answers.js';
import { KINDS } from '../../../src/core/kinds/index.js';
import type { Question } from '../../../src/core/model.js';
import { bestResponse, scoreResponse } from '../../../src/core/scoring.js';
import { checkBank } from '../../../src/core/validate.js';

const choices = [
  { text: 'Offer the quiet room', feedback: 'f' },
  { text: 'Ask what would help', best: true, feedback: 'f' },
  { text: 'Carry on with the queue', worst: true, feedback: 'f' },
  { text: 'Fetch the manager', feedback: 'f' },
];

const question: Question = {
  id: 'b/q',
  localId: 'q',
  bankId: 'b',
  industry: 'retail',
  type: 'best-worst',
  tags: [],
  prompt: 'Which response is most effective, and which least?',
  shuffle: true,
  choices,
};

function bank(questionChoices: unknown[]) {
  return { bank: 'b', title: 'B', industry: 'retail', questions: [{ id: 'q', type: 'best-worst', prompt: 'Which?', choices: questionChoices }] };
}

describe('a best-worst question in a bank file', () => {
  it('is accepted with one best and one worst choice', () => {
    const check = checkBank(bank(choices), 'b.yaml');
    expect(check.problems).toEqual([]);
    expect(check.bank!.questions[0]!.choices[1]).toMatchObject({ best: true });
    expect(check.bank!.questions[0]!.choices[2]).toMatchObject({ worst: true });
  });

  it.each([
    ['no best choice', choices.map(({ best: _b, ...c }) => c), 'no choice has "best: true"'],
    ['no worst choice', choices.map(({ worst: _w, ...c }) => c), 'no choice has "worst: true"'],
    ['two best choices', choices.map((c, i) => (i === 0 ? { ...c, best: true } : c)), 'both have "best: true"'],
    ['one choice both best and worst', [{ text: 'a', best: true, worst: true }, { text: 'b' }, { text: 'c' }], 'both best and worst'],
    ['only two choices', [{ text: 'a', best: true }, { text: 'b', worst: true }], 'needs 3 to 8 choices'],
    ['a score on a choice', choices.map((c, i) => (i === 0 ? { ...c, score: 1 } : c)), 'remove "score" here'],
    ['correct on a choice', choices.map((c, i) => (i === 0 ? { ...c, correct: true } : c)), 'remove "correct" here'],
  ])('is rejected with %s', (_case, bad, message) => {
    const check = checkBank(bank(bad), 'b.yaml');
    expect(check.bank).toBeUndefined();
    expect(check.problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('refuses best and worst on the choices of other kinds', () => {
    const check = checkBank(
      { bank: 'b', title: 'B', industry: 'retail', questions: [{ id: 'q', prompt: 'Which?', choices: [{ text: 'a', score: 1, best: true }, { text: 'b', score: 0 }] }] },
      'b.yaml',
    );
    expect(check.problems.map((p) => p.message).join('\n')).toContain('"best" belongs to best-worst questions');
  });
});

describe('scoring best-worst as 0.5 per right pick, 0 for a reversal', () => {
  // Written indices: 1 is best, 2 is worst, 0 and 3 are neither.
  it.each([
    [[1, 2], 1],
    [[1, 0], 0.5],
    [[0, 2], 0.5],
    [[3, 0], 0],
    [[2, 0], 0], // the worst named most effective
    [[0, 1], 0], // the best named least effective
    [[2, 1], 0],
    [[1, 3], 0.5],
  ])('scores %j as %f', (response, expected) => {
    expect(scoreResponse(question, response)).toBe(expected);
  });

  it('gives best then worst as the perfect response', () => {
    expect(bestResponse(question)).toEqual([1, 2]);
  });
});

describe('a scripted best-worst answer', () => {
  const planned = { question, order: [0, 1, 2, 3] };

  it('takes two letters, most effective first', () => {
    expect(parseAnswer('b,c', planned)).toEqual({ ok: true, positions: [1, 2] });
    expect(parseAnswer(' B , C ', planned)).toEqual({ ok: true, positions: [1, 2] });
  });

  it.each([['b'], ['a,b,c'], ['']])('refuses "%s", which is not two letters', (line) => {
    const parsed = parseAnswer(line, planned);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.why).toContain('two different letters');
  });

  it('refuses the same letter twice', () => {
    const parsed = parseAnswer('b,b', planned);
    expect(parsed).toEqual({ ok: false, why: '"b" is given twice' });
  });
});

describe('what a learner reads after a best-worst answer', () => {
  it('shows both picks with their marks and the expert pair when one is wrong', () => {
    const sections = KINDS['best-worst'].feedback(question, [1, 0]);
    expect(sections.map((s) => s.heading)).toEqual(['Your most effective', 'Your least effective', 'The expert view: most effective, then least effective']);
    expect(sections[0]!.items).toEqual([{ written: 1, mark: 'picked-right' }]);
    expect(sections[1]!.items).toEqual([{ written: 0, mark: 'picked-wrong' }]);
    expect(sections[2]!.items.map((i) => i.written)).toEqual([1, 2]);
  });

  it('reviews a miss in words, not letters', () => {
    expect(KINDS['best-worst'].review(question, [0, 2])).toEqual({
      yours: 'most: Offer the quiet room / least: Carry on with the queue',
      best: 'most: Ask what would help / least: Carry on with the queue',
    });
  });

  it('asks twice and never offers the first pick again as the least effective', async () => {
    const asked: { message: string; except: readonly number[] }[] = [];
    const kit = {
      pickOne: async (message: string, except: readonly number[] = []) => {
        asked.push({ message, except });
        return asked.length === 1 ? 3 : 0;
      },
      pickMany: async () => [],
      order: async () => [],
    };
    expect(await KINDS['best-worst'].ask(kit)).toEqual([3, 0]);
    expect(asked).toEqual([
      { message: 'The most effective response:', except: [] },
      { message: 'The least effective response:', except: [3] },
    ]);
  });
});
