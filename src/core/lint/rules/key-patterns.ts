// Patterns in where the key is and how it is written: longest, busiest, same position, the
// same number correct, the same partial credit.
import { say } from '../../../messages/lint.js';
import type { Bank } from '../../model.js';
import { bankFinding, questionFinding, type LintFinding, type LintRule, type RuleContext } from '../finding.js';
import { correctCount, keyed, partialScores, type KeyedQuestion } from '../keys.js';
import { length, steps } from '../text.js';
import {
  KEY_EXTRA_STEPS,
  KEY_LENGTH_RATIO,
  MAX_KEY_SHARE,
  MAX_POSITION_SHARE,
  MIN_DISTINCT_COUNTS,
  MIN_PARTIAL_SCORES,
  MIN_QUESTIONS_FOR_PATTERN,
  MULTI_FOR_VARIETY,
} from '../thresholds.js';
import type { LintCode } from '../codes.js';

interface Indexed extends KeyedQuestion {
  q: number;
}

/** The bank's questions with one key among other choices that have not silenced the rule. */
function singleKeyed(bank: Bank, context: RuleContext, code: LintCode): Indexed[] {
  return bank.questions
    .map((question, q) => ({ ...keyed(question), q }))
    .filter((k) => k.singleKey && k.question.choices.length >= 2 && !context.ignores(k.question, code));
}

/** Whether the key's measure is strictly above every other choice's. */
function keyIsMost(k: KeyedQuestion, measure: (text: string) => number): boolean {
  const key = k.keys[0]!;
  const value = measure(k.question.choices[key]!.text);
  return k.question.choices.every((c, i) => i === key || measure(c.text) < value);
}

export const keyLongest: LintRule = {
  code: 'key-longest',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks) {
      const items = singleKeyed(bank, context, 'key-longest');
      const longest = items.filter((k) => keyIsMost(k, length));
      if (items.length >= MIN_QUESTIONS_FOR_PATTERN && longest.length / items.length > MAX_KEY_SHARE)
        findings.push(bankFinding(bank, 'key-longest', say.keyLongestBank(longest.length, items.length, longest.map((k) => k.question.localId))));
      for (const k of items) {
        const key = k.keys[0]!;
        const others = k.question.choices.filter((_, i) => i !== key).map((c) => length(c.text));
        const mean = others.reduce((a, b) => a + b, 0) / others.length;
        const ratio = length(k.question.choices[key]!.text) / mean;
        if (mean > 0 && ratio > KEY_LENGTH_RATIO)
          findings.push(questionFinding(bank, k.q, 'key-longest', say.keyLongestQuestion(ratio), ['choices', key, 'text']));
      }
    }
    return findings;
  },
};

export const keyMostSteps: LintRule = {
  code: 'key-most-steps',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks) {
      const items = singleKeyed(bank, context, 'key-most-steps');
      const busiest = items.filter((k) => keyIsMost(k, steps));
      if (items.length >= MIN_QUESTIONS_FOR_PATTERN && busiest.length / items.length > MAX_KEY_SHARE)
        findings.push(bankFinding(bank, 'key-most-steps', say.keyMostStepsBank(busiest.length, items.length, busiest.map((k) => k.question.localId))));
      for (const k of items) {
        const key = k.keys[0]!;
        const keySteps = steps(k.question.choices[key]!.text);
        const most = Math.max(...k.question.choices.filter((_, i) => i !== key).map((c) => steps(c.text)));
        if (keySteps - most >= KEY_EXTRA_STEPS)
          findings.push(questionFinding(bank, k.q, 'key-most-steps', say.keyMostStepsQuestion(keySteps, most), ['choices', key, 'text']));
      }
    }
    return findings;
  },
};

export const keyPosition: LintRule = {
  code: 'key-position',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks) {
      const items = singleKeyed(bank, context, 'key-position').filter((k) => !k.orderIsKey);
      if (items.length < MIN_QUESTIONS_FOR_PATTERN) continue;
      const byPosition = new Map<number, number>();
      for (const k of items) byPosition.set(k.keys[0]!, (byPosition.get(k.keys[0]!) ?? 0) + 1);
      const [position, n] = [...byPosition.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
      if (n / items.length > MAX_POSITION_SHARE) findings.push(bankFinding(bank, 'key-position', say.keyPosition(position + 1, n, items.length)));
    }
    return findings;
  },
};

export const multiCount: LintRule = {
  code: 'multi-count',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks) {
      const counts = bank.questions
        .filter((question) => !context.ignores(question, 'multi-count'))
        .map(correctCount)
        .filter((n): n is number => n !== undefined);
      const distinct = [...new Set(counts)].sort((a, b) => a - b);
      if (counts.length >= 2 && distinct.length === 1) findings.push(bankFinding(bank, 'multi-count', say.multiSame(distinct[0]!, counts.length)));
      else if (counts.length >= MULTI_FOR_VARIETY && distinct.length < MIN_DISTINCT_COUNTS)
        findings.push(bankFinding(bank, 'multi-count', say.multiFew(distinct, counts.length)));
    }
    return findings;
  },
};

export const partialCredit: LintRule = {
  code: 'partial-credit',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks) {
      const scores = bank.questions.filter((question) => !context.ignores(question, 'partial-credit')).flatMap(partialScores);
      const distinct = new Set(scores);
      if (scores.length >= MIN_PARTIAL_SCORES && distinct.size === 1)
        findings.push(bankFinding(bank, 'partial-credit', say.partialCredit(scores[0]!, scores.length)));
    }
    return findings;
  },
};
