// `mot lint`: reads banks the way a test-wise reader does and reports what gives answers away.
// Warnings by default; --strict turns any warning into exit 1.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cacheDir } from '../banks/bank-cache.js';
import { contentDirs, errorsIn, listBankFiles, loadBanks } from '../banks/load-banks.js';
import { isLintCode, lintBanks, LINT_CODES, type LintCode, type LintFinding } from '../core/lint/index.js';
import type { Problem } from '../core/problems.js';
import { UsageError } from '../errors.js';
import { explainText, say } from '../messages/lint.js';
import { makeOutput, type Output } from '../ui/output.js';
import { colourLevel, makePaint } from '../ui/paint.js';
import type { ContentOptions } from './shared.js';
import { stdout } from '../ui/stdio.js';

export interface LintCommandOptions extends ContentOptions {
  format?: string;
  strict?: boolean;
  rule?: string[];
  ignore?: string[];
  explain?: string;
}

/** One line of the report; `--format json` prints an array of these. */
export interface LintReportItem {
  file: string;
  line: number;
  col: number;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

/** Returns the exit code: 1 for a file that is not a valid bank, or for any warning with --strict. */
export async function lint(paths: string[], options: LintCommandOptions, out: Output = makeOutput()): Promise<number> {
  if (options.explain !== undefined) {
    out.print(explainText(lintCode(options.explain)));
    return 0;
  }
  const format = options.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not "${format}".`);
  const rules = codes(options.rule);
  const ignore = codes(options.ignore);

  const targets = paths.length > 0 ? paths.map((p) => resolve(p)) : contentDirs(options.content ?? []);
  const { missing } = listBankFiles(targets);
  const loaded = await loadBanks(targets, cacheDir());
  const items: LintReportItem[] = missing.map((path) => ({ file: path, line: 1, col: 1, code: 'missing', severity: 'error', message: 'no such file or folder.' }));
  for (const file of loaded.files) {
    const errors = errorsIn(file);
    if (errors.length > 0)
      items.push({ file: file.file, line: errors[0]!.line, col: errors[0]!.col, code: 'invalid', severity: 'error', message: say.invalid(errors.length) });
  }
  items.push(...(await locate(lintBanks(loaded.banks, { rules, ignore }))));
  items.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));

  const errors = items.filter((i) => i.severity === 'error').length;
  const warnings = items.length - errors;
  const code = errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
  if (format === 'json') {
    out.json(items);
    return code;
  }
  const paint = await makePaint(colourLevel(stdout()), true);
  const styled = makeOutput({ stdoutStyles: paint.enabled, stderrStyles: false });
  for (const i of items) {
    const kind = i.severity === 'warning' ? paint.partial('warning') : paint.bad('error');
    styled.print(`${paint.bold(`${i.file}:${i.line}:${i.col}`)}: ${kind}: ${i.message} ${paint.dim(`[${i.code}]`)}`);
  }
  const questions = loaded.banks.reduce((sum, b) => sum + b.questions.length, 0);
  const n = loaded.files.length;
  if (items.length > 0) styled.print('');
  styled.print(items.length === 0 ? paint.good(say.summaryClean(n, questions)) : say.summary(warnings, errors, n, questions));
  if (options.strict && warnings > 0 && errors === 0) styled.note(say.strictFailed(warnings));
  if (items.some((i) => i.severity === 'warning')) styled.note('Why a rule matters and how to fix it: mot lint --explain <code>');
  return code;
}

function lintCode(value: string): LintCode {
  if (!isLintCode(value)) throw new UsageError(say.unknownCode(value), say.codesHint(LINT_CODES));
  return value;
}

/** Codes from repeated or comma-separated options. */
function codes(values: string[] | undefined): LintCode[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean).map(lintCode);
}

/** Findings carry a path in their bank file; the file is parsed again to turn it into line:col. */
async function locate(findings: LintFinding[]): Promise<LintReportItem[]> {
  if (findings.length === 0) return [];
  const { locateProblems } = await import('../banks/parse-bank.js');
  const byFile = new Map<string, LintFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const items: LintReportItem[] = [];
  for (const [file, list] of byFile) {
    let source = '';
    try {
      source = readFileSync(resolve(file), 'utf8');
    } catch {
      // The file went away after it was linted: the findings stand, placed at its start.
    }
    const problems: Problem[] = list.map((f) => (f.at ? { path: f.path, message: f.message, severity: f.severity, at: f.at } : { path: f.path, message: f.message, severity: f.severity }));
    locateProblems(source, file, problems).forEach((p, i) =>
      items.push({ file, line: p.line, col: p.col, code: list[i]!.code, severity: 'warning', message: p.message.replace(/\s+/g, ' ') }),
    );
  }
  return items;
}
