// `mot import FILE…`: GIFT or Moodle XML in, one bank file out. What mot cannot hold is listed
// with its line or name, never dropped silently; the bank written passes `mot validate`.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { builtInContentDir, displayPath } from '../banks/load-banks.js';
import { parseBank } from '../banks/parse-bank.js';
import { ID_PATTERN, INDUSTRY_PATTERN } from '../core/model.js';
import { sanitizeLine } from '../core/sanitize.js';
import { UsageError, UserError } from '../errors.js';
import type { BankDoc, QuestionDoc } from '../lms/bank-doc.js';
import { decodeQuiz, type Decoded } from '../lms/decode.js';
import { categoryTag, toBankQuestions, type ReadQuiz } from '../lms/draft.js';
import { lms } from '../messages/lms.js';
import { makeOutput, type Output } from '../ui/output.js';

export type QuizFormat = 'gift' | 'moodle-xml';

export interface ImportOptions {
  output?: string;
  format?: string;
  bank?: string;
  title?: string;
  industry?: string;
  out?: Output;
}

export interface ImportReport {
  file: string;
  total: number;
  imported: number;
  leftOut: { where: string; reason: string }[];
  warnings: { where: string; message: string }[];
}

const MAX_QUIZ_BYTES = 32 * 1024 * 1024;

export async function importQuiz(files: string[], options: ImportOptions): Promise<ImportReport[]> {
  const out = options.out ?? makeOutput();
  if (options.format && !['gift', 'moodle-xml'].includes(options.format))
    throw new UsageError(`--format must be gift or moodle-xml, not "${options.format}".`);
  if (options.bank && !ID_PATTERN.test(options.bank)) throw new UsageError(lms.badId('--bank', options.bank), lms.badIdHint);
  if (options.industry && !INDUSTRY_PATTERN.test(options.industry)) throw new UsageError(lms.badIndustry(options.industry));

  const usedIds = new Set<string>();
  const questions: QuestionDoc[] = [];
  const reports: ImportReport[] = [];
  let firstCategory: string | undefined;
  for (const file of files) {
    const shown = displayPath(resolve(file));
    const { text: source, encoding } = readQuizFile(file, shown);
    if (encoding) out.note(lms.readAs(shown, encoding));
    const format = (options.format as QuizFormat | undefined) ?? detectFormat(file, source);
    if (!format) throw new UsageError(lms.unknownFormat(shown), lms.unknownFormatHint);
    const quiz = await readQuiz(source, format, shown);
    firstCategory ??= quiz.questions.find((q) => q.category)?.category;
    const converted = toBankQuestions(quiz.questions, usedIds);
    questions.push(...converted.questions);
    const report: ImportReport = {
      file: shown,
      total: quiz.total,
      imported: converted.questions.length,
      leftOut: [...quiz.leftOut, ...converted.leftOut].sort(byPlace),
      warnings: [...quiz.warnings, ...converted.warnings].sort(byPlace),
    };
    reports.push(report);
    out.note(lms.imported(report.file, report.imported, report.total));
    for (const l of report.leftOut) out.note(lms.leftOutLine(l.where, l.reason));
    if (report.warnings.length) out.note(report.imported < report.total ? 'warnings:' : `${report.file}: warnings:`);
    for (const w of report.warnings) out.note(lms.warningLine(w.where, w.message));
  }
  if (questions.length === 0) throw new UserError(lms.nothingImported(files.map((f) => displayPath(resolve(f))).join(', ')), lms.nothingImportedHint);

  const fromCategory = firstCategory ? lastCategoryPart(firstCategory) : undefined;
  const line = (text: string | undefined) => sanitizeLine(text ?? '').replace(/\s+/g, ' ').trim();
  const title = line(options.title) || line(fromCategory) || line(basename(files[0]!, extname(files[0]!))) || 'Imported questions';
  const doc: BankDoc = {
    format: 1,
    bank: options.bank ?? (categoryTag(title) || 'imported'),
    title,
    industry: options.industry ?? 'general',
    questions,
  };
  const target = options.output ? resolve(options.output) : undefined;
  const schemaPath = join(builtInContentDir(), 'bank.schema.json');
  const fromHere = relative(target ? dirname(target) : process.cwd(), schemaPath);
  // A path that climbs to the root and back down reads worse than the absolute one.
  const schemaRef = !fromHere || fromHere.split(/[\\/]/).filter((p) => p === '..').length > 2 ? schemaPath : fromHere;
  const { bankYaml } = await import('../lms/bank-doc.js');
  const text = await bankYaml(doc, isAbsolute(schemaRef) || schemaRef.startsWith('.') ? schemaRef : `./${schemaRef}`);
  const shownTarget = target ? displayPath(target) : '<stdout>';
  const errors = parseBank(text, shownTarget).problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(lms.badValidation(`${errors[0]!.line}:${errors[0]!.col} ${errors[0]!.message}`));
  if (target) {
    try {
      writeFileSync(target, text);
    } catch (err) {
      throw new UserError(`cannot write ${shownTarget}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
    out.note(lms.wrote(shownTarget, questions.length));
  } else out.raw(text);
  return reports;
}

export async function readQuiz(source: string, format: QuizFormat, shown: string): Promise<ReadQuiz> {
  if (format === 'gift') {
    const { readGift } = await import('../lms/gift-import.js');
    return readGift(source);
  }
  const { readMoodleXml, NotMoodleXml } = await import('../lms/moodle-xml-import.js');
  try {
    return readMoodleXml(source);
  } catch (err) {
    // Whatever the parser trips on (a RangeError from absurd nesting included) is the file's fault.
    const why = err instanceof NotMoodleXml ? err.message : `it could not be read (${String((err as Error)?.message ?? err).slice(0, 120)})`;
    throw new UserError(lms.notMoodleXml(shown, why));
  }
}

export function detectFormat(file: string, source: string): QuizFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.gift') return 'gift';
  if (ext === '.xml') return 'moodle-xml';
  if (/^\uFEFF?\s*<(\?xml|quiz)\b/.test(source)) return 'moodle-xml';
  if (ext === '.txt' && /[{}]/.test(source)) return 'gift';
  return undefined;
}

function readQuizFile(file: string, shown: string): Decoded {
  try {
    if (statSync(file).size > MAX_QUIZ_BYTES) throw new UserError(lms.tooLarge(shown, MAX_QUIZ_BYTES / 1048576));
    const decoded = decodeQuiz(readFileSync(file));
    if (!decoded) throw new UserError(lms.unreadableFile(shown, 'it is not a text file (it contains NUL bytes)'));
    return decoded;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(lms.unreadableFile(shown, (err as NodeJS.ErrnoException).code ?? String(err)));
  }
}

function lastCategoryPart(path: string): string | undefined {
  const parts = path.split('/').map((p) => p.trim()).filter((p) => p && !/^\$\w+\$$/.test(p) && p !== 'top' && !/^default for\b/i.test(p));
  return parts[parts.length - 1];
}

function byPlace(a: { where: string }, b: { where: string }): number {
  const n = (w: string) => Number(/^line (\d+)/.exec(w)?.[1] ?? NaN);
  const [x, y] = [n(a.where), n(b.where)];
  return Number.isNaN(x) || Number.isNaN(y) ? 0 : x - y;
}
