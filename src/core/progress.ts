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

/** A session as the store sums it up. */
export interface SessionFigures {
  id: string;
  mode: string;
  started: string;
  finished: boolean;
  answered: number;
  planned: number;
  score: number | null;
}

/** What `mot stats` reports (its JSON, field for field), computed from what the store returns. */
export interface ProgressReport {
  learner: string;
  answered: number;
  mean_score: number | null;
  due_today: number;
  sessions: { id: string; mode: string; started: string; finished: boolean; answered: number; questions: number; score: number | null }[];
  breakdown: { industry: Record<string, number>; moment: Record<string, number>; stage: Record<string, number> };
  weakest: Weakness[];
  /** Questions answered that are no longer in any loaded bank. */
  retired: string[];
}

export interface ProgressInput {
  learner: string;
  answered: number;
  dueToday: number;
  sessions: readonly SessionFigures[];
  records: readonly QuestionRecord[];
  questions: ReadonlyMap<string, Question>;
  weakestLimit?: number;
}

export function progressReport(input: ProgressInput): ProgressReport {
  const { records, questions } = input;
  const counted = records.reduce((sum, r) => sum + r.answered, 0);
  const total = records.reduce((sum, r) => sum + r.meanScore * r.answered, 0);
  return {
    learner: input.learner,
    answered: input.answered,
    mean_score: counted ? round(total / counted) : null,
    due_today: input.dueToday,
    sessions: input.sessions.map((s) => ({
      id: s.id,
      mode: s.mode,
      started: s.started,
      finished: s.finished,
      answered: s.answered,
      questions: s.planned,
      score: s.score === null ? null : round(s.score),
    })),
    breakdown: {
      industry: groupMeans(records, questions, 'industry'),
      moment: groupMeans(records, questions, 'moment'),
      stage: groupMeans(records, questions, 'stage'),
    },
    weakest: weakest(records, questions, input.weakestLimit ?? 8),
    retired: records.filter((r) => !questions.has(r.questionId)).map((r) => r.questionId),
  };
}

/** The last moment of `now`'s day in UTC: "due today" counts cards due up to then. */
export function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setUTCHours(23, 59, 59, 999);
  return end;
}

/** The scores of the last `limit` scored sessions, oldest first; undefined when there are fewer than two to compare. */
export function recentScores(report: Pick<ProgressReport, 'sessions'>, limit = 30): number[] | undefined {
  const scores = report.sessions.flatMap((s) => (s.score === null ? [] : [s.score])).slice(-limit);
  return scores.length > 1 ? scores : undefined;
}

/** A sparkline of scores from 0 to 1: one cell per session. */
export function sparkline(scores: readonly number[], unicode: boolean): string {
  const cells = unicode ? '▁▂▃▄▅▆▇█' : '_.-~=+*#';
  return scores.map((s) => cells[Math.min(cells.length - 1, Math.floor(Math.max(0, Math.min(1, s)) * cells.length))]).join('');
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
