import { createHash } from 'node:crypto';
import type { Question } from './model.js';

/** A short fingerprint of what a question says, so an answer to an edited question can be told apart. */
export function questionHash(question: Question): string {
  const { prompt, scenario, type, choices, explanation } = question;
  return createHash('sha1').update(JSON.stringify({ prompt, scenario, type, choices, explanation })).digest('hex').slice(0, 16);
}
