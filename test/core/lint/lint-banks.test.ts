// lintBanks as a whole: every code has a rule, rules can be chosen and left out, and a question's
// lint: { ignore } silences a rule for that question only.
import { describe, expect, it } from 'vitest';
import { lintBanks, LINT_CODES } from '../../../src/core/lint/index.js';
import { EXPLANATIONS, explainText } from '../../../src/messages/lint.js';
import { bank, choice, PLAIN } from './build.js';

const LONG = 'Greet the customer politely, explain where the coats are kept and walk over with them';

describe('lintBanks', () => {
  it('every code has an explanation with a why and a fix', () => {
    for (const code of LINT_CODES) {
      expect(EXPLANATIONS[code].why.length).toBeGreaterThan(20);
      expect(explainText(code)).toContain(`lint: { ignore: [${code}] }`);
    }
  });

  it('runs only the rules asked for, and leaves out those ignored', () => {
    const b = bank([choice([LONG, ...PLAIN.slice(1)], 0)]);
    delete b.questions[0]!.explanation;
    const all = new Set(lintBanks([b]).map((f) => f.code));
    expect(all).toEqual(new Set(['key-longest', 'key-most-steps', 'no-explanation']));
    expect(lintBanks([b], { rules: ['no-explanation'] }).map((f) => f.code)).toEqual(['no-explanation']);
    expect(new Set(lintBanks([b], { ignore: ['key-longest'] }).map((f) => f.code))).toEqual(new Set(['key-most-steps', 'no-explanation']));
  });

  it("a question's lint ignore silences that rule for that question only", () => {
    const b = bank([choice([LONG, ...PLAIN.slice(1)], 0), choice([LONG, ...PLAIN.slice(1)], 0)]);
    b.questions[0]!.lintIgnore = ['key-longest'];
    const found = lintBanks([b], { rules: ['key-longest'] });
    expect(found.map((f) => f.questionId)).toEqual([b.questions[1]!.id]);
  });

  it('a question that ignores a bank-wide rule is left out of its count', () => {
    const b = bank([0, 0, 0, 0, 0, 1].map((k) => choice(PLAIN, k)));
    expect(lintBanks([b], { rules: ['key-position'] })).toHaveLength(1);
    for (const q of b.questions.slice(0, 3)) q.lintIgnore = ['key-position'];
    expect(lintBanks([b], { rules: ['key-position'] })).toHaveLength(0);
  });

  it('a clean bank has no findings', () => {
    const prompts = ['Who greets her?', 'What is on the shelf?', 'Where is the manager?', 'When does the till open?', 'Why is it quiet?'];
    expect(lintBanks([bank([0, 1, 2, 3, 1].map((k, i) => choice(PLAIN, k, { prompt: prompts[i]! })))])).toEqual([]);
  });
});
