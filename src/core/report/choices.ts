// How each kind of question spreads its answers over its choices, for the distractor table: what
// counts as picking a choice, and which choices are the key (the rest are distractors). A record
// over every type, so a new kind without an entry here does not compile.
import type { Question, QuestionType } from '../model.js';

export interface ChoiceTally {
  /** Does this response pick the written choice (rank: place it first; best-worst: name it best)? */
  picks(response: readonly number[], written: number): boolean;
  /** best-worst only: does this response name the written choice least effective? */
  picksWorst?(response: readonly number[], written: number): boolean;
  /** Is the written choice part of the key, so that being rarely picked is no flaw? */
  isKey(question: Question, written: number): boolean;
  /** What the key says of the written choice, for `mot show`: "score 0.5", "correct", "expert rank 2", "best". */
  keyNote(question: Question, written: number): string;
}

const first = (response: readonly number[], written: number) => response[0] === written;

export const TALLIES: Record<QuestionType, ChoiceTally> = {
  choice: { picks: first, isKey: (q, i) => q.choices[i]?.score === 1, keyNote: (q, i) => `score ${q.choices[i]?.score ?? 0}` },
  multi: {
    picks: (response, written) => response.includes(written),
    isKey: (q, i) => q.choices[i]?.correct === true,
    keyNote: (q, i) => (q.choices[i]?.correct === true ? 'correct' : 'wrong'),
  },
  rank: { picks: first, isKey: (_q, i) => i === 0, keyNote: (_q, i) => `expert rank ${i + 1}` },
  'best-worst': {
    picks: first,
    picksWorst: (response, written) => response[1] === written,
    isKey: (q, i) => q.choices[i]?.best === true,
    keyNote: (q, i) => (q.choices[i]?.best === true ? 'most effective' : q.choices[i]?.worst === true ? 'least effective' : 'neither'),
  },
};
