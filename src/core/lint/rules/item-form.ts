// How a single question is written: "all of the above", an unmarked negative, missing feedback
// or explanation.
import { say } from '../../../messages/lint.js';
import { questionFinding, type LintFinding, type LintRule } from '../finding.js';

const ALL_OR_NONE = /\b(all|none|both|neither) of (the )?(above|these|those|the others|the other (choices|options|answers))\b/i;

export const allOrNone: LintRule = {
  code: 'all-or-none',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks)
      bank.questions.forEach((question, q) => {
        if (context.ignores(question, 'all-or-none')) return;
        question.choices.forEach((choice, c) => {
          const match = ALL_OR_NONE.exec(choice.text);
          if (match) findings.push(questionFinding(bank, q, 'all-or-none', say.allOrNone(match[0].toLowerCase()), ['choices', c, 'text']));
        });
      });
    return findings;
  },
};

// A negative counts as emphasised when written in capitals or inside *…*, **…** or _…_.
const NEGATIVE = /(\*{1,2}|_)?\b(not|except)\b(\*{1,2}|_)?/gi;
// Quoted words are someone's words, not the question's.
const QUOTED = /"[^"]*"|“[^”]*”|‘[^’]*’|(^|\s)'[^']*'(?=[\s.,;:?!]|$)/g;
// A negative after one of these belongs to a description ("the guest whose room is not ready"),
// not to what is asked.
const SUBORDINATE = /\b(whose|who|that|which|when|whenever|if|because|since|although|though|while|where|after|before|until)\b/i;

/**
 * The unemphasised "not" or "except" that turns the question round, if any: only in the
 * sentence that asks (the last one ending in "?"), outside quotes and outside descriptions.
 */
export function unemphasisedNegative(prompt: string): string | undefined {
  const sentences = prompt.trim().split(/(?<=[.!?])\s+/);
  const question = [...sentences].reverse().find((s) => s.trim().endsWith('?')) ?? sentences[sentences.length - 1] ?? '';
  const unquoted = question.replace(QUOTED, (quote) => ' '.repeat(quote.length));
  for (const match of unquoted.matchAll(NEGATIVE)) {
    const word = match[2]!;
    if (word === word.toUpperCase()) continue;
    if (match[1] && match[3]) continue;
    const before = unquoted.slice(0, match.index).replace(/^\s*\S+/, '');
    if (SUBORDINATE.test(before)) continue;
    return word;
  }
  return undefined;
}

export const negativePrompt: LintRule = {
  code: 'negative-prompt',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks)
      bank.questions.forEach((question, q) => {
        if (context.ignores(question, 'negative-prompt')) return;
        const word = unemphasisedNegative(question.prompt);
        if (word) findings.push(questionFinding(bank, q, 'negative-prompt', say.negativePrompt(word.toLowerCase()), ['prompt']));
      });
    return findings;
  },
};

export const noFeedback: LintRule = {
  code: 'no-feedback',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks)
      bank.questions.forEach((question, q) => {
        if (context.ignores(question, 'no-feedback')) return;
        question.choices.forEach((choice, c) => {
          if (!choice.feedback?.trim()) findings.push(questionFinding(bank, q, 'no-feedback', say.noFeedback(c + 1), ['choices', c]));
        });
      });
    return findings;
  },
};

export const noExplanation: LintRule = {
  code: 'no-explanation',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks)
      bank.questions.forEach((question, q) => {
        if (!context.ignores(question, 'no-explanation') && !question.explanation?.trim())
          findings.push(questionFinding(bank, q, 'no-explanation', say.noExplanation(), ['id']));
      });
    return findings;
  },
};
