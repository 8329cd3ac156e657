// The few statistics the report needs, written out so that every figure can be checked by hand.
import { roundScore } from '../scoring.js';

/** Below this a variance counts as none: partial-credit scores such as 1/3 leave float dust. */
const NO_VARIANCE = 1e-12;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Pearson's r of paired values, or null when it is undefined: fewer than two pairs, or either
 * side without variance (everyone got it right, or every rest score is the same). Never NaN.
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx / n < NO_VARIANCE || syy / n < NO_VARIANCE) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  // Rounding can push a perfect correlation a hair past ±1.
  return Math.max(-1, Math.min(1, r));
}

/** The one rounding rule for scores and figures (scoring.roundScore), keeping null as null. */
export function round(value: number): number;
export function round(value: number | null): number | null;
export function round(value: number | null): number | null {
  return value === null ? null : roundScore(value);
}
