// The registry of question kinds: the one place that lists them. Everything type-specific is
// asked of the kind; `type` values, the validator's rules and the editor schema follow from here.
import { bestWorst } from './best-worst.js';
import { choice } from './choice.js';
import type { QuestionKind } from './kind.js';
import { multi } from './multi.js';
import { rank } from './rank.js';

export const KINDS = {
  choice,
  multi,
  rank,
  'best-worst': bestWorst,
} as const satisfies Record<string, QuestionKind>;

export type QuestionType = keyof typeof KINDS;

export const QUESTION_TYPES = Object.keys(KINDS) as QuestionType[];

export function kindOf(question: { type: QuestionType }): QuestionKind {
  return KINDS[question.type];
}

export function isQuestionType(value: unknown): value is QuestionType {
  return typeof value === 'string' && Object.hasOwn(KINDS, value);
}

/** Every choice field any kind gives meaning to, with the kinds that use it. */
export function choiceFieldOwners(): Map<string, QuestionType[]> {
  const owners = new Map<string, QuestionType[]>();
  for (const type of QUESTION_TYPES)
    for (const field of KINDS[type].choiceFieldNames) owners.set(field, [...(owners.get(field) ?? []), type]);
  return owners;
}
