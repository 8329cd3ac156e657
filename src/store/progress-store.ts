// What every command knows of where progress is kept. Two engines stand behind it: SQLite, one
// file on one machine (the default), and PostgreSQL, one database for a whole organisation.
// Commands, the report, sync and xAPI talk to this interface only, never to an engine.
import type { CardData } from '../core/schedule.js';

export type Engine = 'sqlite' | 'postgres';

export interface SessionRecord {
  id: string;
  learner: string;
  mode: string;
  filters: unknown;
  seed: number;
  /** The questions in the order asked, each with the written index of every choice as shown. */
  plan: { id: string; order: number[] }[];
  passMark: number;
  started: string;
  finished?: string;
}

export interface AnswerRecord {
  /** A UUID made when the answer is given: the same answer keeps it across stores (sync, xAPI). */
  id: string;
  sessionId: string;
  learner: string;
  questionId: string;
  /** Hash of the question's content when answered: a later edit of the question is detected. */
  questionHash: string;
  /** Written choice indices, in the order given (best-worst: [best, worst]). */
  response: number[];
  score: number;
  seconds?: number;
  answeredAt: string;
  /** The id of an earlier answer in the same session that this one replaces (an exam answer changed before submitting). */
  supersedes?: string;
}

/** An answer read back. Superseded answers are never returned by any query. */
export interface StoredAnswer {
  id: string;
  sessionId: string;
  learner: string;
  /**
   * Its place in its session: 0, 1, 2, ... in the order given. An answer that replaces another
   * takes the next place, so the replaced one's place is missing from every read.
   */
  position: number;
  questionId: string;
  questionHash: string;
  response: number[];
  score: number;
  seconds: number | null;
  answeredAt: string;
  /** The id of the earlier answer this one replaced, when it replaced one. */
  supersedes?: string;
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

/** Narrows the organisation-wide reads; every field is optional and they combine with AND. */
export interface ProgressQuery {
  learner?: string;
  /** ISO 8601: answers given (sessions started) at or after this time. */
  since?: string;
  /** Bank ids: questions whose global id starts with `bank/`. */
  banks?: string[];
  modes?: string[];
}

export interface ProgressStore {
  readonly engine: Engine;
  /** The file path, or the URL without its password: safe to print. */
  readonly location: string;
  close(): Promise<void>;

  // Sessions and answers as they happen.
  createSession(session: SessionRecord): Promise<void>;
  /**
   * Stores the answer and the learner's updated card for that question in one transaction.
   * `schedule` receives the stored card (undefined the first time) and returns the new one, or
   * undefined to leave the card as it is.
   */
  recordAnswer(answer: AnswerRecord, schedule: (previous: CardData | undefined) => CardData | undefined): Promise<void>;
  finishSession(id: string, at: string): Promise<void>;
  /** Forgets a session that ended before its first answer. */
  discardIfEmpty(id: string): Promise<void>;
  session(id: string): Promise<SessionRecord | undefined>;
  /** The learner's unfinished sessions, newest first. */
  unfinishedSessions(learner: string): Promise<(SessionRecord & { answered: number })[]>;
  answersOf(sessionId: string): Promise<StoredAnswer[]>;

  // One learner's progress (stats, drill).
  answeredCount(learner: string): Promise<number>;
  sessionSummaries(learner: string): Promise<SessionSummary[]>;
  questionStats(learner: string): Promise<QuestionStats[]>;
  /** Cards due at `now`, most overdue first. */
  dueCards(learner: string, now: string, limit?: number): Promise<{ questionId: string; due: string }[]>;
  dueCount(learner: string, until: string): Promise<number>;
  seenQuestions(learner: string): Promise<Set<string>>;
  newSince(learner: string, since: string): Promise<number>;
  nextDue(learner: string, after: string): Promise<{ due: string; count: number }[]>;

  // Organisation-wide reads (report, sync, xAPI).
  learners(): Promise<string[]>;
  sessions(query?: ProgressQuery): Promise<SessionRecord[]>;
  /** Answers in the order given (answered_at, then position). */
  answers(query?: ProgressQuery): Promise<StoredAnswer[]>;

  /**
   * Every answer of the given sessions (or learner), superseded ones too, each with the id of the
   * answer that replaced it: what sync copies, so that the other store ends up the same.
   */
  allAnswers(query?: { learner?: string; sessionIds?: readonly string[] }): Promise<(StoredAnswer & { supersededBy?: string })[]>;

  // Sync: copies from another store; running it twice changes nothing (ids decide).
  /** Inserts the sessions not yet present and updates `finished` of those that are; returns how many changed. */
  putSessions(sessions: readonly SessionRecord[]): Promise<number>;
  /** Inserts the answers whose id is not yet present (cards are updated for them); returns how many were new. */
  putAnswers(answers: readonly (StoredAnswer & { supersededBy?: string })[]): Promise<number>;

  // xAPI: which statements a learning record store has acknowledged.
  sentStatements(endpoint: string): Promise<Set<string>>;
  markSent(endpoint: string, statementIds: readonly string[], at: string): Promise<void>;
}
