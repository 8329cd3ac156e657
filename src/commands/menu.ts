// `mot` alone at a terminal: a menu for people who would rather not learn the options first.
// It asks first who you are, because that decides what to practise: a new hire works through
// the scenario banks (encounters at a till, a ward, a front desk); an exam student revises the
// theory in the review bank, and for revision spaced repetition (drill) comes first.
import type { Bank } from '../core/model.js';
import { REVIEW_INDUSTRY } from '../core/scope.js';
import { byId, filterQuestions } from '../core/selection.js';
import { menuMessages as say } from '../messages/menu.js';
import { chooseOne, askCount } from '../ui/prompts.js';
import { drill } from './drill.js';
import { DEFAULT_COUNT, practise } from './practise.js';
import { resume } from './resume.js';
import { filtersFrom, learnerName, loadContent, openScreen, openStore, type SessionOptions } from './shared.js';
import { stats } from './stats.js';

type Who = 'new-hire' | 'student' | 'quit';
type Choice = 'train' | 'exam' | 'drill' | 'resume' | 'stats' | 'quit';
type Scope = { bank?: string[]; industry?: string[] };

export async function menu(options: SessionOptions): Promise<void> {
  const screen = await openScreen(false);
  const streams = { input: process.stdin, output: process.stdout };
  const { paint } = screen;
  const learner = learnerName(options.learner);
  const store = await openStore(options.store);
  let unfinished: number;
  try {
    unfinished = (await store.unfinishedSessions(learner)).length;
  } finally {
    await store.close();
  }
  screen.write(paint.heading('mot') + paint.dim(' · moments of truth trainer') + paint.dim(`   learner: ${learner}`));
  const who = await chooseOne<Who>(
    say.who,
    [
      { name: say.newHire, value: 'new-hire', description: say.newHireWhat },
      { name: say.student, value: 'student', description: say.studentWhat },
      { name: say.quit, value: 'quit', description: say.quitWhat },
    ],
    paint,
    streams,
  );
  if (who === 'quit') return;

  const train = { name: 'Train', value: 'train' as const, description: 'Practice with feedback after every answer.' };
  const exam = { name: 'Exam', value: 'exam' as const, description: 'A scored test: feedback and a review at the end.' };
  const drillChoice = { name: 'Drill', value: 'drill' as const, description: 'Review what is due (spaced repetition), then new questions.' };
  const modes: { name: string; value: Choice; description: string }[] =
    who === 'student' ? [drillChoice, train, exam] : [train, exam, drillChoice];
  modes.push({ name: 'My progress', value: 'stats', description: 'Scores over time, weak areas, what is due.' });
  if (unfinished > 0)
    modes.unshift({ name: `Resume my unfinished session`, value: 'resume', description: `${unfinished} unfinished; continue the newest where it stopped.` });
  modes.push({ name: say.quit, value: 'quit', description: say.quitWhat });
  const mode = await chooseOne('What would you like to do?', modes, paint, streams);
  if (mode === 'quit') return;
  if (mode === 'stats') return stats(options);
  if (mode === 'resume') {
    await resume(options);
    return;
  }
  const loaded = await loadContent(options, screen);
  const scopes = scopesFor(who, loaded.banks);
  let scope: Scope;
  if (scopes.length === 1) {
    scope = scopes[0]!.value;
    screen.write(paint.dim(say.drawingFrom(scopes[0]!.name)));
  } else scope = await chooseOne('Which questions?', scopes, paint, streams);
  const chosen = { ...options, ...scope };
  if (mode === 'drill') {
    await drill(chosen);
    return;
  }
  // The filters the session itself will use, so the count offered is what it can draw.
  const available = filterQuestions(loaded.banks, filtersFrom(chosen, loaded)).length;
  const count = await askCount(`How many questions? (1 to ${available})`, DEFAULT_COUNT[mode], available, paint, streams);
  await practise(mode, { ...chosen, count: String(count) });
}

/**
 * What each kind of learner may choose from. A new hire: all scenario banks, one industry or one
 * bank (never the review bank); an exam student: the review banks. An empty side falls back to everything.
 */
export function scopesFor(who: 'new-hire' | 'student', banks: readonly Bank[]): { name: string; value: Scope }[] {
  const review = who === 'student';
  const mine = [...banks].filter((b) => (b.industry === REVIEW_INDUSTRY) === review).sort(byId);
  if (mine.length === 0) return [{ name: say.everything, value: {} }];
  if (review)
    return mine.length === 1
      ? [{ name: `Bank: ${mine[0]!.title}`, value: { bank: [mine[0]!.id] } }]
      : [{ name: say.allReview, value: { industry: [REVIEW_INDUSTRY] } }, ...mine.map((b) => ({ name: `Bank: ${b.title}`, value: { bank: [b.id] } }))];
  const industries = [...new Set(mine.map((b) => b.industry))].sort();
  return [
    // No bank and no industry: the default session, which is the scenario banks.
    { name: say.allScenario, value: {} },
    ...industries.map((i) => ({ name: `Industry: ${i}`, value: { industry: [i] } })),
    ...mine.map((b) => ({ name: `Bank: ${b.title}`, value: { bank: [b.id] } })),
  ];
}
