// Small banks for the lint rules' tables: a question is its type and choices, nothing more
// unless a test says so.
import type { Bank, Question } from '../../../src/core/model.js';
import { lintBanks, type LintCode, type LintFinding } from '../../../src/core/lint/index.js';

export type ChoiceSpec = { text: string; score?: number; correct?: boolean; best?: boolean; worst?: boolean; feedback?: string };
export type QuestionSpec = Partial<Omit<Question, 'choices' | 'type'>> & { type?: string; choices: ChoiceSpec[] };

let counter = 0;

export function question(spec: QuestionSpec, bankId = 'bank'): Question {
  const localId = spec.localId ?? `q${++counter}`;
  const { choices, type, ...rest } = spec;
  return {
    id: `${bankId}/${localId}`,
    localId,
    bankId,
    industry: 'retail',
    tags: [],
    prompt: 'What do you do?',
    shuffle: true,
    explanation: 'Why the best answer is best.',
    ...rest,
    type: (type ?? 'choice') as Question['type'],
    choices: choices.map((c) => ({ feedback: 'Why.', ...c })) as unknown as Question['choices'],
  };
}

export function bank(questions: QuestionSpec[], id = 'bank'): Bank {
  return { id, title: id, industry: 'retail', passMark: 0.8, file: `${id}.yaml`, questions: questions.map((q) => question(q, id)) };
}

/** A choice question with the key at `key` (0-based) among these texts. */
export function choice(texts: string[], key: number, extra: Partial<QuestionSpec> = {}): QuestionSpec {
  return { ...extra, choices: texts.map((text, i) => ({ text, score: i === key ? 1 : 0 })) };
}

export function multi(correct: boolean[], extra: Partial<QuestionSpec> = {}): QuestionSpec {
  return { ...extra, type: 'multi', choices: correct.map((c, i) => ({ text: `option number ${i} here`, correct: c })) };
}

export function findings(banks: Bank | Bank[], code: LintCode): LintFinding[] {
  return lintBanks(Array.isArray(banks) ? banks : [banks], { rules: [code] });
}

/** Plain choices of the same length and one step each. */
export const PLAIN = ['Greet the customer politely', 'Check the stock room shelf.', 'Call the duty manager over.', 'Wait by the till in silence'];

export function repeat<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}
