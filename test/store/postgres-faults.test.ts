// PostgreSQL under faults, at store level: the server going away and coming back, a database
// written by a newer mot, a database of another program, a server that is not there.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { openProgressStore } from '../../src/store/open.js';
import { StoreUnavailableError } from '../../src/store/postgres-store.js';
import type { AnswerRecord, SessionRecord } from '../../src/store/progress-store.js';
import { freePort, startPostgres, TEST_PASSWORD, type TestPostgres } from '../helpers/postgres.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres({ restartable: true });
}, 60_000);
afterAll(() => server?.stop(), 60_000);

const session = (): SessionRecord => ({
  id: randomUUID(),
  learner: 'sam',
  mode: 'exam',
  filters: {},
  seed: 1,
  plan: [{ id: 'retail/greet', order: [0, 1] }],
  passMark: 0.8,
  started: '2027-01-10T09:00:00.000Z',
});
const answer = (s: SessionRecord, minute: number): AnswerRecord => ({
  id: randomUUID(),
  sessionId: s.id,
  learner: s.learner,
  questionId: `retail/q${minute}`,
  questionHash: 'h',
  response: [0],
  score: 1,
  answeredAt: `2027-01-10T09:${String(minute).padStart(2, '0')}:00.000Z`,
});

/** Everything a database holds of mot's, as one string: equal strings, untouched database. */
async function snapshot(url: string): Promise<string> {
  const tables = await server.query<{ schemaname: string; tablename: string }>(url, `SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`);
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await server.query(url, `SELECT * FROM "${t.schemaname}"."${t.tablename}" ORDER BY 1`);
    parts.push(`${t.schemaname}.${t.tablename}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

describe('a PostgreSQL store whose server goes away', () => {
  it('fails the answer given meanwhile with a StoreUnavailableError naming the server without its password, and works again once it is back', async () => {
    const url = await server.createDatabase();
    const store = await openProgressStore(url);
    const s = session();
    try {
      await store.createSession(s);
      await store.recordAnswer(answer(s, 1), () => undefined);
      await server.pause();
      const error = await store.recordAnswer(answer(s, 2), () => undefined).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toBeInstanceOf(UserError);
      const message = `${(error as UserError).message} ${(error as UserError).hint}`;
      expect(message).toContain(`127.0.0.1:${server.port}`);
      expect(message).not.toContain(TEST_PASSWORD);
      expect((error as StoreUnavailableError).server).not.toContain(TEST_PASSWORD);
      await server.start();
      await store.recordAnswer(answer(s, 3), () => undefined);
      expect((await store.answersOf(s.id)).map((a) => a.questionId)).toEqual(['retail/q1', 'retail/q3']);
    } finally {
      await server.start();
      await store.close();
    }
  }, 60_000);

  it('refuses to open when nothing listens there, with the same error', async () => {
    const port = await freePort();
    const error = await openProgressStore(`postgres://mot:${TEST_PASSWORD}@127.0.0.1:${port}/mot`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(`postgres://mot@127.0.0.1:${port}/mot`);
    expect((error as Error).message).not.toContain(TEST_PASSWORD);
  });
});

describe('a database mot should not write to', () => {
  it('written by a newer mot is refused, and left exactly as it was', async () => {
    const url = await server.createDatabase();
    const first = await openProgressStore(url);
    const s = session();
    await first.createSession(s);
    await first.recordAnswer(answer(s, 1), () => undefined);
    await first.close();
    await server.query(url, 'INSERT INTO mot.schema_migrations (version) VALUES (99)');
    const before = await snapshot(url);
    const error = await openProgressStore(url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/newer mot \(schema 99/);
    expect((error as UserError).message).not.toContain(TEST_PASSWORD);
    expect(await snapshot(url)).toBe(before);
  });

  it('with tables of another program in a schema named mot is refused, and left exactly as it was', async () => {
    const url = await server.createDatabase();
    await server.query(url, 'CREATE SCHEMA mot; CREATE TABLE mot.invoices (id int PRIMARY KEY, total numeric); INSERT INTO mot.invoices VALUES (1, 12.5)');
    const before = await snapshot(url);
    await expect(openProgressStore(url)).rejects.toThrow(/another program/);
    expect(await snapshot(url)).toBe(before);
  });

  it('shared with another program keeps that program\'s tables apart from mot\'s', async () => {
    const url = await server.createDatabase();
    await server.query(url, 'CREATE TABLE public.sessions (id int PRIMARY KEY, note text)');
    await server.query(url, 'INSERT INTO public.sessions VALUES (1, $1)', ['theirs']);
    const store = await openProgressStore(url);
    await store.createSession(session());
    await store.close();
    expect(await server.query(url, 'SELECT * FROM public.sessions')).toEqual([{ id: 1, note: 'theirs' }]);
  });

  it('with a wrong password is refused with a message that does not show it', async () => {
    const url = (await server.createDatabase()).replace(TEST_PASSWORD, 'wrong-password-123');
    const error = await openProgressStore(url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error).not.toBeInstanceOf(StoreUnavailableError);
    expect((error as UserError).message).toMatch(/password is not accepted/);
    expect((error as UserError).message).not.toContain('wrong-password-123');
  });
});

describe('terminals starting together on a new database', () => {
  it('migrate it once between them', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all(Array.from({ length: 8 }, () => openProgressStore(url)));
    await Promise.all(stores.map((s) => s.close()));
    expect(await server.query(url, 'SELECT version FROM mot.schema_migrations ORDER BY version')).toEqual([{ version: 1 }]);
  });
});
