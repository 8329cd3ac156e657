// A learner's progress as numbers, from what the store returns: pure, so it is easy to test.
import type { Question } from './model.js';
import { reaches, roundScore } from './scoring.js';

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
  /** Cards of loaded questions due before the end of the learner's day (due now included). */
  due_today: number;
  /** Cards of loaded questions due at or before now. */
  due_now: number;
  /** Due cards of questions not loaded (retired, or in a folder not given with --content): no drill can ask them. */
  due_not_loaded: { now: number; today: number };
  /** The same two figures per bank, for the banks that have any due today. */
  due_by_bank: Record<string, { now: number; today: number }>;
  /** The coming reviews (not yet due) by the learner's date. */
  next_reviews: { date: string; count: number }[];
  sessions: { id: string; mode: string; started: string; finished: boolean; answered: number; questions: number; score: number | null }[];
  /** Scores over time, one list per mode (an exam is not a drill): the last scored sessions, oldest first. */
  trend: Record<string, TrendPoint[]>;
  breakdown: { industry: Record<string, number>; moment: Record<string, number>; stage: Record<string, number> };
  weakest: Weakness[];
  /** Questions answered that are no longer in any loaded bank. */
  retired: string[];
}

export interface TrendPoint {
  /** The learner's date the session started on (YYYY-MM-DD). */
  date: string;
  score: number;
  finished: boolean;
}

export interface ProgressInput {
  learner: string;
  answered: number;
  /** The learner's cards (every question answered at least once) with their due times. */
  cards: readonly CardDue[];
  now: Date;
  offset?: UtcOffset;
  sessions: readonly SessionFigures[];
  records: readonly QuestionRecord[];
  questions: ReadonlyMap<string, Question>;
  weakestLimit?: number;
  trendLimit?: number;
}

export function progressReport(input: ProgressInput): ProgressReport {
  const { records, questions, now } = input;
  const offset = input.offset ?? 0;
  const counted = records.reduce((sum, r) => sum + r.answered, 0);
  const total = records.reduce((sum, r) => sum + r.meanScore * r.answered, 0);
  // A retired question can no longer be drilled, so its card is not counted as due.
  const cards = cardsOf(input.cards, (id) => questions.has(id));
  const due = dueFigures(cards, now, offset);
  const sessions = input.sessions.map((s) => ({
    id: s.id,
    mode: s.mode,
    started: s.started,
    finished: s.finished,
    answered: s.answered,
    questions: s.planned,
    score: s.score === null ? null : round(s.score),
  }));
  return {
    learner: input.learner,
    answered: input.answered,
    mean_score: counted ? round(total / counted) : null,
    due_today: due.today,
    due_now: due.now,
    due_not_loaded: dueFigures(cardsOf(input.cards, (id) => !questions.has(id)), now, offset),
    due_by_bank: dueByBank(cards, questions, now, offset),
    next_reviews: nextReviews(cards, now, offset),
    sessions,
    trend: trends(sessions, offset, input.trendLimit ?? 30),
    breakdown: {
      industry: groupMeans(records, questions, 'industry'),
      moment: groupMeans(records, questions, 'moment'),
      stage: groupMeans(records, questions, 'stage'),
    },
    weakest: weakest(records, questions, input.weakestLimit ?? 8),
    retired: records.filter((r) => !questions.has(r.questionId)).map((r) => r.questionId),
  };
}

/** The order modes are listed in: the test first, then practice, then review. */
const MODE_ORDER = ['exam', 'train', 'drill'];

/** The scored sessions of each mode, the last `limit` of each, oldest first. */
export function trends(sessions: readonly { mode: string; started: string; finished: boolean; score: number | null }[], offset: UtcOffset = 0, limit = 30): Record<string, TrendPoint[]> {
  const byMode = new Map<string, TrendPoint[]>();
  for (const s of sessions) {
    if (s.score === null) continue;
    const points = byMode.get(s.mode) ?? [];
    points.push({ date: learnerDate(s.started, offset), score: s.score, finished: s.finished });
    byMode.set(s.mode, points);
  }
  const rank = (mode: string) => (MODE_ORDER.includes(mode) ? MODE_ORDER.indexOf(mode) : MODE_ORDER.length);
  return Object.fromEntries([...byMode].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1)).map(([mode, points]) => [mode, points.slice(-limit)]));
}

