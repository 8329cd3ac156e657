// The progress store in one SQLite file, shared safely by several mot processes at once.
// Every answer is committed the moment it is given, in an IMMEDIATE transaction (a deferred one
// that reads then writes fails under concurrent writers in WAL mode, even with a busy timeout).
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CardData } from '../core/schedule.js';
import { UserError } from '../errors.js';
import { DAMAGED_HINT, storeMessages as say } from '../messages/store.js';
import { randomId } from '../random-id.js';
import { isoMoment } from './moments.js';
import { knownGood, rememberGood } from './checked.js';
import { HINT, prepareStoreLocation, reason } from './location.js';
import type {
  AnswerRecord,
  ProgressQuery,
  ProgressStore,
  QuestionStats,
  SessionRecord,
  SessionSummary,
  StoredAnswer,
} from './progress-store.js';
import { APPLICATION_ID, MIGRATIONS } from './schema.js';

export class SqliteStore implements ProgressStore {
  readonly engine = 'sqlite' as const;
  private closed = false;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    readonly location: string,
    /** Whether the whole file has been checked since it was opened (a new file needs no check). */
    private verified: boolean,
  ) {}

  /** Opens (creating on first use) the store at `path`. Refuses, without touching it, a file that is not mot's. */
  static open(path: string): SqliteStore {
    prepareStoreLocation(path);
    const size = fileSize(path);
    let db: Database.Database;
    try {
      db = new Database(path, { timeout: 10_000, nativeBinding: nativeBinding() });
    } catch (err) {
      throw new UserError(say.cannotOpen(path, reason(err)), HINT);
    }
    const store = new SqliteStore(db, path, size === 0 || (size > CHECK_AT_OPEN_BYTES && knownGood(path)));
    try {
      db.function('mot_uuid', { deterministic: false }, () => randomId());
      // A small store is checked whole at once (a few milliseconds), so that even a command that
      // only reads reports damage; a large one (quick_check reads every page: about 1 s for
      // 1,000,000 answers) before its first write, or before a migration.
      if (size <= CHECK_AT_OPEN_BYTES) store.verify('integrity_check');
      else if ((db.pragma('user_version', { simple: true }) as number) < MIGRATIONS.length) store.verify();
      migrate(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    } catch (err) {
      db.close();
      throw asUserError(err, path);
    }
    return store;
  }

  /**
   * Refuses a damaged file before mot writes to it: SQLite would otherwise write around the
   * damage, and one answer later the file is neither what it was nor readable.
   */
  private verify(check: 'quick_check' | 'integrity_check' = 'quick_check'): void {
    if (this.verified) return;
    const result = this.db.pragma(`${check}(1)`, { simple: true });
    if (result !== 'ok') throw new UserError(say.damaged(this.location, String(result).split('\n')[0]!), DAMAGED_HINT);
    this.verified = true;
    this.remember();
  }

  /**
   * Notes the file as good, for the next open: only a large one is ever looked up (a small one is
   * checked whole at every open), so a small one costs no hash, no note and no rename.
   */
  private remember(): void {
    if (fileSize(this.location) > CHECK_AT_OPEN_BYTES) rememberGood(this.location);
  }

  /** Like guard, for work that writes: the file is checked first. */
  private write<T>(work: () => T): Promise<T> {
    return this.guard(() => {
      this.verify();
      return work();
    });
  }

  /** A statement prepared once per connection: `mot stats` and a long session reuse them. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work`, turning SQLite's failures into messages that name the file. */
  private guard<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(asUserError(err, this.location));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    // What mot checked and then wrote itself needs no check next time.
    if (this.verified) this.remember();
  }

  createSession(session: SessionRecord): Promise<void> {
    return this.write(() => {
      this.sql(SQL.insertSession).run(sessionParams(session));
    });
  }

  recordAnswer(answer: AnswerRecord, schedule: (previous: CardData | undefined) => CardData | undefined): Promise<void> {
    return this.write(() =>
      this.db
        .transaction(() => {
          this.sql(SQL.insertAnswer).run({
            uid: answer.id,
            sessionId: answer.sessionId,
            learner: answer.learner,
            questionId: answer.questionId,
            questionHash: answer.questionHash,
            response: JSON.stringify(answer.response),
            score: answer.score,
            seconds: answer.seconds ?? null,
            answeredAt: answer.answeredAt,
            supersedes: answer.supersedes ?? null,
          });
          // The triggers of migration 3 keep the totals: the replaced answer is taken out of them.
          if (answer.supersedes) this.sql(SQL.markSuperseded).run(answer.id, answer.supersedes);
          const row = this.sql(SQL.card).get(answer.learner, answer.questionId) as { card: string } | undefined;
          const card = schedule(row ? (JSON.parse(row.card) as CardData) : undefined);
          if (card) this.sql(SQL.upsertCard).run(answer.learner, answer.questionId, card.due, JSON.stringify(card));
        })
        .immediate(),
    );
  }

  finishSession(id: string, at: string): Promise<void> {
    return this.write(() => {
      this.sql('UPDATE sessions SET finished = ? WHERE id = ?').run(at, id);
    });
  }

  discardIfEmpty(id: string): Promise<void> {
    return this.write(() => {
      this.sql('DELETE FROM sessions WHERE id = ? AND NOT EXISTS (SELECT 1 FROM answers WHERE session_id = ?)').run(id, id);
    });
  }

  session(id: string): Promise<SessionRecord | undefined> {
    return this.guard(() => {
      const row = this.sql('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
      return row ? toSession(row) : undefined;
    });
  }

  unfinishedSessions(learner: string): Promise<(SessionRecord & { answered: number })[]> {
    return this.guard(() => {
      const rows = this.sql('SELECT * FROM sessions WHERE learner = ? AND finished IS NULL ORDER BY started DESC, rowid DESC').all(learner) as SessionRow[];
      return rows.map((row) => ({ ...toSession(row), answered: row.answered }));
    });
  }

  answersOf(sessionId: string): Promise<StoredAnswer[]> {
    return this.guard(() => (this.sql(`SELECT * FROM answers WHERE session_id = ? AND superseded_by IS NULL ORDER BY position`).all(sessionId) as AnswerRow[]).map(toAnswer));
  }

  answeredCount(learner: string): Promise<number> {
    return this.guard(() => (this.sql('SELECT coalesce(sum(answered), 0) AS n FROM question_totals WHERE learner = ?').get(learner) as { n: number }).n);
  }

  sessionSummaries(learner: string): Promise<SessionSummary[]> {
    return this.guard(() => {
      const rows = this.sql('SELECT id, mode, started, finished, planned, answered, score_sum FROM sessions WHERE learner = ? ORDER BY started, rowid').all(learner) as {
        id: string;
        mode: string;
        started: string;
        finished: string | null;
        planned: number;
        answered: number;
        score_sum: number;
      }[];
      return rows.map((r) => ({
        id: r.id,
        mode: r.mode,
        started: r.started,
        finished: r.finished !== null,
        answered: r.answered,
        planned: r.planned,
        score: r.answered ? r.score_sum / r.answered : null,
      }));
    });
  }

  questionStats(learner: string): Promise<QuestionStats[]> {
    return this.guard(() => {
      const rows = this.sql('SELECT question_id, answered, score_sum, last_score, last_answered FROM question_totals WHERE learner = ? ORDER BY question_id').all(learner) as {
        question_id: string;
        answered: number;
        score_sum: number;
        last_score: number;
        last_answered: string;
      }[];
      return rows.map((r) => ({ questionId: r.question_id, answered: r.answered, meanScore: r.score_sum / r.answered, lastScore: r.last_score, lastAnswered: r.last_answered }));
    });
  }

  dueCards(learner: string, now: string, limit = 1000): Promise<{ questionId: string; due: string }[]> {
    return this.guard(() =>
      (this.sql('SELECT question_id, due FROM cards WHERE learner = ? AND due <= ? ORDER BY due, question_id LIMIT ?').all(learner, now, limit) as { question_id: string; due: string }[]).map(
        (r) => ({ questionId: r.question_id, due: r.due }),
      ),
    );
  }

  dueCount(learner: string, until: string): Promise<number> {
    return this.guard(() => (this.sql('SELECT count(*) AS n FROM cards WHERE learner = ? AND due <= ?').get(learner, until) as { n: number }).n);
  }

  seenQuestions(learner: string): Promise<Set<string>> {
    return this.guard(() => new Set((this.sql('SELECT question_id FROM cards WHERE learner = ?').all(learner) as { question_id: string }[]).map((r) => r.question_id)));
  }

  newSince(learner: string, since: string): Promise<number> {
    return this.guard(() => (this.sql('SELECT count(*) AS n FROM question_totals WHERE learner = ? AND first_answered >= ?').get(learner, since) as { n: number }).n);
  }

  nextDue(learner: string, after: string): Promise<{ due: string; count: number }[]> {
    return this.guard(
      () =>
        this.sql(
          `SELECT substr(due, 1, 10) AS due, count(*) AS count FROM cards WHERE learner = ? AND due > ?
           GROUP BY substr(due, 1, 10) ORDER BY due LIMIT 5`,
        ).all(learner, after) as { due: string; count: number }[],
    );
  }

  learners(): Promise<string[]> {
    return this.guard(() => (this.sql('SELECT DISTINCT learner FROM sessions ORDER BY learner').all() as { learner: string }[]).map((r) => r.learner));
  }

  sessions(query: ProgressQuery = {}): Promise<SessionRecord[]> {
    return this.guard(() => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.learner !== undefined) (where.push('learner = ?'), params.push(query.learner));
      if (query.since !== undefined) (where.push('started >= ?'), params.push(isoMoment(query.since)));
      if (query.modes) (where.push(`mode IN (${query.modes.map(() => '?').join(', ') || 'NULL'})`), params.push(...query.modes));
      const rows = this.db.prepare(`SELECT * FROM sessions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY started, rowid`).all(...params) as SessionRow[];
      return rows.map(toSession).filter((s) => inBanks(s, query.banks));
    });
  }

  answers(query: ProgressQuery = {}): Promise<StoredAnswer[]> {
    return this.guard(() => {
      const where = ['a.superseded_by IS NULL'];
      const params: unknown[] = [];
      if (query.learner !== undefined) (where.push('a.learner = ?'), params.push(query.learner));
      if (query.since !== undefined) (where.push('a.answered_at >= ?'), params.push(isoMoment(query.since)));
      if (query.banks) (where.push(`(${query.banks.map(() => 'substr(a.question_id, 1, length(?) + 1) = ? ' + "|| '/'").join(' OR ') || '0'})`), params.push(...query.banks.flatMap((b) => [b, b])));
      if (query.modes) (where.push(`s.mode IN (${query.modes.map(() => '?').join(', ') || 'NULL'})`), params.push(...query.modes));
      const join = query.modes ? 'JOIN sessions s ON s.id = a.session_id' : '';
      const rows = this.db.prepare(`SELECT a.* FROM answers a ${join} WHERE ${where.join(' AND ')} ORDER BY a.answered_at, a.position, a.id`).all(...params) as AnswerRow[];
      return rows.map(toAnswer);
    });
  }

  allAnswers(query: { learner?: string; sessionIds?: readonly string[] } = {}): Promise<(StoredAnswer & { supersededBy?: string })[]> {
    return this.guard(() => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.learner !== undefined) (where.push('learner = ?'), params.push(query.learner));
      if (query.sessionIds) (where.push(`session_id IN (SELECT value FROM json_each(?))`), params.push(JSON.stringify(query.sessionIds)));
      const rows = this.db.prepare(`SELECT * FROM answers ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY answered_at, position, id`).all(...params) as AnswerRow[];
      return rows.map((r) => ({ ...toAnswer(r), ...(r.superseded_by ? { supersededBy: r.superseded_by } : {}) }));
    });
  }

  putSessions(sessions: readonly SessionRecord[]): Promise<number> {
    return this.write(() =>
      this.db
        .transaction(() => {
          let changed = 0;
          for (const session of sessions) {
            changed += this.sql(SQL.insertSession + ' ON CONFLICT (id) DO NOTHING').run(sessionParams(session)).changes;
            if (session.finished) changed += this.sql('UPDATE sessions SET finished = ? WHERE id = ? AND finished IS NULL').run(session.finished, session.id).changes;
          }
          return changed;
        })
        .immediate(),
    );
  }

  async putAnswers(answers: readonly (StoredAnswer & { supersededBy?: string })[]): Promise<number> {
    const { cardAfter } = await import('./cards.js');
    return this.write(() =>
      this.db
        .transaction(() => {
          const fresh = [];
          for (const answer of answers) {
            const inserted = this.sql(SQL.insertAnswerAt + ' ON CONFLICT (uid) DO NOTHING').run({
              uid: answer.id,
              sessionId: answer.sessionId,
              position: answer.position,
              learner: answer.learner,
              questionId: answer.questionId,
              questionHash: answer.questionHash,
              response: JSON.stringify(answer.response),
              score: answer.score,
              seconds: answer.seconds,
              answeredAt: answer.answeredAt,
              supersedes: answer.supersedes ?? null,
              supersededBy: answer.supersededBy ?? null,
            }).changes;
            if (!inserted) continue;
            fresh.push(answer);
            // An answer that replaces one already here takes it out of the totals (the triggers do).
            if (answer.supersedes && !answer.supersededBy) this.sql(SQL.markSuperseded).run(answer.id, answer.supersedes);
          }
          for (const answer of [...fresh].filter((a) => !a.supersededBy).sort((a, b) => (a.answeredAt < b.answeredAt ? -1 : a.answeredAt > b.answeredAt ? 1 : 0))) {
            const row = this.sql(SQL.card).get(answer.learner, answer.questionId) as { card: string } | undefined;
            const card = cardAfter(row ? (JSON.parse(row.card) as CardData) : undefined, answer);
            if (card) this.sql(SQL.upsertCard).run(answer.learner, answer.questionId, card.due, JSON.stringify(card));
          }
          return fresh.length;
        })
        .immediate(),
    );
  }

  sentStatements(endpoint: string): Promise<Set<string>> {
    return this.guard(() => new Set((this.sql('SELECT statement_id FROM sent_statements WHERE endpoint = ?').all(endpoint) as { statement_id: string }[]).map((r) => r.statement_id)));
  }

  markSent(endpoint: string, statementIds: readonly string[], at: string): Promise<void> {
    return this.write(() =>
      this.db
        .transaction(() => {
          for (const id of statementIds) this.sql('INSERT INTO sent_statements (endpoint, statement_id, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(endpoint, id, at);
        })
        .immediate(),
    );
  }
}

