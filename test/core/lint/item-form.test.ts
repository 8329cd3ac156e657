// all-or-none, negative-prompt, no-feedback, no-explanation: how one question is written.
import { describe, expect, it } from 'vitest';
import { unemphasisedNegative } from '../../../src/core/lint/rules/item-form.js';
import { bank, choice, findings, PLAIN, question } from './build.js';

describe('all-or-none', () => {
  it.each([
    ['All of the above', 1],
    ['None of these', 1],
    ['Both of the above', 1],
    ['Call all of the staff over', 0],
    ['None of it matters to her', 0],
  ])('"%s" as a choice: %i warnings', (text, n) => {
    expect(findings(bank([choice([text, 'Greet her'], 1)]), 'all-or-none')).toHaveLength(n);
  });
});

describe('negative-prompt', () => {
  it.each([
    ['Which of these is not a moment of truth?', 'not'],
    ['All of these help except which one?', 'except'],
    ['Which of these is NOT a moment of truth?', undefined],
    ['Which of these is *not* a moment of truth?', undefined],
    ['Which of these is **not** a moment of truth?', undefined],
    ['What do you do first?', undefined],
    ['Which notion comes first?', undefined],
    ['The room is not ready. What do you do?', undefined],
    ['What do you offer the guest whose room is not ready?', undefined],
    ['Which reply shows "not my problem" thinking?', undefined],
    ['What can an NPS figure on its own not tell managers?', 'not'],
  ])('"%s" → %s', (prompt, word) => {
    expect(unemphasisedNegative(prompt)).toBe(word);
    expect(findings(bank([choice(PLAIN, 0, { prompt })]), 'negative-prompt')).toHaveLength(word ? 1 : 0);
  });
});

describe('no-feedback', () => {
  it('warns at each choice without feedback', () => {
    const q = { choices: [{ text: 'a', score: 1 }, { text: 'b', score: 0, feedback: 'Why b.' }, { text: 'c', score: 0 }] };
    const b = bank([]);
    b.questions = [question(q)];
    for (const c of b.questions[0]!.choices) if (c.text !== 'b') delete c.feedback;
    expect(findings(b, 'no-feedback').map((f) => f.path)).toEqual([
      ['questions', 0, 'choices', 0],
      ['questions', 0, 'choices', 2],
    ]);
  });

  it('passes when every choice has feedback', () => {
    expect(findings(bank([choice(PLAIN, 0)]), 'no-feedback')).toEqual([]);
  });
});

describe('no-explanation', () => {
  it('warns at a question without explanation, and passes one with it', () => {
    const b = bank([choice(PLAIN, 0), choice(PLAIN, 1)]);
    delete b.questions[1]!.explanation;
    expect(findings(b, 'no-explanation').map((f) => f.path)).toEqual([['questions', 1, 'id']]);
  });
});
