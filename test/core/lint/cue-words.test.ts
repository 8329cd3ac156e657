// cue-justification, cue-absolute, cue-warmth: a word class that marks keys or distractors
// beyond chance (two-proportion z test, at least four occurrences), and the test itself.
import { describe, expect, it } from 'vitest';
import { twoProportionZ } from '../../../src/core/lint/stats.js';
import type { LintCode } from '../../../src/core/lint/codes.js';
import { bank, choice, findings, PLAIN, repeat } from './build.js';

/** `n` questions whose key carries `word` in the first `inKeys`, and whose first distractor carries it in the first `inOthers`. */
function withWord(word: string, n: number, inKeys: number, inOthers: number) {
  return bank(
    repeat(n, (i) => {
      const texts = [...PLAIN];
      if (i < inKeys) texts[0] = `${texts[0]} ${word}`;
      if (i < inOthers) texts[1] = `${texts[1]} ${word}`;
      return choice(texts, 0);
    }),
  );
}

describe('the two-proportion z test', () => {
  it.each([
    [5, 10, 5, 10, 0],
    [10, 20, 0, 60, 5.86],
    [0, 20, 10, 60, -1.95],
  ])('%i/%i against %i/%i gives z = %f', (x1, n1, x2, n2, z) => {
    expect(twoProportionZ(x1, n1, x2, n2)).toBeCloseTo(z, 1);
  });

  it('is 0 when there is no variance', () => {
    expect(twoProportionZ(0, 10, 0, 30)).toBe(0);
  });
});

describe.each<[LintCode, string]>([
  ['cue-justification', 'because it is policy'],
  ['cue-absolute', 'always'],
  ['cue-warmth', 'and apologise'],
])('%s', (code, word) => {
  it('warns when the words are in keys only', () => {
    const found = findings(withWord(word, 10, 6, 0), code);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('they mark the key');
  });

  it('warns when the words are in distractors only', () => {
    const found = findings(withWord(word, 20, 0, 12), code);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('they mark the wrong answers');
  });

  it('passes when keys and distractors carry them alike', () => {
    expect(findings(withWord(word, 12, 4, 6), code)).toEqual([]);
  });

  it('passes below the minimum count, whatever the split', () => {
    expect(findings(withWord(word, 10, 3, 0), code)).toEqual([]);
  });
});
