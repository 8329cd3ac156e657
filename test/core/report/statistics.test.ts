import { describe, expect, it } from 'vitest';
import { mean, pearson, round } from '../../../src/core/report/statistics.js';

describe('pearson', () => {
  it.each([
    ['a perfect positive relation', [1, 1, 0, 0], [1, 1, 0, 0], 1],
    ['a perfect negative relation', [1, 1, 0, 0], [0, 0, 1, 1], -1],
    ['no relation', [1, 1, 0, 0], [1, 0, 1, 0], 0],
    // dx = ±0.5, dy = (0.25, 0.25, 0.25, -0.75): sxy = 0.5, sxx = 1, syy = 0.75, r = 1/√3
    ['a partial relation, by hand', [1, 1, 0, 0], [1, 1, 1, 0], 1 / Math.sqrt(3)],
    ['ties on both sides', [1, 1, 1, 0, 0, 0], [1, 1, 0, 1, 0, 0], 1 / 3],
  ])('gives %s', (_name, xs, ys, r) => {
    expect(pearson(xs, ys)).toBeCloseTo(r, 12);
  });

  it.each([
    ['everyone scored the same', [1, 1, 1, 1], [1, 0.5, 0, 1]],
    ['the rest scores are all the same', [1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]],
    ['there is one pair only', [1], [0]],
    ['there are no pairs', [], []],
    ['partial scores that are equal up to float dust', [1 / 3, 1 / 3, 1 / 3], [0, 1, 0.5]],
  ])('is null, never NaN, when %s', (_name, xs, ys) => {
    expect(pearson(xs, ys)).toBeNull();
  });
});

describe('mean and round', () => {
  it('gives null for no values and the mean otherwise', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 0, 0.5])).toBe(0.5);
  });
  it('rounds away float noise to six decimals', () => {
    expect(round(0.1 + 0.2)).toBe(0.3);
    expect(round(null)).toBeNull();
  });
});
