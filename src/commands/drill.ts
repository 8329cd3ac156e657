// `mot drill`: the learner's due cards, most overdue first, then new questions up to a daily limit.
// This file gathers (banks, filters, the store) and prints; what is asked and every figure come
// from core/drill-plan.
import { clockFrom } from '../clock.js';
import { drillClosing, planDrill, startOfDrillDay } from '../core/drill-plan.js';
import { filterQuestions } from '../core/selection.js';
import { defaultPassMark, type SessionResult } from '../core/session.js';
import { UsageError } from '../errors.js';
import { progressMessages as say } from '../messages/progress.js';
import type { ProgressStore } from '../store/progress-store.js';
import { wrap } from '../ui/text.js';
import { answererFor } from './practise.js';
import { runSession } from './run-session.js';
import { titlesOf, filtersFrom, learnerName, loadContent, noQuestions, openScreen, openStore, parseCount, parsePassMark, parseSeed, questionIndex, type SessionOptions } from './shared.js';

export interface DrillOptions extends SessionOptions {
  new?: string;
}

export const DEFAULT_NEW_PER_DAY = 10;
export const DEFAULT_DRILL_COUNT = 20;

/** Later than any card can be due (FSRS caps intervals at a year): asking for cards due by then reads them all. */
const EVERY_CARD = '9999-12-31T23:59:59.999Z';

export async function drill(options: DrillOptions): Promise<SessionResult | undefined> {
  const screen = await openScreen(options.json);
  const clock = clockFrom();
  const now = clock();
  // The learner's day is the one of this machine's time zone (TZ).
  const offset = -now.getTimezoneOffset();
  const learner = learnerName(options.learner);
  const newPerDay = options.new === undefined ? DEFAULT_NEW_PER_DAY : Number(options.new);
  if (!Number.isInteger(newPerDay) || newPerDay < 0) throw new UsageError(`--new must be a whole number of at least 0, not "${options.new}".`);
  const loaded = await loadContent(options, screen);
  const filters = filtersFrom(options, loaded);
  const questions = filterQuestions(loaded.banks, filters);
  if (questions.length === 0) throw noQuestions(filters);
  const index = questionIndex(loaded.banks);
  const seed = parseSeed(options.seed);
  const count = parseCount(options.count, DEFAULT_DRILL_COUNT);

  const store = await openStore(options.store);
  try {
    const drill = planDrill({
      questions,
      loaded: index,
      cards: await cardsOf(store, learner),
      seen: await store.seenQuestions(learner),
      newPerDay,
      newToday: await store.newSince(learner, startOfDrillDay(now, offset).toISOString()),
      count,
      now,
      offset,
      seed,
      shuffle: options.shuffle !== false,
    });
    const { plan } = drill;
    const elsewhere = say.elsewhere(drill.elsewhere);

    if (plan.length === 0) {
      screen.warn(wrap([say.nothingDue(newPerDay, drill.unseen > 0), drill.due.today > 0 ? say.due(drill.due) : '', say.nextReviews(drill.next), elsewhere].filter(Boolean).join(' '), screen.width));
      if (options.json)
        screen.json({ mode: 'drill', learner, finished: true, due: 0, due_now: drill.due.now, due_today: drill.due.today, next_reviews: drill.next, answers: [] });
      return undefined;
    }
    screen.write(screen.paint.dim(wrap(say.drillStart(drill.reviews, drill.fresh, drill.due.now) + ' ' + say.due(drill.due), screen.width)));
    const passMark = parsePassMark(options.passMark) ?? defaultPassMark(loaded.banks, plan);
    const answerer = await answererFor(screen);
    const result = await runSession({ mode: 'drill', learner, seed, filters, plan, passMark, bankTitles: titlesOf(loaded.banks) }, { store, answerer, screen, clock, json: options.json === true });
    const after = drillClosing({ questions, loaded: index, cards: await cardsOf(store, learner), now: clock(), offset });
    const closing = [say.due(after.due), after.due.now > 0 ? say.again : '', say.nextReviews(after.next), say.elsewhere(after.elsewhere)];
    screen.write('\n' + wrap(closing.filter(Boolean).join(' '), screen.width));
    return result;
  } finally {
    await store.close();
  }
}

/** The learner's cards with their due times: the store's due list read up to the end of time. */
function cardsOf(store: ProgressStore, learner: string) {
  return store.dueCards(learner, EVERY_CARD, 10_000_000);
}
