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
    -- The answer's UUID. mot gives it; the default (a random UUID) covers rows written by hand.
    uid           TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
                    substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
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

/**
 * 3: the running totals kept by triggers, so every write counts the same way, whichever code (or
 * hand) made it: an answer that counts adds to its session and question; one that is superseded
 * or deleted is taken out again (its question recounted, with the last score found once).
 */
const RECOUNT_OLD_QUESTION = `
    DELETE FROM question_totals WHERE learner = OLD.learner AND question_id = OLD.question_id;
    INSERT INTO question_totals (learner, question_id, answered, score_sum, first_answered, last_answered, last_score)
      SELECT OLD.learner, OLD.question_id, count(*), sum(score), min(answered_at), max(answered_at),
             (SELECT score FROM answers WHERE learner = OLD.learner AND question_id = OLD.question_id AND superseded_by IS NULL
              ORDER BY answered_at DESC, id DESC LIMIT 1)
      FROM answers WHERE learner = OLD.learner AND question_id = OLD.question_id AND superseded_by IS NULL HAVING count(*) > 0;`;
MIGRATIONS.push(`
  CREATE TRIGGER answers_counted AFTER INSERT ON answers WHEN NEW.superseded_by IS NULL BEGIN
    UPDATE sessions SET answered = answered + 1, score_sum = score_sum + NEW.score WHERE id = NEW.session_id;
    INSERT INTO question_totals (learner, question_id, answered, score_sum, first_answered, last_answered, last_score)
      VALUES (NEW.learner, NEW.question_id, 1, NEW.score, NEW.answered_at, NEW.answered_at, NEW.score)
      ON CONFLICT (learner, question_id) DO UPDATE SET
        answered = answered + 1,
        score_sum = score_sum + excluded.score_sum,
        first_answered = min(first_answered, excluded.first_answered),
        last_score = CASE WHEN excluded.last_answered >= last_answered THEN excluded.last_score ELSE last_score END,
        last_answered = max(last_answered, excluded.last_answered);
  END;
  CREATE TRIGGER answers_superseded AFTER UPDATE OF superseded_by ON answers
    WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL BEGIN
    UPDATE sessions SET answered = answered - 1, score_sum = score_sum - OLD.score WHERE id = OLD.session_id;
    ${RECOUNT_OLD_QUESTION}
  END;
  CREATE TRIGGER answers_removed AFTER DELETE ON answers WHEN OLD.superseded_by IS NULL BEGIN
    UPDATE sessions SET answered = answered - 1, score_sum = score_sum - OLD.score WHERE id = OLD.session_id;
    ${RECOUNT_OLD_QUESTION}
  END;
`);