/** The SQL the store runs most: named, so the bench can time exactly what the store runs. */
export const SQL = {
  insertSession: `INSERT INTO sessions (id, learner, mode, filters, seed, plan, pass_mark, started, finished, planned)
     VALUES (@id, @learner, @mode, @filters, @seed, @plan, @passMark, @started, @finished, @planned)`,
  insertAnswer: `INSERT INTO answers (uid, session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at, supersedes)
     VALUES (@uid, @sessionId, (SELECT coalesce(max(position) + 1, 0) FROM answers WHERE session_id = @sessionId),
             @learner, @questionId, @questionHash, @response, @score, @seconds, @answeredAt, @supersedes)`,
  insertAnswerAt: `INSERT INTO answers (uid, session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at, supersedes, superseded_by)
     VALUES (@uid, @sessionId, @position, @learner, @questionId, @questionHash, @response, @score, @seconds, @answeredAt, @supersedes, @supersededBy)`,
  markSuperseded: 'UPDATE answers SET superseded_by = ? WHERE uid = ? AND superseded_by IS NULL',
  card: 'SELECT card FROM cards WHERE learner = ? AND question_id = ?',
  upsertCard: `INSERT INTO cards (learner, question_id, due, card) VALUES (?, ?, ?, ?)
     ON CONFLICT (learner, question_id) DO UPDATE SET due = excluded.due, card = excluded.card`,
} as const;

