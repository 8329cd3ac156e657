// What train, exam, drill and resume share: reading the options, loading content, choosing
// questions, opening the store, and the screen to write to.
import { userInfo } from 'node:os';
import { cacheDir } from '../banks/bank-cache.js';
import { contentDirs, errorsIn, loadBanks, type LoadedBanks } from '../banks/load-banks.js';
import { MOMENTS, STAGES, type Bank, type Moment, type Question, type Stage } from '../core/model.js';
import { filterQuestions, type Filters } from '../core/selection.js';
import { defaultIndustries } from '../core/scope.js';
import { scopeMessages } from '../messages/scope.js';
import { UsageError, UserError } from '../errors.js';
import { defaultStorePath } from '../store/location.js';
import { checkStoreLocation, openProgressStore } from '../store/open.js';
import type { ProgressStore } from '../store/progress-store.js';
import { colourLevel, makePaint, supportsUnicode, type Paint } from '../ui/paint.js';
import { makeOutput } from '../ui/output.js';
import { fitLines } from '../ui/text.js';
import type { Layout } from '../ui/render.js';
import { commandName } from '../invocation.js';
import { stderr, stdinIsTTY, stdout } from '../ui/stdio.js';

/** How the learner started mot, so that every hint is a command they can type as it is. */
const MOT = commandName();

export interface ContentOptions {
  content?: string[];
}

export interface FilterOptions extends ContentOptions {
  bank?: string[];
  industry?: string[];
  moment?: string[];
  stage?: string[];
  tag?: string[];
}

export interface SessionOptions extends FilterOptions {
  count?: string;
  seed?: string;
  shuffle?: boolean;
  passMark?: string;
  learner?: string;
  store?: string;
  json?: boolean;
}

export interface Screen extends Layout {
  /** Where the session's text goes: stdout, or stderr when stdout carries JSON or is redirected away from a terminal. */
  out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  write(text: string): void;
  warn(text: string): void;
  /** The outcome (a session's summary): stdout unless it carries JSON, so `mot train > log.txt` keeps it. */
  result(text: string): void;
  /** One JSON document on stdout. */
  json(value: unknown): void;
}

/**
 * The screen of a command. With `--json`, stdout carries only the JSON. When a person is at the
 * terminal but stdout goes to a file (`mot train > log.txt`), the questions and prompts are drawn
 * on stderr (the terminal) and the summary goes to the file.
 */
export async function openScreen(json = false): Promise<Screen> {
  const redirected = stdinIsTTY() && !stdout().isTTY && stderr().isTTY === true;
  const out = json || redirected ? stderr() : stdout();
  const level = colourLevel(out);
  const paint: Paint = await makePaint(level, supportsUnicode());
  const width = Math.max(40, Math.min(out.isTTY ? (out.columns ?? 80) : 80, 100) - 2);
  const output = makeOutput({ stdoutStyles: level > 0 && out === stdout(), stderrStyles: level > 0 && out === stderr() });
  const write = out === stdout() ? output.print : output.note;
  return {
    out,
    paint,
    width,
    write,
    warn: (text) => output.note(fitWarning(text, width)),
    result: json ? output.note : output.print,
    json: output.json,
  };
}

/**
 * Warnings are built from parts (a file name, a count, a command to run): fitted to the width,
 * with no file name broken and no `command` split over two lines, so both can be copied whole.
 */
function fitWarning(text: string, width: number): string {
  const joined = text.replace(/`[^`\n]*`/g, (command) => command.replaceAll(' ', '\u00a0'));
  return fitLines(joined, width, '  ', { hard: false }).replaceAll('\u00a0', ' ');
}

export function learnerName(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = option || env.MOT_LEARNER || safeUserName() || 'learner';
  if (name.length > 64 || /[\u0000-\u001f\u007f]/.test(name))
    throw new UsageError(`the learner name "${name.slice(0, 20)}" is not usable.`, 'Use a plain name of up to 64 characters.');
  return name;
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

export async function openStore(option?: string): Promise<ProgressStore> {
  return openProgressStore(option || defaultStorePath());
}

/**
 * Checks the store's location now (a foreign file, an unwritable folder) and returns what opens
 * it: a session opens it after showing its first question, so SQLite's start-up is not waited for.
 */
export function prepareStore(option?: string): () => Promise<ProgressStore> {
  const location = option || defaultStorePath();
  checkStoreLocation(location);
  return () => openStore(location);
}

/**
 * Loads every bank; broken files are left out with a one-line warning each. `only`: the banks a
 * session names, the only ones it reads where the cache knows which file holds which bank (the
 * others are listed, unread).
 */
export async function loadContent(options: ContentOptions, screen: Screen, only?: readonly string[]): Promise<LoadedBanks> {
  const loaded = await loadBanks(contentDirs(options.content ?? []), cacheDir(), only ? { only } : {});
  for (const file of loaded.files) {
    const errors = errorsIn(file);
    if (errors.length === 0) continue;
    const first = errors[0]!;
    screen.warn(
      screen.paint.partial('warning: ') +
        `${file.file} was left out (${errors.length} problem${errors.length === 1 ? '' : 's'}, first at line ${first.line}); run \`${MOT} validate ${file.file}\` for details.`,
    );
  }
  return loaded;
}

