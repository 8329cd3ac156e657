// `mot validate`: every problem in every bank file, located, in one pass.
import { resolve } from 'node:path';
import { cacheDir } from '../banks/bank-cache.js';
import { contentDirs, errorsIn, listBankFiles, loadBanks } from '../banks/load-banks.js';
import type { LocatedProblem } from '../core/problems.js';
import { UsageError } from '../errors.js';
import { validateMessages as say } from '../messages/validate.js';
import { makeOutput } from '../ui/output.js';
import { renderProblems } from '../ui/render.js';
import { openScreen, type ContentOptions } from './shared.js';
import { stdout } from '../ui/stdio.js';

export interface ValidateOptions extends ContentOptions {
  format?: string;
}

/** Returns the exit code: 0 when every file is valid, 1 otherwise. */
export async function validate(paths: string[], options: ValidateOptions): Promise<number> {
  const format = options.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(say.badFormat(format));
  const targets = paths.length > 0 ? paths.map((p) => resolve(p)) : contentDirs(options.content ?? []);
  const { missing } = listBankFiles(targets);
  const loaded = await loadBanks(targets, cacheDir());
  const problems: LocatedProblem[] = [
    ...missing.map((path): LocatedProblem => ({ file: path, line: 1, col: 1, severity: 'error', code: 'missing-path', message: say.missing })),
    ...loaded.files.flatMap((f) => f.problems),
  ];
  const errors = problems.filter((p) => p.severity === 'error').length;
  const badFiles = loaded.files.filter((f) => errorsIn(f).length > 0).length + missing.length;
  if (format === 'json') {
    const output = makeOutput();
    output.json(
      problems.map((p) => ({ file: p.file, line: p.line, col: p.col, code: p.code ?? 'invalid', severity: p.severity, message: p.message })),
    );
    return errors === 0 ? 0 : 1;
  }
  const screen = await openScreen(false);
  if (problems.length > 0) screen.write(renderProblems(problems, screen, stdout().isTTY === true));
  const n = loaded.files.length;
  const questions = loaded.banks.reduce((sum, b) => sum + b.questions.length, 0);
  const summary = errors === 0 ? screen.paint.good(say.allValid(n, questions)) : screen.paint.bad(say.someInvalid(n, errors, badFiles));
  screen.write((problems.length ? '\n' : '') + summary);
  if (n === 0 && missing.length === 0) screen.write(screen.paint.partial(say.nothingFound));
  return errors === 0 ? 0 : 1;
}
