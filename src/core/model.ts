// The bank model: what the rest of mot works with once a bank file has been checked.
import type { QuestionType } from './kinds/index.js';

export { QUESTION_TYPES, type QuestionType } from './kinds/index.js';
export const MOMENTS = ['zero', 'first', 'second', 'third'] as const;
export const STAGES = ['first-contact', 'delivery', 'recovery', 'follow-up'] as const;
export const BUILT_IN_INDUSTRIES = ['retail', 'healthcare', 'hospitality', 'general'] as const;

/** The newest bank format this mot understands. */
export const FORMAT_VERSION = 1;
export const DEFAULT_PASS_MARK = 0.8;
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const INDUSTRY_PATTERN = /^[a-z]+$/;
export const TAG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 8;

export type Moment = (typeof MOMENTS)[number];
export type Stage = (typeof STAGES)[number];

/** Short names, for tables and bars. */
export const MOMENT_NAMES: Record<Moment, string> = {
  zero: 'zero (ZMOT)',
  first: 'first (FMOT)',
  second: 'second (SMOT)',
  third: 'third (TMOT)',
};

/** Names in a sentence: "second moment (SMOT)". */
export const MOMENT_PHRASES: Record<Moment, string> = {
  zero: 'zero moment (ZMOT)',
  first: 'first moment (FMOT)',
  second: 'second moment (SMOT)',
  third: 'third moment (TMOT)',
};

/** What a choice carries for its question's kind: each kind's file adds its own fields here. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChoiceMarks {}

export interface Choice extends ChoiceMarks {
  text: string;
  feedback?: string;
}

export interface Question {
  /** The global id, `bank/question`. */
  id: string;
  localId: string;
  bankId: string;
  industry: string;
  type: QuestionType;
  moment?: Moment;
  stage?: Stage;
  tags: string[];
  scenario?: string;
  prompt: string;
  shuffle: boolean;
  /** As written; for `rank` this is the expert's order, best first. */
  choices: Choice[];
  explanation?: string;
  /** `mot lint` rules silenced for this question. */
  lintIgnore?: string[];
}

export interface Bank {
  id: string;
  title: string;
  industry: string;
  description?: string;
  passMark: number;
  questions: Question[];
  file: string;
}
