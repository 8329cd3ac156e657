// `mot show bank/question`: a question as a learner sees it, then what the learner never sees:
// the key, every choice's feedback and the explanation; with a store, its line of the report.
import { existsSync } from 'node:fs';
import type { Question } from '../core/model.js';
import { buildReport } from '../core/report/document.js';
import { TALLIES } from '../core/report/choices.js';
import type { ItemRow } from '../core/report/items.js';
import { planQuestion } from '../core/selection.js';
import { UsageError, UserError } from '../errors.js';
import { showSay as say } from '../messages/report.js';
import { flushed, openExistingStore } from './report.js';
import { renderChoices as renderReportChoices } from '../report/text.js';
import { defaultStorePath } from '../store/location.js';
import { engineOf } from '../store/open.js';
import { makeOutput, type Output } from '../ui/output.js';
import { describeQuestion, renderChoices, renderQuestion } from '../ui/render.js';
import { padEnd, wrap } from '../ui/text.js';
import { loadContent, openScreen, type ContentOptions } from './shared.js';

export interface ShowOptions extends ContentOptions {
  store?: string;
  format?: string;
}

export async function show(id: string, options: ShowOptions, io: { output?: Output; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  const env = io.env ?? process.env;
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
  const screen = await openScreen(false);
  const loaded = await loadContent(options, screen);
  const questions = new Map(loaded.banks.flatMap((b) => b.questions.map((q) => [q.id, q] as const)));
  const question = find(id, questions);
  const row = await reportRow(question, questions, options.store, env);
  const out = io.output ?? makeOutput({ stdoutStyles: screen.paint.enabled });
  if (format === 'json') {
    const { id: qid, bankId, type, moment, stage, tags, scenario, prompt, choices, explanation } = question;
    out.json({ id: qid, bank: bankId, type, moment, stage, tags, scenario, prompt, choices, explanation, report: row ?? null });
    return flushed(out.stdout);
  }
  const layout = { paint: screen.paint, width: screen.width };
  const { paint, width } = layout;
  const planned = planQuestion(question, false, Math.random);
  const lines = [renderQuestion(planned, 0, 1, layout, describeQuestion(question)).replace(/^\n/, '').replace(/^Question 1 of 1/, question.id), renderChoices(planned, layout)];
  lines.push('', paint.heading('The key, and what each choice tells the learner'));
  const tally = TALLIES[question.type];
  const notes = question.choices.map((_, written) => tally.keyNote(question, written));
  const noteWidth = Math.max(...notes.map((n) => n.length));
  question.choices.forEach((choice, written) => {
    const note = padEnd(notes[written]!, noteWidth);
    const hang = ' '.repeat(6 + noteWidth + 2);
    const text = wrap(choice.text, width, hang, 'X'.repeat(hang.length)).slice(hang.length);
    const mark = tally.isKey(question, written) ? paint.good(paint.bold(note)) : paint.dim(note);
    lines.push(`  ${String.fromCharCode(97 + written)})  ${mark}  ${text}`);
    if (choice.feedback) lines.push(paint.dim(wrap(choice.feedback, width, hang)));
  });
  if (question.explanation) lines.push('', paint.bold('Why'), wrap(question.explanation, width, '  '));
  if (row !== undefined) {
    lines.push('', paint.heading(say.reportLine('first', ['exam'])));
    if (row === null) lines.push(paint.dim(say.notAnswered));
    else lines.push(...renderReportChoices(row, layout).slice(1));
  }
  out.print(lines.join('\n'));
  await flushed(out.stdout);
}

function find(id: string, questions: ReadonlyMap<string, Question>): Question {
  const exact = questions.get(id);
  if (exact) return exact;
  if (!id.includes('/')) {
    const local = [...questions.values()].filter((q) => q.localId === id);
    if (local.length === 1) return local[0]!;
    if (local.length > 1) throw new UserError(say.ambiguous(id, local.map((q) => q.id)), say.ambiguousHint);
  }
  // Suggest ids that share the question part, or its first word, with what was typed.
  const needle = id.split('/').pop() ?? id;
  const stem = needle.split('-')[0] ?? needle;
  const similar = [...questions.values()]
    .filter((q) => q.localId === needle || (stem.length >= 4 && q.localId.startsWith(stem)))
    .sort((a, b) => Number(!id.startsWith(`${a.bankId}/`)) - Number(!id.startsWith(`${b.bankId}/`)))
    .map((q) => q.id)
    .slice(0, 3);
  throw new UserError(say.noSuchQuestion(id), say.noSuchQuestionHint(similar));
}

/**
 * The question's row of `mot report` (first exam attempts), when there is a store to read: the
 * one named by --store, or MOT_STORE or the default file if it exists (it is not created for this).
 * undefined: no store; null: a store without counted answers to this question.
 */
async function reportRow(question: Question, questions: ReadonlyMap<string, Question>, option: string | undefined, env: NodeJS.ProcessEnv): Promise<ItemRow | null | undefined> {
  const location = option || defaultStorePath(env);
  // Only a store named on the command line must exist; MOT_STORE or the default may not yet.
  if (!option && engineOf(location) === 'sqlite' && !existsSync(location)) return undefined;
  const store = await openExistingStore(location);
  let sessions, answers;
  try {
    [sessions, answers] = await Promise.all([store.sessions(), store.answers()]);
  } finally {
    await store.close();
  }
  const report = buildReport({ sessions, answers, questions, shown: (q) => q.id === question.id, bankSizes: new Map(), attempts: 'first', modes: ['exam'] });
  return report.questions[0] ?? null;
}