function dueByBank(cards: readonly CardDue[], questions: ReadonlyMap<string, Question>, now: Date, offset: UtcOffset): Record<string, DueFigures> {
  const byBank = new Map<string, CardDue[]>();
  for (const card of cards) {
    const bank = questions.get(card.questionId)?.bankId;
    if (bank === undefined || !isDueToday(card, now, offset)) continue;
    byBank.set(bank, [...(byBank.get(bank) ?? []), card]);
  }
  return Object.fromEntries([...byBank].sort(([a], [b]) => (a < b ? -1 : 1)).map(([bank, list]) => [bank, dueFigures(list, now, offset)]));
}

// One meaning of "due", for every command that counts or plans reviews (stats, drill):
//   due now    the card's due time is at or before now;
//   due today  the card's due time is before the end of the learner's day (so it includes due now).
// The learner's day runs from midnight to midnight at the learner's offset from UTC, so a learner
// in Sydney and one in London each see "today" as their own.

/** A card as the figures need it: which question, and when it is due (ISO 8601). */
export interface CardDue {
  questionId: string;
  due: string;
}

/** Minutes to add to UTC to get the learner's clock (UTC+10 is 600), as `-date.getTimezoneOffset()` gives. */
export type UtcOffset = number;

/** The learner's day around `now`: its first moment and the first moment of the next day. */
export function learnerDay(now: Date, offset: UtcOffset = 0): { start: Date; end: Date } {
  const local = new Date(now.getTime() + offset * 60_000);
  local.setUTCHours(0, 0, 0, 0);
  const start = new Date(local.getTime() - offset * 60_000);
  // A day is 24 hours here: the offset is taken at `now`, so a change of summer time shifts the end by an hour at most.
  return { start, end: new Date(start.getTime() + 24 * 60 * 60 * 1000) };
}

/** The last moment of the learner's day: cards due up to then are due today. */
export function endOfDay(now: Date, offset: UtcOffset = 0): Date {
  return new Date(learnerDay(now, offset).end.getTime() - 1);
}

/** The learner's calendar date of a moment, as YYYY-MM-DD. */
export function learnerDate(at: Date | string, offset: UtcOffset = 0): string {
  return new Date(new Date(at).getTime() + offset * 60_000).toISOString().slice(0, 10);
}

export function isDueNow(card: CardDue, now: Date): boolean {
  return timeOf(card.due) <= now.getTime();
}

export function isDueToday(card: CardDue, now: Date, offset: UtcOffset = 0): boolean {
  return timeOf(card.due) < learnerDay(now, offset).end.getTime();
}

/** A stored time as milliseconds; an engine may hand back a Date rather than the ISO string. */
function timeOf(at: string | Date): number {
  return new Date(at).getTime();
}

export interface DueFigures {
  /** Cards due at or before now. */
  now: number;
  /** Cards due before the end of the learner's day, those due now included. */
  today: number;
}

/** How many of `cards` are due now and today. */
export function dueFigures(cards: readonly CardDue[], now: Date, offset: UtcOffset = 0): DueFigures {
  let dueNow = 0;
  let dueToday = 0;
  for (const card of cards) {
    if (isDueNow(card, now)) dueNow++;
    if (isDueToday(card, now, offset)) dueToday++;
  }
  return { now: dueNow, today: dueToday };
}

/** The coming reviews: cards not yet due, counted by the learner's date they fall due on, soonest first. */
export function nextReviews(cards: readonly CardDue[], now: Date, offset: UtcOffset = 0, days = 5): { date: string; count: number }[] {
  const byDate = new Map<string, number>();
  for (const card of cards) {
    if (isDueNow(card, now)) continue;
    const date = learnerDate(card.due, offset);
    byDate.set(date, (byDate.get(date) ?? 0) + 1);
  }
  return [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(0, days)
    .map(([date, count]) => ({ date, count }));
}

/** The cards of the questions kept by `keep`: the scope a command counts (the loaded banks, a drill's filters). */
export function cardsOf(cards: readonly CardDue[], keep: (questionId: string) => boolean): CardDue[] {
  return cards.filter((c) => keep(c.questionId));
}

/** A sparkline of scores from 0 to 1: one cell per session. */
export function sparkline(scores: readonly number[], unicode: boolean): string {
  const cells = unicode ? '▁▂▃▄▅▆▇█' : '_.-~=+*#';
  return scores.map((s) => cells[Math.min(cells.length - 1, Math.floor(Math.max(0, Math.min(1, s)) * cells.length))]).join('');
}

/** Scores here round as everywhere else (scoring.roundScore). */
const round = roundScore;
