// `mot xapi export` and `mot xapi send`: stored answers and sessions as xAPI statements, printed
// as JSON lines or posted to a learning record store. The store remembers what each LRS has
// acknowledged, so a send that stopped halfway resumes where it stopped.
import { UsageError, UserError } from '../errors.js';
import { lms } from '../messages/lms.js';
import type { ProgressQuery, ProgressStore } from '../store/progress-store.js';
import { makeOutput, type Output } from '../ui/output.js';
import type { Statement, XapiSettings } from '../lms/xapi.js';
import { loadContent, openScreen, openStore, type ContentOptions } from './shared.js';

export interface XapiOptions extends ContentOptions {
  store?: string;
  since?: string;
  learner?: string;
  bank?: string[];
  activityBase?: string;
  homepage?: string;
  out?: Output;
  env?: NodeJS.ProcessEnv;
}

export interface SendOptions extends XapiOptions {
  lrs: string;
  auth?: string;
  batch?: string;
  timeout?: string;
  retries?: string;
  /** The first pause between retries, in milliseconds (tests make it short). */
  backoffMs?: number;
}

export async function xapiExport(options: XapiOptions): Promise<void> {
  const out = options.out ?? makeOutput();
  const statements = await collectStatements(options);
  out.raw(statements.map((s) => JSON.stringify(s) + '\n').join(''));
}

export async function xapiSend(options: SendOptions): Promise<{ sent: number; before: number }> {
  const out = options.out ?? makeOutput();
  const env = options.env ?? process.env;
  const { statementsUrl, endpointKey, postStatements, LrsRefused, LrsUnavailable } = await import('../lms/lrs.js');
  let url: URL;
  try {
    url = statementsUrl(options.lrs);
  } catch {
    throw new UsageError(lms.badLrs(options.lrs));
  }
  const auth = options.auth ?? env.MOT_XAPI_AUTH ?? (url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined);
  if (auth !== undefined && !/^[^:]*:/.test(auth)) throw new UsageError(lms.badAuth);
  url.username = '';
  url.password = '';
  const batchSize = whole('--batch', options.batch, 50);
  const timeoutMs = whole('--timeout', options.timeout, 30) * 1000;
  const retries = options.retries === '0' ? 0 : whole('--retries', options.retries, 5);
  const endpoint = endpointKey(url);

  const store = await openStore(options.store);
  try {
    const statements = await collectStatements(options, store);
    if (statements.length === 0) {
      out.note(lms.nothingStored);
      return { sent: 0, before: 0 };
    }
    const done = await store.sentStatements(endpoint);
    const todo = statements.filter((s) => !done.has(s.id));
    const before = statements.length - todo.length;
    if (todo.length === 0) {
      out.note(lms.allSent(statements.length, endpoint));
      return { sent: 0, before };
    }
    const bar = progressBar(out, todo.length);
    let sent = 0;
    let already = 0;
    let batches = 0;
    for (let i = 0; i < todo.length; i += batchSize) {
      const batch = todo.slice(i, i + batchSize);
      try {
        const result = await postStatements(batch, {
          url: url.href,
          ...(auth !== undefined ? { auth } : {}),
          timeoutMs,
          retries,
          backoffMs: options.backoffMs ?? 500,
          onRetry: (attempt, why, ms) => {
            bar.pause();
            out.note(lms.retrying(attempt, why, ms));
          },
        });
        await store.markSent(endpoint, result.ids, new Date().toISOString());
        sent += result.ids.length;
        already += result.already.length;
        batches++;
        bar.update(sent);
      } catch (err) {
        bar.pause();
        if (err instanceof LrsUnavailable) throw new UserError(lms.unavailable(endpoint, err.message, sent, todo.length - sent), lms.unavailableHint);
        if (err instanceof LrsRefused) throw new UserError(lms.refused(endpoint, err.message, sent, todo.length - sent), lms.refusedHint);
        throw err;
      }
    }
    bar.done();
    if (already) out.note(lms.alreadyThere(already));
    out.note(lms.sent(sent, endpoint, batches, before));
    return { sent, before };
  } finally {
    await store.close();
  }
}

async function collectStatements(options: XapiOptions, open?: ProgressStore): Promise<Statement[]> {
  const env = options.env ?? process.env;
  const settings = xapiSettings(options, env);
  const query: ProgressQuery = {};
  if (options.since) query.since = sinceDate(options.since);
  if (options.learner) query.learner = options.learner;
  if (options.bank?.length) query.banks = options.bank;
  const loaded = await loadContent(options, await openScreen(true));
  const store = open ?? (await openStore(options.store));
  try {
    const [answers, sessions] = await Promise.all([store.answers(query), store.sessions(query)]);
    const { buildStatements, ActorError } = await import('../lms/xapi.js');
    const questions = new Map(loaded.banks.flatMap((b) => b.questions.map((q) => [q.id, q] as const)));
    const banks = new Map(loaded.banks.map((b) => [b.id, b]));
    const unknown = answers.filter((a) => !questions.has(a.questionId)).length;
    if (unknown) (options.out ?? makeOutput()).note(lms.unknownQuestions(unknown));
    try {
      return buildStatements({ answers, sessions, questions, banks }, settings);
    } catch (err) {
      if (err instanceof ActorError) throw new UserError(lms.notAnAddress(err.learner), lms.notAnAddressHint);
      throw err;
    }
  } finally {
    if (!open) await store.close();
  }
}

function xapiSettings(options: XapiOptions, env: NodeJS.ProcessEnv): XapiSettings {
  const base = options.activityBase || env.MOT_XAPI_BASE;
  if (!base) throw new UsageError(lms.noActivityBase, lms.noActivityBaseHint);
  if (!isHttpUrl(base)) throw new UsageError(lms.badActivityBase(base), lms.noActivityBaseHint);
  if (options.homepage !== undefined && !isHttpUrl(options.homepage)) throw new UsageError(lms.badHomepage(options.homepage));
  return { activityBase: base, ...(options.homepage ? { homepage: options.homepage } : {}) };
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

function sinceDate(value: string): string {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw new UsageError(lms.badSince(value), lms.badSinceHint);
  return new Date(time).toISOString();
}

function whole(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(lms.badNumber(option, value));
  return n;
}

/** A one-line bar on stderr, drawn only when stderr is a terminal. */
function progressBar(out: Output, total: number) {
  const tty = out.stderr.isTTY === true;
  let drawn = false;
  const draw = (n: number) => {
    if (!tty) return;
    const width = 30;
    const full = Math.round((n / total) * width);
    out.stderr.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${n}/${total} statements`);
    drawn = true;
  };
  draw(0);
  return {
    update: draw,
    pause: () => {
      if (drawn) out.stderr.write('\n');
      drawn = false;
    },
    done: () => {
      if (drawn) out.stderr.write('\n');
      drawn = false;
    },
  };
}
