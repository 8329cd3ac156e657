// Whom a session is for when it names no bank and no industry. A new hire practises the scenario
// banks (retail, healthcare, hospitality, ...); the review bank, with its exam-theory questions,
// is in the industry `general` and is drawn from only when asked for (-b review, -i general).
import type { Bank } from './model.js';

/** The industry of the review bank (and of any other bank of theory rather than scenarios). */
export const REVIEW_INDUSTRY = 'general';

/**
 * The industries a session draws from when none and no bank is given: every one but `general`.
 * Undefined (draw from everything) when only `general` banks are loaded, so there is still something to ask.
 */
export function defaultIndustries(banks: readonly Pick<Bank, 'industry'>[]): string[] | undefined {
  const scenario = [...new Set(banks.map((b) => b.industry))].filter((i) => i !== REVIEW_INDUSTRY).sort();
  return scenario.length > 0 ? scenario : undefined;
}
