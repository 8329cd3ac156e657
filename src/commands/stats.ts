// `mot stats`: where a learner stands: sessions, scores over time, weak areas, what is due.
import { clockFrom } from '../clock.js';
import { MOMENT_NAMES } from '../core/model.js';
import { groupMeans, sparkline, weakest } from '../core/progress.js';
import { bar, padEnd, percent, wrap } from '../ui/text.js';
import { learnerName, loadContent, openScreen, openStore, questionIndex, type ContentOptions } from './shared.js';

export interface StatsOptions extends ContentOptions {
  learner?: string;
  store?: string;
  json?: boolean;
}

export async function stats(options: StatsOptions): Promise<void> {
  const screen = await openScreen(false);
  const now = clockFrom()();
  const learner = learnerName(options.learner);
  const questions = questionIndex((await loadContent(options, screen)).banks);
  const store = await openStore(options.store);
  let report;
  try {
    const sessions = await store.sessionSummaries(learner);
    const records = await store.questionStats(learner);
    const answered = await store.answeredCount(learner);
    const endOfDay = new Date(now);
    endOfDay.setUTCHours(23, 59, 59, 999);
    const totalScore = records.reduce((sum, r) => sum + r.meanScore * r.answered, 0);
    report = {
      learner,
      answered,
      mean_score: answered ? Math.round((totalScore / answered) * 1e4) / 1e4 : null,
      due_today: await store.dueCount(learner, endOfDay.toISOString()),
      sessions: sessions.map((s) => ({
        id: s.id,
        mode: s.mode,
        started: s.started,
        finished: s.finished,
        answered: s.answered,
        questions: s.planned,
        score: s.score === null ? null : Math.round(s.score * 1e4) / 1e4,
      })),
      breakdown: {
        industry: groupMeans(records, questions, 'industry'),
        moment: groupMeans(records, questions, 'moment'),
        stage: groupMeans(records, questions, 'stage'),
      },
      weakest: weakest(records, questions, 8),
      retired: records.filter((r) => !questions.has(r.questionId)).map((r) => r.questionId),
    };
  } finally {
    await store.close();
  }
  if (options.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  const { paint, width } = screen;
  const w = (s: string) => screen.write(s);
  w(paint.heading(`Progress of ${learner}`));
  if (report.answered === 0) {
    w('\nNo answers yet. Start with `mot train`, then come back here.');
    return;
  }
  const finished = report.sessions.filter((s) => s.finished).length;
  w(`\n  ${report.sessions.length} sessions (${finished} finished), ${report.answered} answers, mean score ${paint.bold(percent(report.mean_score ?? 0))}`);
  w(`  ${report.due_today ? paint.accent(`${report.due_today} question${report.due_today === 1 ? '' : 's'} due for review today: \`mot drill\``) : 'Nothing is due for review today.'}`);
  const scored = report.sessions.filter((s) => s.score !== null).slice(-30);
  if (scored.length > 1)
    w(`\n  Last ${scored.length} sessions  ${paint.accent(sparkline(scored.map((s) => s.score!), paint.unicode))}  ${paint.dim(`${percent(scored[0]!.score!)} → ${percent(scored[scored.length - 1]!.score!)}`)}`);
  const barWidth = Math.max(10, Math.min(30, width - 40));
  for (const [title, field] of [['By industry', 'industry'], ['By moment', 'moment'], ['By stage', 'stage']] as const) {
    const groups = Object.entries(report.breakdown[field]);
    if (groups.length === 0) continue;
    w('\n' + paint.bold(title) + paint.dim('  (weakest first)'));
    for (const [key, score] of groups) {
      const label = field === 'moment' ? MOMENT_NAMES[key as keyof typeof MOMENT_NAMES] ?? key : key;
      const colour = score >= 0.8 ? paint.good : score >= 0.5 ? paint.partial : paint.bad;
      w(`  ${padEnd(label, 15)} ${colour(bar(score, barWidth, paint.unicode))} ${percent(score)}`);
    }
  }
  if (report.weakest.length > 0) {
    w('\n' + paint.bold('Weakest questions'));
    for (const q of report.weakest) {
      const prompt = questions.get(q.id)?.prompt;
      w(`  ${q.id}  ${paint.dim(`mean ${percent(q.mean_score)} over ${q.answered} answer${q.answered === 1 ? '' : 's'}, last ${percent(q.last_score)}`)}`);
      w(paint.dim(prompt ? wrap(prompt, width, '    ') : '    (retired: no longer in the banks)'));
    }
  }
}
