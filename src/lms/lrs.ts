// Posts statements to a learning record store's Statements API (xAPI 1.0.3) in batches. A batch
// that meets a 5xx answer, a timeout or a dropped connection is sent again after a growing pause;
// statement ids are stable, so a batch the LRS stored before the connection dropped is not
// stored twice (the LRS keeps the first statement with an id and ignores the rest).
import type { Statement } from './xapi.js';

export interface LrsOptions {
  /** The Statements resource: `<endpoint>/statements`. */
  url: string;
  /** `user:secret` for HTTP Basic authentication. */
  auth?: string;
  timeoutMs: number;
  retries: number;
  /** The first pause; each retry doubles it. */
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, why: string, waitMs: number) => void;
}

/** The LRS cannot be reached or keeps failing: what was sent stays sent; run again later. */
export class LrsUnavailable extends Error {
  override name = 'LrsUnavailable';
}

/** The LRS refused the request for a reason retrying cannot mend (400, 401, 403, ...). */
export class LrsRefused extends Error {
  override name = 'LrsRefused';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The Statements resource for what a user typed: the endpoint, or the resource itself. */
export function statementsUrl(lrs: string): URL {
  const url = new URL(lrs);
  if (!/^https?:$/.test(url.protocol)) throw new TypeError('not http or https');
  if (!/\/statements\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/statements`;
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** How the endpoint is remembered and shown: no user name, password or query. */
export function endpointKey(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one batch; returns the ids the LRS now holds. A 409 (some id is already stored with
 * other content) sends the batch one statement at a time, and a single statement the LRS
 * already has counts as delivered.
 */
export async function postStatements(statements: readonly Statement[], options: LrsOptions): Promise<{ ids: string[]; already: string[] }> {
  const status = await postWithRetries(statements, options);
  if (status !== 409) return { ids: statements.map((s) => s.id), already: [] };
  if (statements.length === 1) return { ids: [statements[0]!.id], already: [statements[0]!.id] };
  const result = { ids: [] as string[], already: [] as string[] };
  for (const statement of statements) {
    const one = await postStatements([statement], options);
    result.ids.push(...one.ids);
    result.already.push(...one.already);
  }
  return result;
}

async function postWithRetries(statements: readonly Statement[], options: LrsOptions): Promise<number> {
  const sleep = options.sleep ?? wait;
  for (let attempt = 0; ; attempt++) {
    let why: string;
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
          ...(options.auth ? { Authorization: `Basic ${Buffer.from(options.auth, 'utf8').toString('base64')}` } : {}),
        },
        body: JSON.stringify(statements),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = await response.text();
      if (response.status === 200 || response.status === 204 || response.status === 409) return response.status;
      if (response.status < 500 && response.status !== 408 && response.status !== 429)
        throw new LrsRefused(response.status, `${response.status} ${response.statusText}${body ? `: ${body.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`);
      why = `${response.status} ${response.statusText}`;
    } catch (err) {
      if (err instanceof LrsRefused) throw err;
      const e = err as Error & { cause?: { code?: string; message?: string } };
      why = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${options.timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    }
    if (attempt >= options.retries) throw new LrsUnavailable(why);
    const pause = options.backoffMs * 2 ** attempt;
    options.onRetry?.(attempt + 1, why, pause);
    await sleep(pause);
  }
}
