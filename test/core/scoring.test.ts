// The scoring formulas of the bank format (docs: the spec's "Question types and scoring"), as tables.
import { describe, expect, it } from 'vitest';
import type { Choice, Question, QuestionType } from '../../src/core/model.js';
import {
  bestResponse,
  roundScore,
  scoreResponse,
  verdictFor,
} from '../../src/core/scoring.js';

function question(type: QuestionType, choices: Choice[]): Question {
  return { id: 'b/q', localId: 'q', bankId: 'b', industry: 'retail', type, tags: [], prompt: 'What do you do?', shuffle: true, choices };
}

const choiceQuestion = question('choice', [
  { text: 'Ignore them', score: 0 },
  { text: 'Greet them', score: 1 },
  { text: 'Call across the shop', score: 0.5 },
  { text: 'Nod', score: 0.25 },
]);

/** A multi question with `correct` right choices followed by `wrong` wrong ones. */
function multi(correct: number, wrong: number): Question {
  return question('multi', [
    ...Array.from({ length: correct }, (_, i) => ({ text: `right ${i}`, correct: true })),
    ...Array.from({ length: wrong }, (_, i) => ({ text: `wrong ${i}`, correct: false })),
  ]);
}

function rank(n: number): Question {
  return question('rank', Array.from({ length: n }, (_, i) => ({ text: `response ${i}` })));
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);
const reversed = (n: number) => identity(n).reverse();

describe('scoring a choice question', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 0.5],
    [3, 0.25],
  ])('gives choice %i its own score, %f', (picked, expected) => {
    expect(scoreResponse(choiceQuestion, [picked])).toBe(expected);
    expect(scoreResponse(choiceQuestion, [picked])).toBe(expected);
  });

  it('scores no pick, or a pick that is not a choice, as 0', () => {
    expect(scoreResponse(choiceQuestion, [])).toBe(0);
    expect(scoreResponse(choiceQuestion, [9])).toBe(0);
  });
});

describe('scoring a multi question as max(0, h/C - w/W)', () => {
  // [case, C correct choices, W wrong choices, picked (written indices), expected score]
  it.each<[string, number, number, number[], number]>([
    ['every right one and nothing else', 2, 2, [0, 1], 1],
    ['half of the right ones', 2, 2, [0], 0.5],
    ['one right and one wrong', 2, 2, [0, 2], 0],
    ['two of three right and one of three wrong', 3, 3, [0, 1, 3], 2 / 3 - 1 / 3],
    ['three of four right and one of four wrong', 4, 4, [0, 1, 2, 4], 0.75 - 0.25],
    ['every choice, right and wrong', 2, 2, [0, 1, 2, 3], 0],
    ['every choice, with one wrong among five', 4, 1, [0, 1, 2, 3, 4], 0],
    ['every choice, with three wrong among four', 1, 3, [0, 1, 2, 3], 0],
    ['nothing at all', 2, 2, [], 0],
    ['only wrong ones: the penalty is clamped to 0', 1, 3, [1, 2, 3], 0],
    ['one right and every wrong one: 1/2 - 1 is clamped to 0', 2, 2, [0, 2, 3], 0],
    ['with no wrong choices (W = 0), every right one', 3, 0, [0, 1, 2], 1],
    ['with no wrong choices (W = 0), one of three', 3, 0, [1], 1 / 3],
    ['with no wrong choices (W = 0), nothing', 2, 0, [], 0],
  ])('picking %s', (_case, correct, wrong, picked, expected) => {
    const q = multi(correct, wrong);
    expect(scoreResponse(q, picked)).toBeCloseTo(expected, 10);
    expect(scoreResponse(q, picked)).toBeCloseTo(expected, 10);
  });

  it('counts a choice picked twice once', () => {
    expect(scoreResponse(multi(2, 2), [0, 0])).toBe(0.5);
  });

  it('never scores below 0 or above 1', () => {
    for (let correct = 1; correct <= 4; correct++)
      for (let wrong = 0; wrong <= 4; wrong++)
        for (let mask = 0; mask < 1 << (correct + wrong); mask++) {
          const picked = identity(correct + wrong).filter((i) => mask & (1 << i));
          const score = scoreResponse(multi(correct, wrong), picked);
          expect(score, `C=${correct} W=${wrong} picked=${picked}`).toBeGreaterThanOrEqual(0);
          expect(score, `C=${correct} W=${wrong} picked=${picked}`).toBeLessThanOrEqual(1);
        }
  });
});

