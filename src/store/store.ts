// The progress store: one SQLite file, shared safely by several mot processes at once.
// Every answer is committed the moment it is given, in an IMMEDIATE transaction (a deferred one
// that reads then writes fails under concurrent writers in WAL mode, even with a busy timeout).
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import type { CardData } from '../core/schedule.js';
import { UserError } from '../errors.js';
import { HINT, prepareStoreLocation, reason } from './location.js';
import { APPLICATION_ID, MIGRATIONS } from './schema.js';

export interface SessionRecord {
  id: string;
  learner: string;
  mode: string;
  filters: unknown;
  seed: number;
  plan: { id: string; order: number[] }[];
  passMark: number;
  started: string;
  finished?: string;
}

export interface AnswerRecord {
  sessionId: string;
  learner: string;
  questionId: string;
  questionHash: string;
  response: number[];
  score: number;
  seconds?: number;
  answeredAt: string;
}

export interface SessionSummary {
  id: string;
  mode: string;
  started: string;
  finished: boolean;
  answered: number;
  planned: number;
  score: number | null;
}

export interface QuestionStats {
  questionId: string;
  answered: number;
  meanScore: number;
  lastScore: number;
  lastAnswered: string;
}

export interface StoredAnswer {
  position: number;
  questionId: string;
  questionHash: string;
  response: number[];
  score: number;
  seconds: number | null;
}


export class Store {
  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {}

  /** Opens (creating on first use) the store at `path`. Refuses, without touching it, a file that is not mot's. */
  static open(path: string): Store {
    prepareStoreLocation(path);
    let db: Database.Database;
    try {
      db = new Database(path, { timeout: 10_000, nativeBinding: nativeBinding() });
    } catch (err) {
      throw new UserError(`cannot open the progress store ${path}: ${reason(err)}.`, HINT);
    }
    try {
      migrate(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    } catch (err) {
      db.close();
      if (err instanceof UserError) throw err;
      throw new UserError(`cannot use the progress store ${path}: ${reason(err)}.`, HINT);
    }
    return new Store(db, path);
  }

  close(): void {
    this.db.close();
  }

  createSession(session: SessionRecord): void {
    this.db
      .prepare(
        `INSERT INTO sessions (id, learner, mode, filters, seed, plan, pass_mark, started)
         VALUES (@id, @learner, @mode, @filters, @seed, @plan, @passMark, @started)`,
      )
      .run({
        ...session,
        filters: JSON.stringify(session.filters),
        plan: JSON.stringify(session.plan),
      });
  }

  /** Stores the answer and the learner's updated card for that question, together. */
  recordAnswer(answer: AnswerRecord, schedule: (previous: CardData | undefined) => CardData): void {
    const write = this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO answers (session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at)
           VALUES (@sessionId, (SELECT coalesce(max(position) + 1, 0) FROM answers WHERE session_id = @sessionId),
                   @learner, @questionId, @questionHash, @response, @score, @seconds, @answeredAt)`,
        )
        .run({ ...answer, response: JSON.stringify(answer.response), seconds: answer.seconds ?? null });
      const row = this.db
        .prepare('SELECT card FROM cards WHERE learner = ? AND question_id = ?')
        .get(answer.learner, answer.questionId) as { card: string } | undefined;
      const card = schedule(row ? (JSON.parse(row.card) as CardData) : undefined);
      this.db
        .prepare(
          `INSERT INTO cards (learner, question_id, due, card) VALUES (?, ?, ?, ?)
           ON CONFLICT (learner, question_id) DO UPDATE SET due = excluded.due, card = excluded.card`,
        )
        .run(answer.learner, answer.questionId, card.due, JSON.stringify(card));
    });
    write.immediate();
  }

  /** Forgets a session that ended before its first answer: there is nothing in it to resume. */
  discardIfEmpty(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ? AND NOT EXISTS (SELECT 1 FROM answers WHERE session_id = ?)').run(id, id);
  }

  finishSession(id: string, at: string): void {
    this.db.prepare('UPDATE sessions SET finished = ? WHERE id = ?').run(at, id);
  }

  /** The learner's unfinished sessions, newest first. */
  unfinishedSessions(learner: string): (SessionRecord & { answered: number })[] {
    const rows = this.db
      .prepare(
        `SELECT s.*, (SELECT count(*) FROM answers a WHERE a.session_id = s.id) AS answered
         FROM sessions s WHERE s.learner = ? AND s.finished IS NULL ORDER BY s.started DESC, s.rowid DESC`,
      )
      .all(learner) as (SessionRow & { answered: number })[];
    return rows.map((row) => ({ ...toSession(row), answered: row.answered }));
  }

  answersOf(sessionId: string): StoredAnswer[] {
    const rows = this.db
      .prepare(
        `SELECT position, question_id, question_hash, response, score, seconds FROM answers
         WHERE session_id = ? ORDER BY position`,
      )
      .all(sessionId) as { position: number; question_id: string; question_hash: string; response: string; score: number; seconds: number | null }[];
    return rows.map((r) => ({
      position: r.position,
      questionId: r.question_id,
      questionHash: r.question_hash,
      response: JSON.parse(r.response) as number[],
      score: r.score,
      seconds: r.seconds,
    }));
  }

  answeredCount(learner: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM answers WHERE learner = ?').get(learner) as { n: number }).n;
  }

  sessionSummaries(learner: string): SessionSummary[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.mode, s.started, s.finished, s.plan,
                count(a.id) AS answered, avg(a.score) AS score
         FROM sessions s LEFT JOIN answers a ON a.session_id = s.id
         WHERE s.learner = ? GROUP BY s.id ORDER BY s.started, s.rowid`,
      )
      .all(learner) as { id: string; mode: string; started: string; finished: string | null; plan: string; answered: number; score: number | null }[];
    return rows.map((r) => ({
      id: r.id,
      mode: r.mode,
      started: r.started,
      finished: r.finished !== null,
      answered: r.answered,
      planned: (JSON.parse(r.plan) as unknown[]).length,
      score: r.score,
    }));
  }

