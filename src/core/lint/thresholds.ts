// The numbers behind the rules, in one place: `mot lint --explain` and the README quote them.

/** A bank-wide pattern (key length, steps, position) is judged only over this many questions or more. */
export const MIN_QUESTIONS_FOR_PATTERN = 5;
/** key-longest, key-most-steps: the share of single-key questions above which the pattern is a cue (chance with four choices: 25 %). */
export const MAX_KEY_SHARE = 0.35;
/** key-longest, per question: the key is longer than this many times the mean length of the other choices. */
export const KEY_LENGTH_RATIO = 1.5;
/** key-most-steps, per question: the key does at least this many more things than any other choice. */
export const KEY_EXTRA_STEPS = 2;
/** key-position: the share of keys written at one position above which the position is a cue. */
export const MAX_POSITION_SHARE = 0.4;
/** multi-count: a bank with this many multi questions or more needs MIN_DISTINCT_COUNTS distinct numbers of correct choices. */
export const MULTI_FOR_VARIETY = 4;
export const MIN_DISTINCT_COUNTS = 3;
/** partial-credit: judged when the bank gives at least this many partial scores. */
export const MIN_PARTIAL_SCORES = 3;
/**
 * The cue-word rules: a class of words is a cue when it appears at least MIN_CUE_COUNT times in
 * the bank's choices and its rate in keys and in the other choices differ by a two-proportion
 * z test at |z| >= CUE_Z (two-sided p < 0.05).
 */
export const MIN_CUE_COUNT = 4;
export const CUE_Z = 1.96;
/** near-duplicate: word shingles of this many words over scenario and prompt... */
export const SHINGLE_WORDS = 3;
/** ...and the Jaccard similarity of the two questions' shingle sets at or above which they are near duplicates. */
export const DUPLICATE_SIMILARITY = 0.5;
/** near-duplicate: a shingle printed in more questions than this is a set phrase and proposes no pair (it still counts in the similarity). */
export const SET_PHRASE_SPREAD = 200;
/** cross-leak: a phrase of the key is this many content words long. */
export const LEAK_PHRASE_WORDS = 3;
/** cross-leak: a name, number or phrase printed in more than this share of the bank's questions is the bank's vocabulary, not a leak. */
export const LEAK_MAX_SPREAD = 0.15;
