// The progress store in PostgreSQL: one database for a whole organisation, written by many
// terminals at once. Every answer is committed the moment it is given; a session's row is locked
// while its answer is stored, so positions within a session never collide.
import pg from 'pg';
import type { CardData } from '../core/schedule.js';
import { UserError } from '../errors.js';
import { storeMessages as say } from '../messages/store.js';
import { isoMoment } from './moments.js';
import { StoreUnavailableError } from './errors.js';
import { parsePostgresUrl } from './open.js';
import { MIGRATION_LOCK, PG_MIGRATIONS } from './postgres-schema.js';
import type {
  AnswerRecord,
  ProgressQuery,
  ProgressStore,
  QuestionStats,
  SessionRecord,
  SessionSummary,
  StoredAnswer,
} from './progress-store.js';

export { StoreUnavailableError };

/** Connections per mot process: a session needs one at a time; sync and the report a few. */
export const DEFAULT_POOL_SIZE = 4;

// bigint (counts, seeds) as numbers and timestamptz as the ISO strings the SQLite store keeps.
const parseTimestamp = pg.types.getTypeParser(1184);
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20) return (value: string) => Number(value);
    if (oid === 1184) return (value: string) => (parseTimestamp(value) as Date).toISOString();
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.PoolClient, 'query'>;
type Entry = StoredAnswer & { supersededBy?: string };

export class PostgresStore implements ProgressStore {
  readonly engine = 'postgres' as const;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  static async open(location: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
    const { safe } = parsePostgresUrl(location);
    const poolSize = options.poolSize ?? poolSizeFrom(process.env);
    const pool = new pg.Pool({
      connectionString: location,
      max: poolSize,
      types: TYPES,
      connectionTimeoutMillis: 10_000,
      application_name: 'mot',
    });
    // An idle connection that breaks (the server restarts) is dropped by the pool; the next query
    // reports it. Without a listener Node would end the process on that event.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, safe);
    try {
      await store.migrate();
    } catch (err) {
      await pool.end().catch(() => {});
      throw store.asUserError(err);
    }
    return store;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end().catch(() => {});
  }

  /** Brings the schema up to date; refuses, with no write at all, a database newer than this mot. */
  private async migrate(): Promise<void> {
    const target = PG_MIGRATIONS.length;
    const applied = async (db: Queryable): Promise<number | undefined> => {
      // Catalog tables read through the query's snapshot, so a migration committed by another
      // terminal a moment ago is seen once its lock is released.
      const found = await db.query<{ namespace: boolean; migrations: boolean; tables: number }>(
        `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'mot') AS namespace,
                EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'mot' AND tablename = 'schema_migrations') AS migrations,
                (SELECT count(*) FROM pg_tables WHERE schemaname = 'mot') AS tables`,
      );
      const row = found.rows[0]!;
      if (!row.migrations) {
        if (row.tables > 0) throw new UserError(say.notMotDatabase(this.location), say.notMotDatabaseHint);
        return undefined;
      }
      return (await db.query<{ v: number | null }>('SELECT max(version) AS v FROM mot.schema_migrations')).rows[0]!.v ?? 0;
    };
    const found = await applied(this.pool);
    if (found !== undefined && found > target) throw new UserError(say.newerSchema(this.location, found, target), say.newerSchemaHint);
    if (found === target) return;
    await this.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const from = await applied(db);
      if (from !== undefined && from > target) throw new UserError(say.newerSchema(this.location, from, target), say.newerSchemaHint);
      if (from === undefined) {
        await db.query('CREATE SCHEMA IF NOT EXISTS mot');
        await db.query('CREATE TABLE mot.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      }
      for (let v = from ?? 0; v < target; v++) {
        await db.query(PG_MIGRATIONS[v]!);
        await db.query('INSERT INTO mot.schema_migrations (version) VALUES ($1)', [v + 1]);
      }
    });
  }

