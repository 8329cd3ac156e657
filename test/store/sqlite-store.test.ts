// What only the SQLite engine has to do: bring a store of mot 0.1 up to date, and check a large
// file whole before it writes to it, unless mot itself left it as it is.
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { knownGood } from '../../src/store/checked.js';
import type { StoredAnswer } from '../../src/store/progress-store.js';
import { APPLICATION_ID, MIGRATIONS } from '../../src/store/schema.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mot-sqlite-'));
  process.env.XDG_CACHE_HOME = join(dir, 'cache');
  delete process.env.MOT_CACHE;
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('a store written by mot 0.1 (schema 1)', () => {
  function oldStore(): string {
    const path = join(dir, 'old.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare(`INSERT INTO sessions (id, learner, mode, filters, seed, plan, pass_mark, started) VALUES ('s1', 'sam', 'exam', '{}', 7, ?, 0.8, '2027-01-10T09:00:00.000Z')`).run(
      JSON.stringify([
        { id: 'retail/a', order: [0, 1] },
        { id: 'retail/b', order: [1, 0] },
        { id: 'retail/c', order: [0, 1] },
      ]),
    );
    const insert = db.prepare(`INSERT INTO answers (session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at) VALUES ('s1', ?, 'sam', ?, 'h', '[1]', ?, ?, ?)`);
    insert.run(0, 'retail/a', 0, 4.5, '2027-01-10T09:01:00.000Z');
    insert.run(1, 'retail/b', 1, null, '2027-01-10T09:02:00.000Z');
    insert.run(2, 'retail/a', 0.5, null, '2027-01-10T09:02:00.000Z');
    db.prepare(`INSERT INTO cards (learner, question_id, due, card) VALUES ('sam', 'retail/a', '2027-01-11T09:00:00.000Z', '{"due":"2027-01-11T09:00:00.000Z"}')`).run();
    db.close();
    return path;
  }

  it('is brought to the current schema: every answer gets its own UUID, and nothing is lost', async () => {
    const path = oldStore();
    const store = SqliteStore.open(path);
    try {
      const answers = await store.answersOf('s1');
      expect(answers.map((a) => [a.position, a.questionId, a.score, a.seconds])).toEqual([
        [0, 'retail/a', 0, 4.5],
        [1, 'retail/b', 1, null],
        [2, 'retail/a', 0.5, null],
      ]);
      for (const a of answers) expect(a.id).toMatch(UUID);
      expect(new Set(answers.map((a) => a.id)).size).toBe(3);
      expect(await store.sessionSummaries('sam')).toEqual([{ id: 's1', mode: 'exam', started: '2027-01-10T09:00:00.000Z', finished: false, answered: 3, planned: 3, score: 0.5 }]);
      // Two answers at the same moment: the one stored later is the last.
      expect((await store.questionStats('sam')).find((q) => q.questionId === 'retail/a')).toEqual({
        questionId: 'retail/a',
        answered: 2,
        meanScore: 0.25,
        lastScore: 0.5,
        lastAnswered: '2027-01-10T09:02:00.000Z',
      });
      expect(await store.dueCards('sam', '2027-02-01T00:00:00.000Z')).toEqual([{ questionId: 'retail/a', due: '2027-01-11T09:00:00.000Z' }]);
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('keeps the UUIDs it was given on the next opening', async () => {
    const path = oldStore();
    const first = SqliteStore.open(path);
    const ids = (await first.answersOf('s1')).map((a) => a.id);
    await first.close();
    const again = SqliteStore.open(path);
    expect((await again.answersOf('s1')).map((a) => a.id)).toEqual(ids);
    await again.close();
  });
});

describe('a small store', () => {
  it('leaves no known-good note: it is checked whole at every opening, so none would be read', async () => {
    const path = join(dir, 'small.db');
    const store = SqliteStore.open(path);
    await store.createSession({ id: 's', learner: 'sam', mode: 'train', filters: {}, seed: 1, plan: [], passMark: 0.8, started: '2027-01-11T09:00:00.000Z' });
    await store.close();
    const again = SqliteStore.open(path);
    await again.close();
    expect(knownGood(path)).toBe(false);
    expect(existsSync(join(dir, 'cache', 'mot', 'stores'))).toBe(false);
  });
});

describe('a large store (over 16 MB)', () => {
  /** About 60,000 answers: beyond what is checked whole at every opening. */
  async function largeStore(): Promise<string> {
    const path = join(dir, 'large.db');
    const store = SqliteStore.open(path);
    const session = { id: 's-large', learner: 'sam', mode: 'train', filters: {}, seed: 1, plan: [{ id: 'retail/a', order: [0, 1] }], passMark: 0.8, started: '2027-01-10T09:00:00.000Z' };
    await store.putSessions([session]);
    const padding = 'x'.repeat(200);
    for (let batch = 0; batch < 6; batch++) {
      const answers: StoredAnswer[] = Array.from({ length: 10_000 }, (_, i) => ({
        id: randomUUID(),
        sessionId: session.id,
        learner: 'sam',
        position: batch * 10_000 + i,
        questionId: `retail/q${i % 100}`,
        questionHash: padding,
        response: [0],
        score: 1,
        seconds: null,
        answeredAt: new Date(Date.parse('2027-01-10T09:00:00Z') + (batch * 10_000 + i) * 1000).toISOString(),
      }));
      await store.putAnswers(answers);
    }
    await store.close();
    expect(statSync(path).size).toBeGreaterThan(16 * 1024 * 1024);
    return path;
  }

  it('that mot left itself is remembered as known good, and still is after mot wrote to it again', async () => {
    const path = await largeStore();
    expect(knownGood(path)).toBe(true);
    const store = SqliteStore.open(path);
    await store.createSession({ id: 'next', learner: 'sam', mode: 'exam', filters: {}, seed: 2, plan: [], passMark: 0.8, started: '2027-01-11T09:00:00.000Z' });
    await store.close();
    expect(knownGood(path)).toBe(true);
    // Without a cache nothing is remembered, so every first write checks the file.
    process.env.MOT_CACHE = 'off';
    expect(knownGood(path)).toBe(false);
  }, 120_000);

  it('damaged after mot last closed it is refused at the first write, and left byte for byte', async () => {
    const path = await largeStore();
    const bytes = readFileSync(path);
    const page = Math.floor(bytes.length / 4096 / 2);
    bytes.fill(0xff, page * 4096, (page + 1) * 4096);
    writeFileSync(path, bytes);
    const before = sha256(path);
    expect(knownGood(path)).toBe(false);
    const store = SqliteStore.open(path);
    try {
      const error = await store
        .createSession({ id: 'next', learner: 'sam', mode: 'exam', filters: {}, seed: 2, plan: [], passMark: 0.8, started: '2027-01-11T09:00:00.000Z' })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toContain(path);
      expect((error as UserError).message).toMatch(/damaged/);
      expect((error as UserError).hint).toMatch(/backup|move it aside/);
    } finally {
      await store.close();
    }
    expect(sha256(path)).toBe(before);
    expect(knownGood(path)).toBe(false);
  }, 120_000);
});
