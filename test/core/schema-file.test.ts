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
