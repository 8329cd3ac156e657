// The scoring formulas of the bank format, exactly. A response is a list of choice indices in
// the order the choices are written in the bank (not the order they were shown).
import type { Question } from './model.js';

/** `choice`: the picked choice's score. */
export function scoreChoice(question: Question, picked: number): number {
  return question.choices[picked]?.score ?? 0;
}

/** `multi`: max(0, h/C - w/W), with the w/W term 0 when no choice is wrong. */
export function scoreMulti(question: Question, picked: readonly number[]): number {
  const correct = question.choices.filter((c) => c.correct === true).length;
  const wrong = question.choices.length - correct;
  const unique = [...new Set(picked)];
  const hits = unique.filter((i) => question.choices[i]?.correct === true).length;
  const misses = unique.length - hits;
  return Math.max(0, hits / correct - (wrong === 0 ? 0 : misses / wrong));
}

/**
 * `rank`: 1 - sum(|p(i) - i|) / floor(n*n/2), where the choices are written best first and
 * `order` lists them as the learner ranked them, best first. A fully reversed order scores 0.
 */
export function scoreRank(order: readonly number[]): number {
  const n = order.length;
  if (n < 2) return 1;
  let displacement = 0;
  order.forEach((choice, position) => {
    displacement += Math.abs(position - choice);
  });
  return 1 - displacement / Math.floor((n * n) / 2);
}

export function scoreResponse(question: Question, response: readonly number[]): number {
  switch (question.type) {
    case 'choice':
      return scoreChoice(question, response[0] ?? -1);
    case 'multi':
      return scoreMulti(question, response);
    case 'rank':
      return scoreRank(response);
  }
}

/** Float noise such as 0.30000000000000004 never reaches a learner or a JSON result. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

export type Verdict = 'right' | 'partly right' | 'wrong';

export function verdictFor(score: number): Verdict {
  if (score >= 1 - 1e-9) return 'right';
  if (score > 0) return 'partly right';
  return 'wrong';
}

/** The best response to a question, as written indices: what a perfect answer would be. */
export function bestResponse(question: Question): number[] {
  switch (question.type) {
    case 'choice': {
      const best = question.choices.findIndex((c) => c.score === 1);
      return [best];
    }
    case 'multi':
      return question.choices.flatMap((c, i) => (c.correct ? [i] : []));
    case 'rank':
      return question.choices.map((_, i) => i);
  }
}
