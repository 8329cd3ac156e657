import { createRequire } from 'node:module';
import type { Question } from './model.js';

// node:crypto is loaded when the first hash is computed (~2 ms); a bank read from the cache
// brings its questions' hashes with it (knowQuestionHash), so a warm session never loads it.
const requireHere = createRequire(import.meta.url);
const known = new WeakMap<Question, string>();

/** A short fingerprint of what a question says, so an answer to an edited question can be told apart. */
export function questionHash(question: Question): string {
  let hash = known.get(question);
  if (hash === undefined) {
    const { createHash } = requireHere('node:crypto') as typeof import('node:crypto');
    const { prompt, scenario, type, choices, explanation } = question;
    hash = createHash('sha1').update(JSON.stringify({ prompt, scenario, type, choices, explanation })).digest('hex').slice(0, 16);
    known.set(question, hash);
  }
  return hash;
}

/** What questionHash looks like: 16 hex digits. */
export const QUESTION_HASH = /^[0-9a-f]{16}$/;

/** Tells questionHash the hash of this very question object, computed earlier by questionHash itself. */
export function knowQuestionHash(question: Question, hash: string): void {
  known.set(question, hash);
}
