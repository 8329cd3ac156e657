// The key of a question, read generically from its choices, so the rules need not know each
// kind: `choice` keys score 1, `multi` keys are correct, `best-worst`'s key is the best choice,
// `rank`'s key is the first written choice (the expert's order).
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
  const marks = question.choices.map((c) => c as unknown as Marks);
  const type = String(question.type);
  let keys: number[];
  if (type === 'rank') keys = [0];
  else if (type === 'multi' || marks.some((m) => typeof m.correct === 'boolean')) keys = indices(marks, (m) => m.correct === true);
  else if (type === 'best-worst' || marks.some((m) => m.best === true)) keys = indices(marks, (m) => m.best === true);
  else if (marks.some((m) => typeof m.score === 'number')) keys = indices(marks, (m) => m.score === 1);
  else keys = [0];
  const multi = type === 'multi';
  return { question, keys, singleKey: !multi && keys.length === 1, orderIsKey: type === 'rank' };
}

/** The partial credits a question gives (scores strictly between 0 and 1). */
export function partialScores(question: Question): number[] {
  return question.choices
    .map((c) => (c as unknown as Marks).score)
    .filter((s): s is number => typeof s === 'number' && s > 0 && s < 1);
}

export function correctCount(question: Question): number | undefined {
  if (String(question.type) !== 'multi') return undefined;
  return question.choices.filter((c) => (c as unknown as Marks).correct === true).length;
}

function indices<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  return items.flatMap((item, i) => (test(item) ? [i] : []));
}