  questionStats(learner: string): QuestionStats[] {
    const rows = this.db
      .prepare(
        `SELECT question_id, count(*) AS answered, avg(score) AS mean,
                (SELECT score FROM answers b WHERE b.learner = a.learner AND b.question_id = a.question_id ORDER BY b.answered_at DESC, b.id DESC LIMIT 1) AS last,
                max(answered_at) AS last_at
         FROM answers a WHERE learner = ? GROUP BY question_id`,
      )
      .all(learner) as { question_id: string; answered: number; mean: number; last: number; last_at: string }[];
    return rows.map((r) => ({ questionId: r.question_id, answered: r.answered, meanScore: r.mean, lastScore: r.last, lastAnswered: r.last_at }));
  }

  /** Cards due at `now`, most overdue first. */
  dueCards(learner: string, now: string, limit = 1000): { questionId: string; due: string }[] {
    const rows = this.db
      .prepare('SELECT question_id, due FROM cards WHERE learner = ? AND due <= ? ORDER BY due LIMIT ?')
      .all(learner, now, limit) as { question_id: string; due: string }[];
    return rows.map((r) => ({ questionId: r.question_id, due: r.due }));
  }

  dueCount(learner: string, until: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM cards WHERE learner = ? AND due <= ?').get(learner, until) as { n: number }).n;
  }

  /** Every question id the learner has a card for (seen at least once). */
  seenQuestions(learner: string): Set<string> {
    const rows = this.db.prepare('SELECT question_id FROM cards WHERE learner = ?').all(learner) as { question_id: string }[];
    return new Set(rows.map((r) => r.question_id));
  }

  /** How many questions the learner met for the first time since `since`. */
  newSince(learner: string, since: string): number {
    return (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM (SELECT question_id, min(answered_at) AS first FROM answers WHERE learner = ? GROUP BY question_id) WHERE first >= ?`,
        )
        .get(learner, since) as { n: number }
    ).n;
  }

  nextDue(learner: string, after: string): { due: string; count: number }[] {
    return this.db
      .prepare(
        `SELECT substr(due, 1, 10) AS due, count(*) AS count FROM cards WHERE learner = ? AND due > ?
         GROUP BY substr(due, 1, 10) ORDER BY due LIMIT 5`,
      )
      .all(learner, after) as { due: string; count: number }[];
  }
}

/**
 * The compiled addon, named directly: better-sqlite3 would otherwise search a dozen paths for it
 * through the `bindings` package on every start.
 */
function nativeBinding(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined;
  }
}

interface SessionRow {
  id: string;
  learner: string;
  mode: string;
  filters: string;
  seed: number;
  plan: string;
  pass_mark: number;
  started: string;
  finished: string | null;
}

function toSession(row: SessionRow): SessionRecord {
  const session: SessionRecord = {
    id: row.id,
    learner: row.learner,
    mode: row.mode,
    filters: JSON.parse(row.filters),
    seed: row.seed,
    plan: JSON.parse(row.plan),
    passMark: row.pass_mark,
    started: row.started,
  };
  if (row.finished) session.finished = row.finished;
  return session;
}

function migrate(db: Database.Database, path: string): void {
  const target = MIGRATIONS.length;
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() === target) return;
  db.transaction(() => {
    const from = version();
    if (from > target)
      throw new UserError(`the progress store ${path} was written by a newer mot (schema ${from}); update mot to use it.`);
    if (from === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0)
        throw new UserError(`${path} is an SQLite database of another program, so mot has left it untouched.`, HINT);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    for (let v = from; v < target; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${target}`);
  }).immediate();
}

