import { createRequire } from 'node:module';
import type { Question } from './model.js';

// node:crypto is loaded when the first answer is stored, not with the session (~2 ms before its first question).
const requireHere = createRequire(import.meta.url);

/** A short fingerprint of what a question says, so an answer to an edited question can be told apart. */
export function questionHash(question: Question): string {
  const { createHash } = requireHere('node:crypto') as typeof import('node:crypto');
  const { prompt, scenario, type, choices, explanation } = question;
  return createHash('sha1').update(JSON.stringify({ prompt, scenario, type, choices, explanation })).digest('hex').slice(0, 16);
}
