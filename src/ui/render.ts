// What a learner or a trainer reads, as strings computed from state. The terminal adapter only
// writes them; tests read them directly.
import { letter } from '../core/answers.js';
import { MOMENT_NAMES, MOMENT_PHRASES, MOMENTS, STAGES, type Question } from '../core/model.js';
import type { LocatedProblem } from '../core/problems.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { Mark } from '../core/kinds/kind.js';
import { kindOf } from '../core/kinds/index.js';
import { reaches, verdictFor } from '../core/scoring.js';
import type { PlannedQuestion } from '../core/selection.js';
import type { GivenAnswer, SessionResult } from '../core/session.js';
import type { Paint } from './paint.js';
import { bar, padEnd, percent, wrap } from './text.js';

export interface Layout {
  paint: Paint;
  width: number;
}

export function describeQuestion(question: Question): string {
  const parts: string[] = [question.industry];
  if (question.moment) parts.push(MOMENT_PHRASES[question.moment]);
  if (question.stage) parts.push(question.stage);
  return parts.join(' · ');
}

/** The header, scenario and prompt shown before a question is answered. */
export function renderQuestion(planned: PlannedQuestion, index: number, total: number, { paint, width }: Layout): string {
  const q = planned.question;
  const dot = paint.unicode ? '·' : '-';
  const lines = [
    '',
    paint.heading(`Question ${index + 1} of ${total}`) + paint.dim(`  ${describeQuestion(q).replaceAll('·', dot)}`),
  ];
  if (q.scenario) lines.push('', wrap(q.scenario, width));
  lines.push('', paint.bold(wrap(q.prompt, width)));
  const hint = kindOf(q).hint(q);
  if (hint) lines.push(paint.dim(hint));
  return lines.join('\n');
}

