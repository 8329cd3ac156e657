// A session's result: the mean score, the breakdown, and whether it passed.
import { describe, expect, it } from 'vitest';
import type { Bank, Moment, Question, Stage } from '../../src/core/model.js';
import type { PlannedQuestion } from '../../src/core/selection.js';
import { buildResult, defaultPassMark, meanScore, type GivenAnswer, type ResultInput } from '../../src/core/session.js';

function question(bankId: string, localId: string, industry: string, moment?: Moment, stage?: Stage): Question {
  const q: Question = {
    id: `${bankId}/${localId}`,
    localId,
    bankId,
    industry,
    type: 'choice',
    tags: [],
    prompt: `${localId}?`,
    shuffle: true,
    choices: [
      { text: 'best', score: 1 },
      { text: 'half', score: 0.5 },
      { text: 'worst', score: 0 },
    ],
  };
  if (moment) q.moment = moment;
  if (stage) q.stage = stage;
  return q;
}

function answer(q: Question, score: number, order = [0, 1, 2], response = [0]): GivenAnswer {
  return { planned: { question: q, order }, response, score };
}

const greet = question('retail', 'greet', 'retail', 'first', 'first-contact');
const till = question('retail', 'till', 'retail', 'second', 'delivery');
const wait = question('clinic', 'wait', 'healthcare', 'second', 'delivery');
const call = question('clinic', 'call', 'healthcare', 'third');
const loose = question('hotel', 'loose', 'hospitality');

function input(answers: GivenAnswer[], passMark = 0.8): ResultInput {
  return { mode: 'exam', learner: 'sam', finished: true, total: answers.length, passMark, answers };
}

describe('buildResult', () => {
  const answers = [answer(greet, 1), answer(till, 0.5), answer(wait, 0), answer(call, 1), answer(loose, 0.25)];
  const result = buildResult(input(answers, 0.6));

  it('scores the session as the mean of its question scores', () => {
    expect(result.score).toBe((1 + 0.5 + 0 + 1 + 0.25) / 5);
  });

  it('breaks the score down by industry, moment and stage, as means', () => {
    expect(result.breakdown.industry).toEqual({ retail: 0.75, healthcare: 0.5, hospitality: 0.25 });
    expect(result.breakdown.moment).toEqual({ first: 1, second: 0.25, third: 1 });
    expect(result.breakdown.stage).toEqual({ 'first-contact': 1, delivery: 0.25 });
  });

  it('leaves questions without a moment or stage out of those groups', () => {
    expect(Object.keys(result.breakdown.moment)).not.toContain('undefined');
    expect(Object.keys(result.breakdown.stage)).not.toContain('undefined');
  });

  it.each([
    [0.55, true],
    [0.6, false],
    [0.8, false],
  ])('with a pass mark of %f, passes: %s (score 0.55)', (passMark, passed) => {
    const r = buildResult(input([answer(greet, 1), answer(till, 0.5), answer(wait, 0.15)], passMark));
    expect(r.score).toBe(0.55);
    expect(r.passed).toBe(passed);
    expect(r.pass_mark).toBe(passMark);
  });

  it('passes a score exactly on the pass mark, despite float noise', () => {
    // (0.7 + 0.9 + 0.8) / 3 is 0.7999999999999999 in floating point.
    expect(buildResult(input([answer(greet, 0.7), answer(till, 0.9), answer(wait, 0.8)], 0.8)).passed).toBe(true);
  });

  it('does not pass a session in which nothing was answered', () => {
    const r = buildResult({ ...input([], 0.5), finished: false, total: 4 });
    expect(r.score).toBe(0);
    expect(r.passed).toBe(false);
  });

  it('lists each answer by global id with the letters shown and the rounded score', () => {
    const shuffled = answer(greet, 2 / 3, [2, 0, 1], [0]);
    const r = buildResult(input([shuffled]));
    expect(r.answers).toEqual([{ id: 'retail/greet', type: 'choice', response: ['b'], score: 0.666667 }]);
  });

  it('keeps the session and seed when given, and leaves them out otherwise', () => {
    expect(buildResult({ ...input([answer(greet, 1)]), session: 's1', seed: 9 })).toMatchObject({ session: 's1', seed: 9 });
    const without = buildResult(input([answer(greet, 1)]));
    expect('session' in without).toBe(false);
    expect('seed' in without).toBe(false);
  });
});

describe('meanScore', () => {
  it('is 0 for no scores and rounds away float noise', () => {
    expect(meanScore([])).toBe(0);
    expect(meanScore([0.1, 0.2])).toBe(0.15);
    expect(meanScore([1, 0, 0])).toBe(0.333333);
  });
});

describe('defaultPassMark', () => {
  const bank = (id: string, passMark: number): Bank => ({ id, title: id, industry: 'retail', passMark, questions: [], file: `${id}.yaml` });
  const banks = [bank('retail', 0.7), bank('clinic', 0.9), bank('hotel', 0.6)];
  const plan = (...qs: Question[]): PlannedQuestion[] => qs.map((q) => ({ question: q, order: [0, 1, 2] }));

  it('is the highest pass mark among the banks the questions were drawn from', () => {
    expect(defaultPassMark(banks, plan(greet, loose))).toBe(0.7);
    expect(defaultPassMark(banks, plan(greet, wait, loose))).toBe(0.9);
  });

  it('ignores banks no question was drawn from', () => {
    expect(defaultPassMark(banks, plan(loose))).toBe(0.6);
  });

  it('is 0.8 for an empty plan', () => {
    expect(defaultPassMark(banks, [])).toBe(0.8);
  });
});
