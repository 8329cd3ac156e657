// A session as data: what was planned, what was answered, and the result it adds up to.
import { toLetters } from './answers.js';
import { DEFAULT_PASS_MARK, type Bank, type QuestionType } from './model.js';
import { reaches, roundScore } from './scoring.js';
import type { PlannedQuestion } from './selection.js';

export type Mode = 'train' | 'exam' | 'drill';

export interface GivenAnswer {
  /** The stored answer's id, once it has one. */
  id?: string;
  planned: PlannedQuestion;
  /** Written choice indices, in the order the learner gave them. */
  response: number[];
  score: number;
  seconds?: number;
}

export interface ResultAnswer {
  id: string;
  type: QuestionType;
  response: string[];
  score: number;
}

export interface SessionResult {
  mode: Mode;
  learner: string;
  session?: string;
  seed?: number;
  finished: boolean;
  total: number;
  /** How many questions were answered, of `questions` asked for. */
  answered: number;
  questions: number;
  score: number;
  pass_mark: number;
  passed: boolean;
  answers: ResultAnswer[];
  breakdown: {
    industry: Record<string, number>;
    moment: Record<string, number>;
    stage: Record<string, number>;
  };
}

/** The highest pass mark among the banks the questions came from. */
export function defaultPassMark(banks: readonly Bank[], plan: readonly PlannedQuestion[]): number {
  const drawn = new Set(plan.map((p) => p.question.bankId));
  const marks = banks.filter((b) => drawn.has(b.id)).map((b) => b.passMark);
  return marks.length ? Math.max(...marks) : DEFAULT_PASS_MARK;
}

export function meanScore(scores: readonly number[]): number {
  return scores.length === 0 ? 0 : roundScore(scores.reduce((a, b) => a + b, 0) / scores.length);
}

export interface ResultInput {
  mode: Mode;
  learner: string;
  session?: string;
  seed?: number;
  finished: boolean;
  total: number;
  passMark: number;
  answers: readonly GivenAnswer[];
}

export function buildResult(input: ResultInput): SessionResult {
  const score = meanScore(input.answers.map((a) => a.score));
  const result: SessionResult = {
    mode: input.mode,
    learner: input.learner,
    finished: input.finished,
    total: input.total,
    answered: input.answers.length,
    questions: input.total,
    score,
    pass_mark: input.passMark,
    // An unfinished exam is never a pass, whatever its answers so far scored.
    passed: input.finished && input.answers.length > 0 && reaches(score, input.passMark),
    answers: input.answers.map((a) => ({
      id: a.planned.question.id,
      type: a.planned.question.type,
      response: toLetters(a.planned, a.response),
      score: roundScore(a.score),
    })),
    breakdown: {
      industry: breakdown(input.answers, (a) => a.planned.question.industry),
      moment: breakdown(input.answers, (a) => a.planned.question.moment),
      stage: breakdown(input.answers, (a) => a.planned.question.stage),
    },
  };
  if (input.session !== undefined) result.session = input.session;
  if (input.seed !== undefined) result.seed = input.seed;
  return result;
}

function breakdown(answers: readonly GivenAnswer[], group: (a: GivenAnswer) => string | undefined): Record<string, number> {
  const scores = new Map<string, number[]>();
  for (const answer of answers) {
    const key = group(answer);
    if (key === undefined) continue;
    scores.set(key, [...(scores.get(key) ?? []), answer.score]);
  }
  return Object.fromEntries([...scores].map(([key, list]) => [key, meanScore(list)]));
}
