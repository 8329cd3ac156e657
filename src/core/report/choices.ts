// How each kind of question spreads its answers over its choices, for the distractor table: what
// counts as picking a choice, and which choices are the key. Each kind says it in its own file.
import { KINDS } from '../kinds/index.js';
import type { Question, QuestionType } from '../model.js';

export interface ChoiceTally {
  /** Does this response pick the written choice (rank: place it first; best-worst: name it best)? */
  picks(response: readonly number[], written: number): boolean;
  /** best-worst only: does this response name the written choice least effective? */
  picksWorst?(response: readonly number[], written: number): boolean;
  /** Is the written choice part of the key, so that being rarely picked is no flaw? */
  isKey(question: Question, written: number): boolean;
  /** What the key says of the written choice, for `mot show`. */
  keyNote(question: Question, written: number): string;
}

export const TALLIES = Object.fromEntries(
  Object.entries(KINDS).map(([type, kind]) => [
    type,
    {
      picks: kind.picks,
      ...(kind.picksWorst ? { picksWorst: kind.picksWorst } : {}),
      isKey: (question: Question, written: number) => kind.keys(question).includes(written),
      keyNote: kind.keyNote,
    },
  ]),
) as Record<QuestionType, ChoiceTally>;
