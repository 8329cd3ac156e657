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
