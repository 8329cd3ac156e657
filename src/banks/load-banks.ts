// Finds bank files in folders and loads them, through the cache when it can.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bank } from '../core/model.js';
import type { LocatedProblem } from '../core/problems.js';
import { cacheKey, readCached, readPointer, statKey, writeCached, writePointer, type Pointer } from './bank-cache.js';
import type { ParsedBank } from './parse-bank.js';

/** Larger files are refused before parsing: a real bank of hundreds of questions is well under 1 MB. */
export const MAX_BANK_BYTES = 8 * 1024 * 1024;

export interface BankFile extends ParsedBank {
  file: string;
  /** Left unread: the cache knows the file holds a valid bank, and not one the caller wants. */
  unread?: true;
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

/** A bank file that could not even be opened as one: a located problem, and no parse. */
export interface UnreadablePath {
  path: string;
  message: string;
  code: string;
}

export interface BankFileList {
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Paths that exist but are no bank file: a FIFO, a device, a socket, a symlink loop, an unreadable folder. */
  refused: UnreadablePath[];
}

/**
 * Every .yaml/.yml file under the given files or folders, sorted within each folder. Only regular
 * files are taken, and never opened here (a FIFO would block, /dev/zero never ends); symlinks are
 * followed to their target, a loop is reported, and a file reached by two paths is listed once.
 */
export function listBankFiles(paths: readonly string[]): BankFileList {
  const list: BankFileList = { files: [], missing: [], refused: [] };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const addFile = (path: string, real: string) => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    list.files.push(path);
  };
  const walk = (dir: string, real: string) => {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      list.refused.push({ path: dir, ...refusal(err, 'folder') });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path, join(real, entry.name));
        continue;
      }
      const isBankName = /\.ya?ml$/i.test(entry.name);
      if (!entry.isSymbolicLink() && !isBankName) continue;
      const target = inspect(path);
      if ('message' in target) {
        if (isBankName) list.refused.push({ path, message: target.message, code: target.code });
      } else if (target.kind === 'dir') walk(path, target.real);
      else if (!isBankName) continue;
      else if (target.kind === 'file') addFile(path, target.real);
      else list.refused.push({ path, message: notRegular(target.kind), code: 'not-a-file' });
    }
  };
  for (const path of paths) {
    const target = inspect(path);
    if ('message' in target) {
      if (target.code === 'missing') list.missing.push(path);
      else list.refused.push({ path, message: target.message, code: target.code });
    } else if (target.kind === 'dir') walk(path, target.real);
    else if (target.kind === 'file') addFile(path, target.real);
    else list.refused.push({ path, message: notRegular(target.kind), code: 'not-a-file' });
  }
  return list;
}

type Inspected = { kind: 'file' | 'dir' | 'fifo' | 'device' | 'socket' | 'other'; real: string } | { message: string; code: string };

/** What a path is, following symlinks, without opening it. */
function inspect(path: string): Inspected {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // A dangling symlink exists as a link but not as a file.
      try {
        lstatSync(path);
        return { message: 'this is a symbolic link to a file that does not exist.', code: 'broken-link' };
      } catch {
        return { message: 'no such file or folder.', code: 'missing' };
      }
    }
    return refusal(err, 'file');
  }
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // realpath fails only where stat just succeeded in a race; the path itself is then the name.
  }
  const kind = stat.isFile()
    ? 'file'
    : stat.isDirectory()
      ? 'dir'
      : stat.isFIFO()
        ? 'fifo'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'device'
          : stat.isSocket()
            ? 'socket'
            : 'other';
  return { kind, real };
}

function notRegular(kind: string): string {
  const what = kind === 'fifo' ? 'a named pipe (FIFO)' : kind === 'device' ? 'a device' : kind === 'socket' ? 'a socket' : 'not a regular file';
  return `this is ${what}, not a regular file, so mot does not read it. A bank is an ordinary .yaml file.`;
}

function refusal(err: unknown, what: 'file' | 'folder'): { message: string; code: string } {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { message: 'this symbolic link leads round in a loop, so it was skipped. Point it at a real file.', code: 'symlink-loop' };
  if (code === 'EACCES' || code === 'EPERM')
    return { message: `this ${what} cannot be read (permission denied). Check its permissions, or leave it out.`, code: 'unreadable' };
  if (code === 'ENOTDIR') return { message: 'a part of this path is a file, not a folder.', code: 'missing' };
  return { message: `this ${what} cannot be read (${code ?? String(err)}).`, code: 'unreadable' };
}

