// The structure of a bank file, written once: the validator checks files against it and the
// editor's JSON Schema (content/bank.schema.json) is generated from it. Rules that tie fields
// together (a choice question needs a choice scoring 1, ...) live in rules.ts.
import * as z from 'zod';
import {
  ID_PATTERN,
  INDUSTRY_PATTERN,
  MAX_CHOICES,
  MIN_CHOICES,
  MOMENTS,
  QUESTION_TYPES,
  STAGES,
  TAG_PATTERN,
} from './model.js';
import { KINDS } from './kinds/index.js';
import { sanitizeText } from './sanitize.js';
import { LINT_CODES } from './lint/codes.js';

/** The message of the refinement below, so the validator can recognise it. */
export const EMPTY_ONCE_CLEANED = 'empty-once-cleaned';

const id = z.string().regex(ID_PATTERN);
// Text that is nothing but control characters or escape sequences would show as an empty line.
const text = z
  .string()
  .min(1)
  .refine((value) => value.length === 0 || sanitizeText(value).trim().length > 0, { message: EMPTY_ONCE_CLEANED });

// Each kind's own choice fields (score, correct, best, ...) come from its file in kinds/: a
// choice may carry any of them here, and the validator checks which belong to the question's type.
const kindChoiceFields = Object.fromEntries(
  QUESTION_TYPES.flatMap((type) => Object.entries(KINDS[type].choiceFields(z)).map(([field, schema]) => [field, schema.optional()])),
);

export const choiceSchema = z
  .strictObject({
    text: text.meta({ description: 'What the learner sees as this option.' }),
    ...kindChoiceFields,
    feedback: text
      .optional()
      .meta({ description: 'Why this choice is good, partly good or poor. Shown after the answer.' }),
  })
  .meta({ description: 'One response the learner can choose.' });

export const questionSchema = z
  .strictObject({
    id: id.meta({ description: 'Lowercase words joined by hyphens, unique within the bank.' }),
    type: z
      .enum(QUESTION_TYPES)
      .optional()
      .meta({ description: QUESTION_TYPES.map((type) => `${type} (${KINDS[type].summary})`).join(', ') + '.' }),
    moment: z
      .enum(MOMENTS)
      .optional()
      .meta({ description: 'The moment of truth: zero (ZMOT), first (FMOT), second (SMOT) or third (TMOT).' }),
    stage: z
      .enum(STAGES)
      .optional()
      .meta({ description: 'The stage of the encounter.' }),
    tags: z
      .array(z.string().regex(TAG_PATTERN))
      .optional()
      .meta({ description: 'Free lowercase words for filtering with --tag.' }),
    scenario: text.optional().meta({ description: 'The encounter, told in the second person.' }),
    prompt: text.meta({ description: 'The question the learner answers.' }),
    shuffle: z
      .boolean()
      .optional()
      .meta({ description: 'false keeps the written order of choices (default true).' }),
    choices: z
      .array(choiceSchema)
      .min(MIN_CHOICES)
      .max(MAX_CHOICES)
      .meta({ description: `${MIN_CHOICES} to ${MAX_CHOICES} choices. For rank questions, written best first.` }),
    explanation: text
      .optional()
      .meta({ description: 'Why the best answer is best; shown after the answer and in the review.' }),
    lint: z
      .strictObject({
        ignore: z
          .array(z.enum(LINT_CODES))
          .meta({ description: 'The `mot lint` rules that do not apply to this question (say why in a comment).' }),
      })
      .optional()
      .meta({ description: 'Silences `mot lint` rules for this question where there is a reason.' }),
  })
  .meta({ description: 'One encounter and the question about it.' });

export const bankSchema = z
  .strictObject({
    format: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'The version of the bank format this file is written in (1).' }),
    bank: id.meta({ description: 'The bank id: lowercase words joined by hyphens, unique across every loaded bank.' }),
    title: text.meta({ description: 'The bank title shown in menus and `mot banks`.' }),
    industry: z
      .string()
      .regex(INDUSTRY_PATTERN)
      .meta({ description: 'retail, healthcare, hospitality, general, or another lowercase word for your sector.' }),
    description: text.optional().meta({ description: 'A sentence or two shown in `mot banks`.' }),
    pass_mark: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .meta({ description: 'The score needed to pass an exam, above 0 and at most 1 (default 0.8).' }),
    questions: z.array(questionSchema).min(1).meta({ description: 'At least one question.' }),
  })
  .meta({ title: 'mot scenario bank', description: 'A bank of moment-of-truth scenarios for mot.' });

export type BankFile = z.infer<typeof bankSchema>;
export type QuestionFile = z.infer<typeof questionSchema>;
export type ChoiceFile = z.infer<typeof choiceSchema>;

/**
 * The JSON Schema that editors (yaml-language-server) use to check a bank as it is typed: JSON
 * Schema 2020-12, with each kind's choice rules as if/then (so a `score` on a multi choice is
 * flagged as you type) and every description also as `markdownDescription` for hover text.
 */
export function bankJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(bankSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const question = (schema as { properties: { questions: { items: Record<string, unknown> } } }).properties.questions.items;
  question.allOf = QUESTION_TYPES.map((type) => {
    const kind = KINDS[type];
    const others = [...new Set(QUESTION_TYPES.flatMap((t) => KINDS[t].choiceFieldNames))].filter((f) => !kind.choiceFieldNames.includes(f));
    // A required field is named in `properties` too (as "anything the base schema allows"), as strict validators ask.
    const choice: Record<string, unknown> = {
      type: 'object',
      properties: Object.fromEntries([...others.map((f) => [f, false]), ...kind.requiredChoiceFields.map((f) => [f, true])]),
    };
    if (kind.requiredChoiceFields.length) choice.required = [...kind.requiredChoiceFields];
    const isType =
      type === 'choice'
        ? { anyOf: [{ type: 'object', properties: { type: { const: type } }, required: ['type'] }, { type: 'object', not: { required: ['type'] } }] }
        : { type: 'object', properties: { type: { const: type } }, required: ['type'] };
    const choices: Record<string, unknown> = { type: 'array', items: choice };
    if (kind.minChoices > MIN_CHOICES) choices.minItems = kind.minChoices;
    return { if: isType, then: { type: 'object', properties: { choices } } };
  });
  withMarkdown(schema);
  return { ...schema, $id: 'https://mot.invalid/bank.schema.json' };
}

function withMarkdown(node: unknown): void {
  if (Array.isArray(node)) node.forEach(withMarkdown);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.description === 'string' && record.markdownDescription === undefined) record.markdownDescription = record.description;
    Object.values(record).forEach(withMarkdown);
  }
}
