// What a drill asks, from values only: the questions in scope (after the filters), the learner's
// cards, how many new questions today still allows, the clock and the seed. The command gathers
// these from the banks and the store; this file decides, so table tests can pin every case.
//
// The order: cards due now, most overdue first (ties by question id), then questions never
// answered, up to the day's allowance of new ones, then cut to `count`. Every figure the drill
// prints (due now, due today, next reviews, what is left elsewhere) is counted here with the
// same definitions `mot stats` uses (core/progress.ts), over the drill's own questions.
import type { Question } from './model.js';
import { cardsOf, dueFigures, isDueNow, learnerDay, nextReviews, type CardDue, type DueFigures, type UtcOffset } from './progress.js';
import { seededRandom, shuffled } from './random.js';
import { planQuestion, type PlannedQuestion } from './selection.js';

export interface DrillInput {
  /** The questions the filters leave, in written order (banks by id). */
  questions: readonly Question[];
  /** Every loaded question, by id: to say what is due outside the filters. */
  loaded: ReadonlyMap<string, Question>;
  /** The learner's cards, due times included (one per question answered at least once). */
  cards: readonly CardDue[];
  /** Questions the learner has answered before (in any session). */
  seen: ReadonlySet<string>;
  /** New questions a day at most (--new). */
  newPerDay: number;
  /** New questions already begun since the start of the learner's day. */
  newToday: number;
  /** How many questions at most (--count). */
  count: number;
  now: Date;
  offset?: UtcOffset;
  seed: number;
  shuffle: boolean;
}

export interface DrillPlan {
  /** The questions to ask, in order, with the order of their choices. */
  plan: PlannedQuestion[];
  /** Of the plan: how many are reviews of due cards, how many are new. */
  reviews: number;
  fresh: number;
  /** The drill's questions due now and today (the words and numbers of `mot stats`). */
  due: DueFigures;
  /** Due now but beyond --count: still due after this drill. */
  leftOver: number;
  /** New questions today still allows, and how many never-answered questions are in scope. */
  newLeft: number;
  unseen: number;
  /** Loaded questions outside the filters that are due now, by bank id (the drill leaves them for another run). */
  elsewhere: Record<string, number>;
  /** The drill's coming reviews, not yet due, by the learner's date. */
  next: { date: string; count: number }[];
}

export function planDrill(input: DrillInput): DrillPlan {
  const { questions, now } = input;
  const offset = input.offset ?? 0;
  const random = seededRandom(input.seed);
  const inScope = new Map(questions.map((q) => [q.id, q]));
  const cards = cardsOf(input.cards, (id) => inScope.has(id));
  const dueNow = cards
    .filter((c) => isDueNow(c, now))
    .sort((a, b) => new Date(a.due).getTime() - new Date(b.due).getTime() || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  const newLeft = Math.max(0, input.newPerDay - input.newToday);
  // A question with a card has been answered, whatever `seen` says: it is never new, so never asked twice.
  const carded = new Set(cards.map((c) => c.questionId));
  const unseen = questions.filter((q) => !input.seen.has(q.id) && !carded.has(q.id));
  // The unseen are shuffled before the choices, as before: a given seed keeps giving the same drill.
  const fresh = (input.shuffle ? shuffled(unseen, random) : unseen).slice(0, newLeft);
  const picked = [...dueNow.map((c) => inScope.get(c.questionId)!), ...fresh].slice(0, Math.max(0, input.count));
  const reviews = Math.min(dueNow.length, picked.length);
  return {
    plan: picked.map((q) => planQuestion(q, input.shuffle, random)),
    reviews,
    fresh: picked.length - reviews,
    due: dueFigures(cards, now, offset),
    leftOver: dueNow.length - reviews,
    newLeft,
    unseen: unseen.length,
    elsewhere: dueElsewhere(input.cards, input.loaded, inScope, now),
    next: nextReviews(cards, now, offset),
  };
}

/** What a drill says when it ends: from the cards as the store holds them after the session. */
export interface DrillClosing {
  due: DueFigures;
  elsewhere: Record<string, number>;
  next: { date: string; count: number }[];
}

/**
 * The figures after a drill, over the same questions. A question asked twice (missed, then asked
 * again) is one card, so it counts once; it was just reviewed, so it is due on a later day.
 */
export function drillClosing(input: Pick<DrillInput, 'questions' | 'loaded' | 'cards' | 'now' | 'offset'>): DrillClosing {
  const offset = input.offset ?? 0;
  const inScope = new Map(input.questions.map((q) => [q.id, q]));
  const cards = cardsOf(input.cards, (id) => inScope.has(id));
  return { due: dueFigures(cards, input.now, offset), elsewhere: dueElsewhere(input.cards, input.loaded, inScope, input.now), next: nextReviews(cards, input.now, offset) };
}

/** The start of the learner's day: new questions are counted from then. */
export function startOfDrillDay(now: Date, offset: UtcOffset = 0): Date {
  return learnerDay(now, offset).start;
}

function dueElsewhere(cards: readonly CardDue[], loaded: ReadonlyMap<string, Question>, inScope: ReadonlyMap<string, Question>, now: Date): Record<string, number> {
  const byBank = new Map<string, number>();
  for (const card of cards) {
    const question = loaded.get(card.questionId);
    if (!question || inScope.has(card.questionId) || !isDueNow(card, now)) continue;
    byBank.set(question.bankId, (byBank.get(question.bankId) ?? 0) + 1);
  }
  return Object.fromEntries([...byBank].sort(([a], [b]) => (a < b ? -1 : 1)));
}
