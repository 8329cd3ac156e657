// The learner roster: who has trained, how their exams went, how much of the banks they have
// seen. Unlike the item analysis it counts every session (all modes, every attempt).
import { bankOf, type ReportAnswer, type ReportSession } from './attempts.js';
import { round } from './statistics.js';

/** Same tolerance as a session's pass or fail: a score at the pass mark passes. */
const TOLERANCE = 1e-9;

export interface LearnerBankRow {
  bank: string;
  exams: number;
  passed: number;
  first_score: number | null;
  best_score: number | null;
  /** The record HR imports: the best finished exam at this bank (a passed one if any). */
  finished: string | null;
  score: number | null;
  pass: boolean;
  seen: number;
  of: number;
}

export interface LearnerRow {
  learner: string;
  sessions: number;
  exams: number;
  passed: number;
  first_score: number | null;
  best_score: number | null;
  seen: number;
  of: number;
  last_activity: string | null;
  banks: LearnerBankRow[];
}

export interface RosterInput {
  sessions: readonly ReportSession[];
  answers: readonly ReportAnswer[];
  /** Every bank in scope with its number of questions; answers outside them are left out. */
  bankSizes: ReadonlyMap<string, number>;
  /** Questions that still exist: a retired question does not count as seen. */
  known: ReadonlySet<string>;
}

interface SessionFigures {
  session: ReportSession;
  scores: number[];
  byBank: Map<string, number[]>;
  last: string;
}

export function roster({ sessions, answers, bankSizes, known }: RosterInput): LearnerRow[] {
  const figures = new Map<string, SessionFigures>();
  for (const session of sessions)
    if (!figures.has(session.id)) figures.set(session.id, { session, scores: [], byBank: new Map(), last: session.finished ?? session.started });
  const seen = new Map<string, Map<string, Set<string>>>(); // learner → bank → questions
  for (const answer of answers) {
    const bank = bankOf(answer.questionId);
    if (!bankSizes.has(bank)) continue;
    const f = figures.get(answer.sessionId);
    if (!f) continue;
    f.scores.push(answer.score);
    const bankScores = f.byBank.get(bank);
    if (bankScores) bankScores.push(answer.score);
    else f.byBank.set(bank, [answer.score]);
    if (answer.answeredAt > f.last) f.last = answer.answeredAt;
    if (!known.has(answer.questionId)) continue;
    const banks = seen.get(answer.learner) ?? new Map<string, Set<string>>();
    seen.set(answer.learner, banks);
    const questions = banks.get(bank) ?? new Set<string>();
    banks.set(bank, questions);
    questions.add(answer.questionId);
  }
  const byLearner = new Map<string, SessionFigures[]>();
  for (const f of figures.values()) {
    if (f.scores.length === 0) continue; // a session with nothing in scope
    const list = byLearner.get(f.session.learner);
    if (list) list.push(f);
    else byLearner.set(f.session.learner, [f]);
  }
  return [...byLearner.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([learner, list]) => {
      const ordered = stableByStart(list);
      const exams = ordered.filter((f) => f.session.mode === 'exam').map((f) => ({ session: f.session, score: meanOf(f.scores) }));
      const banksSeen = seen.get(learner) ?? new Map<string, Set<string>>();
      const touched = [...new Set(ordered.flatMap((f) => [...f.byBank.keys()]))].sort();
      const bankRows = touched.map((bank) => {
        const bankExams = ordered
          .filter((f) => f.session.mode === 'exam' && f.byBank.has(bank))
          .map((f) => ({ session: f.session, score: meanOf(f.byBank.get(bank)!) }));
        const record = bestFinished(bankExams);
        return {
          bank,
          ...examFigures(bankExams),
          finished: record?.session.finished ?? null,
          score: record ? round(record.score) : null,
          pass: record ? passes(record) : false,
          seen: banksSeen.get(bank)?.size ?? 0,
          of: bankSizes.get(bank) ?? 0,
        };
      });
      const last = ordered.reduce((max, f) => (f.last > max ? f.last : max), '');
      return {
        learner,
        sessions: ordered.length,
        ...examFigures(exams),
        seen: bankRows.reduce((sum, b) => sum + b.seen, 0),
        of: bankRows.reduce((sum, b) => sum + b.of, 0),
        last_activity: last || null,
        banks: bankRows,
      };
    });
}

type ScoredExam = { session: ReportSession; score: number };

const meanOf = (scores: readonly number[]) => scores.reduce((a, b) => a + b, 0) / scores.length;
const passes = (exam: ScoredExam) => exam.session.finished !== undefined && exam.score >= exam.session.passMark - TOLERANCE;

/**
 * Exams attempted and passed; the first exam's score (finished or not: it was the first try);
 * the best score among finished exams, so a one-answer unfinished exam cannot look like a best.
 */
function examFigures(exams: readonly ScoredExam[]) {
  const finished = exams.filter((e) => e.session.finished !== undefined);
  return {
    exams: exams.length,
    passed: exams.filter(passes).length,
    first_score: exams.length ? round(exams[0]!.score) : null,
    best_score: finished.length ? round(Math.max(...finished.map((e) => e.score))) : null,
  };
}

/** The exam HR should see: the best passed one, else the best finished one; the earlier on a tie. */
export function bestFinished<T extends ScoredExam>(exams: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const exam of exams) {
    if (exam.session.finished === undefined) continue;
    if (!best) best = exam;
    else if (passes(exam) !== passes(best) ? passes(exam) : exam.score > best.score + TOLERANCE) best = exam;
  }
  return best;
}

function stableByStart<T extends { session: ReportSession }>(list: readonly T[]): T[] {
  return list
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.session.started < b.item.session.started ? -1 : a.item.session.started > b.item.session.started ? 1 : a.i - b.i))
    .map(({ item }) => item);
}
