// Moodle accepts only a fixed list of answer fractions (its question/format code rejects others
// on import); a mot score that is not on the list moves to the nearest one.

export const MOODLE_FRACTIONS = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0,
].flatMap((f) => (f === 0 ? [0] : [f, -f]));

/** Within this (in percent), a score and a fraction are the same: Moodle keeps 7 digits. */
const SAME = 1e-3;

/** The nearest fraction Moodle accepts to `percent`, and whether the value had to move. */
export function nearestFraction(percent: number): { fraction: number; moved: boolean } {
  let best = 0;
  for (const f of MOODLE_FRACTIONS) if (Math.abs(f - percent) < Math.abs(best - percent)) best = f;
  return { fraction: best, moved: Math.abs(best - percent) > SAME };
}

/** As Moodle writes fractions: at most 7 decimals, no trailing zeros. */
export function fractionText(fraction: number): string {
  return String(Math.round(fraction * 1e5) / 1e5);
}
