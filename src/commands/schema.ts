// `mot schema`: the JSON Schema of bank files, for editors.
import { bankJsonSchema } from '../core/schema.js';
import { makeOutput } from '../ui/output.js';

export function printSchema(): void {
  makeOutput().json(bankJsonSchema());
}
