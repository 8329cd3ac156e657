// `mot report`: how the questions perform (item analysis over first exam attempts), rolled up
// by bank, moment and stage, and who has trained (`mot report learners`); as text, CSV, JSON or
// one self-contained HTML file. Reads the store through ProgressStore, so both engines serve it.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clockFrom } from '../clock.js';
import { buildReport, type ReportDocument } from '../core/report/document.js';
import type { AttemptsPolicy } from '../core/report/attempts.js';
import { filterQuestions } from '../core/selection.js';
import { UsageError, UserError } from '../errors.js';
import { reportSay as say } from '../messages/report.js';
import { itemsCsv, learnersCsv } from '../report/csv.js';
import { renderItemsText, renderLearnersText, type TextLayout } from '../report/text.js';
import { defaultStorePath } from '../store/location.js';
import { engineOf, openProgressStore } from '../store/open.js';
import type { ProgressStore } from '../store/progress-store.js';
import { makeOutput, type Output } from '../ui/output.js';
import { filtersFrom, loadContent, openScreen, type FilterOptions } from './shared.js';

export const REPORT_FORMATS = ['text', 'csv', 'json', 'html'] as const;
export const REPORT_TABLES = ['items', 'learners'] as const;
const MODES = ['train', 'exam', 'drill'];

export interface ReportOptions extends FilterOptions {
  table?: string;
  format?: string;
  attempts?: string;
  modes?: string;
  since?: string;
  learner?: string;
  store?: string;
  output?: string;
  /** The same as --format json, as on the other commands. */
  json?: boolean;
}

export interface ReportIo {
  output?: Output;
  env?: NodeJS.ProcessEnv;
}

export async function report(tableArgument: string | undefined, options: ReportOptions, io: ReportIo = {}): Promise<void> {
  const env = io.env ?? process.env;
  const format = options.json ? 'json' : (options.format ?? 'text');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}".`);
  const table = tableOf(tableArgument, options.table);
  const attempts = (options.attempts ?? 'first') as AttemptsPolicy;
  if (attempts !== 'first' && attempts !== 'all') throw new UsageError(`--attempts must be first or all, not "${options.attempts}".`);
  const modes = parseModes(options.modes);
  const since = parseSince(options.since);

  const screen = await openScreen(false);
  const loaded = await loadContent(options, screen);
  const filters = filtersFrom(options, loaded);
  const shownIds = new Set(filterQuestions(loaded.banks, filters).map((q) => q.id));
  const scopeBanks = loaded.banks.filter((b) => (!filters.banks || filters.banks.includes(b.id)) && (!filters.industries || filters.industries.includes(b.industry)));
  const questions = new Map(loaded.banks.flatMap((b) => b.questions.map((q) => [q.id, q] as const)));

  const store = await openExistingStore(options.store || defaultStorePath(env));
  let sessions, answers;
  try {
    const query = { ...(options.learner ? { learner: options.learner } : {}), ...(since ? { since } : {}) };
    [sessions, answers] = await Promise.all([store.sessions(query), store.answers(query)]);
  } finally {
    await store.close();
  }
  const document = buildReport({
    sessions,
    answers,
    questions,
    shown: (q) => shownIds.has(q.id),
    bankSizes: new Map(scopeBanks.map((b) => [b.id, b.questions.length])),
    attempts,
    modes,
  });

  const out = io.output ?? makeOutput({ stdoutStyles: screen.paint.enabled });
  await write(out, document, format, table, tableArgument !== undefined || options.table !== undefined, options.output, env, screen);
  await flushed(out.stdout);
}

async function write(out: Output, document: ReportDocument, format: string, table: 'items' | 'learners', named: boolean, path: string | undefined, env: NodeJS.ProcessEnv, screen: { paint: TextLayout['paint']; width: number }): Promise<void> {
  if (format === 'json') return emit(out, path, JSON.stringify(document, null, 2) + '\n');
  if (format === 'csv') return emitCsv(out, document, table, named, path);
  if (format === 'html') {
    if (!path && out.stdout.isTTY) throw new UsageError(say.htmlNeedsFile);
    const { renderHtml } = await import('../report/html.js');
    return emit(out, path, renderHtml(document, { generated: clockFrom(env)().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }));
  }
  const layout = { paint: screen.paint, width: screen.width };
  const text = table === 'learners' ? renderLearnersText(document, layout) : renderItemsText(document, layout);
  if (path) return emit(out, path, text.replace(/\u001b\[[0-9;]*m/g, '') + '\n');
  out.print(text);
}

/**
 * Resolves once everything written so far has left the process: a pipe takes writes
 * asynchronously, and the entry point exits as soon as the command returns, which would cut a
 * large report at 64 KiB.
 */
export function flushed(stream: { write(text: string, done?: () => void): unknown }): Promise<void> {
  return new Promise((resolve) => {
    // A stand-in stream that takes no callback is done at once.
    if (stream.write.length < 2) return resolve();
    // A reader that stopped early (`mot report --json | head`) closes the pipe: that ends the
    // command quietly, as the CLI contract says, instead of an unhandled EPIPE.
    const emitter = stream as unknown as NodeJS.EventEmitter;
    const closed = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exitCode = 0;
      resolve();
    };
    // Every pending write fails alike, so the listener stays until the process ends.
    if (typeof emitter.on === 'function') emitter.on('error', closed);
    try {
      stream.write('', () => resolve());
    } catch {
      resolve();
    }
  });
}

function tableOf(argument: string | undefined, option: string | undefined): (typeof REPORT_TABLES)[number] {
  for (const value of [argument, option])
    if (value !== undefined && !(REPORT_TABLES as readonly string[]).includes(value)) throw new UsageError(say.badTable(value));
  if (argument !== undefined && option !== undefined && argument !== option) throw new UsageError(say.tableMismatch(argument, option));
  return (argument ?? option ?? 'items') as (typeof REPORT_TABLES)[number];
}

function parseModes(value: string | undefined): string[] {
  if (value === undefined) return ['exam'];
  const modes = [...new Set(value.split(',').map((m) => m.trim()).filter(Boolean))];
  if (modes.length === 0 || modes.some((m) => !MODES.includes(m))) throw new UsageError(say.badModes(value));
  return modes;
}

function parseSince(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) throw new UsageError(say.badSince(value), say.badSinceHint);
  return at.toISOString();
}

function emit(out: Output, path: string | undefined, text: string): void {
  if (!path) return out.raw(text);
  writeFile(path, text);
  out.note(say.wrote(path));
}

function writeFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UserError(say.cannotWrite(path, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : String((err as Error).message)));
  }
}

/** Named table: that one. No table named and -o a folder: every table, one file each. */
function emitCsv(out: Output, document: ReportDocument, table: 'items' | 'learners', named: boolean, path: string | undefined): void {
  const csv = { items: itemsCsv, learners: learnersCsv };
  const isFolder = path !== undefined && (path.endsWith('/') || (existsSync(path) && statSync(path).isDirectory()));
  if (!isFolder) return emit(out, path, csv[table](document));
  if (named) return emit(out, join(path, `${table}.csv`), csv[table](document));
  mkdirSync(path, { recursive: true });
  for (const name of REPORT_TABLES) emit(out, join(path, `${name}.csv`), csv[name](document));
}

/** Opens a store to read: a missing SQLite file is a mistaken path, not a store to create. */
export async function openExistingStore(location: string): Promise<ProgressStore> {
  if (engineOf(location) === 'sqlite' && !existsSync(location)) throw new UserError(say.noStore(location), say.noStoreHint);
  return openProgressStore(location);
}
