// The sentences of `mot lint`: one line per finding, and the "why and how to fix" of every rule.
import type { LintCode } from '../core/lint/codes.js';
import {
  CUE_Z,
  DUPLICATE_SIMILARITY,
  KEY_EXTRA_STEPS,
  KEY_LENGTH_RATIO,
  LEAK_MAX_SPREAD,
  LEAK_PHRASE_WORDS,
  MAX_KEY_SHARE,
  MAX_POSITION_SHARE,
  MIN_CUE_COUNT,
  MIN_DISTINCT_COUNTS,
  MIN_PARTIAL_SCORES,
  MIN_QUESTIONS_FOR_PATTERN,
  MULTI_FOR_VARIETY,
  SHINGLE_WORDS,
} from '../core/lint/thresholds.js';

/** A share as a percentage; one decimal where whole numbers would hide which side of a threshold it is. */
const pct = (x: number) => {
  const whole = Math.round(x * 100);
  return Math.abs(whole - x * 100) < 1e-9 ? `${whole} %` : `${(Math.round(x * 1000) / 10).toString()} %`;
};

/** Up to five ids, then how many more: a finding stays one line. */
export function someIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

export const say = {
  keyLongestBank: (n: number, of: number, ids: string[]) =>
    `the key is the longest choice in ${n} of ${of} questions (${pct(n / of)}; above ${pct(MAX_KEY_SHARE)} is a cue): ${someIds(ids)}.`,
  keyLongestQuestion: (ratio: number) =>
    `the key is ${ratio.toFixed(1)}× the mean length of the other choices (over ${KEY_LENGTH_RATIO}× gives it away).`,
  keyMostStepsBank: (n: number, of: number, ids: string[]) =>
    `the key does the most things in ${n} of ${of} questions (${pct(n / of)}; above ${pct(MAX_KEY_SHARE)} is a cue): ${someIds(ids)}.`,
  keyMostStepsQuestion: (key: number, most: number) =>
    `the key does ${key} things and no other choice more than ${most}: the response that does the most is easy to spot.`,
  keyPosition: (position: number, n: number, of: number) =>
    `the key is written as choice ${position} in ${n} of ${of} questions (${pct(n / of)}; above ${pct(MAX_POSITION_SHARE)} is a cue).`,
  multiSame: (count: number, of: number) =>
    `all ${of} multi questions have exactly ${count} correct choice${count === 1 ? '' : 's'}: a reader can count instead of judging.`,
  multiFew: (counts: number[], of: number) =>
    `the ${of} multi questions have only ${counts.length} distinct numbers of correct choices (${counts.join(', ')}); use at least ${MIN_DISTINCT_COUNTS}, from 1 to all but one.`,
  partialCredit: (value: number, n: number) =>
    `every partial score in the bank is ${value} (${n} choices): judge each part-right choice on its own merit.`,
  cue: (label: string, side: 'keys' | 'others', x1: number, n1: number, x2: number, n2: number, z: number, ids: string[]) =>
    `${label} appear in ${x1} of ${n1} keys (${pct(x1 / n1)}) but ${x2} of ${n2} other choices (${pct(x2 / n2)}), z = ${z.toFixed(1)}: ` +
    `${side === 'keys' ? 'they mark the key' : 'they mark the wrong answers'} (${someIds(ids)}).`,
  cueEcho: (echoed: string[]) =>
    `only the key echoes the scenario's ${echoed.map((w) => `"${w}"`).join(', ')}: a reader can match words instead of judging.`,
  allOrNone: (phrase: string) => `"${phrase}" as a choice: it rewards partial knowledge and logic, not judgement.`,
  negativePrompt: (word: string) =>
    `the prompt asks with "${word}" but does not emphasise it: readers miss it. Write it in capitals (${word.toUpperCase()}), or ask positively.`,
  noFeedback: (choice: number) => `choice ${choice} has no feedback: say why someone would choose it and what it costs.`,
  noExplanation: () => 'the question has no explanation: say why the best answer is best.',
  nearDuplicate: (similarity: number, other: string, sameBank: boolean) =>
    `scenario and prompt are ${pct(similarity)} the same as ${other}${sameBank ? '' : ' in another bank'}: the same point taught the same way twice.`,
  crossLeak: (what: string, others: string[]) =>
    `the key's ${what} is printed in ${someIds(others)}: reading that question gives this answer away.`,
  plantedResource: (resource: string) =>
    `the scenario plants ${resource} and only the key uses it: let other responses use it too (some wrongly), or plant none.`,
  invalid: (errors: number) =>
    `this file is not a valid bank (${errors} problem${errors === 1 ? '' : 's'}); run mot validate on it, then lint it.`,
  summaryClean: (files: number, questions: number) =>
    `${files} file${files === 1 ? '' : 's'} linted, ${questions} questions: no warnings.`,
  summary: (warnings: number, errors: number, files: number, questions: number) =>
    `${files} file${files === 1 ? '' : 's'} linted, ${questions} questions: ${warnings} warning${warnings === 1 ? '' : 's'}` +
    (errors > 0 ? `, ${errors} error${errors === 1 ? '' : 's'}.` : '.'),
  unknownCode: (code: string) => `unknown lint rule "${code}".`,
  codesHint: (codes: readonly string[]) => `The rules are: ${codes.join(', ')}.`,
  strictFailed: (warnings: number) => `--strict: ${warnings} warning${warnings === 1 ? '' : 's'}, so the exit code is 1.`,
};

