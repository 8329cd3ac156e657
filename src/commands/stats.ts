// `mot stats`: where a learner stands: sessions, scores over time, weak areas, what is due.
// This file gathers (content, the store) and prints; the figures come from core/progress.
import { clockFrom } from '../clock.js';
import { MOMENT_NAMES, type Question } from '../core/model.js';
import { progressReport, sparkline, type DueFigures, type ProgressReport } from '../core/progress.js';
import { REVIEW_INDUSTRY } from '../core/scope.js';
import { progressMessages as say } from '../messages/progress.js';
import { colourLevel } from '../ui/paint.js';
import { makeOutput, type Output } from '../ui/output.js';
import { bar, displayWidth, fitLines, padEnd, percent, wrap } from '../ui/text.js';
import { learnerName, loadContent, openScreen, openStore, questionIndex, type ContentOptions, type Screen } from './shared.js';
import { commandName } from '../invocation.js';
import { stdout } from '../ui/stdio.js';

/** How the learner started mot, so that every hint is a command they can type as it is. */
const MOT = commandName();

export interface StatsOptions extends ContentOptions {
  learner?: string;
  store?: string;
  json?: boolean;
}

export async function stats(options: StatsOptions, output: Output = makeOutput({ stdoutStyles: colourLevel(stdout()) > 0 })): Promise<void> {
  const screen = await openScreen(false);
  const now = clockFrom()();
  const learner = learnerName(options.learner);
  const questions = questionIndex((await loadContent(options, screen)).banks);
  const store = await openStore(options.store);
  let report: ProgressReport;
  try {
    const [sessions, records, answered, cards] = await Promise.all([
      store.sessionSummaries(learner),
      store.questionStats(learner),
      store.answeredCount(learner),
      // Every card with its due time (due by the end of time): the figures are counted in the core.
      store.dueCards(learner, '9999-12-31T23:59:59.999Z', 10_000_000),
    ]);
    // The learner's day is the one of this machine's time zone (TZ), as in `mot drill`.
    report = progressReport({ learner, answered, cards, now, offset: -now.getTimezoneOffset(), sessions, records, questions });
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

/** The report as lines for a person, each within the screen's width (a long one wraps under itself). */
export function progressText(report: ProgressReport, questions: ReadonlyMap<string, Question>, screen: Pick<Screen, 'paint' | 'width'>): string[] {
  return progressLines(report, questions, screen).map((line) => fitLines(line, screen.width));
}

function progressLines(report: ProgressReport, questions: ReadonlyMap<string, Question>, screen: Pick<Screen, 'paint' | 'width'>): string[] {
  const { paint, width } = screen;
  const lines = [paint.heading(`Progress of ${report.learner}`)];
  if (report.answered === 0) return [...lines, `\nNo answers yet. Start with \`${MOT} train\`, then come back here.`];
  const finished = report.sessions.filter((s) => s.finished).length;
  lines.push(`\n  ${report.sessions.length} sessions (${finished} finished), ${report.answered} answers, mean score ${paint.bold(percent(report.mean_score ?? 0))}`);
  lines.push(`  ${dueText(report, questions, paint)}`);
  if (report.next_reviews.length > 0) lines.push(`  ${paint.dim(say.nextReviews(report.next_reviews))}`);
  lines.push(...trendText(report, paint, width));
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

/** Due now and today, in the words of `mot drill`, with the drill that takes them (the review bank is not in the default one). */
function dueText(report: ProgressReport, questions: ReadonlyMap<string, Question>, paint: Screen['paint']): string {
  const due: DueFigures = { now: report.due_now, today: report.due_today };
  const notLoaded = report.due_not_loaded.today > 0 ? ' ' + say.dueNotLoaded(report.due_not_loaded.today) : '';
  if (due.today === 0) return say.due(due) + notLoaded;
  const industryOf = new Map([...questions.values()].map((q) => [q.bankId, q.industry]));
  const review = Object.entries(report.due_by_bank).filter(([bank]) => industryOf.get(bank) === REVIEW_INDUSTRY);
  const inReview = review.reduce((sum, [, figures]) => sum + figures.today, 0);
  return paint.accent(say.due(due)) + ' ' + say.drillFor(due.today - inReview, review.map(([bank, figures]) => ({ bank, today: figures.today }))) + notLoaded;
}

/** Scores over time, one line per mode, each with the dates it spans. */
function trendText(report: ProgressReport, paint: Screen['paint'], width: number): string[] {
  const modes = Object.entries(report.trend);
  if (modes.length === 0) return [];
  const lines = ['\n' + paint.bold('Scores over time') + paint.dim('  (each mode apart, oldest first)')];
  for (const [mode, points] of modes) {
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const span = points.length === 1 ? `${first.date} ${percent(first.score)}` : `${first.date} ${percent(first.score)} → ${last.date} ${percent(last.score)}`;
    const line = `  ${padEnd(mode, 6)} ${paint.accent(sparkline(points.map((p) => p.score), paint.unicode))}`;
    const dates = paint.dim(`${span}  (${say.sessions(points.length)})`);
    // The dates go under the sparkline, whole, when both do not fit on one line.
    if (displayWidth(`${line}  ${dates}`) <= width) lines.push(`${line}  ${dates}`);
    else lines.push(line, `  ${' '.repeat(7)}${dates}`);
  }
  return lines;
}