/** The total a single load may parse, across every file: several files at the limit would exhaust memory together. */
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/**
 * A file changed this recently gets no stat pointer: on a file system with coarse timestamps a
 * second edit within the same tick would keep the same stat (git's "racily clean" rule).
 */
export const STAT_SETTLE_MS = 2000;

export interface LoadOptions {
  /** How old a file's last change must be before its stat may stand for its content. */
  settleMs?: number;
  /**
   * The bank ids wanted, when only some are: a file the cache knows to hold another valid bank is
   * listed (with its id, as `unread`) but not read. A file the cache knows nothing of is read.
   */
  only?: readonly string[];
}

/** `cache`: the folder of the checked-bank cache (see cacheDir()), or undefined for none. */
export async function loadBankFile(file: string, cache: string | undefined, budget?: { bytes: number }, options: LoadOptions = {}): Promise<BankFile> {
  const shown = displayPath(file);
  let source: Buffer;
  let byStat: string | undefined;
  if (!['.yaml', '.yml'].includes(extname(file).toLowerCase()))
    return problemFile(shown, 'a bank file must end in .yaml or .yml.', 'not-yaml');
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return problemFile(shown, notRegular(stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : stat.isDirectory() ? 'other' : 'device'), 'not-a-file');
    const size = stat.size;
    if (size > MAX_BANK_BYTES)
      return problemFile(shown, `the file is ${(size / 1048576).toFixed(1)} MB; a bank may be at most ${MAX_BANK_BYTES / 1048576} MB. Split it into several banks.`, 'too-large');
    if (budget) {
      if (size > budget.bytes)
        return problemFile(
          shown,
          `this file would take the banks read in one go past ${MAX_TOTAL_BYTES / 1048576} MB, so it was not read. Load fewer or smaller banks at once.`,
          'too-large',
        );
      budget.bytes -= size;
    }
    // A file unchanged since it was last checked is not even read: its stat leads to its entry.
    // Date.now() counts whole milliseconds, ctimeMs has a fraction: floored alike, a file just written is 0 ms old, never -0.4.
    if (Date.now() - Math.floor(stat.ctimeMs) >= (options.settleMs ?? STAT_SETTLE_MS)) byStat = statKey(stat);
    const known = byStat === undefined ? undefined : readPointer(cache, byStat);
    if (known?.bankId !== undefined && options.only && !options.only.includes(known.bankId)) return { file: shown, problems: [], declaredId: known.bankId, unread: true };
    const hit = known === undefined ? undefined : readCached(cache, known.target);
    if (hit) return relocate(hit, shown);
    source = readFileSync(file);
  } catch (err) {
    const { message, code } = refusal(err, 'file');
    return problemFile(shown, message, code);
  }
  const key = cacheKey(source);
  const cached = readCached(cache, key);
  if (cached) {
    if (byStat) writePointer(cache, byStat, pointerTo(key, cached));
    return relocate(cached, shown);
  }
  const { parseBank } = await import('./parse-bank.js');
  const parsed = parseBank(source.toString('utf8'), shown);
  writeCached(cache, key, parsed);
  if (byStat) writePointer(cache, byStat, pointerTo(key, parsed));
  return { ...parsed, file: shown };
}

/** A pointer names the bank only when the file holds a valid one: a file with errors is always read, so its warning is shown. */
function pointerTo(target: string, parsed: ParsedBank): Pointer {
  return parsed.bank && !parsed.problems.some((p) => p.severity === 'error') ? { target, bankId: parsed.bank.id } : { target };
}

/**
 * Loads every bank in the folders. Broken files are returned with their problems and left out
 * of `banks`; of two files with the same bank id, the first found is kept.
 */
export async function loadBanks(paths: readonly string[], cache: string | undefined, options: LoadOptions = {}): Promise<LoadedBanks> {
  const listed = listBankFiles(paths);
  const budget = { bytes: MAX_TOTAL_BYTES };
  const files: BankFile[] = [];
  // One file at a time: the budget is spent in order, and one large parse is in memory at once.
  for (const f of listed.files) files.push(await loadBankFile(f, cache, budget, options));
  for (const refused of listed.refused) files.push(problemFile(displayPath(refused.path), refused.message, refused.code));
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
        code: 'duplicate-bank-id',
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

function problemFile(file: string, message: string, code: string): BankFile {
  return { file, problems: [{ file, line: 1, col: 1, message, severity: 'error', code }] };
}

/** Paths below the working folder are shown relative to it, as editors and terminals link them. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !resolve(rel).startsWith('..') ? rel : file;
}