/** The choices with their letters, for a session without prompts (scripted, or a plain terminal). */
export function renderChoices(planned: PlannedQuestion, { width }: Layout): string {
  return planned.order
    .map((written, position) => wrap(planned.question.choices[written]!.text, width, '     ', `  ${letter(position)}) `))
    .join('\n');
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

export function choiceLabel(planned: PlannedQuestion, written: number): string {
  return `${letter(planned.order.indexOf(written))}) ${planned.question.choices[written]!.text}`;
}

export function verdictLine(score: number, { paint }: Layout): string {
  const verdict = verdictFor(score);
  const marks = paint.unicode ? { right: '✔', 'partly right': '◐', wrong: '✘' } : { right: '+', 'partly right': '~', wrong: 'x' };
  const colour = verdict === 'right' ? paint.good : verdict === 'partly right' ? paint.partial : paint.bad;
  const word = verdict[0]!.toUpperCase() + verdict.slice(1);
  return colour(paint.bold(`${marks[verdict]} ${word}`)) + paint.dim(` (score ${percent(score)})`);
}

/** What training shows after each answer: verdict, feedback on the choice(s), best answer, explanation. */
export function renderFeedback(answer: GivenAnswer, layout: Layout): string {
  const { paint, width } = layout;
  const { planned, response } = answer;
  const q = planned.question;
  const lines = ['', verdictLine(answer.score, layout)];
  // One choice with its feedback: "  ✔ b) text", continuation lines and feedback aligned under the text.
  const item = (mark: string, written: number, note = '') => {
    const prefix = `  ${mark ? `${mark} ` : ''}${letter(planned.order.indexOf(written))}) `;
    const hang = ' '.repeat(visibleLength(prefix));
    // The note goes after the last line, so the text leaves room for it.
    lines.push(wrap(q.choices[written]!.text, width - visibleLength(note), hang, prefix) + note);
    const fb = q.choices[written]!.feedback;
    if (fb) lines.push(paint.dim(wrap(fb, width, hang)));
  };
  for (const section of kindOf(q).feedback(q, response)) {
    const legend = section.legend
      ? paint.dim(`  (${markFor('picked-right', paint)} right pick  ${markFor('picked-wrong', paint)} wrong pick  ${markFor('missed', paint)} missed)`)
      : '';
    lines.push('', paint.bold(section.heading) + legend);
    const items = section.inShownOrder
      ? [...section.items].sort((a, b) => planned.order.indexOf(a.written) - planned.order.indexOf(b.written))
      : section.items;
    for (const it of items) {
      const mark = it.rank !== undefined ? `${it.rank}.` : it.mark ? markFor(it.mark, paint) : '';
      const note = it.note ? (it.noteIsGood ? paint.good(`  ${it.note}`) : paint.partial(`  ${it.note}`)) : '';
      item(mark, it.written, note);
    }
  }
  if (q.explanation) lines.push('', paint.bold('Why'), wrap(q.explanation, width, '  '));
  return lines.join('\n');
}

/** The sign before a choice in the feedback. A wrong pick never carries the mark of a right one. */
function markFor(mark: Mark, paint: Paint): string {
  switch (mark) {
    case 'picked-right':
      return paint.good(paint.unicode ? '✔' : '+');
    case 'picked-wrong':
      return paint.bad(paint.unicode ? '✘' : 'x');
    case 'missed':
      return paint.partial(paint.unicode ? '○' : 'o');
    case 'none':
      return ' ';
    default:
      return unreachable(mark);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}

/** The end of a session: score, pass or fail, the breakdown and a review of every miss. */
export function renderSummary(result: SessionResult, answers: readonly GivenAnswer[], layout: Layout): string {
  const { paint, width } = layout;
  const lines = ['', paint.heading('Result')];
  const answered = answers.length;
  if (answered === 0) {
    lines.push('', 'No question was answered, so there is no score.');
    return lines.join('\n');
  }
  const verdict = result.passed
    ? paint.good(paint.bold(paint.unicode ? '✔ Passed' : 'PASSED'))
    : paint.bad(paint.bold(paint.unicode ? '✘ Not passed' : 'NOT PASSED'));
  const of = result.finished ? `${answered} questions` : `${answered} of ${result.total} questions (unfinished)`;
  lines.push(
    '',
    `  Score ${paint.bold(percent(result.score))} on ${of}   ${verdict}` + paint.dim(`  (pass mark ${percent(result.pass_mark)})`),
  );
  const right = answers.filter((a) => verdictFor(a.score) === 'right').length;
  const partly = answers.filter((a) => verdictFor(a.score) === 'partly right').length;
  lines.push(paint.dim(`  ${right} right, ${partly} partly right, ${answered - right - partly} wrong`));
  lines.push(...renderBreakdown(result, answers, layout));
  const misses = answers.filter((a) => !reaches(a.score, 1));
  if (misses.length > 0) {
    lines.push('', paint.heading(`Review of ${misses.length} ${misses.length === 1 ? 'miss' : 'misses'}`));
    for (const miss of misses) lines.push(...renderMiss(miss, layout));
  } else lines.push('', paint.good('Every answer was the best one.'));
  return lines.join('\n');
}

function renderBreakdown(result: SessionResult, answers: readonly GivenAnswer[], { paint, width }: Layout): string[] {
  const count = (field: 'industry' | 'moment' | 'stage', key: string) =>
    answers.filter((a) => a.planned.question[field] === key).length;
  const groups: [string, 'industry' | 'moment' | 'stage', Record<string, number>][] = [
    ['By moment', 'moment', result.breakdown.moment],
    ['By stage', 'stage', result.breakdown.stage],
    ['By industry', 'industry', result.breakdown.industry],
  ];
  const label = (field: string, key: string) => (field === 'moment' ? MOMENT_NAMES[key as keyof typeof MOMENT_NAMES] ?? key : key);
  const labelWidth = 15;
  const barWidth = Math.max(10, Math.min(30, width - labelWidth - 20));
  const lines: string[] = [];
  for (const [title, field, scores] of groups) {
    const canonical: readonly string[] = field === 'moment' ? MOMENTS : field === 'stage' ? STAGES : [];
    const keys = Object.keys(scores).sort((a, b) => canonical.indexOf(a) - canonical.indexOf(b) || (a < b ? -1 : 1));
    if (keys.length === 0) continue;
    lines.push('', paint.bold(title));
    for (const key of keys) {
      const score = scores[key]!;
      const colour = score >= result.pass_mark ? paint.good : score >= 0.5 ? paint.partial : paint.bad;
      const n = count(field, key);
      lines.push(
        `  ${padEnd(label(field, key), labelWidth)} ${colour(bar(score, barWidth, paint.unicode))} ${padEnd(percent(score), 4)}` +
          paint.dim(`  ${n} question${n === 1 ? '' : 's'}`),
      );
    }
  }
  return lines;
}

function renderMiss(answer: GivenAnswer, { paint, width }: Layout): string[] {
  const { planned, response } = answer;
  const q = planned.question;
  const lines = ['', paint.bold(wrap(q.prompt, width, '  ', `${paint.unicode ? '•' : '*'} `)), paint.dim(`  ${q.id} · scored ${percent(answer.score)}`)];
  const { yours, best } = kindOf(q).review(q, response);
  lines.push(wrap(`You: ${yours}`, width, '    ', '  '));
  lines.push(paint.good(wrap(`Best: ${best}`, width, '    ', '  ')));
  if (q.explanation) lines.push(paint.dim(wrap(q.explanation, width, '  ')));
  return lines;
}

/** Validation problems as `file:line:col: message`, with the offending line when asked for. */
export function renderProblems(problems: readonly LocatedProblem[], { paint }: Layout, codeFrame: boolean): string {
  return problems
    .map((p) => {
      const where = `${p.file}:${p.line}:${p.col}`;
      const kind = p.severity === 'warning' ? paint.partial('warning') : paint.bad('error');
      let text = `${paint.bold(where)}: ${kind}: ${sanitizeLine(p.message)}`;
      if (codeFrame && p.source !== undefined) {
        const gutter = String(p.line);
        const source = sanitizeLine(p.source.replace(/\t/g, ' '));
        text += `\n${paint.dim(` ${gutter} | `)}${source}\n${' '.repeat(gutter.length + 4)}${' '.repeat(Math.max(0, p.col - 1))}${paint.bad('^')}`;
      }
      return text;
    })
    .join('\n');
}
