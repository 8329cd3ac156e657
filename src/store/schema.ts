// The progress database's schema, one migration per version. PRAGMA user_version records how
// far a file has come; application_id marks the file as mot's so that another program's
// database is never mistaken for it (or changed).
export const APPLICATION_ID = 0x6d6f7431; // "mot1"

export const MIGRATIONS: string[] = [
  // 1: sessions, answers, cards.
  `
  CREATE TABLE sessions (
    id        TEXT PRIMARY KEY,
    learner   TEXT NOT NULL,
    mode      TEXT NOT NULL,
    filters   TEXT NOT NULL,   -- JSON: the filters the session was drawn with
    seed      INTEGER NOT NULL,
    plan      TEXT NOT NULL,   -- JSON: [{ "id": question id, "order": [written index of each shown choice] }]
    pass_mark REAL NOT NULL,
    started   TEXT NOT NULL,   -- ISO 8601
    finished  TEXT             -- ISO 8601; NULL while unfinished
  );
  CREATE INDEX sessions_by_learner ON sessions (learner, started);

  CREATE TABLE answers (
    id            INTEGER PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,  -- the answer's place in its session: 0, 1, 2, ...
    learner       TEXT NOT NULL,
    question_id   TEXT NOT NULL,     -- global id, bank/question
    question_hash TEXT NOT NULL,     -- hash of the question's content when answered
    response      TEXT NOT NULL,     -- JSON: written choice indices, in the order given
    score         REAL NOT NULL,
    seconds       REAL,              -- time taken; NULL for scripted answers
    answered_at   TEXT NOT NULL,
    UNIQUE (session_id, position)
  );
  CREATE INDEX answers_by_learner ON answers (learner, question_id);

  CREATE TABLE cards (
    learner     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    due         TEXT NOT NULL,
    card        TEXT NOT NULL,       -- JSON: the FSRS card (see core/schedule.ts)
    PRIMARY KEY (learner, question_id)
  ) WITHOUT ROWID;
  CREATE INDEX cards_by_due ON cards (learner, due);
  `,
];

/**
 * 2: what the ProgressStore interface needs. Every answer gets a UUID (`uid`; old answers are given
 * one by `mot_uuid()`, a function the store registers on its connection), so that the same answer
 * keeps its identity across stores (sync, xAPI). An answer changed before an exam is submitted is
 * kept but marked superseded. Statements a learning record store acknowledged are remembered.
 * Running totals (per session, per learner and question) make `mot stats` cost what there is to
 * show, not what was ever answered: they are kept in the same transaction as each answer.
 */
MIGRATIONS.push(`
  CREATE TABLE answers_v2 (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,  -- the answer's UUID
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    learner       TEXT NOT NULL,
    question_id   TEXT NOT NULL,
    question_hash TEXT NOT NULL,
    response      TEXT NOT NULL,
    score         REAL NOT NULL,
    seconds       REAL,
    answered_at   TEXT NOT NULL,
    supersedes    TEXT,                  -- uid of the earlier answer this one replaces
    superseded_by TEXT,                  -- uid of the answer that replaced this one; NULL while it counts
    UNIQUE (session_id, position)
  );
  INSERT INTO answers_v2 (id, uid, session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at)
    SELECT id, mot_uuid(), session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at FROM answers;
  DROP TABLE answers;
  ALTER TABLE answers_v2 RENAME TO answers;
  CREATE INDEX answers_by_learner ON answers (learner, question_id, answered_at);
  CREATE INDEX answers_by_time ON answers (answered_at);

  ALTER TABLE sessions ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sessions ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sessions ADD COLUMN score_sum REAL NOT NULL DEFAULT 0;
  UPDATE sessions SET
    planned = json_array_length(plan),
    answered = (SELECT count(*) FROM answers a WHERE a.session_id = sessions.id),
    score_sum = (SELECT coalesce(sum(score), 0) FROM answers a WHERE a.session_id = sessions.id);
  CREATE INDEX sessions_by_time ON sessions (started);

  CREATE TABLE question_totals (
    learner        TEXT NOT NULL,
    question_id    TEXT NOT NULL,
    answered       INTEGER NOT NULL,
    score_sum      REAL NOT NULL,
    first_answered TEXT NOT NULL,
    last_answered  TEXT NOT NULL,
    last_score     REAL NOT NULL,
    PRIMARY KEY (learner, question_id)
  ) WITHOUT ROWID;
  -- One pass and one sort, however many times a question was answered (a correlated "last score"
  -- subquery here ran once per answer: quadratic).
  INSERT INTO question_totals
    SELECT g.learner, g.question_id, g.n, g.total, g.first, g.last, l.score
    FROM (SELECT learner, question_id, count(*) AS n, sum(score) AS total, min(answered_at) AS first, max(answered_at) AS last
          FROM answers GROUP BY learner, question_id) g
    JOIN (SELECT learner, question_id, score FROM
            (SELECT learner, question_id, score, row_number() OVER (PARTITION BY learner, question_id ORDER BY answered_at DESC, id DESC) AS r FROM answers)
          WHERE r = 1) l
      ON l.learner = g.learner AND l.question_id = g.question_id;

  CREATE TABLE sent_statements (
    endpoint     TEXT NOT NULL,
    statement_id TEXT NOT NULL,
    sent_at      TEXT NOT NULL,
    PRIMARY KEY (endpoint, statement_id)
  ) WITHOUT ROWID;
`);
