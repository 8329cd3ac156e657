// Finds bank files in folders and loads them, through the cache when it can.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bank } from '../core/model.js';
import type { LocatedProblem } from '../core/problems.js';
import { cacheKey, readCached, writeCached } from './bank-cache.js';
import type { ParsedBank } from './parse-bank.js';

/** Larger files are refused before parsing: a real bank of hundreds of questions is well under 1 MB. */
export const MAX_BANK_BYTES = 8 * 1024 * 1024;

export interface BankFile extends ParsedBank {
  file: string;
}

export interface LoadedBanks {
  banks: Bank[];
  files: BankFile[];
}

/** The built-in content folder, next to the package's dist/ or src/. */
export function builtInContentDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'content'))) return join(dir, 'content');
    dir = dirname(dir);
  }
  return resolve('content');
}

/** Bank folders in the order they are searched: built-in content, --content, then MOT_CONTENT. */
export function contentDirs(extra: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.MOT_CONTENT ?? '').split(':').filter(Boolean);
  const dirs = [builtInContentDir(), ...extra, ...fromEnv].map((d) => resolve(d));
  return [...new Set(dirs)];
}

/** Every .yaml/.yml file under the given files or folders, sorted within each folder. */
export function listBankFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = (readdirSync(path, { recursive: true }) as string[])
      .filter((f) => /\.ya?ml$/i.test(f) && !f.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'))
      .sort()
      .map((f) => join(path, f));
    files.push(...found);
  }
  return { files: [...new Set(files)], missing };
}

/** `cache`: the folder of the checked-bank cache (see cacheDir()), or undefined for none. */
export async function loadBankFile(file: string, cache: string | undefined): Promise<BankFile> {
  const shown = displayPath(file);
  let source: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_BANK_BYTES)
      return problemFile(shown, `the file is ${(size / 1048576).toFixed(1)} MB; a bank may be at most ${MAX_BANK_BYTES / 1048576} MB. Split it into several banks.`);
    source = readFileSync(file);
  } catch (err) {
    return problemFile(shown, `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  if (!['.yaml', '.yml'].includes(extname(file).toLowerCase()))
    return problemFile(shown, 'a bank file must end in .yaml or .yml.');
  const key = cacheKey(source);
  const cached = readCached(cache, key);
  if (cached) return relocate(cached, shown);
  const { parseBank } = await import('./parse-bank.js');
  const parsed = parseBank(source.toString('utf8'), shown);
  writeCached(cache, key, parsed);
  return { ...parsed, file: shown };
}

/**
 * Loads every bank in the folders. Broken files are returned with their problems and left out
 * of `banks`; of two files with the same bank id, the first found is kept.
 */
export async function loadBanks(paths: readonly string[], cache: string | undefined): Promise<LoadedBanks> {
  const { files: list } = listBankFiles(paths);
  const files = await Promise.all(list.map((f) => loadBankFile(f, cache)));
  const byId = new Map<string, BankFile>();
  for (const file of files) {
    if (!file.bank) continue;
    const first = byId.get(file.bank.id);
    if (!first) {
      byId.set(file.bank.id, file);
      continue;
    }
    file.problems = [
      ...file.problems,
      {
        file: file.file,
        line: file.idAt?.line ?? 1,
        col: file.idAt?.col ?? 1,
        severity: 'error',
        message: `bank id "${file.bank.id}" is already used by ${first.file}; every bank needs its own id. Rename one of them.`,
      },
    ];
    delete file.bank;
  }
  return { banks: [...byId.values()].map((f) => f.bank!), files };
}

export function errorsIn(file: BankFile): LocatedProblem[] {
  return file.problems.filter((p) => p.severity === 'error');
}

function relocate(parsed: ParsedBank, file: string): BankFile {
  const result: BankFile = { ...parsed, file, problems: parsed.problems.map((p) => ({ ...p, file })) };
  if (parsed.bank) result.bank = { ...parsed.bank, file };
  return result;
}

function problemFile(file: string, message: string): BankFile {
  return { file, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
}

/** Paths below the working folder are shown relative to it, as editors and terminals link them. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !resolve(rel).startsWith('..') ? rel : file;
}
