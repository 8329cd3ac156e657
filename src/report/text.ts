// The report in the terminal: the item table with flags highlighted and a legend, the roll-ups,
// the distractors of flagged questions, and the learner roster. Strings from state.
import { MOMENT_NAMES, type Moment } from '../core/model.js';
import type { ReportDocument } from '../core/report/document.js';
import type { Flag, ItemRow } from '../core/report/items.js';
import type { RollupRow } from '../core/report/rollup.js';
import { ATTEMPTS_EXPLAINED, FLAG_MEANINGS, reportSay as say } from '../messages/report.js';
import type { Paint } from '../ui/paint.js';
import { bar, padEnd, wrap } from '../ui/text.js';

export interface TextLayout {
  paint: Paint;
  width: number;
}

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
const corr = (x: number | null) => (x === null ? '-' : x.toFixed(2));
const padStart = (text: string, width: number) => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

function flagPaint(flag: Flag, paint: Paint): (text: string) => string {
  if (flag === 'few-answers') return paint.dim;
  if (flag === 'negative-discrimination' || flag === 'too-hard') return paint.bad;
  return paint.partial;
}

/** The row, its flags wrapped under the flags column when they would pass the width. */
function flagLines(row: string, flags: readonly Flag[], width: number, paint: Paint): string[] {
  const lines: string[] = [];
  let line = row;
  let room = width - row.length;
  let first = true;
  for (const flag of flags) {
    if (!first && flag.length + 1 > room) {
      lines.push(line.trimEnd());
      line = ' '.repeat(row.length);
      room = width - row.length;
      first = true;
    }
    line += (first ? '' : ' ') + flagPaint(flag, paint)(flag);
    room -= flag.length + (first ? 0 : 1);
    first = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

function flagsText(flags: readonly Flag[], paint: Paint): string {
  return flags.map((f) => flagPaint(f, paint)(f)).join(' ');
}

export function renderItemsText(report: ReportDocument, { paint, width }: TextLayout): string {
  const lines = [paint.heading('Item analysis') + paint.dim(`  ${say.policy(report.attempts, report.modes)}`)];
  const learners = new Set(report.learners.map((l) => l.learner)).size;
  if (report.questions.length === 0) {
    lines.push('', say.noAnswers, paint.dim(say.noAnswersHint(report.modes)));
    return lines.join('\n');
  }
  lines.push(paint.dim(`${report.questions.length} questions answered · ${learners} learner${learners === 1 ? '' : 's'}`));
  const idWidth = Math.min(Math.max(8, ...report.questions.map((q) => q.id.length)), Math.max(20, width - 48));
  const head = `${padEnd('question', idWidth)}  ${padEnd('type', 10)} ${padStart('n', 5)} ${padStart('facil.', 6)} ${padStart('discr.', 6)}  flags`;
  lines.push('', paint.bold(head));
  for (const q of report.questions) {
    // An id too long for its column gets a line of its own, the figures under it: never cut.
    const long = q.id.length > idWidth;
    if (long) lines.push(q.id);
    const figures = `${padEnd(long ? '' : q.id, idWidth)}  ${padEnd(q.type, 10)} ${padStart(String(q.n), 5)} ${padStart(pct(q.facility), 6)} ${padStart(corr(q.discrimination), 6)}  `;
    lines.push(...flagLines(figures, q.flags, width, paint));
  }
  const flagged = report.questions.filter((q) => q.flags.some((f) => f !== 'few-answers'));
  if (flagged.length > 0) {
    lines.push('', paint.heading('Flagged questions: how the answers spread'));
    for (const q of flagged) lines.push(...renderChoices(q, { paint, width }));
  }
  for (const [title, key] of [['By bank', 'bank'], ['By moment', 'moment'], ['By stage', 'stage']] as const)
    lines.push(...renderRollup(title, report.rollups[key], key === 'moment', { paint, width }));
  if (report.unanswered.length) lines.push('', paint.dim(say.unanswered(report.unanswered.length)));
  if (report.retired.length) lines.push(paint.dim(say.retired(report.retired.length)));
  const used = new Set(report.questions.flatMap((q) => q.flags));
  if (used.size > 0) {
    lines.push('', paint.bold('Flags'));
    for (const flag of Object.keys(FLAG_MEANINGS) as Flag[])
      if (used.has(flag)) lines.push(wrap(`${flagPaint(flag, paint)(flag)}: ${FLAG_MEANINGS[flag]}`, width, '    ', '  '));
  }
  lines.push('', paint.dim(wrap(ATTEMPTS_EXPLAINED, width)));
  return lines.join('\n');
}

/** One question's choices with a bar each: written number, the key marked, picks and share. */
export function renderChoices(q: ItemRow, { paint, width }: TextLayout): string[] {
  const key = paint.unicode ? '✔' : '*';
  const lines = ['', paint.bold(q.id) + paint.dim(`  n ${q.n} · facility ${pct(q.facility)} · discrimination ${corr(q.discrimination)}  `) + flagsText(q.flags, paint)];
  const barWidth = 12;
  for (const c of q.choices) {
    const share = c.share ?? 0;
    const figure = c.worst === undefined ? `${padStart(String(c.picked), 4)} ${padStart(pct(c.share), 4)}` : `best ${c.picked}, worst ${c.worst}`;
    const mark = c.key ? paint.good(key) : ' ';
    const prefix = `  ${mark} ${padStart(String(c.written), 2)}. ${bar(share, barWidth, paint.unicode)} ${figure}  `;
    const text = c.text.length > width - 44 ? c.text.slice(0, Math.max(10, width - 45)) + '…' : c.text;
    const unused = !c.key && q.flags.includes('unused-choice') && share < 0.05;
    lines.push(prefix + (unused ? paint.partial(text) : text));
  }
  return lines;
}

function renderRollup(title: string, rows: readonly RollupRow[], moments: boolean, { paint }: TextLayout): string[] {
  if (rows.length === 0) return [];
  const label = (key: string) => (moments ? (MOMENT_NAMES[key as Moment] ?? key) : key);
  const w = Math.max(14, ...rows.map((r) => label(r.key).length));
  const lines = ['', paint.bold(title) + paint.dim('  questions answered, answers, facility, mean discrimination, flagged')];
  for (const r of rows) {
    const flagged = r.flagged ? paint.partial(`${r.flagged} flagged`) : paint.dim('none flagged');
    lines.push(`  ${padEnd(label(r.key), w)} ${padStart(`${r.answered}/${r.questions}`, 7)} ${padStart(String(r.n), 6)} ${padStart(pct(r.facility), 5)} ${padStart(corr(r.discrimination), 6)}  ${flagged}`);
  }
  return lines;
}

export function renderLearnersText(report: ReportDocument, { paint }: TextLayout): string {
  const lines = [paint.heading('Learners')];
  if (report.learners.length === 0) {
    lines.push('', say.noLearners);
    return lines.join('\n');
  }
  const w = Math.min(24, Math.max(7, ...report.learners.map((l) => l.learner.length)));
  lines.push('', paint.bold(`${padEnd('learner', w)} ${padStart('sessions', 8)} ${padStart('exams', 5)} ${padStart('passed', 6)} ${padStart('first', 5)} ${padStart('best', 5)} ${padStart('seen', 9)}  last activity`));
  for (const l of report.learners) {
    const name = l.learner.length > w ? l.learner.slice(0, w - 1) + '…' : l.learner;
    const passed = l.passed > 0 ? paint.good(padStart(String(l.passed), 6)) : padStart(String(l.passed), 6);
    lines.push(
      `${padEnd(name, w)} ${padStart(String(l.sessions), 8)} ${padStart(String(l.exams), 5)} ${passed} ${padStart(pct(l.first_score), 5)} ${padStart(pct(l.best_score), 5)} ${padStart(`${l.seen}/${l.of}`, 9)}  ${l.last_activity?.slice(0, 16).replace('T', ' ') ?? '-'}`,
    );
  }
  lines.push('', paint.dim('first: the score of the first exam; best: the best finished exam; seen: questions answered of the banks’ total.'));
  return lines.join('\n');
}
