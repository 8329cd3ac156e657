// A small learning record store for tests, on 127.0.0.1: it checks what a client must send
// (method, path, xAPI version header, credentials, statements that validate), keeps statements
// by id as an LRS does, answers 200 with the ids, and on request fails: a 500, no answer at all,
// or a dropped connection, before or after it has stored the batch.
import validateStatement from '@learninglocker/xapi-validation';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

type Validate = (statement: unknown) => { path: (string | number)[]; message: string }[];
const validate = ((validateStatement as unknown as { default?: Validate }).default ?? validateStatement) as unknown as Validate;

export type Failure = 'status-500' | 'timeout' | 'timeout-after-store' | 'drop' | 'drop-after-store' | 'status-401';

export interface StandInLrs {
  /** The endpoint, without /statements. */
  endpoint: string;
  /** Stored statements by id: each id at most once, as an LRS keeps them. */
  stored: Map<string, unknown>;
  /** How many times each statement id arrived in a request (failed ones included). */
  arrivals: Map<string, number>;
  requests: number;
  /** What the LRS found wrong with a request; a correct client leaves this empty. */
  problems: string[];
  /** After `afterOk` good requests, the next `times` requests fail this way. */
  fail(failure: Failure, times?: number, afterOk?: number): void;
  /** Forgets the failures still to come. */
  heal(): void;
  close(): Promise<void>;
}

export async function startStandInLrs(credentials = 'mot:s3cret'): Promise<StandInLrs> {
  const failures: (Failure | 'ok')[] = [];
  const sockets = new Set<Socket>();
  const lrs: Omit<StandInLrs, 'endpoint' | 'close'> = {
    stored: new Map(),
    arrivals: new Map(),
    requests: 0,
    problems: [],
    fail(failure, times = 1, afterOk = 0) {
      for (let i = 0; i < afterOk; i++) failures.push('ok');
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    heal() {
      failures.length = 0;
    },
  };
  const expectedAuth = `Basic ${Buffer.from(credentials).toString('base64')}`;

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    lrs.requests++;
    const failure = failures.shift();
    const problem = (text: string) => {
      lrs.problems.push(text);
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end(text);
    };
    if (req.method !== 'POST' || req.url !== '/xapi/statements') return problem(`${req.method} ${req.url}`);
    if (req.headers['x-experience-api-version'] !== '1.0.3') return problem(`version header ${req.headers['x-experience-api-version']}`);
    if (!String(req.headers['content-type']).startsWith('application/json')) return problem(`content type ${req.headers['content-type']}`);
    if (failure === 'status-401' || req.headers.authorization !== expectedAuth) return void res.writeHead(401, { 'Content-Type': 'text/plain' }).end('bad credentials');
    let statements: { id?: string }[];
    try {
      statements = JSON.parse(body);
    } catch {
      return problem('body is not JSON');
    }
    if (!Array.isArray(statements)) return problem('body is not an array');
    const ids = statements.map((s) => s.id ?? '');
    if (new Set(ids).size !== ids.length) return problem('two statements with one id in a batch');
    for (const s of statements) {
      lrs.arrivals.set(s.id ?? '', (lrs.arrivals.get(s.id ?? '') ?? 0) + 1);
      const warnings = validate(s);
      if (warnings.length) return problem(`statement ${s.id}: ${warnings.map((w) => w.path.join('.')).join(', ')}`);
    }
    if (failure === 'status-500') return void res.writeHead(500).end('try later');
    if (failure === 'drop') return void req.socket.destroy();
    if (failure === 'timeout') return; // never answers
    for (const s of statements) {
      const existing = lrs.stored.get(s.id!);
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(s)) return void res.writeHead(409).end('conflict');
    }
    for (const s of statements) if (!lrs.stored.has(s.id!)) lrs.stored.set(s.id!, s);
    if (failure === 'drop-after-store') return void req.socket.destroy();
    if (failure === 'timeout-after-store') return;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(ids));
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => handle(req, res, body));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...lrs,
    get requests() {
      return lrs.requests;
    },
    endpoint: `http://127.0.0.1:${port}/xapi`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } as StandInLrs;
}
