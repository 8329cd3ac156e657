// The whole report as one value: what `mot report --format json` prints, and what the text,
// CSV and HTML renderers draw. Values in, values out.
import type { Question } from '../model.js';
import { attemptsOf, bankOf, type AttemptsPolicy, type ReportAnswer, type ReportSession } from './attempts.js';
import { itemTable, type ItemRow } from './items.js';
import { rollups, type Rollups } from './rollup.js';
import { roster, type LearnerRow } from './roster.js';

export interface ReportInput {
  sessions: readonly ReportSession[];
  answers: readonly ReportAnswer[];
  /** Every loaded question, so that answers to other banks still give each attempt its rest score. */
  questions: ReadonlyMap<string, Question>;
  /** The questions whose rows the report shows (the bank, industry, moment and stage filters). */
  shown: (question: Question) => boolean;
  /** The banks in scope for the roster, with their sizes. */
  bankSizes: ReadonlyMap<string, number>;
  attempts: AttemptsPolicy;
  modes: readonly string[];
}

export interface ReportDocument {
  attempts: AttemptsPolicy;
  modes: string[];
  learners: LearnerRow[];
  questions: ItemRow[];
  /** Shown questions no counted answer reached. */
  unanswered: string[];
  /** Answered questions that are in no loaded bank any more: their figures cannot be drawn. */
  retired: string[];
  rollups: Rollups;
}

export function buildReport(input: ReportInput): ReportDocument {
  const shown = [...input.questions.values()].filter(input.shown);
  const rows = itemTable(shown, attemptsOf(input.sessions, input.answers, input.modes), input.attempts);
  const retired = [...new Set(input.answers.map((a) => a.questionId))]
    .filter((id) => !input.questions.has(id) && input.bankSizes.has(bankOf(id)))
    .sort();
  return {
    attempts: input.attempts,
    modes: [...input.modes],
    learners: roster({ sessions: input.sessions, answers: input.answers, bankSizes: input.bankSizes, known: new Set(input.questions.keys()) }),
    questions: rows.filter((r) => r.n > 0),
    unanswered: rows.filter((r) => r.n === 0).map((r) => r.id),
    retired,
    rollups: rollups(rows),
  };
}