  /** One transaction on one connection; retried when PostgreSQL chose it as a deadlock victim. */
  private async transaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      // A checked-out connection that breaks emits 'error' besides failing its query.
      const onError = (e: Error) => (broken = e);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        const code = (err as { code?: string }).code;
        if ((code === '40P01' || code === '40001') && attempt < 5) continue;
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw this.asUserError(err);
    }
  }

  private asUserError(err: unknown): UserError {
    if (err instanceof UserError) return err;
    const e = err as { code?: string; message?: string };
    const code = e.code ?? '';
    const message = String(e.message ?? err);
    if (code === '28P01' || code === '28000') return new UserError(say.refused(this.location, 'the user name or password is not accepted'), say.refusedHint);
    if (code === '3D000') return new UserError(say.refused(this.location, 'the database does not exist'), say.refusedHint);
    if (code === '42501') return new UserError(say.refused(this.location, 'permission denied'), say.refusedHint);
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'].includes(code) ||
      code.startsWith('08') ||
      code === '57P01' ||
      code === '57P02' ||
      code === '57P03' ||
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(message)
    )
      return new StoreUnavailableError(this.location, unavailableReason(code, message));
    return new UserError(say.cannotUse(this.location, message.replace(/postgres(ql)?:\/\/[^\s]*/gi, this.location)), say.refusedHint);
  }

  createSession(session: SessionRecord): Promise<void> {
    return this.guard(async () => {
      await this.pool.query(SQL.insertSession, sessionParams(session));
    });
  }

  recordAnswer(answer: AnswerRecord, schedule: (previous: CardData | undefined) => CardData | undefined): Promise<void> {
    return this.guard(() =>
      this.transaction(async (db) => {
        // The session's row is locked first, so the next position is read after any other writer to it.
        await db.query({ name: 'mot-lock-session', text: SQL.lockSession, values: [answer.sessionId] });
        const values = [
          answer.id,
          answer.sessionId,
          answer.learner,
          answer.questionId,
          answer.questionHash,
          JSON.stringify(answer.response),
          answer.score,
          answer.seconds ?? null,
          answer.answeredAt,
        ];
        let row: { card: CardData } | undefined;
        if (answer.supersedes) {
          await db.query(SQL.insertAnswer, [...values, answer.supersedes]);
          const old = (await db.query<{ learner: string; question_id: string }>('SELECT learner, question_id FROM mot.answers WHERE id = $1', [answer.supersedes])).rows[0];
          await db.query(SQL.markSuperseded, [answer.id, answer.supersedes]);
          await db.query(SQL.recountSession, [answer.sessionId]);
          await recountQuestion(db, answer.learner, answer.questionId);
          if (old && old.question_id !== answer.questionId) await recountQuestion(db, old.learner, old.question_id);
          row = (await db.query<{ card: CardData }>(SQL.cardForUpdate, [answer.learner, answer.questionId])).rows[0];
        } else {
          // One round trip: the answer, both running totals, and the card to schedule from.
          row = (await db.query<{ card: CardData }>({ name: 'mot-record-answer', text: SQL.recordAnswer, values })).rows[0];
        }
        const card = schedule(row?.card);
        if (card) await db.query({ name: 'mot-upsert-card', text: SQL.upsertCard, values: [answer.learner, answer.questionId, card.due, JSON.stringify(card)] });
      }),
    );
  }

  finishSession(id: string, at: string): Promise<void> {
    return this.guard(async () => {
      await this.pool.query('UPDATE mot.sessions SET finished = $2 WHERE id = $1', [id, at]);
    });
  }

  discardIfEmpty(id: string): Promise<void> {
    return this.guard(async () => {
      await this.pool.query('DELETE FROM mot.sessions s WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM mot.answers WHERE session_id = s.id)', [id]);
    });
  }

  session(id: string): Promise<SessionRecord | undefined> {
    return this.guard(async () => {
      const row = (await this.pool.query<SessionRow>('SELECT * FROM mot.sessions WHERE id = $1', [id])).rows[0];
      return row ? toSession(row) : undefined;
    });
  }

  unfinishedSessions(learner: string): Promise<(SessionRecord & { answered: number })[]> {
    return this.guard(async () => {
      const rows = (await this.pool.query<SessionRow>('SELECT * FROM mot.sessions WHERE learner = $1 AND finished IS NULL ORDER BY started DESC, seq DESC', [learner])).rows;
      return rows.map((row) => ({ ...toSession(row), answered: row.answered }));
    });
  }

  answersOf(sessionId: string): Promise<StoredAnswer[]> {
    return this.guard(async () => (await this.pool.query<AnswerRow>('SELECT * FROM mot.answers WHERE session_id = $1 AND superseded_by IS NULL ORDER BY position', [sessionId])).rows.map(toAnswer));
  }

  answeredCount(learner: string): Promise<number> {
    return this.guard(async () => (await this.pool.query<{ n: number }>('SELECT coalesce(sum(answered), 0)::bigint AS n FROM mot.question_totals WHERE learner = $1', [learner])).rows[0]!.n);
  }

  sessionSummaries(learner: string): Promise<SessionSummary[]> {
    return this.guard(async () => {
      const rows = (
        await this.pool.query<{ id: string; mode: string; started: string; finished: string | null; planned: number; answered: number; score_sum: number }>(
          'SELECT id, mode, started, finished, planned, answered, score_sum FROM mot.sessions WHERE learner = $1 ORDER BY started, seq',
          [learner],
        )
      ).rows;
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
    return this.guard(async () => {
      const rows = (
        await this.pool.query<{ question_id: string; answered: number; score_sum: number; last_score: number; last_answered: string }>(
          'SELECT question_id, answered, score_sum, last_score, last_answered FROM mot.question_totals WHERE learner = $1 ORDER BY question_id COLLATE "C"',
          [learner],
        )
      ).rows;
      return rows.map((r) => ({ questionId: r.question_id, answered: r.answered, meanScore: r.score_sum / r.answered, lastScore: r.last_score, lastAnswered: r.last_answered }));
    });
  }

  dueCards(learner: string, now: string, limit = 1000): Promise<{ questionId: string; due: string }[]> {
    return this.guard(async () =>
      (await this.pool.query<{ question_id: string; due: string }>('SELECT question_id, due FROM mot.cards WHERE learner = $1 AND due <= $2 ORDER BY due, question_id COLLATE "C" LIMIT $3', [learner, now, limit])).rows.map(
        (r) => ({ questionId: r.question_id, due: r.due }),
      ),
    );
  }

  dueCount(learner: string, until: string): Promise<number> {
    return this.guard(async () => (await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM mot.cards WHERE learner = $1 AND due <= $2', [learner, until])).rows[0]!.n);
  }

  seenQuestions(learner: string): Promise<Set<string>> {
    return this.guard(async () => new Set((await this.pool.query<{ question_id: string }>('SELECT question_id FROM mot.cards WHERE learner = $1', [learner])).rows.map((r) => r.question_id)));
  }

  newSince(learner: string, since: string): Promise<number> {
    return this.guard(async () => (await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM mot.question_totals WHERE learner = $1 AND first_answered >= $2', [learner, since])).rows[0]!.n);
  }

  nextDue(learner: string, after: string): Promise<{ due: string; count: number }[]> {
    return this.guard(
      async () =>
        (
          await this.pool.query<{ due: string; count: number }>(
            `SELECT to_char(due AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due, count(*) AS count FROM mot.cards WHERE learner = $1 AND due > $2
             GROUP BY 1 ORDER BY 1 LIMIT 5`,
            [learner, after],
          )
        ).rows,
    );
  }

  learners(): Promise<string[]> {
    return this.guard(async () => (await this.pool.query<{ learner: string }>('SELECT learner FROM mot.sessions GROUP BY learner ORDER BY learner COLLATE "C"')).rows.map((r) => r.learner));
  }

  sessions(query: ProgressQuery = {}): Promise<SessionRecord[]> {
    return this.guard(async () => {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => (params.push(value), `$${params.length}`);
      if (query.learner !== undefined) where.push(`learner = ${param(query.learner)}`);
      if (query.since !== undefined) where.push(`started >= ${param(isoMoment(query.since))}`);
      if (query.modes) where.push(`mode = ANY(${param(query.modes)}::text[])`);
      if (query.banks) where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(plan) p WHERE split_part(p->>'id', '/', 1) = ANY(${param(query.banks)}::text[]))`);
      const rows = (await this.pool.query<SessionRow>(`SELECT * FROM mot.sessions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY started, seq`, params)).rows;
      return rows.map(toSession);
    });
  }

  answers(query: ProgressQuery = {}): Promise<StoredAnswer[]> {
    return this.guard(async () => {
      const where = ['a.superseded_by IS NULL'];
      const params: unknown[] = [];
      const param = (value: unknown) => (params.push(value), `$${params.length}`);
      if (query.learner !== undefined) where.push(`a.learner = ${param(query.learner)}`);
      if (query.since !== undefined) where.push(`a.answered_at >= ${param(isoMoment(query.since))}`);
      if (query.banks) where.push(`split_part(a.question_id, '/', 1) = ANY(${param(query.banks)}::text[])`);
      if (query.modes) where.push(`s.mode = ANY(${param(query.modes)}::text[])`);
      const join = query.modes ? 'JOIN mot.sessions s ON s.id = a.session_id' : '';
      return (await this.pool.query<AnswerRow>(`SELECT a.* FROM mot.answers a ${join} WHERE ${where.join(' AND ')} ORDER BY a.answered_at, a.position, a.seq`, params)).rows.map(toAnswer);
    });
  }

  allAnswers(query: { learner?: string; sessionIds?: readonly string[] } = {}): Promise<Entry[]> {
    return this.guard(async () => {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => (params.push(value), `$${params.length}`);
      if (query.learner !== undefined) where.push(`learner = ${param(query.learner)}`);
      if (query.sessionIds) where.push(`session_id = ANY(${param(query.sessionIds)}::text[])`);
      const rows = (await this.pool.query<AnswerRow>(`SELECT * FROM mot.answers ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY answered_at, position, seq`, params)).rows;
      return rows.map((r) => ({ ...toAnswer(r), ...(r.superseded_by ? { supersededBy: r.superseded_by } : {}) }));
    });
  }

  putSessions(sessions: readonly SessionRecord[]): Promise<number> {
    if (sessions.length === 0) return Promise.resolve(0);
    return this.guard(() =>
      this.transaction(async (db) => {
        const p = sessions.map(sessionParams);
        const column = (i: number) => p.map((row) => row[i]);
        const inserted = await db.query(
          `INSERT INTO mot.sessions (id, learner, mode, filters, seed, plan, pass_mark, started, finished, planned)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::bigint[], $6::jsonb[], $7::float8[], $8::timestamptz[], $9::timestamptz[], $10::int[])
           ON CONFLICT (id) DO NOTHING`,
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(column),
        );
        const finished = sessions.filter((s) => s.finished);
        const updated = finished.length
          ? await db.query(
              `UPDATE mot.sessions s SET finished = f.at FROM unnest($1::text[], $2::timestamptz[]) AS f(id, at) WHERE s.id = f.id AND s.finished IS NULL`,
              [finished.map((s) => s.id), finished.map((s) => s.finished)],
            )
          : { rowCount: 0 };
        return (inserted.rowCount ?? 0) + (updated.rowCount ?? 0);
      }),
    );
  }

  async putAnswers(answers: readonly Entry[]): Promise<number> {
    if (answers.length === 0) return 0;
    const { cardAfter } = await import('./cards.js');
    return this.guard(() =>
      this.transaction(async (db) => {
        const inserted = await db.query<{ id: string }>(
          `INSERT INTO mot.answers (id, session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at, supersedes, superseded_by)
           SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::float8[], $9::float8[], $10::timestamptz[], $11::text[], $12::text[])
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            answers.map((a) => a.id),
            answers.map((a) => a.sessionId),
            answers.map((a) => a.position),
            answers.map((a) => a.learner),
            answers.map((a) => a.questionId),
            answers.map((a) => a.questionHash),
            answers.map((a) => JSON.stringify(a.response)),
            answers.map((a) => a.score),
            answers.map((a) => a.seconds),
            answers.map((a) => a.answeredAt),
            answers.map((a) => a.supersedes ?? null),
            answers.map((a) => a.supersededBy ?? null),
          ],
        );
        const ids = new Set(inserted.rows.map((r) => r.id));
        const fresh = answers.filter((a) => ids.has(a.id));
        if (fresh.length === 0) return 0;

        // Answers that replace one already stored take it out of the totals: those are recounted.
        const recountSessions = new Set<string>();
        const recountQuestions = new Map<string, [string, string]>();
        const replacing = fresh.filter((a) => a.supersedes && !a.supersededBy);
        if (replacing.length) {
          const marked = await db.query<{ session_id: string; learner: string; question_id: string }>(
            `UPDATE mot.answers o SET superseded_by = r.by FROM unnest($1::text[], $2::text[]) AS r(old, by)
             WHERE o.id = r.old AND o.superseded_by IS NULL RETURNING o.session_id, o.learner, o.question_id`,
            [replacing.map((a) => a.supersedes), replacing.map((a) => a.id)],
          );
          for (const r of marked.rows) {
            recountSessions.add(r.session_id);
            recountQuestions.set(r.learner + '\u0000' + r.question_id, [r.learner, r.question_id]);
          }
        }
        const counting = fresh.filter((a) => !a.supersededBy);
        const bySession = new Map<string, { n: number; sum: number }>();
        const byQuestion = new Map<string, { learner: string; questionId: string; n: number; sum: number; first: string; last: string; lastScore: number }>();
        for (const a of counting) {
          if (recountSessions.has(a.sessionId)) continue;
          const s = bySession.get(a.sessionId) ?? { n: 0, sum: 0 };
          s.n += 1;
          s.sum += a.score;
          bySession.set(a.sessionId, s);
        }
        for (const a of counting) {
          const key = a.learner + '\u0000' + a.questionId;
          if (recountQuestions.has(key)) continue;
          const q = byQuestion.get(key) ?? { learner: a.learner, questionId: a.questionId, n: 0, sum: 0, first: a.answeredAt, last: a.answeredAt, lastScore: a.score };
          q.n += 1;
          q.sum += a.score;
          if (a.answeredAt < q.first) q.first = a.answeredAt;
          if (a.answeredAt >= q.last) (q.last = a.answeredAt), (q.lastScore = a.score);
          byQuestion.set(key, q);
        }
        // Locks are taken in one order (sessions, then totals and cards by key) so batches never deadlock.
        const sessionIds = [...bySession.keys()].sort();
        if (sessionIds.length)
          await db.query(
            `UPDATE mot.sessions s SET answered = s.answered + d.n, score_sum = s.score_sum + d.sum
             FROM unnest($1::text[], $2::int[], $3::float8[]) AS d(id, n, sum) WHERE s.id = d.id`,
            [sessionIds, sessionIds.map((id) => bySession.get(id)!.n), sessionIds.map((id) => bySession.get(id)!.sum)],
          );
        const totals = [...byQuestion.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, q]) => q);
        if (totals.length)
          await db.query(SQL.addToQuestions, [
            totals.map((q) => q.learner),
            totals.map((q) => q.questionId),
            totals.map((q) => q.n),
            totals.map((q) => q.sum),
            totals.map((q) => q.first),
            totals.map((q) => q.last),
            totals.map((q) => q.lastScore),
          ]);
        for (const id of [...recountSessions].sort()) await db.query(SQL.recountSession, [id]);
        for (const [learner, questionId] of recountQuestions.values()) await recountQuestion(db, learner, questionId);

        // Cards: each answer in the order given, from the card stored for its question.
        const byCard = new Map<string, { learner: string; questionId: string; answers: Entry[] }>();
        for (const a of counting) {
          const key = a.learner + '\u0000' + a.questionId;
          const entry = byCard.get(key) ?? { learner: a.learner, questionId: a.questionId, answers: [] };
          entry.answers.push(a);
          byCard.set(key, entry);
        }
        const keys = [...byCard.keys()].sort();
        const stored = await db.query<{ learner: string; question_id: string; card: CardData }>(
          `SELECT c.learner, c.question_id, c.card FROM mot.cards c JOIN unnest($1::text[], $2::text[]) AS k(learner, question_id)
           USING (learner, question_id) ORDER BY 1, 2 FOR UPDATE OF c`,
          [keys.map((k) => byCard.get(k)!.learner), keys.map((k) => byCard.get(k)!.questionId)],
        );
        const previous = new Map(stored.rows.map((r) => [r.learner + '\u0000' + r.question_id, r.card]));
        const cards: { learner: string; questionId: string; card: CardData }[] = [];
        for (const key of keys) {
          const entry = byCard.get(key)!;
          let card = previous.get(key);
          let changed = false;
          for (const a of entry.answers.sort((x, y) => (x.answeredAt < y.answeredAt ? -1 : x.answeredAt > y.answeredAt ? 1 : 0))) {
            const next = cardAfter(card, a);
            if (next) (card = next), (changed = true);
          }
          if (changed && card) cards.push({ learner: entry.learner, questionId: entry.questionId, card });
        }
        if (cards.length)
          await db.query(SQL.upsertCards, [cards.map((c) => c.learner), cards.map((c) => c.questionId), cards.map((c) => c.card.due), cards.map((c) => JSON.stringify(c.card))]);
        return fresh.length;
      }),
    );
  }

  sentStatements(endpoint: string): Promise<Set<string>> {
    return this.guard(async () => new Set((await this.pool.query<{ statement_id: string }>('SELECT statement_id FROM mot.sent_statements WHERE endpoint = $1', [endpoint])).rows.map((r) => r.statement_id)));
  }

  markSent(endpoint: string, statementIds: readonly string[], at: string): Promise<void> {
    if (statementIds.length === 0) return Promise.resolve();
    return this.guard(async () => {
      await this.pool.query(
        `INSERT INTO mot.sent_statements (endpoint, statement_id, sent_at) SELECT $1, id, $3 FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING`,
        [endpoint, statementIds, at],
      );
    });
  }
}

