// Checks one parsed bank file and builds the Bank the rest of mot uses. Every problem in the
// file is reported at once, each with the path of the data it is about.
import type * as z from 'zod';
import {
  DEFAULT_PASS_MARK,
  FORMAT_VERSION,
  MAX_CHOICES,
  MIN_CHOICES,
  MOMENTS,
  QUESTION_TYPES,
  STAGES,
  type Bank,
  type Choice,
  type Question,
  type QuestionType,
} from './model.js';
import { editDistance } from './edit-distance.js';
import { choiceFieldOwners, isQuestionType, KINDS } from './kinds/index.js';
import { error, warning, type PathSegment, type Problem } from './problems.js';
import { sanitizeLine, sanitizeText } from './sanitize.js';
import { bankSchema, choiceSchema, EMPTY_ONCE_CLEANED, questionSchema, type BankFile } from './schema.js';

export interface BankCheck {
  bank?: Bank;
  problems: Problem[];
}

// The allowed fields, straight from the schema, for did-you-mean hints and the lists in messages.
const FIELDS = {
  bank: Object.keys(bankSchema.shape),
  question: Object.keys(questionSchema.shape),
  choice: Object.keys(choiceSchema.shape),
};

const MAX_UNKNOWN_FIELDS = 50;

const ALLOWED_VALUES: Record<string, readonly string[]> = {
  type: QUESTION_TYPES,
  moment: MOMENTS,
  stage: STAGES,
};

export function checkBank(data: unknown, file: string): BankCheck {
  if (!isRecord(data)) {
    return {
      problems: [
        error([], 'a bank file must be a mapping of fields (bank:, title:, industry:, questions:), not ' + describe(data), undefined, 'not-a-mapping'),
      ],
    };
  }
  if (typeof data.format === 'number' && data.format > FORMAT_VERSION) {
    return {
      problems: [
        error(
          ['format'],
          `this bank needs a newer mot: it is written in bank format ${data.format}, and this mot reads format ${FORMAT_VERSION}. Update mot, or ask the bank's author for a format ${FORMAT_VERSION} copy.`,
          undefined,
          'newer-format',
        ),
      ],
    };
  }
  const parsed = bankSchema.safeParse(data);
  const problems: Problem[] = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeIssue(issue, data));
  problems.push(...crossFieldProblems(data));
  problems.sort(byPath);
  if (!parsed.success || problems.some((p) => p.severity === 'error')) return { problems };
  return { bank: toBank(parsed.data, file), problems };
}

function crossFieldProblems(data: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (!Array.isArray(data.questions)) return problems;
  const firstById = new Map<string, number>();
  data.questions.forEach((question, q) => {
    if (!isRecord(question)) return;
    const path = ['questions', q];
    if (typeof question.id === 'string') {
      const first = firstById.get(question.id);
      if (first === undefined) firstById.set(question.id, q);
      else
        problems.push(
          error([...path, 'id'], `duplicate question id "${sanitizeLine(question.id)}": question ${first + 1} already uses it. Ids must be unique within a bank.`, undefined, 'duplicate-question-id'),
        );
    }
    if (!Array.isArray(question.choices)) return;
    const type = isQuestionType(question.type ?? 'choice') ? ((question.type ?? 'choice') as QuestionType) : undefined;
    const choices = question.choices.map((c) => (isRecord(c) ? c : {}));
    const seenText = new Map<string, number>();
    choices.forEach((choice, c) => {
      if (typeof choice.text !== 'string') return;
      // Compared as learners will see it: hidden escape sequences do not make two texts different.
      const key = sanitizeText(choice.text).trim().toLowerCase().replace(/\s+/g, ' ');
      const first = seenText.get(key);
      if (first === undefined) seenText.set(key, c);
      else
        problems.push(
          error([...path, 'choices', c, 'text'], `two choices have the same text (choice ${first + 1} and choice ${c + 1}); learners could not tell them apart.`, undefined, 'duplicate-choice-text'),
        );
    });
    if (type) problems.push(...typeRules(type, choices, path));
    if (type && KINDS[type].writtenOrderIsKey && question.shuffle === false)
      problems.push(
        warning([...path, 'shuffle'], `shuffle: false on a ${type} question shows the choices in the expert order, which gives the answer away. Remove it.`, 'key', 'shuffle-gives-away'),
      );
  });
  return problems;
}

/** Whether the choice has a misspelt `field` (reported as an unknown field already, so not missing too). */
function hasTypoOf(choice: Record<string, unknown>, field: string): boolean {
  return Object.keys(choice).some((key) => !FIELDS.choice.includes(key) && closest(key, FIELDS.choice) === field);
}

