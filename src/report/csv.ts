// The report as CSV (RFC 4180 quoting, LF line ends: the output boundary drops CR), one table per file: what spreadsheets and HR systems import.
import type { ReportDocument } from '../core/report/document.js';
import { MAX_CHOICES } from '../core/model.js';

type Cell = string | number | boolean | null | undefined;

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with
 * an apostrophe; numbers stay numbers.
 */
function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function table(head: readonly string[], rows: readonly Cell[][]): string {
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** One row per question; picks and shares of choices 1 to 8 in written order. */
export function itemsCsv(report: ReportDocument): string {
  const choiceHead = Array.from({ length: MAX_CHOICES }, (_, i) => [`picked_${i + 1}`, `share_${i + 1}`]).flat();
  return table(
    ['question', 'bank', 'type', 'moment', 'stage', 'n', 'facility', 'discrimination', 'flags', ...choiceHead],
    report.questions.map((q) => [
      q.id,
      q.bank,
      q.type,
      q.moment,
      q.stage,
      q.n,
      q.facility,
      q.discrimination,
      q.flags.join(' '),
      ...Array.from({ length: MAX_CHOICES }, (_, i) => [q.choices[i]?.picked, q.choices[i]?.share]).flat(),
    ]),
  );
}

/**
 * What an HR system imports: one row per learner and bank, with the best finished exam (a
 * passed one if any): learner, bank, finished date, score, passed; then the roster's figures.
 */
export function learnersCsv(report: ReportDocument): string {
  return table(
    ['learner', 'bank', 'finished', 'score', 'passed', 'exams', 'exams_passed', 'first_score', 'best_score', 'seen', 'of', 'last_activity'],
    report.learners.flatMap((l) =>
      l.banks.map((b) => [l.learner, b.bank, b.finished, b.score, b.pass, b.exams, b.passed, b.first_score, b.best_score, b.seen, b.of, l.last_activity]),
    ),
  );
}