/** The ids of every bank found, read or left unread. */
function bankIds(loaded: LoadedBanks): string[] {
  return [...loaded.banks.map((b) => b.id), ...loaded.files.flatMap((f) => (f.unread && f.declaredId ? [f.declaredId] : []))];
}

export function filtersFrom(options: FilterOptions, loaded: LoadedBanks): Filters {
  const banks = loaded.banks;
  for (const id of options.bank ?? []) {
    if (banks.some((b) => b.id === id)) continue;
    const broken = loaded.files.find((f) => !f.bank && !f.unread && f.declaredId === id);
    if (broken) throw new UserError(`the bank "${id}" (${broken.file}) has problems and cannot be used.`, `Run \`${MOT} validate ${broken.file}\` to see them.`);
    // A bank id that names nothing is a bad option value, like a --moment that is not one.
    throw new UsageError(`no bank "${id}" is loaded.`, `Loaded banks: ${bankIds(loaded).join(', ') || 'none'}. Add a folder with --content DIR.`);
  }
  const industries = [...new Set(banks.map((b) => b.industry))];
  for (const industry of options.industry ?? [])
    if (!industries.includes(industry))
      throw new UserError(`no loaded bank is in the industry "${industry}".`, `Industries: ${industries.join(', ')}.`);
  const filters: Filters = {};
  if (options.bank?.length) filters.banks = options.bank;
  if (options.industry?.length) filters.industries = options.industry;
  else if (!options.bank?.length) {
    // No bank and no industry asked for: a new hire's session, from the scenario banks only.
    const scenario = defaultIndustries(banks);
    if (scenario) filters.industries = scenario;
  }
  if (options.moment?.length) filters.moments = checkValues(options.moment, MOMENTS, '--moment') as Moment[];
  if (options.stage?.length) filters.stages = checkValues(options.stage, STAGES, '--stage') as Stage[];
  if (options.tag?.length) filters.tags = options.tag;
  if (filters.industries && !options.industry?.length) reviewOnly(filters, banks);
  return filters;
}

/** With the scenario banks by default, filters that only the review bank meets (--tag carlzon) say where those questions are. */
function reviewOnly(filters: Filters, banks: readonly Bank[]): void {
  if (filterQuestions(banks, filters).length > 0) return;
  const { industries: _scenario, ...rest } = filters;
  const elsewhere = filterQuestions(banks, rest);
  if (elsewhere.length === 0) return;
  const ids = [...new Set(elsewhere.map((q) => q.bankId))].sort();
  throw new UserError(scopeMessages.onlyInReview, scopeMessages.onlyInReviewHint(elsewhere.length, ids));
}

function checkValues(values: string[], allowed: readonly string[], option: string): string[] {
  for (const value of values)
    if (!allowed.includes(value)) throw new UsageError(`${option} "${value}" is not one of: ${allowed.join(', ')}.`);
  return values;
}

export function parseCount(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--count must be a whole number of at least 1, not "${value}".`);
  return n;
}

export function parseSeed(value: string | undefined): number {
  if (value === undefined) return Math.floor(Math.random() * 2 ** 31);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 32) throw new UsageError(`--seed must be a whole number from 0 to 4294967296, not "${value}".`);
  return n;
}

export function parsePassMark(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new UsageError(`--pass-mark must be above 0 and at most 1 (0.8 means 80%), not "${value}".`);
  return n;
}

export function noQuestions(filters: Filters): UserError {
  const any = Object.keys(filters).length > 0;
  return new UserError(
    any ? 'no question matches these filters.' : 'no bank is loaded, so there is nothing to ask.',
    any ? `Loosen --moment, --stage, --tag, --bank or --industry; \`${MOT} banks\` shows what there is.` : 'Add banks with --content DIR or MOT_CONTENT.',
  );
}

/** Bank titles by id, for question headers. */
export function titlesOf(banks: readonly Bank[]): Map<string, string> {
  return new Map(banks.map((b) => [b.id, b.title]));
}

export function questionIndex(banks: readonly Bank[]): Map<string, Question> {
  return new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, q] as const)));
}
