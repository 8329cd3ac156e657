// `mot schema`: the JSON Schema editors use, generated from the validator's own schema.
import { bankJsonSchema } from '../core/schema.js';

export function printSchema(): void {
  process.stdout.write(JSON.stringify(bankJsonSchema(), null, 2) + '\n');
}