/** The kind's rules: its own fields required, other kinds' fields refused, then its cross-choice rules. */
function typeRules(type: QuestionType, choices: Record<string, unknown>[], path: PathSegment[]): Problem[] {
  const kind = KINDS[type];
  const problems: Problem[] = [];
  const own = kind.choiceFieldNames;
  for (const [field, owners] of choiceFieldOwners()) {
    if (own.includes(field)) continue;
    const instead = own.length
      ? `a ${type} question scores itself from ${own.map((f) => `"${f}"`).join(' and ')} instead`
      : `a ${type} question is scored by the written order, so write its choices best first`;
    choices.forEach((choice, c) => {
      if (field in choice)
        problems.push(
          error([...path, 'choices', c, field], `"${field}" belongs to ${owners.join(' and ')} questions: remove "${field}" here (${instead}).`, 'key', 'misplaced-field'),
        );
    });
  }
  for (const field of kind.requiredChoiceFields)
    choices.forEach((choice, c) => {
      if (!(field in choice) && 'text' in choice && !hasTypoOf(choice, field))
        problems.push(error([...path, 'choices', c], `this choice has no "${field}": in a ${type} question every choice needs one (${describeField(choiceSchema.shape[field as keyof typeof choiceSchema.shape])}).`, undefined, 'missing-field'));
    });
  problems.push(...kind.check(choices, path));
  return problems;
}

