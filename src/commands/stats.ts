// `mot stats`: where a learner stands: sessions, scores over time, weak areas, what is due.
// This file gathers (content, the store) and prints; the figures come from core/progress.
import { clockFrom } from '../clock.js';
import { MOMENT_NAMES, type Question } from '../core/model.js';
import { endOfDay, progressReport, recentScores, sparkline, type ProgressReport } from '../core/progress.js';
import { colourLevel } from '../ui/paint.js';
import { makeOutput, type Output } from '../ui/output.js';
import { bar, padEnd, percent, wrap } from '../ui/text.js';
import { learnerName, loadContent, openScreen, openStore, questionIndex, type ContentOptions, type Screen } from './shared.js';

export interface StatsOptions extends ContentOptions {
  learner?: string;
  store?: string;
  json?: boolean;
}

export async function stats(options: StatsOptions, output: Output = makeOutput({ stdoutStyles: colourLevel(process.stdout) > 0 })): Promise<void> {
  const screen = await openScreen(false);
  const now = clockFrom()();
  const learner = learnerName(options.learner);
  const questions = questionIndex((await loadContent(options, screen)).banks);
  const store = await openStore(options.store);
  let report: ProgressReport;
  try {
    const [sessions, records, answered, dueToday] = await Promise.all([
      store.sessionSummaries(learner),
      store.questionStats(learner),
      store.answeredCount(learner),
      store.dueCount(learner, endOfDay(now).toISOString()),
    ]);
    report = progressReport({ learner, answered, dueToday, sessions, records, questions });
  } finally {
    await store.close();
  }
  if (options.json) output.json(report);
  else for (const line of progressText(report, questions, screen)) output.print(line);
  await flushed(output.stdout);
}

/**
 * Resolves once what was written has left the process: a pipe takes writes asynchronously, and
 * the entry point exits when the command returns, which would cut a long report at 64 KiB.
 */
function flushed(stream: { write(text: string, done?: () => void): unknown }): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write.length < 2) return resolve();
    try {
      stream.write('', () => resolve());
    } catch {
      resolve();
    }
  });
}

/** The report as lines for a person. */
export function progressText(report: ProgressReport, questions: ReadonlyMap<string, Question>, screen: Pick<Screen, 'paint' | 'width'>): string[] {
  const { paint, width } = screen;
  const lines = [paint.heading(`Progress of ${report.learner}`)];
  if (report.answered === 0) return [...lines, '\nNo answers yet. Start with `mot train`, then come back here.'];
  const finished = report.sessions.filter((s) => s.finished).length;
  lines.push(`\n  ${report.sessions.length} sessions (${finished} finished), ${report.answered} answers, mean score ${paint.bold(percent(report.mean_score ?? 0))}`);
  lines.push(
    `  ${report.due_today ? paint.accent(`${report.due_today} question${report.due_today === 1 ? '' : 's'} due for review today: \`mot drill\``) : 'Nothing is due for review today.'}`,
  );
  const scores = recentScores(report);
  if (scores)
    lines.push(`\n  Last ${scores.length} sessions  ${paint.accent(sparkline(scores, paint.unicode))}  ${paint.dim(`${percent(scores[0]!)} → ${percent(scores[scores.length - 1]!)}`)}`);
  const barWidth = Math.max(10, Math.min(30, width - 40));
  for (const [title, field] of [['By industry', 'industry'], ['By moment', 'moment'], ['By stage', 'stage']] as const) {
    const groups = Object.entries(report.breakdown[field]);
    if (groups.length === 0) continue;
    lines.push('\n' + paint.bold(title) + paint.dim('  (weakest first)'));
    for (const [key, score] of groups) {
      const label = field === 'moment' ? (MOMENT_NAMES[key as keyof typeof MOMENT_NAMES] ?? key) : key;
      const colour = score >= 0.8 ? paint.good : score >= 0.5 ? paint.partial : paint.bad;
      lines.push(`  ${padEnd(label, 15)} ${colour(bar(score, barWidth, paint.unicode))} ${percent(score)}`);
    }
  }
  if (report.weakest.length > 0) {
    lines.push('\n' + paint.bold('Weakest questions'));
    for (const q of report.weakest) {
      const prompt = questions.get(q.id)?.prompt;
      lines.push(`  ${q.id}  ${paint.dim(`mean ${percent(q.mean_score)} over ${q.answered} answer${q.answered === 1 ? '' : 's'}, last ${percent(q.last_score)}`)}`);
      lines.push(paint.dim(prompt ? wrap(prompt, width, '    ') : '    (retired: no longer in the banks)'));
    }
  }
  return lines;
}
