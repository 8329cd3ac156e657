// Answers as letters: `a` is the first choice shown. Used by scripted sessions, the JSON result
// and the review, so a learner and a script speak about choices the same way.
import { kindOf } from './kinds/index.js';
import type { PlannedQuestion } from './selection.js';

export function letter(position: number): string {
  return String.fromCharCode(97 + position);
}

export type ParsedAnswer = { ok: true; positions: number[] } | { ok: false; why: string };

/** Reads one scripted answer line into display positions. Case and spaces do not matter. */
export function parseAnswer(line: string, planned: PlannedQuestion): ParsedAnswer {
  const n = planned.order.length;
  const last = letter(n - 1);
  const compact = line.replace(/\s+/g, '').toLowerCase();
  const parts = compact === '' ? [] : compact.includes(',') ? compact.split(',') : [...compact];
  const positions: number[] = [];
  for (const part of parts) {
    if (!/^[a-z]$/.test(part) || part.charCodeAt(0) - 97 >= n)
      return { ok: false, why: `"${part.slice(0, 20)}" is not one of the choices a to ${last}` };
    const position = part.charCodeAt(0) - 97;
    if (positions.includes(position)) return { ok: false, why: `"${part}" is given twice` };
    positions.push(position);
  }
  const why = kindOf(planned.question).checkScripted(positions, n);
  if (why) return { ok: false, why: `${why}, got "${line.trim().slice(0, 40)}"` };
  return { ok: true, positions };
}

/** Display positions to written indices, the form scoring and the store use. */
export function toWritten(planned: PlannedQuestion, positions: readonly number[]): number[] {
  return positions.map((p) => planned.order[p]!);
}

export function toLetters(planned: PlannedQuestion, written: readonly number[]): string[] {
  return written.map((w) => letter(planned.order.indexOf(w)));
}
