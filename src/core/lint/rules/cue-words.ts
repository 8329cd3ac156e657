// Word classes that a test-wise reader links to right or wrong answers: reasons, absolutes,
// warmth. A class is a cue when its rate in keys and in the other choices differs beyond chance.
import { say } from '../../../messages/lint.js';
import { bankFinding, type LintFinding, type LintRule } from '../finding.js';
import { keyed } from '../keys.js';
import { twoProportionZ } from '../stats.js';
import { CUE_Z, MIN_CUE_COUNT } from '../thresholds.js';
import type { LintCode } from '../codes.js';

export interface CueClass {
  code: LintCode;
  label: string;
  pattern: RegExp;
}

export const CUE_CLASSES: readonly CueClass[] = [
  {
    code: 'cue-justification',
    label: 'reasons (because, since, so that, in order to)',
    pattern: /\b(because|since|so that|in order to|so as to|which means|otherwise|so (?=(she|he|they|you|we|it|the|everyone|nobody|no one)\b)|to make sure)\b/i,
  },
  {
    code: 'cue-absolute',
    label: 'absolutes (always, never, only, must, insist)',
    pattern: /\b(always|never|only|must|insist(s|ed|ing)?|guarantee(s|d)?|definitely|certainly|without fail|at all times|under no circumstances|no matter what|whatever happens|without exception)\b/i,
  },
  {
    code: 'cue-warmth',
    label: 'warm words (acknowledge, apologise, listen, together, personally)',
    pattern:
      /\b(acknowledg\w*|apolog\w*|sorry|listen\w*|together|personally|empath\w*|sympath\w*|reassur\w*|thank\w*|warmly|gently|kindly|smil(e|es|ed|ing)|comfort\w*)\b/i,
  },
];

function cueRule(cue: CueClass): LintRule {
  return {
    code: cue.code,
    check(banks, context) {
      const findings: LintFinding[] = [];
      for (const bank of banks) {
        let keys = 0;
        let others = 0;
        const inKeys: string[] = [];
        const inOthers: string[] = [];
        let x1 = 0;
        let x2 = 0;
        for (const question of bank.questions) {
          if (context.ignores(question, cue.code)) continue;
          const k = keyed(question);
          question.choices.forEach((choice, i) => {
            const has = cue.pattern.test(choice.text);
            if (k.keys.includes(i)) {
              keys += 1;
              if (has) {
                x1 += 1;
                inKeys.push(question.localId);
              }
            } else {
              others += 1;
              if (has) {
                x2 += 1;
                inOthers.push(question.localId);
              }
            }
          });
        }
        if (x1 + x2 < MIN_CUE_COUNT) continue;
        const z = twoProportionZ(x1, keys, x2, others);
        if (Math.abs(z) < CUE_Z) continue;
        const ids = [...new Set(z > 0 ? inKeys : inOthers)];
        findings.push(bankFinding(bank, cue.code, say.cue(cue.label, z > 0 ? 'keys' : 'others', x1, keys, x2, others, z, ids)));
      }
      return findings;
    },
  };
}

export const cueWordRules: LintRule[] = CUE_CLASSES.map(cueRule);
