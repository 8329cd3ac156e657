// The key of a question, as its kind says it (kinds/*.ts): `choice` keys score 1, `multi` keys
// are correct, `best-worst`'s key is the best choice, `rank`'s key is the first written choice.
import { kindOf } from '../kinds/index.js';
import type { Question } from '../model.js';

export interface KeyedQuestion {
  question: Question;
  /** Written positions (0-based) of the key choices. */
  keys: number[];
  /** Whether the question has one key among distractors (everything but multi). */
  singleKey: boolean;
  /** Whether the written order is the answer (rank): the key's position says nothing. */
  orderIsKey: boolean;
}

type Marks = { score?: unknown; correct?: unknown; best?: unknown };

export function keyed(question: Question): KeyedQuestion {
  const kind = kindOf(question);
  return { question, keys: kind.keys(question), singleKey: kind.singleKey, orderIsKey: kind.writtenOrderIsKey === true };
}

/** The partial credits a question gives (scores strictly between 0 and 1). */
export function partialScores(question: Question): number[] {
  return question.choices
    .map((c) => (c as unknown as Marks).score)
    .filter((s): s is number => typeof s === 'number' && s > 0 && s < 1);
}

export function correctCount(question: Question): number | undefined {
  if (kindOf(question).singleKey) return undefined;
  return question.choices.filter((c) => (c as unknown as Marks).correct === true).length;
}

function indices<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  return items.flatMap((item, i) => (test(item) ? [i] : []));
}