/** The SQL the store runs most: named, so the bench can time exactly what the store runs. */
export const SQL = {
  insertSession: `INSERT INTO mot.sessions (id, learner, mode, filters, seed, plan, pass_mark, started, finished, planned)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  insertAnswer: `INSERT INTO mot.answers (id, session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at, supersedes)
     VALUES ($1, $2, (SELECT coalesce(max(position) + 1, 0) FROM mot.answers WHERE session_id = $2), $3, $4, $5, $6, $7, $8, $9, $10)`,
  lockSession: 'SELECT 1 FROM mot.sessions WHERE id = $1 FOR UPDATE',
  recordAnswer: `WITH answer AS (
       INSERT INTO mot.answers (id, session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at)
       VALUES ($1, $2, (SELECT coalesce(max(position) + 1, 0) FROM mot.answers WHERE session_id = $2), $3, $4, $5, $6, $7, $8, $9)
     ), session AS (
       UPDATE mot.sessions SET answered = answered + 1, score_sum = score_sum + $7 WHERE id = $2
     ), totals AS (
       INSERT INTO mot.question_totals AS t (learner, question_id, answered, score_sum, first_answered, last_answered, last_score)
       VALUES ($3, $4, 1, $7, $9, $9, $7)
       ON CONFLICT (learner, question_id) DO UPDATE SET
         answered = t.answered + 1,
         score_sum = t.score_sum + excluded.score_sum,
         first_answered = least(t.first_answered, excluded.first_answered),
         last_score = CASE WHEN excluded.last_answered >= t.last_answered THEN excluded.last_score ELSE t.last_score END,
         last_answered = greatest(t.last_answered, excluded.last_answered)
     )
     SELECT card FROM mot.cards WHERE learner = $3 AND question_id = $4 FOR UPDATE`,
  cardForUpdate: 'SELECT card FROM mot.cards WHERE learner = $1 AND question_id = $2 FOR UPDATE',
  upsertCard: `INSERT INTO mot.cards (learner, question_id, due, card) VALUES ($1, $2, $3, $4)
     ON CONFLICT (learner, question_id) DO UPDATE SET due = excluded.due, card = excluded.card`,
  markSuperseded: 'UPDATE mot.answers SET superseded_by = $1 WHERE id = $2 AND superseded_by IS NULL',
  addToQuestions: `INSERT INTO mot.question_totals AS t (learner, question_id, answered, score_sum, first_answered, last_answered, last_score)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::float8[], $5::timestamptz[], $6::timestamptz[], $7::float8[])
     ON CONFLICT (learner, question_id) DO UPDATE SET
       answered = t.answered + excluded.answered,
       score_sum = t.score_sum + excluded.score_sum,
       first_answered = least(t.first_answered, excluded.first_answered),
       last_score = CASE WHEN excluded.last_answered >= t.last_answered THEN excluded.last_score ELSE t.last_score END,
       last_answered = greatest(t.last_answered, excluded.last_answered)`,
  recountSession: `UPDATE mot.sessions s SET
       answered = (SELECT count(*) FROM mot.answers WHERE session_id = s.id AND superseded_by IS NULL),
       score_sum = (SELECT coalesce(sum(score), 0) FROM mot.answers WHERE session_id = s.id AND superseded_by IS NULL)
     WHERE id = $1`,
  deleteQuestionTotals: 'DELETE FROM mot.question_totals WHERE learner = $1 AND question_id = $2',
  recountQuestion: `INSERT INTO mot.question_totals (learner, question_id, answered, score_sum, first_answered, last_answered, last_score)
     SELECT $1, $2, count(*), sum(score), min(answered_at), max(answered_at),
            (SELECT score FROM mot.answers WHERE learner = $1 AND question_id = $2 AND superseded_by IS NULL
             ORDER BY answered_at DESC, seq DESC LIMIT 1)
     FROM mot.answers WHERE learner = $1 AND question_id = $2 AND superseded_by IS NULL HAVING count(*) > 0`,
  upsertCards: `INSERT INTO mot.cards (learner, question_id, due, card)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::jsonb[])
     ON CONFLICT (learner, question_id) DO UPDATE SET due = excluded.due, card = excluded.card`,
} as const;

async function recountQuestion(db: Queryable, learner: string, questionId: string): Promise<void> {
  await db.query(SQL.deleteQuestionTotals, [learner, questionId]);
  await db.query(SQL.recountQuestion, [learner, questionId]);
}

function poolSizeFrom(env: NodeJS.ProcessEnv): number {
  const n = Number(env.MOT_STORE_POOL);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : DEFAULT_POOL_SIZE;
}

function unavailableReason(code: string, message: string): string {
  if (code === 'ECONNREFUSED') return 'the server refused the connection (is it running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name is not known';
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return 'the server did not answer in time';
  if (code === '57P01' || code === '57P02') return 'the server was shut down';
  if (code === '57P03') return 'the server is starting up or shutting down';
  return 'the connection to the server was lost';
}

function sessionParams(session: SessionRecord): unknown[] {
  return [
    session.id,
    session.learner,
    session.mode,
    JSON.stringify(session.filters ?? {}),
    session.seed,
    JSON.stringify(session.plan),
    session.passMark,
    session.started,
    session.finished ?? null,
    session.plan.length,
  ];
}

interface SessionRow {
  id: string;
  learner: string;
  mode: string;
  filters: unknown;
  seed: number;
  plan: { id: string; order: number[] }[];
  pass_mark: number;
  started: string;
  finished: string | null;
  answered: number;
}

interface AnswerRow {
  id: string;
  session_id: string;
  position: number;
  learner: string;
  question_id: string;
  question_hash: string;
  response: number[];
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
    filters: row.filters,
    seed: row.seed,
    plan: row.plan,
    passMark: row.pass_mark,
    started: row.started,
  };
  if (row.finished) session.finished = row.finished;
  return session;
}

function toAnswer(r: AnswerRow): StoredAnswer {
  const answer: StoredAnswer = {
    id: r.id,
    sessionId: r.session_id,
    learner: r.learner,
    position: r.position,
    questionId: r.question_id,
    questionHash: r.question_hash,
    response: r.response,
    score: r.score,
    seconds: r.seconds,
    answeredAt: r.answered_at,
  };
  if (r.supersedes) answer.supersedes = r.supersedes;
  return answer;
}
