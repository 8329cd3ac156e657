// Scores, verdicts and the one rounding rule. A response is a list of choice indices in the order
// the choices are written in the bank (not the order they were shown); each kind has its formula.
import { kindOf } from './kinds/index.js';
import type { Question } from './model.js';

/** Two scores this close are the same score: float noise never turns "right" into "partly right". */
export const SCORE_TOLERANCE = 1e-9;

export function scoreResponse(question: Question, response: readonly number[]): number {
  return kindOf(question).score(question, response);
}

/** The best response to a question, as written indices: what a perfect answer would be. */
export function bestResponse(question: Question): number[] {
  return kindOf(question).best(question);
}

/** Float noise such as 0.30000000000000004 never reaches a learner or a JSON result. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** Whether `score` reaches `mark` (a pass mark, or 1 for a perfect answer). */
export function reaches(score: number, mark: number): boolean {
  return score >= mark - SCORE_TOLERANCE;
}

export type Verdict = 'right' | 'partly right' | 'wrong';

export function verdictFor(score: number): Verdict {
  if (reaches(score, 1)) return 'right';
  if (score > SCORE_TOLERANCE) return 'partly right';
  return 'wrong';
}