describe('scoring a rank question as 1 - sum|p(i) - i| / floor(n*n/2)', () => {
  it.each([2, 3, 4, 5, 6, 7, 8])('scores the expert order of %i choices 1', (n) => {
    expect(scoreResponse(rank(n), identity(n))).toBe(1);
  });

  it.each([2, 3, 4, 5, 6, 7, 8])('scores the fully reversed order of %i choices 0', (n) => {
    expect(scoreResponse(rank(n), reversed(n))).toBe(0);
  });

  // One adjacent swap moves two choices by one place each: the displacement is 2.
  it.each([
    [3, [1, 0, 2], 1 - 2 / 4],
    [4, [1, 0, 2, 3], 1 - 2 / 8],
    [4, [0, 1, 3, 2], 1 - 2 / 8],
    [5, [0, 2, 1, 3, 4], 1 - 2 / 12],
    [8, [0, 1, 2, 4, 3, 5, 6, 7], 1 - 2 / 32],
  ])('scores one adjacent swap among %i choices (%j) as %f', (n, order, expected) => {
    expect(order).toHaveLength(n);
    expect(scoreResponse(rank(order.length), order)).toBeCloseTo(expected, 10);
  });

  it.each([
    [4, [3, 1, 2, 0], 1 - 6 / 8],
    [4, [1, 2, 3, 0], 1 - 6 / 8],
    [5, [4, 1, 2, 3, 0], 1 - 8 / 12],
    [3, [2, 0, 1], 0],
  ])('scores the larger move in %i choices (%j) as %f', (_n, order, expected) => {
    expect(scoreResponse(rank(order.length), order)).toBeCloseTo(expected, 10);
  });

  it('gives a two-choice question only 1 (right order) or 0 (swapped)', () => {
    expect(scoreResponse(rank(2), [0, 1])).toBe(1);
    expect(scoreResponse(rank(2), [1, 0])).toBe(0);
  });

  it('never scores below 0 or above 1 for any order of up to 6 choices', () => {
    const permutations = (items: number[]): number[][] =>
      items.length <= 1 ? [items] : items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
    for (let n = 2; n <= 6; n++)
      for (const order of permutations(identity(n))) {
        const score = scoreResponse(rank(order.length), order);
        expect(score, `${order}`).toBeGreaterThanOrEqual(0);
        expect(score, `${order}`).toBeLessThanOrEqual(1);
      }
  });
});

describe('roundScore', () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [2 / 3, 0.666667],
    [1 / 3, 0.333333],
    [1 - 1e-12, 1],
    [0, 0],
    [0.5, 0.5],
  ])('rounds %f to %f', (score, expected) => {
    expect(roundScore(score)).toBe(expected);
  });
});

describe('verdictFor', () => {
  it.each([
    [1, 'right'],
    [1 - 1e-12, 'right'],
    [0.999, 'partly right'],
    [0.5, 'partly right'],
    [0.01, 'partly right'],
    [0, 'wrong'],
  ])('calls a score of %f %s', (score, verdict) => {
    expect(verdictFor(score)).toBe(verdict);
  });
});

describe('bestResponse', () => {
  it('is the choice that scores 1 for a choice question', () => {
    expect(bestResponse(choiceQuestion)).toEqual([1]);
  });

  it('is every correct choice, in written order, for a multi question', () => {
    const q = question('multi', [
      { text: 'a', correct: false },
      { text: 'b', correct: true },
      { text: 'c', correct: false },
      { text: 'd', correct: true },
    ]);
    expect(bestResponse(q)).toEqual([1, 3]);
  });

  it('is the written order for a rank question', () => {
    expect(bestResponse(rank(5))).toEqual([0, 1, 2, 3, 4]);
  });

  it.each<[QuestionType, Question]>([
    ['choice', choiceQuestion],
    ['multi', multi(3, 2)],
    ['rank', rank(6)],
  ])('scores 1 when given back as the answer to a %s question', (_type, q) => {
    expect(scoreResponse(q, bestResponse(q))).toBe(1);
  });
});
