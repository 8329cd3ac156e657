// `mot` alone at a terminal: a menu for people who would rather not learn the options first.
import { byId, filterQuestions } from '../core/selection.js';
import { chooseOne, askCount } from '../ui/prompts.js';
import { drill } from './drill.js';
import { DEFAULT_COUNT, practise } from './practise.js';
import { resume } from './resume.js';
import { learnerName, loadContent, openScreen, openStore, type SessionOptions } from './shared.js';
import { stats } from './stats.js';

type Choice = 'train' | 'exam' | 'drill' | 'resume' | 'stats';

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
  const modes: { name: string; value: Choice; description: string }[] = [
    { name: 'Train', value: 'train', description: 'Practice with feedback after every answer.' },
    { name: 'Exam', value: 'exam', description: 'A scored test: feedback and a review at the end.' },
    { name: 'Drill', value: 'drill', description: 'Review what is due (spaced repetition), then new questions.' },
    { name: 'My progress', value: 'stats', description: 'Scores over time, weak areas, what is due.' },
  ];
  if (unfinished > 0)
    modes.unshift({ name: `Resume my unfinished session`, value: 'resume', description: `${unfinished} unfinished; continue the newest where it stopped.` });
  const mode = await chooseOne('What would you like to do?', modes, paint, streams);
  if (mode === 'stats') return stats(options);
  if (mode === 'resume') {
    await resume(options);
    return;
  }
  const loaded = await loadContent(options, screen);
  const industries = [...new Set(loaded.banks.map((b) => b.industry))].sort();
  const scopes: { name: string; value: { bank?: string[]; industry?: string[] } }[] = [
    { name: 'Everything', value: {} },
    ...industries.map((i) => ({ name: `Industry: ${i}`, value: { industry: [i] } })),
    ...[...loaded.banks].sort(byId).map((b) => ({ name: `Bank: ${b.title}`, value: { bank: [b.id] } })),
  ];
  const scope = await chooseOne('Which questions?', scopes, paint, streams);
  const chosen = { ...options, ...scope };
  if (mode === 'drill') {
    await drill(chosen);
    return;
  }
  const available = filterQuestions(loaded.banks, { ...(scope.bank ? { banks: scope.bank } : {}), ...(scope.industry ? { industries: scope.industry } : {}) }).length;
  const count = await askCount(`How many questions? (1 to ${available})`, DEFAULT_COUNT[mode], available, paint, streams);
  await practise(mode, { ...chosen, count: String(count) });
}
