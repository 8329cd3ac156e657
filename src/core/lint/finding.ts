// What a lint rule returns: a warning about a place in a bank file, located by the path of the
// data it is about (as validation problems are); the file adapter turns the path into line:col.
import type { Bank, Question } from '../model.js';
import type { PathSegment } from '../problems.js';
import type { LintCode } from './codes.js';

export interface LintFinding {
  /** The bank file, as `Bank.file` names it. */
  file: string;
  bankId: string;
  /** The question's global id, when the finding is about one question. */
  questionId?: string;
  path: PathSegment[];
  /** Point at the field's name rather than its value. */
  at?: 'key' | 'value';
  code: LintCode;
  severity: 'warning';
  message: string;
}

/** A rule looks at every bank being linted at once (near-duplicate compares across banks). */
export interface LintRule {
  code: LintCode;
  check(banks: readonly Bank[], context: RuleContext): LintFinding[];
}

export interface RuleContext {
  /** Whether this question has silenced this rule with `lint: { ignore: [...] }`. */
  ignores(question: Question, code: LintCode): boolean;
}

export function questionFinding(
  bank: Bank,
  q: number,
  code: LintCode,
  message: string,
  rest: PathSegment[] = [],
  at?: 'key' | 'value',
): LintFinding {
  const finding: LintFinding = {
    file: bank.file,
    bankId: bank.id,
    questionId: bank.questions[q]!.id,
    path: ['questions', q, ...rest],
    code,
    severity: 'warning',
    message,
  };
  if (at) finding.at = at;
  return finding;
}

/** A finding about the bank as a whole (a pattern across its questions), shown at its `bank:` line. */
export function bankFinding(bank: Bank, code: LintCode, message: string): LintFinding {
  return { file: bank.file, bankId: bank.id, path: ['bank'], code, severity: 'warning', message };
}