/** Up to this size (about 30,000 answers) the whole file is checked when it is opened. */
const CHECK_AT_OPEN_BYTES = 16 * 1024 * 1024;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
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

function asUserError(err: unknown, path: string): UserError {
  if (err instanceof UserError) return err;
  const code = (err as { code?: string })?.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new UserError(say.damaged(path, reason(err)), DAMAGED_HINT);
  return new UserError(say.cannotUse(path, reason(err)), HINT);
}

function inBanks(session: SessionRecord, banks: readonly string[] | undefined): boolean {
  if (!banks) return true;
  return session.plan.some((p) => banks.some((b) => p.id.startsWith(b + '/')));
}

function sessionParams(session: SessionRecord) {
  return {
    id: session.id,
    learner: session.learner,
    mode: session.mode,
    filters: JSON.stringify(session.filters ?? {}),
    seed: session.seed,
    plan: JSON.stringify(session.plan),
    passMark: session.passMark,
    started: session.started,
    finished: session.finished ?? null,
    planned: session.plan.length,
  };
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
  answered: number;
}

interface AnswerRow {
  uid: string;
  session_id: string;
  position: number;
  learner: string;
  question_id: string;
  question_hash: string;
  response: string;
  score: number;
  seconds: number | null;
  answered_at: string;
  supersedes: string | null;
  superseded_by: string | null;
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

function toAnswer(r: AnswerRow): StoredAnswer {
  const answer: StoredAnswer = {
    id: r.uid,
    sessionId: r.session_id,
    learner: r.learner,
    position: r.position,
    questionId: r.question_id,
    questionHash: r.question_hash,
    response: JSON.parse(r.response) as number[],
    score: r.score,
    seconds: r.seconds,
    answeredAt: r.answered_at,
  };
  if (r.supersedes) answer.supersedes = r.supersedes;
  return answer;
}

function migrate(db: Database.Database, path: string): void {
  const target = MIGRATIONS.length;
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const current = version();
  if (current === target) return;
  if (current > target) throw new UserError(say.newerSchema(path, current, target), say.newerSchemaHint);
  db.transaction(() => {
    const from = version();
    if (from > target) throw new UserError(say.newerSchema(path, from, target), say.newerSchemaHint);
    if (from === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new UserError(say.otherProgram(path), HINT);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    for (let v = from; v < target; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${target}`);
  }).immediate();
}
