// `mot drill`: the learner's due cards, most overdue first, then new questions up to a daily limit.
import { clockFrom } from '../clock.js';
import { planQuestion, filterQuestions, type PlannedQuestion } from '../core/selection.js';
import { seededRandom, shuffled } from '../core/random.js';
import { defaultPassMark, type SessionResult } from '../core/session.js';
import { UsageError } from '../errors.js';
import { answererFor } from './practise.js';
import { runSession } from './run-session.js';
import { filtersFrom, learnerName, loadContent, noQuestions, openScreen, openStore, parseCount, parsePassMark, parseSeed, type SessionOptions } from './shared.js';

export interface DrillOptions extends SessionOptions {
  new?: string;
}

export const DEFAULT_NEW_PER_DAY = 10;
export const DEFAULT_DRILL_COUNT = 20;

export async function drill(options: DrillOptions): Promise<SessionResult | undefined> {
  const screen = await openScreen(options.json);
  const clock = clockFrom();
  const now = clock();
  const learner = learnerName(options.learner);
  const newPerDay = options.new === undefined ? DEFAULT_NEW_PER_DAY : Number(options.new);
  if (!Number.isInteger(newPerDay) || newPerDay < 0) throw new UsageError(`--new must be a whole number of at least 0, not "${options.new}".`);
  const loaded = await loadContent(options, screen);
  const filters = filtersFrom(options, loaded);
  const questions = filterQuestions(loaded.banks, filters);
  if (questions.length === 0) throw noQuestions(filters);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seed = parseSeed(options.seed);
  const shuffle = options.shuffle !== false;
  const random = seededRandom(seed);
  const count = parseCount(options.count, DEFAULT_DRILL_COUNT);

  const store = await openStore(options.store);
  try {
    const due = (await store.dueCards(learner, now.toISOString(), 100_000)).filter((c) => byId.has(c.questionId));
    const seen = await store.seenQuestions(learner);
    const startOfDay = new Date(now);
    startOfDay.setUTCHours(0, 0, 0, 0);
    const newLeft = Math.max(0, newPerDay - (await store.newSince(learner, startOfDay.toISOString())));
    const unseen = questions.filter((q) => !seen.has(q.id));
    const fresh = (shuffle ? shuffled(unseen, random) : unseen).slice(0, newLeft);
    const plan: PlannedQuestion[] = [...due.map((c) => byId.get(c.questionId)!), ...fresh]
      .slice(0, count)
      .map((q) => planQuestion(q, shuffle, random));

    if (plan.length === 0) {
      const next = await store.nextDue(learner, now.toISOString());
      screen.warn(
        unseen.length > 0
          ? `Nothing is due, and today's ${newPerDay} new questions are done. ${nextReviews(next)}`
          : `Nothing is due. ${nextReviews(next)}`,
      );
      if (options.json) process.stdout.write(JSON.stringify({ mode: 'drill', learner, finished: true, due: 0, answers: [] }, null, 2) + '\n');
      return undefined;
    }
    const dueCount = Math.min(due.length, plan.length);
    screen.write(screen.paint.dim(`Drill: ${dueCount} due for review, ${plan.length - dueCount} new.`));
    const passMark = parsePassMark(options.passMark) ?? defaultPassMark(loaded.banks, plan);
    const answerer = await answererFor(screen);
    const result = await runSession({ mode: 'drill', learner, seed, filters, plan, passMark }, { store, answerer, screen, clock, json: options.json === true });
    const after = clock().toISOString();
    const stillDue = await store.dueCount(learner, after);
    screen.write('\n' + (stillDue ? `${stillDue} more ${stillDue === 1 ? 'is' : 'are'} due now: run \`mot drill\` again. ` : '') + nextReviews(await store.nextDue(learner, after)));
    return result;
  } finally {
    await store.close();
  }
}

function nextReviews(next: { due: string; count: number }[]): string {
  if (next.length === 0) return 'No reviews are scheduled yet.';
  return 'Next reviews: ' + next.map((n) => `${n.count} on ${n.due}`).join(', ') + '.';
}
