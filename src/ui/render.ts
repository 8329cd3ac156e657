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
import { banksMessages } from '../messages/banks.js';
import { sessionMessages as say } from '../messages/session.js';
import type { Paint } from './paint.js';
import { bar, displayWidth, fitLine, padEnd, percent, truncate, wrap } from './text.js';

export interface Layout {
  paint: Paint;
  width: number;
}

/** What a question is about (moment, stage, tags): shown only once it is answered, as it may hint at the answer. */
export function describeQuestion(question: Question, dot = '·'): string {
  return say.questionDetails(
    { ...(question.moment ? { moment: MOMENT_PHRASES[question.moment] } : {}), ...(question.stage ? { stage: question.stage } : {}), tags: question.tags },
    dot,
  );
}

/**
 * The header, scenario and prompt shown before a question is answered. The header names the
 * question's place and its bank (`bank`: its title; the bank's id when not given), nothing that
 * could give the answer away.
 */
export function renderQuestion(planned: PlannedQuestion, index: number, total: number, { paint, width }: Layout, bank?: string): string {
  const q = planned.question;
  const header = paint.heading(say.questionNumber(index + 1, total)) + paint.dim(` ${dotOf(paint)} ${bank ?? q.bankId}`);
  const lines = ['', fitLine(header, width)];
  if (q.scenario) lines.push('', wrap(q.scenario, width));
  lines.push('', paint.bold(wrap(q.prompt, width)));
  const hint = kindOf(q).hint(q);
  if (hint) lines.push(paint.dim(wrap(hint, width)));
  return lines.join('\n');
}

const dotOf = (paint: Paint) => (paint.unicode ? '·' : '-');

/** The choices with their letters, for a session without prompts (scripted, or a plain terminal). */
export function renderChoices(planned: PlannedQuestion, { width }: Layout): string {
  return planned.order
    .map((written, position) => wrap(planned.question.choices[written]!.text, width, '     ', `  ${letter(position)}) `))
    .join('\n');
}

export function choiceLabel(planned: PlannedQuestion, written: number): string {
  return `${letter(planned.order.indexOf(written))}) ${planned.question.choices[written]!.text}`;
}

export function verdictLine(score: number, { paint }: Layout): string {
  const verdict = verdictFor(score);
  const marks = paint.unicode ? { right: '✔', 'partly right': '◐', wrong: '✘' } : { right: '+', 'partly right': '~', wrong: 'x' };
  const colour = verdict === 'right' ? paint.good : verdict === 'partly right' ? paint.partial : paint.bad;
  return colour(paint.bold(`${marks[verdict]} ${say.verdict(verdict)}`)) + paint.dim(` ${say.scoreNote(score)}`);
}

/**
 * What train and drill show after each answer: the verdict, what the question was about (moment,
 * stage, tags: kept from the header so as not to hint), feedback on the choice(s), the best
 * answer, the explanation.
 */
