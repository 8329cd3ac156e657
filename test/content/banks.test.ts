// The built-in banks are what learners learn from: this fails the build if their coverage or
// quality markers regress.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadBanks, type LoadedBanks } from '../../src/banks/load-banks.js';
import { MOMENTS, STAGES, type Bank, type Question } from '../../src/core/model.js';
import { ROOT } from '../helpers/run-mot.js';

let loaded: LoadedBanks;
const bank = (id: string): Bank => {
  const found = loaded.banks.find((b) => b.id === id);
  if (!found) throw new Error(`the built-in bank ${id} is missing`);
  return found;
};
const count = (questions: Question[], test: (q: Question) => boolean) => questions.filter(test).length;

beforeAll(async () => {
  loaded = await loadBanks([join(ROOT, 'content')], undefined);
});

describe('the built-in banks', () => {
  it('all load without a single problem or warning', () => {
    expect(loaded.files.flatMap((f) => f.problems.map((p) => `${p.file}:${p.line}: ${p.message}`))).toEqual([]);
    expect(loaded.banks.map((b) => b.id).sort()).toEqual(['healthcare', 'hospitality', 'retail', 'review']);
  });

  describe.each(['retail', 'healthcare', 'hospitality'])('the %s bank', (id) => {
    it('has at least 40 questions, 6 of them multi, 5 rank and some best-worst', () => {
      const { questions, industry } = bank(id);
      expect(industry).toBe(id);
      expect(questions.length).toBeGreaterThanOrEqual(40);
      expect(count(questions, (q) => q.type === 'multi')).toBeGreaterThanOrEqual(6);
      expect(count(questions, (q) => q.type === 'rank')).toBeGreaterThanOrEqual(5);
      expect(count(questions, (q) => q.type === 'best-worst')).toBeGreaterThanOrEqual(1);
    });

    it('varies what a test-wise reader could lean on: the number correct in multi, the written place of the key, partial credit', () => {
      const { questions } = bank(id);
      const multiCounts = new Set(questions.filter((q) => q.type === 'multi').map((q) => q.choices.filter((c) => c.correct).length));
      expect(multiCounts.size).toBeGreaterThanOrEqual(3);
      const keyPlaces = questions.filter((q) => q.type === 'choice').map((q) => q.choices.findIndex((c) => c.score === 1));
      const most = Math.max(...[0, 1, 2, 3, 4, 5, 6, 7].map((p) => keyPlaces.filter((k) => k === p).length));
      expect(most / keyPlaces.length).toBeLessThanOrEqual(0.4);
      const partial = new Set(questions.flatMap((q) => q.choices.map((c) => c.score).filter((s) => s !== undefined && s > 0 && s < 1)));
      expect(partial.size).toBeGreaterThanOrEqual(3);
    });

    it('covers every stage at least 5 times', () => {
      for (const stage of STAGES) expect(count(bank(id).questions, (q) => q.stage === stage), stage).toBeGreaterThanOrEqual(5);
    });

    it('covers every moment: first and second 6 times, third 4, zero 2', () => {
      const minimum = { zero: 2, first: 6, second: 6, third: 4 };
      for (const moment of MOMENTS) expect(count(bank(id).questions, (q) => q.moment === moment), moment).toBeGreaterThanOrEqual(minimum[moment]);
    });
  });

  it('include a review bank of at least 90 general exam questions, 6 of them multi and 3 rank', () => {
    const review = bank('review');
    expect(review.industry).toBe('general');
    expect(review.questions.length).toBeGreaterThanOrEqual(90);
    expect(count(review.questions, (q) => q.type === 'multi')).toBeGreaterThanOrEqual(6);
    expect(count(review.questions, (q) => q.type === 'rank')).toBeGreaterThanOrEqual(3);
  });

  it('give feedback on every choice and an explanation on every question', () => {
    const missing = loaded.banks.flatMap((b) =>
      b.questions.flatMap((q) => [
        ...(q.explanation ? [] : [`${q.id}: no explanation`]),
        ...q.choices.flatMap((c, i) => (c.feedback ? [] : [`${q.id}: choice ${i + 1} has no feedback`])),
      ]),
    );
    expect(missing).toEqual([]);
  });

  it('never ask the same prompt twice, in any bank', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const q of loaded.banks.flatMap((b) => b.questions)) {
      const key = q.prompt.trim().toLowerCase().replace(/\s+/g, ' ');
      const first = seen.get(key);
      if (first) duplicates.push(`${q.id} repeats ${first}: "${q.prompt}"`);
      else seen.set(key, q.id);
    }
    expect(duplicates).toEqual([]);
  });

  it.each(['retail', 'healthcare', 'hospitality', 'review'])(
    'do not give the answer away by length in %s: the best choice is the longest in at most 40% of choice questions',
    (id) => {
      const choiceQuestions = bank(id).questions.filter((q) => q.type === 'choice');
      const longestIsBest = choiceQuestions.filter((q) => {
        const longest = Math.max(...q.choices.map((c) => c.text.length));
        const best = q.choices.find((c) => c.score === 1)!;
        return best.text.length === longest && q.choices.filter((c) => c.text.length === longest).length === 1;
      });
      expect(longestIsBest.length / choiceQuestions.length).toBeLessThanOrEqual(0.4);
    },
  );

  it('write every scenario of the industry banks in the second person', () => {
    const notSecondPerson = loaded.banks
      .filter((b) => b.industry !== 'general')
      .flatMap((b) => b.questions)
      .filter((q) => q.scenario && !/\byou(r)?\b/i.test(q.scenario))
      .map((q) => q.id);
    expect(notSecondPerson).toEqual([]);
  });
});
