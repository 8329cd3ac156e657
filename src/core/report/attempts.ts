// Which answers the item analysis counts. An attempt is a session; by default the report counts
// each learner's first exam attempt at each bank, as Moodle's quiz statistics count each
// learner's first attempt: later attempts are coloured by what the learner saw the first time.

/** A session as the report needs it (a subset of the store's SessionRecord). */
export interface ReportSession {
  id: string;
  learner: string;
  mode: string;
  started: string;
  finished?: string;
  passMark: number;
}

/** An answer as the report needs it (a subset of the store's StoredAnswer). */
export interface ReportAnswer {
  sessionId: string;
  learner: string;
  questionId: string;
  /** Written choice indices in the order given (best-worst: [best, worst]). */
  response: readonly number[];
  score: number;
  answeredAt: string;
  position?: number;
}

export type AttemptsPolicy = 'first' | 'all';

/** One session with its answers: at most one per question (the first given, if a drill asked twice). */
export interface Attempt {
  session: ReportSession;
  /** Question id to answer, in the order given. */
  answers: Map<string, ReportAnswer>;
  /** Sum of the scores of `answers`, for the rest score of each question. */
  total: number;
}

const banks = new Map<string, string>();

/** The bank of a global question id `bank/question` (remembered: a report asks it 100,000 times of a few hundred ids). */
export function bankOf(questionId: string): string {
  let bank = banks.get(questionId);
  if (bank === undefined) {
    const slash = questionId.indexOf('/');
    bank = slash < 0 ? questionId : questionId.slice(0, slash);
    if (banks.size < 100_000) banks.set(questionId, bank);
  }
  return bank;
}

/**
 * Sessions of the given modes with their answers, earliest first. Sessions that start at the
 * same instant keep the order the store gave them (the order they were created in).
 */
export function attemptsOf(sessions: readonly ReportSession[], answers: readonly ReportAnswer[], modes: readonly string[]): Attempt[] {
  const wanted = new Set(modes);
  const byId = new Map<string, Attempt>();
  const ordered: Attempt[] = [];
  for (const session of sessions) {
    if (!wanted.has(session.mode) || byId.has(session.id)) continue;
    const attempt: Attempt = { session, answers: new Map(), total: 0 };
    byId.set(session.id, attempt);
    ordered.push(attempt);
  }
  // The store lists answers in the order given; `position` settles answers given in the same instant.
  for (const answer of answers) {
    const attempt = byId.get(answer.sessionId);
    if (!attempt) continue;
    const earlier = attempt.answers.get(answer.questionId);
    if (earlier === undefined) {
      attempt.answers.set(answer.questionId, answer);
      attempt.total += answer.score;
    } else if (answer.position !== undefined && earlier.position !== undefined && answer.position < earlier.position) {
      attempt.answers.set(answer.questionId, answer);
      attempt.total += answer.score - earlier.score;
    }
  }
  return ordered
    .filter((a) => a.answers.size > 0)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.session.started < y.a.session.started ? -1 : x.a.session.started > y.a.session.started ? 1 : x.i - y.i))
    .map(({ a }) => a);
}

/**
 * Calls `counted` for every answer that counts, with its attempt: with `first`, a question's
 * answer counts only in its learner's earliest attempt that answered any question of its bank.
 */
export function forEachCounted(attempts: readonly Attempt[], policy: AttemptsPolicy, counted: (attempt: Attempt, answer: ReportAnswer) => void): void {
  const firstAt = new Map<string, Map<string, Attempt>>(); // learner → bank → the attempt that counts
  for (const attempt of attempts) {
    let byBank = firstAt.get(attempt.session.learner);
    if (byBank === undefined) firstAt.set(attempt.session.learner, (byBank = new Map()));
    for (const answer of attempt.answers.values()) {
      if (policy === 'first') {
        const bank = bankOf(answer.questionId);
        const first = byBank.get(bank);
        if (first === undefined) byBank.set(bank, attempt);
        else if (first !== attempt) continue;
      }
      counted(attempt, answer);
    }
  }
}
