// The JSON Schema shipped for editors must be the one generated from the validator's schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankJsonSchema } from '../../src/core/schema.js';

const SHIPPED = new URL('../../content/bank.schema.json', import.meta.url);
const STALE = 'content/bank.schema.json is stale: run `npm run build` to regenerate it from src/core/schema.ts';

describe('content/bank.schema.json', () => {
  const shipped = readFileSync(SHIPPED, 'utf8');

  it('equals the schema generated from src/core/schema.ts', () => {
    expect(JSON.parse(shipped), STALE).toEqual(bankJsonSchema());
  });

  it('is written exactly as `mot schema` prints it', () => {
    expect(shipped, STALE).toBe(JSON.stringify(bankJsonSchema(), null, 2) + '\n');
  });

  it('describes the fields of a bank, a question and a choice, and refuses unknown ones', () => {
    const schema = bankJsonSchema() as { properties: Record<string, unknown>; additionalProperties?: unknown; required?: string[] };
    expect(Object.keys(schema.properties)).toEqual(['format', 'bank', 'title', 'industry', 'description', 'pass_mark', 'questions']);
    expect(schema.required).toEqual(['bank', 'title', 'industry', 'questions']);
    expect(schema.additionalProperties).toBe(false);
    expect(shipped).toContain('"enum": [\n');
    for (const value of ['first-contact', 'follow-up', 'zero', 'third', 'choice', 'multi', 'rank']) expect(shipped).toContain(`"${value}"`);
  });
});

describe('the editor schema in a JSON Schema 2020-12 validator', () => {
  // yaml-language-server reads markdownDescription for hover text; Ajv is told it is an annotation.
  const compile = async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
    return ajv.compile(bankJsonSchema());
  };
  const bank = (question: Record<string, unknown>) => ({ bank: 'b', title: 'B', industry: 'retail', questions: [{ id: 'q', prompt: 'P?', ...question }] });

  it('compiles in strict mode and says it is draft 2020-12', async () => {
    expect(bankJsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    await expect(compile()).resolves.toBeTypeOf('function');
  });

  it('accepts a bank of every kind written as the format says', async () => {
    const check = await compile();
    const ok = [
      bank({ choices: [{ text: 'a', score: 1 }, { text: 'b', score: 0 }] }),
      bank({ type: 'multi', choices: [{ text: 'a', correct: true }, { text: 'b', correct: false }] }),
      bank({ type: 'rank', choices: [{ text: 'a' }, { text: 'b' }] }),
      bank({ type: 'best-worst', choices: [{ text: 'a', best: true }, { text: 'b' }, { text: 'c', worst: true }] }),
    ];
    for (const data of ok) expect(check(data), JSON.stringify(check.errors)).toBe(true);
  });

  it.each([
    ['a choice question whose choice lacks score', { choices: [{ text: 'a', score: 1 }, { text: 'b' }] }],
    ['correct on a choice question', { choices: [{ text: 'a', score: 1, correct: true }, { text: 'b', score: 0 }] }],
    ['score on a multi choice', { type: 'multi', choices: [{ text: 'a', correct: true, score: 1 }, { text: 'b', correct: false }] }],
    ['a multi choice without correct', { type: 'multi', choices: [{ text: 'a', correct: true }, { text: 'b' }] }],
    ['score on a rank choice', { type: 'rank', choices: [{ text: 'a', score: 1 }, { text: 'b' }] }],
    ['correct on a rank choice', { type: 'rank', choices: [{ text: 'a' }, { text: 'b', correct: false }] }],
    ['a best-worst question of two choices', { type: 'best-worst', choices: [{ text: 'a', best: true }, { text: 'b', worst: true }] }],
  ])('flags %s as an editor would', async (_case, question) => {
    const check = await compile();
    expect(check(bank(question))).toBe(false);
  });

  it('gives every description as Markdown hover text too', () => {
    const text = JSON.stringify(bankJsonSchema());
    // Descriptions are strings; the bank's own `description` field is an object and does not count.
    const descriptions = text.match(/"description":"/g)!.length;
    expect(descriptions).toBeGreaterThan(20);
    expect(text.match(/"markdownDescription":"/g)!.length).toBe(descriptions);
  });
});