export interface Explanation {
  /** What the rule looks for, in one line. */
  title: string;
  why: string;
  fix: string;
}

const ignoreHint = (code: string) =>
  `If a question truly needs it, silence the rule for that question only, with the reason in a comment:\n  lint: { ignore: [${code}] }   # why this is right here`;

export const EXPLANATIONS: Record<LintCode, Explanation> = {
  'key-longest': {
    title: 'The key is the longest choice.',
    why:
      'Test-wise readers pick the longest, most detailed answer, and they are right when writers put their care into the key. ' +
      `The rule warns when the key is the single longest choice in more than ${pct(MAX_KEY_SHARE)} of a bank's single-key questions ` +
      `(choice, best-worst, rank; chance with four choices is 25 %; judged from ${MIN_QUESTIONS_FOR_PATTERN} questions up), ` +
      `and on any question whose key is over ${KEY_LENGTH_RATIO}× the mean length of the other choices.`,
    fix: 'Give every choice the same weight of detail: lengthen the distractors with the detail of a real mistake, or shorten the key. Sometimes the best answer is the short, plain one.',
  },
  'key-most-steps': {
    title: 'The key does the most things.',
    why:
      'When the key greets, apologises, fixes and follows up while each distractor does one thing, a reader picks the busiest response without reading the encounter. ' +
      'Steps are counted as clauses: the text split at commas, semicolons, dashes, "and" and "then", counting the clauses that start with an action verb (tell, ask, offer, check, fetch …, after a subject or an adverb: "you check", "quietly ask"); clauses that argue or describe ("because …", "so that …", "which …") are not steps. ' +
      `The rule warns when the key has strictly the most steps in more than ${pct(MAX_KEY_SHARE)} of a bank's single-key questions, ` +
      `and on a question whose key does ${KEY_EXTRA_STEPS} or more things more than any other choice.`,
    fix: 'Write distractors that do several things too, one of which is the mistake (the warm apology that promises what policy forbids); let the key sometimes be one decisive act.',
  },
  'key-position': {
    title: 'The key is written at the same position too often.',
    why:
      'With shuffle: false, with --no-shuffle, and for anyone reading the file, a favourite position is a cue. ' +
      `The rule warns when more than ${pct(MAX_POSITION_SHARE)} of the bank's choice and best-worst questions have their key at one written position (rank questions are written in the expert's order and are not counted).`,
    fix: 'Move keys so that each position is used about equally often.',
  },
  'multi-count': {
    title: 'Multi questions always have the same number of correct choices.',
    why:
      'If every "select all that apply" has three correct choices, a reader picks three and needs only to rank them. ' +
      `The rule warns when every multi question of a bank (two or more) has the same number of correct choices, and when a bank with ${MULTI_FOR_VARIETY} or more has fewer than ${MIN_DISTINCT_COUNTS} distinct numbers.`,
    fix: 'Vary the number of correct choices from 1 to all but one.',
  },
  'cue-justification': {
    title: 'Reasons ("because", "since", "so that") appear in keys only, or in distractors only.',
    why:
      'A wrong answer that argues for itself ("…, because the policy says so") is spotted as a rationalisation; a key that alone gives its reason is spotted as the considered one. ' +
      `The rule counts the bank's key choices and other choices that contain the words, and warns when they appear ${MIN_CUE_COUNT} times or more and the two rates differ by a two-proportion z test at |z| ≥ ${CUE_Z} (two-sided p < 0.05).`,
    fix: 'Give reasons in keys and distractors alike, or in none.',
  },
  'cue-absolute': {
    title: 'Absolutes ("always", "never", "only", "must") appear in keys only, or in distractors only.',
    why:
      'Readers learn that answers with "always" and "never" are wrong. ' +
      `Counted as for cue-justification: ${MIN_CUE_COUNT} occurrences or more and |z| ≥ ${CUE_Z}.`,
    fix: 'Use absolutes where they are right ("never leave the patient alone") and hedges where they are wrong.',
  },
  'cue-warmth': {
    title: 'Warm words (acknowledge, apologise, listen, together, personally, …) appear in keys only, or in distractors only.',
    why:
      'When only the key says sorry, the kindest-sounding answer wins and the scenario decides nothing. ' +
      `Counted as for cue-justification: ${MIN_CUE_COUNT} occurrences or more and |z| ≥ ${CUE_Z}.`,
    fix: 'Put warm wording in wrong answers too: the warm apology that promises what policy forbids, the friendly chat that delays a safety step.',
  },
  'cue-echo': {
    title: 'Only the key repeats a word of the scenario.',
    why:
      'The scenario mentions the pharmacist, and only the key fetches the pharmacist: a reader matches words instead of judging. ' +
      'The rule compares content words (function words and everyday service words left out, light stemming) of the scenario with those of each choice.',
    fix: 'Let other choices use what the scenario mentions too, or name it in none of them.',
  },
  'partial-credit': {
    title: "The bank's partial scores all take one value.",
    why:
      `If every part-right choice scores 0.5, partial credit is a pattern, not a judgement. The rule warns when the bank has ${MIN_PARTIAL_SCORES} or more partial scores (between 0 and 1) and they are all the same.`,
    fix: 'Judge each part-right choice on its merits (0.2, 0.4, 0.6, 0.7 …).',
  },
  'all-or-none': {
    title: '"All of the above" or "none of the above" as a choice.',
    why: 'They reward partial knowledge (two right options make "all of the above" certain) and make no sense once choices are shuffled.',
    fix: 'Use a multi question ("select all that apply"), or write a real alternative.',
  },
  'negative-prompt': {
    title: 'The prompt asks with NOT or EXCEPT without emphasis.',
    why:
      'Readers skim past a lowercase "not" and answer the opposite question; then the score measures reading speed. ' +
      'The rule looks at the sentence that asks (the last one ending in "?"), leaves out quoted words and descriptions ("the guest whose room is not ready", "if she does not answer"), and warns at a "not" or "except" that is neither in capitals nor emphasised.',
    fix: 'Ask positively, or write the word in capitals (NOT, EXCEPT) or *emphasised*.',
  },
  'no-feedback': {
    title: 'A choice without feedback.',
    why: 'Feedback is where the training happens: why a reasonable person might choose this, and what it costs. A learner who picked it is told nothing.',
    fix: 'Add feedback: to every choice, including the key.',
  },
  'no-explanation': {
    title: 'A question without explanation.',
    why: 'The explanation is shown after the answer and in the exam review; without it a learner sees the verdict and not the reason.',
    fix: 'Add an explanation: why the best answer is best here, and where a claim comes from when a student would ask.',
  },
  'near-duplicate': {
    title: 'Two questions with nearly the same scenario and prompt.',
    why:
      'Two questions that teach the same point the same way double its weight in the score and let a learner answer the second from memory. ' +
      `The rule compares scenario and prompt as sets of ${SHINGLE_WORDS}-word shingles (lowercased word sequences) and warns at a Jaccard similarity of ${pct(DUPLICATE_SIMILARITY)} or more, within a bank and across every bank linted together.`,
    fix: 'Merge the two, or change one so that it teaches something else (a different encounter where a different response is best).',
  },
  'cross-leak': {
    title: "A question's text or choices give away another question's key.",
    why:
      'A name, a date, a number or a defining phrase that marks one question\'s key (it is in the key and in none of its other choices) is printed in another question of the bank: a reader who has seen that question knows the answer. ' +
      `Phrases are ${LEAK_PHRASE_WORDS} content words in a row; a name, number or phrase printed in more than ${pct(LEAK_MAX_SPREAD)} of the bank's other questions (and in more than 2) is the bank's vocabulary and is not counted. ` +
      "Twins (the same choices under two encounters) print each other's keys among the same choices, which tells nobody which one is right, so only a twin's scenario and prompt are read.",
    fix: 'Reword one of them: take the name or date out of the other question, or put it in the distractors too.',
  },
  'planted-resource': {
    title: 'The scenario grants a permission or names a resource that only the key uses.',
    why:
      'If the scenario says "you may upgrade the guest" or mentions "a £5 voucher", the reader looks for the response that uses it. ' +
      'A permission is "you / staff … may, can, are allowed to …" or "lets / allows staff to …"; a choice uses it when it has the granted verb or two content words of what is granted ("honour the shelf price"). ' +
      'Resources are amounts of money or percentages and words such as voucher, discount, upgrade, refund, credit, points, compensation.',
    fix: 'Let two or three responses use it, some wrongly (too soon, for the wrong guest), or plant none.',
  },
};

export function explainText(code: LintCode): string {
  const e = EXPLANATIONS[code];
  return `${code}: ${e.title}\n\nWhy: ${e.why}\n\nHow to fix: ${e.fix}\n\n${ignoreHint(code)}`;
}
