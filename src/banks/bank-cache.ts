// Parsing YAML is the slow part of starting a session, so checked banks are kept in a cache keyed
// by the file's content (and mot's build): an edited file, or a new mot, misses the cache and is
// read afresh. Files that fail are kept too, so a broken large file costs its parse once. Every
// failure here is silent: the cache only ever saves time. It is never trusted for safety: an
// entry of the wrong shape is thrown away, and every string in an entry is sanitised again, since
// anyone who can write to the cache folder could have edited it. Entries are JSON: Node parses it
// as fast as node:v8 deserialises, without loading node:v8 (~1.4 ms), and its text shows at once
// whether any string in it holds something to clean (usually none does).
import type { Stats } from 'node:fs';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isQuestionType } from '../core/kinds/index.js';
import { ID_PATTERN } from '../core/model.js';
import { knowQuestionHash, QUESTION_HASH, questionHash } from '../core/question-hash.js';
import { sanitizeText, UNSAFE } from '../core/sanitize.js';
import type { ParsedBank } from './parse-bank.js';

declare const MOT_BUILD_ID: string | undefined;
const BUILD = typeof MOT_BUILD_ID === 'string' ? MOT_BUILD_ID : 'dev';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MOT_CACHE === 'off') return undefined;
  if (env.MOT_CACHE) return env.MOT_CACHE;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'mot', 'banks');
}

// node:crypto costs ~2 ms to load, and a warm start finds its entries by the files' stat alone.
const requireHere = createRequire(import.meta.url);

export function cacheKey(source: Buffer): string {
  const { createHash } = requireHere('node:crypto') as typeof import('node:crypto');
  return createHash('sha1').update(BUILD).update('\0').update(source).digest('hex');
}

/**
 * What finds a file's entry without reading the file: its identity and its change time. The
 * ctime moves on every write and cannot be set back by hand, so a changed file never matches.
 */
export function statKey(stat: Stats): string {
  return `stat-${BUILD}-${stat.dev}-${stat.ino}-${stat.size}-${stat.mtimeMs}-${stat.ctimeMs}`;
}

/**
 * What a stat key points to: the content key of the file's entry and, when the file holds a valid
 * bank, the bank's id, so that a session asking for one bank need not read the others' entries.
 */
export interface Pointer {
  target: string;
  bankId?: string;
}

/** The pointer a stat key names, if it is there and well formed. */
export function readPointer(dir: string | undefined, key: string): Pointer | undefined {
  if (!dir) return undefined;
  try {
    const [target = '', bankId, ...rest] = readFileSync(join(dir, key), 'latin1').split(' ');
    if (rest.length > 0 || !/^[0-9a-f]{40}$/.test(target) || (bankId !== undefined && !ID_PATTERN.test(bankId))) return undefined;
    return bankId === undefined ? { target } : { target, bankId };
  } catch {
    return undefined;
  }
}

export function writePointer(dir: string | undefined, key: string, pointer: Pointer): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, pointer.bankId === undefined ? pointer.target : `${pointer.target} ${pointer.bankId}`);
    renameSync(tmp, join(dir, key));
  } catch {
    // As for entries: only the next start's speed is lost.
  }
}

export function readCached(dir: string | undefined, key: string): ParsedBank | undefined {
  if (!dir) return undefined;
  let text: string;
  let entry: unknown;
  try {
    text = readFileSync(join(dir, key), 'utf8');
    entry = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isParsedBank(entry)) return undefined;
  const { questionHashes, ...parsed } = mayNeedCleaning(text) ? resanitize(entry as CacheEntry) : (entry as CacheEntry);
  // The hashes were computed from these very questions when the entry was written; ones that do
  // not look like hashes are left out, and questionHash computes those itself.
  const questions = parsed.bank?.questions ?? [];
  if (Array.isArray(questionHashes) && questionHashes.length === questions.length)
    questions.forEach((question, i) => {
      const hash: unknown = questionHashes[i];
      if (typeof hash === 'string' && QUESTION_HASH.test(hash)) knowQuestionHash(question, hash);
    });
  return parsed;
}

/** An entry: the parsed file, and the hash of each question in order (what answers record). */
type CacheEntry = ParsedBank & { questionHashes?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

/** The shape a cache entry must have before any of it is used; anything else is rebuilt from the file. */
function isParsedBank(entry: unknown): entry is ParsedBank {
  if (!isRecord(entry) || !Array.isArray(entry.problems)) return false;
  const problemsOk = entry.problems.every(
    (p) => isRecord(p) && isString(p.file) && Number.isInteger(p.line) && Number.isInteger(p.col) && isString(p.message) && (p.severity === 'error' || p.severity === 'warning'),
  );
  if (!problemsOk || !optional(entry.declaredId, isString)) return false;
  if (entry.bank === undefined) return true;
  const bank = entry.bank;
  if (!isRecord(bank) || !isString(bank.id) || !isString(bank.title) || !isString(bank.industry) || typeof bank.passMark !== 'number') return false;
  if (!Array.isArray(bank.questions) || bank.questions.length === 0) return false;
  return bank.questions.every(
    (q) =>
      isRecord(q) &&
      isString(q.id) &&
      isString(q.bankId) &&
      isString(q.prompt) &&
      isQuestionType(q.type) &&
      Array.isArray(q.tags) &&
      q.tags.every(isString) &&
      Array.isArray(q.choices) &&
      q.choices.length >= 2 &&
      q.choices.every((c) => isRecord(c) && isString(c.text) && c.text.length > 0 && optional(c.feedback, isString)) &&
      optional(q.scenario, isString) &&
      optional(q.explanation, isString),
  );
}

/**
 * Whether some string decoded from this JSON text could hold what the sanitiser removes: such a
 * character stands in the text as itself, or as one of the escapes \b \f \r \uXXXX (\n and \t
 * are safe, and \" \\ \/ decode to safe characters). A text with neither is clean throughout.
 */
function mayNeedCleaning(text: string): boolean {
  return UNSAFE.test(text) || /\\[bfru]/.test(text);
}

/**
 * Every string of the entry through the sanitiser again, keys and values alike. The entry was just
 * parsed and is ours, so it is cleaned in place, and a string is only rewritten when it holds
 * something to remove: a warm start reads every built-in question this way.
 */
function resanitize<T>(value: T): T {
  if (typeof value === 'string') return (UNSAFE.test(value) ? sanitizeText(value) : value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = resanitize(value[i]);
    return value;
  }
  if (isRecord(value)) {
    const record: Record<string, unknown> = value;
    for (const key of Object.keys(record)) {
      const clean = resanitize(record[key]);
      if (UNSAFE.test(key)) {
        delete record[key];
        record[sanitizeText(key)] = clean;
      } else record[key] = clean;
    }
  }
  return value;
}

export function writeCached(dir: string | undefined, key: string, parsed: ParsedBank): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    const entry: CacheEntry = { ...parsed, questionHashes: parsed.bank?.questions.map(questionHash) ?? [] };
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, join(dir, key));
  } catch {
    // A read-only home or a full disk only costs the next start its speed.
  }
}