function describeField(schema: z.ZodType | undefined): string {
  const description = schema?.meta()?.description;
  return typeof description === 'string' ? description.replace(/^`[^`]+` questions: /, '').replace(/\.$/, '') : 'see the bank format';
}

function describeIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>): Problem[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  const field = lastField(path);
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = FIELDS[kindOf(path)];
      // Forty thousand unknown keys are one mistake (or an attack); name the first few and count the rest.
      const shown = issue.keys.slice(0, MAX_UNKNOWN_FIELDS);
      const rest = issue.keys.length - shown.length;
      const more = rest > 0 ? [error(path, `and ${rest} more unknown fields in ${describePlace(path)}.`, undefined, 'unknown-field')] : [];
      return [...more, ...shown.map((key) => {
        const guess = closest(key, allowed);
        const hint = guess ? ` Did you mean "${guess}"?` : '';
        return error(
          [...path, key],
          `unknown field "${sanitizeLine(key)}" in ${describePlace(path)}.${hint} Allowed fields: ${allowed.join(', ')}.`,
          'key',
          'unknown-field',
        );
      })];
    }
    case 'invalid_type': {
      const item = path[path.length - 1];
      if (typeof item === 'number' && value !== undefined) {
        const what = path[path.length - 2] === 'choices' ? 'a choice' : path[path.length - 2] === 'questions' ? 'a question' : 'an item';
        const shape =
          what === 'a choice'
            ? 'a mapping with "text:" (and "score:" or "correct:", and "feedback:")'
            : what === 'a question'
              ? 'a mapping with "id:", "prompt:" and "choices:"'
              : expected(issue.expected, '');
        const needs = what === 'a choice' ? '; a choice needs text under "text:"' : '';
        return [error(path, `${describePlace(path)} should be ${shape}, not ${describe(value)}${needs}.`, undefined, 'wrong-shape')];
      }
      if (value === undefined)
        return [error(path.slice(0, -1), `${describePlace(path.slice(0, -1))} is missing the required field "${field}".`, undefined, 'missing-field')];
      return [error(path, `"${field}" should be ${expected(issue.expected, field)}, not ${describe(value)}.`, undefined, 'wrong-type')];
    }
    case 'invalid_value': {
      const allowed = ALLOWED_VALUES[field] ?? issue.values.map(String);
      const code = field === 'ignore' || path.includes('lint') ? 'unknown-lint-rule' : `unknown-${field}`;
      return [error(path, `unknown ${field === 'ignore' || path.includes('lint') ? 'lint rule' : field} "${sanitizeLine(String(value))}". Use one of: ${allowed.join(', ')}.`, undefined, code)];
    }
    case 'too_small':
    case 'too_big': {
      if (field === 'choices')
        return [
          error(path, `a question needs ${MIN_CHOICES} to ${MAX_CHOICES} choices; this one has ${Array.isArray(value) ? value.length : 0}.`, 'key', 'choice-count'),
        ];
      if (field === 'questions') return [error(path, 'a bank needs at least one question.', 'key', 'no-questions')];
      if (field === 'score') return [error(path, `a score must be between 0 and 1, not ${String(value)}.`, undefined, 'score-range')];
      if (field === 'pass_mark') return [error(path, `pass_mark must be above 0 and at most 1 (0.8 means 80%), not ${String(value)}.`, undefined, 'pass-mark-range')];
      if (field === 'format') return [error(path, `format must be ${FORMAT_VERSION}, not ${String(value)}.`, undefined, 'format-version')];
      if (typeof value === 'string') return [error(path, `"${field}" is empty; write some text or remove the field.`, undefined, 'empty-text')];
      return [error(path, `"${field}" is out of range: ${issue.message}.`, undefined, 'out-of-range')];
    }
    case 'invalid_format': {
      const shown = sanitizeLine(String(value));
      if (field === 'industry')
        return [error(path, `industry "${shown}" must be one lowercase word: retail, healthcare, hospitality, general, or your own sector such as airline.`, undefined, 'bad-industry')];
      if (typeof path[path.length - 2] === 'string' && path[path.length - 2] === 'tags')
        return [error(path, `tag "${shown}" must be lowercase words joined by hyphens, like busy-period.`, undefined, 'bad-tag')];
      return [
        error(path, `${field} "${shown}" breaks the id rule: lowercase letters and digits, in words joined by single hyphens, like lunch-rush-greeting.`, undefined, 'bad-id'),
      ];
    }
    case 'custom':
      if (issue.message === EMPTY_ONCE_CLEANED)
        return [error(path, `"${field}" is empty once its control characters and escape sequences are removed; write some text.`, undefined, 'empty-text')];
      return [error(path, `${describePlace(path)}: ${issue.message}.`, undefined, 'invalid')];
    default:
      return [error(path, `${describePlace(path)}: ${issue.message}.`, undefined, 'invalid')];
  }
}

function toBank(file: BankFile, path: string): Bank {
  const bank: Bank = {
    id: file.bank,
    title: sanitizeLine(file.title),
    industry: file.industry,
    passMark: file.pass_mark ?? DEFAULT_PASS_MARK,
    questions: [],
    file: path,
  };
  if (file.description) bank.description = sanitizeText(file.description).trim();
  bank.questions = file.questions.map((q) => {
    const question: Question = {
      id: `${file.bank}/${q.id}`,
      localId: q.id,
      bankId: file.bank,
      industry: file.industry,
      type: q.type ?? 'choice',
      tags: q.tags ?? [],
      ...(q.lint?.ignore?.length ? { lintIgnore: q.lint.ignore } : {}),
      prompt: sanitizeText(q.prompt).trim(),
      shuffle: q.shuffle ?? true,
      choices: q.choices.map((c) => {
        const choice: Choice = { text: sanitizeText(c.text).trim() };
        for (const field of KINDS[q.type ?? 'choice'].choiceFieldNames)
          if ((c as Record<string, unknown>)[field] !== undefined) (choice as unknown as Record<string, unknown>)[field] = (c as Record<string, unknown>)[field];
        if (c.feedback !== undefined) choice.feedback = sanitizeText(c.feedback).trim();
        return choice;
      }),
    };
    if (q.moment) question.moment = q.moment;
    if (q.stage) question.stage = q.stage;
    if (q.scenario) question.scenario = sanitizeText(q.scenario).trim();
    if (q.explanation) question.explanation = sanitizeText(q.explanation).trim();
    return question;
  });
  return bank;
}

function kindOf(path: PathSegment[]): keyof typeof FIELDS {
  if (path.includes('choices')) return 'choice';
  if (path.includes('questions')) return 'question';
  return 'bank';
}

function describePlace(path: PathSegment[]): string {
  const q = path[0] === 'questions' && typeof path[1] === 'number' ? path[1] + 1 : undefined;
  const c = path[2] === 'choices' && typeof path[3] === 'number' ? path[3] + 1 : undefined;
  if (q !== undefined && c !== undefined) return `choice ${c} of question ${q}`;
  if (q !== undefined) return `question ${q}`;
  return 'the bank';
}

function lastField(path: PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'bank';
}

function expected(type: string, field: string): string {
  if (field === 'score') return 'a number from 0 to 1';
  if (field === 'pass_mark') return 'a number above 0 and at most 1';
  if (field === 'correct' || field === 'shuffle') return 'true or false';
  if (field === 'choices' || field === 'questions' || field === 'tags') return 'a list (lines starting with "- ")';
  switch (type) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    default:
      return type;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${sanitizeLine(value).slice(0, 40)}"`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byPath(a: Problem, b: Problem): number {
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const x = a.path[i]!;
    const y = b.path[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return 0;
  }
  return a.path.length - b.path.length;
}

/** The allowed field a typo most likely meant, if any is close enough. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
