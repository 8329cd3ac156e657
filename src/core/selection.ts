// Which questions a session asks, in which order, with which order of choices.
import type { Bank, Moment, Question, Stage } from './model.js';
import { seededRandom, shuffled } from './random.js';

export interface Filters {
  banks?: string[];
  industries?: string[];
  moments?: Moment[];
  stages?: Stage[];
  tags?: string[];
}

/** One question as a session presents it: `order[k]` is the written index of the k-th choice shown. */
export interface PlannedQuestion {
  question: Question;
  order: number[];
}

/** Bank ids are ASCII (the id rule), so a plain comparison orders them; localeCompare would load ICU's collator. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function filterQuestions(banks: readonly Bank[], filters: Filters): Question[] {
  const inList = <T>(list: readonly T[] | undefined, value: T | undefined) =>
    !list || list.length === 0 || (value !== undefined && list.includes(value));
  return [...banks]
    .sort(byId)
    .filter((bank) => inList(filters.banks, bank.id) && inList(filters.industries, bank.industry))
    .flatMap((bank) => bank.questions)
    .filter(
      (q) =>
        inList(filters.moments, q.moment) &&
        inList(filters.stages, q.stage) &&
        (!filters.tags || filters.tags.length === 0 || q.tags.some((t) => filters.tags!.includes(t))),
    );
}

export interface DrawOptions {
  count?: number;
  seed: number;
  shuffle: boolean;
}

/** Draws `count` questions (all when fewer exist). The same seed gives the same plan. */
export function drawQuestions(questions: readonly Question[], options: DrawOptions): PlannedQuestion[] {
  const random = seededRandom(options.seed);
  const ordered = options.shuffle ? shuffled(questions, random) : [...questions];
  const picked = ordered.slice(0, options.count ?? ordered.length);
  return picked.map((question) => planQuestion(question, options.shuffle, random));
}

export function planQuestion(question: Question, shuffle: boolean, random: () => number): PlannedQuestion {
  const written = question.choices.map((_, i) => i);
  return { question, order: shuffle && question.shuffle ? shuffled(written, random) : written };
}
