// `mot lint`'s core: every rule over the banks, as warnings located by path. Pure: banks in,
// findings out; the command reads the files and places the findings at line:col.
import type { Bank, Question } from '../model.js';
import { LINT_CODES, type LintCode } from './codes.js';
import type { LintFinding, LintRule, RuleContext } from './finding.js';
import { cueWordRules } from './rules/cue-words.js';
import { cueEcho, plantedResource } from './rules/encounter-cues.js';
import { allOrNone, negativePrompt, noExplanation, noFeedback } from './rules/item-form.js';
import { keyLongest, keyMostSteps, keyPosition, multiCount, partialCredit } from './rules/key-patterns.js';
import { crossLeak, nearDuplicate } from './rules/repetition.js';

export type { LintFinding } from './finding.js';
export { LINT_CODES, type LintCode } from './codes.js';

const RULES: readonly LintRule[] = [
  keyLongest,
  keyMostSteps,
  keyPosition,
  multiCount,
  ...cueWordRules,
  cueEcho,
  partialCredit,
  allOrNone,
  negativePrompt,
  noFeedback,
  noExplanation,
  nearDuplicate,
  crossLeak,
  plantedResource,
];

// Every code has its rule: a code without one would be accepted by `lint: { ignore }` and never run.
const missing = LINT_CODES.filter((code) => !RULES.some((rule) => rule.code === code));
if (missing.length > 0) throw new Error(`lint codes without a rule: ${missing.join(', ')}`);

export function isLintCode(value: string): value is LintCode {
  return (LINT_CODES as readonly string[]).includes(value);
}

export interface LintOptions {
  /** Run only these rules (default: all). */
  rules?: readonly LintCode[];
  /** Leave these rules out. */
  ignore?: readonly LintCode[];
}

export function lintBanks(banks: readonly Bank[], options: LintOptions = {}): LintFinding[] {
  const context: RuleContext = {
    ignores: (question: Question, code: LintCode) => question.lintIgnore?.includes(code) ?? false,
  };
  const chosen = RULES.filter(
    (rule) => (!options.rules?.length || options.rules.includes(rule.code)) && !options.ignore?.includes(rule.code),
  );
  const findings = chosen.flatMap((rule) => rule.check(banks, context));
  // A question that silences a rule gets no finding from it, whatever the rule looked at.
  const silenced = new Map(banks.flatMap((bank) => bank.questions.map((question) => [question.id, question] as const)));
  return findings.filter((f) => !f.questionId || !context.ignores(silenced.get(f.questionId)!, f.code));
}
