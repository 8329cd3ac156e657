// What a question kind is: everything mot knows about one `type:` of question, in one place.
// The rest of mot asks the registry (./index.ts) and never tests a type by name, so a new kind is
// one new file plus one line of registration.
import type * as z from 'zod';
import type { Question } from '../model.js';
import type { PathSegment, Problem } from '../problems.js';

/** A choice as written in the file, before it is known to be well formed. */
export type RawChoice = Record<string, unknown>;

/** What the terminal can ask for; a kind composes its question from these. Positions are as displayed. */
export interface PromptKit {
  /** One of the shown choices; `except` are positions not offered (already taken). */
  pickOne(message: string, except?: readonly number[]): Promise<number>;
  /** Any number of the shown choices, in the order shown. */
  pickMany(message: string): Promise<number[]>;
  /** Every shown choice, in the learner's order. */
  order(message: string): Promise<number[]>;
}

/** How a choice is marked when the answer is explained. */
export type Mark = 'picked-right' | 'picked-wrong' | 'missed' | 'none';

/** One part of the feedback after an answer: a heading and the choices under it, in a given order. */
export interface FeedbackSection {
  heading: string;
  legend?: boolean;
  /** List the items in the order the learner saw the choices, not as written. */
  inShownOrder?: boolean;
  items: { written: number; mark?: Mark; rank?: number; note?: string; noteIsGood?: boolean }[];
}

export interface QuestionKind {
  readonly type: string;
  /** For help and the schema: what the learner does. */
  readonly summary: string;
  readonly minChoices: number;
  /** The written order of the choices is the answer, so `shuffle: false` would give it away. */
  readonly writtenOrderIsKey?: boolean;
  /** The choice fields this kind gives meaning to. */
  readonly choiceFieldNames: readonly string[];
  /**
   * Those fields as schema fragments, for the validator and the editor schema. zod is handed in,
   * so that a session, which never validates, does not load it.
   */
  choiceFields(zod: typeof z): Record<string, z.ZodType>;
  /** Of those, the ones every choice must have. */
  readonly requiredChoiceFields: readonly string[];
  /** Rules that tie the choices together (a best answer exists, ...), beyond the field shapes. */
  check(choices: readonly RawChoice[], path: readonly PathSegment[]): Problem[];
  /** The formula of the bank format. `response` is written indices in the order given. */
  score(question: Question, response: readonly number[]): number;
  /** A perfect response, as written indices. */
  best(question: Question): number[];
  /** What to do, when the prompt does not say it already. */
  hint(question: Question): string | undefined;
  /** Checks a scripted answer's letters (display positions, no repeats); returns why it does not fit. */
  checkScripted(positions: readonly number[], choices: number): string | undefined;
  /** Asks the question in a terminal; returns display positions in the order given. */
  ask(kit: PromptKit): Promise<number[]>;
  /** What training shows after the answer, choice by choice. */
  feedback(question: Question, response: readonly number[]): FeedbackSection[];
  /** The review of a miss: the learner's response and the best one, in words. */
  review(question: Question, response: readonly number[]): { yours: string; best: string };

  // What the item analysis, `mot lint`, `mot show` and the LMS bridge need to know of a kind.
  /** The written indices of the key: what a test-wise reader hunts for, and what is no distractor. */
  keys(question: Question): number[];
  /** Whether there is one key among distractors (all but multi). */
  readonly singleKey: boolean;
  /** Whether this response "picks" the written choice, for the distractor table (rank: places it first; best-worst: names it most effective). */
  picks(response: readonly number[], written: number): boolean;
  /** best-worst: whether this response names the written choice least effective. */
  picksWorst?(response: readonly number[], written: number): boolean;
  /** What the key says of a choice, for `mot show`: "score 0.5", "correct", "expert rank 2", "most effective". */
  keyNote(question: Question, written: number): string;
  /** The learner's response is a set, not a sequence (its order means nothing). */
  readonly responseIsSet?: boolean;
  /** xAPI's interactionType for this kind. */
  readonly xapiInteraction: 'choice' | 'sequencing' | 'other';
  /** The Moodle question type it is exported as; none where Moodle has no equivalent. */
  readonly moodle?: 'single' | 'multi' | 'ordering';
}

export const letters = (positions: readonly number[]): string => positions.map((p) => String.fromCharCode(97 + p)).join(', ');
