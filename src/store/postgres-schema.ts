// The organisation store's schema in PostgreSQL, one migration per version. Everything lives in
// its own schema, `mot`, so that a database shared with other programs keeps their tables apart;
// `mot.schema_migrations` records which versions were applied (and when).
//
// The same shape as the SQLite store (see schema.ts), with PostgreSQL types: timestamps are
// timestamptz, JSON is jsonb, and `seq` columns keep the order rows arrived in for ties.

export const PG_SCHEMA = 'mot';

/** Taken inside the migrating transaction, so that terminals starting together migrate once. */
export const MIGRATION_LOCK = 0x6d6f7431;

export const PG_MIGRATIONS: string[] = [
  // 1: sessions, answers, running totals, cards, sent xAPI statements.
  `
  CREATE TABLE mot.sessions (
    id         text PRIMARY KEY,
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    learner    text NOT NULL,
    mode       text NOT NULL,
    filters    jsonb NOT NULL,
    seed       bigint NOT NULL,
    plan       jsonb NOT NULL,
    pass_mark  double precision NOT NULL,
    started    timestamptz NOT NULL,
    finished   timestamptz,
    planned    integer NOT NULL,
    answered   integer NOT NULL DEFAULT 0,          -- answers that count (not superseded)
    score_sum  double precision NOT NULL DEFAULT 0
  );
  CREATE INDEX sessions_by_learner ON mot.sessions (learner, started, seq);
  CREATE INDEX sessions_by_time ON mot.sessions (started);
  CREATE INDEX sessions_unfinished ON mot.sessions (learner, started) WHERE finished IS NULL;

  CREATE TABLE mot.answers (
    id            text PRIMARY KEY,                 -- the answer's UUID, the same in every store
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    session_id    text NOT NULL REFERENCES mot.sessions (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    learner       text NOT NULL,
    question_id   text NOT NULL,
    question_hash text NOT NULL,
    response      jsonb NOT NULL,
    score         double precision NOT NULL,
    seconds       double precision,
    answered_at   timestamptz NOT NULL,
    supersedes    text,
    superseded_by text,
    UNIQUE (session_id, position)
  );
  CREATE INDEX answers_by_learner ON mot.answers (learner, question_id, answered_at);
  CREATE INDEX answers_by_time ON mot.answers (answered_at);

  CREATE TABLE mot.question_totals (
    learner        text NOT NULL,
    question_id    text NOT NULL,
    answered       integer NOT NULL,
    score_sum      double precision NOT NULL,
    first_answered timestamptz NOT NULL,
    last_answered  timestamptz NOT NULL,
    last_score     double precision NOT NULL,
    PRIMARY KEY (learner, question_id)
  );
  CREATE INDEX question_totals_first ON mot.question_totals (learner, first_answered);

  CREATE TABLE mot.cards (
    learner     text NOT NULL,
    question_id text NOT NULL,
    due         timestamptz NOT NULL,
    card        jsonb NOT NULL,
    PRIMARY KEY (learner, question_id)
  );
  CREATE INDEX cards_by_due ON mot.cards (learner, due);

  CREATE TABLE mot.sent_statements (
    endpoint     text NOT NULL,
    statement_id text NOT NULL,
    sent_at      timestamptz NOT NULL,
    PRIMARY KEY (endpoint, statement_id)
  );
  `,
];