export function renderFeedback(answer: GivenAnswer, layout: Layout): string {
  const { paint, width } = layout;
  const { planned, response } = answer;
  const q = planned.question;
  const lines = ['', verdictLine(answer.score, layout)];
  const details = describeQuestion(q, dotOf(paint));
  if (details) lines.push(paint.dim(wrap(details, width)));
  // One choice with its feedback: "  ✔ b) text", continuation lines and feedback aligned under the text.
  const item = (mark: string, written: number, note = '') => {
    const prefix = `  ${mark ? `${mark} ` : ''}${letter(planned.order.indexOf(written))}) `;
    const hang = ' '.repeat(displayWidth(prefix));
    // The note goes after the last line, so the text leaves room for it.
    lines.push(wrap(q.choices[written]!.text, width - displayWidth(note), hang, prefix) + note);
    const fb = q.choices[written]!.feedback;
    if (fb) lines.push(paint.dim(wrap(fb, width, hang)));
  };
  for (const section of kindOf(q).feedback(q, response)) {
    const { rightPick, wrongPick, missed } = say.legend;
    const legend = section.legend
      ? '  ' + paint.dim(`(${markFor('picked-right', paint)} ${rightPick}  ${markFor('picked-wrong', paint)} ${wrongPick}  ${markFor('missed', paint)} ${missed})`)
      : '';
    // A legend that does not fit beside its heading goes under it, whole.
    const heading = paint.bold(section.heading);
    if (displayWidth(heading + legend) <= width) lines.push('', heading + legend);
    else lines.push('', fitLine(heading, width), fitLine(legend, width, '   '));
    const items = section.inShownOrder
      ? [...section.items].sort((a, b) => planned.order.indexOf(a.written) - planned.order.indexOf(b.written))
      : section.items;
    for (const it of items) {
      const mark = it.rank !== undefined ? `${it.rank}.` : it.mark ? markFor(it.mark, paint) : '';
      const note = it.note ? (it.noteIsGood ? paint.good(`  ${it.note}`) : paint.partial(`  ${it.note}`)) : '';
      item(mark, it.written, note);
    }
  }
  if (q.explanation) lines.push('', paint.bold(say.why), wrap(q.explanation, width, '  '));
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

/**
 * The end of a session. The breakdown and the review of every miss come first, and the result
 * last (the counts, then score and pass or fail), so that it is what stays on the screen however
 * long the review.
 */
export function renderSummary(result: SessionResult, answers: readonly GivenAnswer[], layout: Layout): string {
  const { paint, width } = layout;
  const lines = ['', paint.heading(say.resultHeading)];
  const answered = answers.length;
  if (answered === 0) {
    lines.push('', wrap(say.nothingAnswered, width));
    return lines.join('\n');
  }
  lines.push(...renderBreakdown(result, answers, layout));
  const misses = answers.filter((a) => !reaches(a.score, 1));
  if (misses.length > 0) {
    lines.push('', paint.heading(say.reviewHeading(misses.length)));
    for (const miss of misses) lines.push(...renderMiss(miss, layout));
  } else lines.push('', paint.good(say.noMisses));
  lines.push('', ...renderResultLines(result, answers, layout));
  return lines.join('\n');
}

/** The last lines of a session: a rule, the counts, and the score with pass or fail. */
export function renderResultLines(result: SessionResult, answers: readonly GivenAnswer[], { paint, width }: Layout): string[] {
  const right = answers.filter((a) => verdictFor(a.score) === 'right').length;
  const partly = answers.filter((a) => verdictFor(a.score) === 'partly right').length;
  const counts = `  ${paint.dim(say.counts(right, partly, answers.length - right - partly))}`;
  const score = paint.bold(say.score(result.score));
  const dot = dotOf(paint);
  const passMark = paint.dim(` ${say.passMark(result.pass_mark)}`);
  // An unfinished session is never a pass, whatever its answers so far scored.
  const verdict = !result.finished
    ? paint.bad(paint.bold(`${paint.unicode ? '✘ ' : ''}${say.unfinished(answers.length, result.total)}`))
    : result.passed
      ? paint.good(paint.bold(paint.unicode ? `✔ ${say.passed}` : say.passed.toUpperCase()))
      : paint.bad(paint.bold(paint.unicode ? `✘ ${say.notPassed}` : say.notPassed.toUpperCase()));
  const last = result.finished ? `  ${score} ${say.onQuestions(answers.length)} ${dot} ${verdict}${passMark}` : `  ${score} ${dot} ${verdict}${passMark}`;
  return [paint.dim((paint.unicode ? '─' : '-').repeat(Math.min(width, 60))), fitLine(counts, width, '    '), fitLine(last, width, '    ')];
}

function renderBreakdown(result: SessionResult, answers: readonly GivenAnswer[], { paint, width }: Layout): string[] {
  const count = (field: 'industry' | 'moment' | 'stage', key: string) =>
    answers.filter((a) => a.planned.question[field] === key).length;
  const groups: [string, 'industry' | 'moment' | 'stage', Record<string, number>][] = [
    [say.byMoment, 'moment', result.breakdown.moment],
    [say.byStage, 'stage', result.breakdown.stage],
    [say.byIndustry, 'industry', result.breakdown.industry],
  ];
  const label = (field: string, key: string) => (field === 'moment' ? MOMENT_NAMES[key as keyof typeof MOMENT_NAMES] ?? key : key);
  const labelWidth = 15;
  // "  label  bar  58%  12 questions": the bar takes what the rest leaves, 10 to 30 cells.
  const barWidth = Math.max(10, Math.min(30, width - labelWidth - 22));
  const lines: string[] = [];
  for (const [title, field, scores] of groups) {
    const canonical: readonly string[] = field === 'moment' ? MOMENTS : field === 'stage' ? STAGES : [];
    const keys = Object.keys(scores).sort((a, b) => canonical.indexOf(a) - canonical.indexOf(b) || (a < b ? -1 : 1));
    if (keys.length === 0) continue;
    lines.push('', paint.bold(title));
    for (const key of keys) {
      const score = scores[key]!;
      const colour = score >= result.pass_mark ? paint.good : score >= 0.5 ? paint.partial : paint.bad;
      const line =
        `  ${padEnd(label(field, key), labelWidth)} ${colour(bar(score, barWidth, paint.unicode))} ${padEnd(percent(score), 4)}` +
        paint.dim(`  ${say.questions(count(field, key))}`);
      lines.push(fitLine(line, width, ' '.repeat(labelWidth + 3)));
    }
  }
  return lines;
}

/**
 * One miss: the prompt, then what was answered and the best answer in words, each wrapped under
 * its own text ("You:  ..." / "Best: ..."), then why.
 */
function renderMiss(answer: GivenAnswer, { paint, width }: Layout): string[] {
  const { planned, response } = answer;
  const q = planned.question;
  const dot = dotOf(paint);
  const lines = [
    '',
    paint.bold(wrap(q.prompt, width, '  ', `${paint.unicode ? '•' : '*'} `)),
    paint.dim(wrap(say.missDetails(q.id, answer.score, dot), width, '    ', '  ')),
  ];
  const { yours, best } = kindOf(q).review(q, response);
  const labelWidth = Math.max(displayWidth(say.yours), displayWidth(say.best)) + 1;
  const hang = ' '.repeat(2 + labelWidth);
  lines.push(wrap(yours, width, hang, `  ${padEnd(say.yours, labelWidth)}`));
  lines.push(paint.good(wrap(best, width, hang, `  ${padEnd(say.best, labelWidth)}`)));
  if (q.explanation) lines.push(paint.dim(wrap(q.explanation, width, '  ')));
  return lines;
}

/** What `mot banks` lists of one bank (the JSON of `mot banks --json` has this shape too). */
export interface BankListing {
  id: string;
  title: string;
  industry: string;
  description?: string;
  questions: number;
  pass_mark: number;
  types: Record<string, number>;
  moments: Record<string, number>;
  stages: Record<string, number>;
  file: string;
}

/** `mot banks` for a person: each bank with what it covers and where it is, then the totals. */
export function renderBanks(banks: readonly BankListing[], { paint, width }: Layout): string[] {
  const say = banksMessages;
  if (banks.length === 0) return [wrap(say.noBank, width)];
  const labelWidth = Math.max(...Object.values(say.labels).map(displayWidth)) + 2;
  const hang = ' '.repeat(2 + labelWidth);
  const field = (label: string, text: string, options = {}) => wrap(text, width, hang, `  ${padEnd(label, labelWidth)}`, options);
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ') || say.none;
  const lines: string[] = [];
  for (const bank of banks) {
    const name = `${paint.bold(bank.id)}  ${bank.title}`;
    const facts = paint.dim(say.bankFacts(bank.industry, bank.questions, bank.pass_mark));
    // The facts stay whole: beside the title when they fit, under it when not.
    if (displayWidth(`${name}  ${facts}`) <= width) lines.push(`${name}  ${facts}`);
    else lines.push(fitLine(name, width), fitLine(`  ${facts}`, width));
    if (bank.description) lines.push(paint.dim(wrap(bank.description.replace(/\s+/g, ' '), width, '  ')));
    lines.push(field(say.labels.types, list(bank.types)), field(say.labels.moments, list(bank.moments)), field(say.labels.stages, list(bank.stages)));
    // A path is copied whole, so it is never broken: a long one runs past the edge instead.
    lines.push(paint.dim(field(say.labels.file, bank.file, { hard: false })), '');
  }
  lines.push(paint.dim(wrap(say.total(banks.length, banks.reduce((n, b) => n + b.questions, 0)), width)));
  return lines;
}

/**
 * Validation problems as `file:line:col: kind: message` (the message wrapped under itself, the
 * place never broken, so editors and grep still find it), with the offending line when asked for.
 */
export function renderProblems(problems: readonly LocatedProblem[], { paint, width }: Layout, codeFrame: boolean): string {
  return problems
    .map((p) => {
      const where = `${p.file}:${p.line}:${p.col}`;
      const severity = banksMessages.severity(p.severity);
      const kind = p.severity === 'warning' ? paint.partial(severity) : paint.bad(severity);
      const prefix = `${paint.bold(where)}: ${kind}: `;
      const message = sanitizeLine(p.message);
      const hang = '    ';
      let text =
        width - displayWidth(prefix) >= 20 ? wrap(message, width, hang, prefix) : fitLine(prefix + message, width, hang, { hard: false });
      if (codeFrame && p.source !== undefined) text += '\n' + codeFrameOf(p.line, p.col, sanitizeLine(p.source.replace(/\t/g, ' ')), paint, width);
      return text;
    })
    .join('\n');
}

/** The source line under a problem, with a caret under its column; a long line is cut to a window around the column. */
function codeFrameOf(line: number, col: number, source: string, paint: Paint, width: number): string {
  const gutter = ` ${line} | `;
  const room = Math.max(20, width - gutter.length);
  let shown = source;
  let caret = Math.max(0, col - 1);
  const characters = [...source];
  if (displayWidth(source) > room) {
    const ellipsis = paint.unicode ? '…' : '...';
    const start = Math.max(0, Math.min(caret - Math.floor(room / 2), characters.length - room));
    const before = start > 0 ? ellipsis : '';
    shown = truncate(before + characters.slice(start).join(''), room, paint.unicode);
    caret = caret - start + before.length;
  }
  return `${paint.dim(gutter)}${shown}\n${' '.repeat(gutter.length + caret)}${paint.bad('^')}`;
}
