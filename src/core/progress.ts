// A learner's progress as numbers, from what the store returns: pure, so it is easy to test.
import type { Question } from './model.js';
import { reaches } from './scoring.js';

export interface QuestionRecord {
  questionId: string;
  answered: number;
  meanScore: number;
  lastScore: number;
}

export interface Weakness {
  id: string;
  answered: number;
  mean_score: number;
  last_score: number;
  retired: boolean;
}

/** The answer-weighted mean score of each group (industry, moment or stage) of the questions answered. */
export function groupMeans(records: readonly QuestionRecord[], questions: ReadonlyMap<string, Question>, field: 'industry' | 'moment' | 'stage'): Record<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const r of records) {
    const key = questions.get(r.questionId)?.[field];
    if (!key) continue;
    const s = sums.get(key) ?? { total: 0, count: 0 };
    s.total += r.meanScore * r.answered;
    s.count += r.answered;
    sums.set(key, s);
  }
  return Object.fromEntries([...sums].sort(([, a], [, b]) => a.total / a.count - b.total / b.count).map(([k, s]) => [k, round(s.total / s.count)]));
}

/** The questions a learner does worst on: lowest mean first, then lowest last score. Retired ones are marked. */
export function weakest(records: readonly QuestionRecord[], questions: ReadonlyMap<string, Question>, limit = 5): Weakness[] {
  return records
    .filter((r) => !reaches(r.meanScore, 1))
    .sort((a, b) => a.meanScore - b.meanScore || a.lastScore - b.lastScore || b.answered - a.answered)
    .slice(0, limit)
    .map((r) => ({ id: r.questionId, answered: r.answered, mean_score: round(r.meanScore), last_score: round(r.lastScore), retired: !questions.has(r.questionId) }));
}

/** A sparkline of scores from 0 to 1: one cell per session. */
export function sparkline(scores: readonly number[], unicode: boolean): string {
  const cells = unicode ? '▁▂▃▄▅▆▇█' : '_.-~=+*#';
  return scores.map((s) => cells[Math.min(cells.length - 1, Math.floor(Math.max(0, Math.min(1, s)) * cells.length))]).join('');
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
