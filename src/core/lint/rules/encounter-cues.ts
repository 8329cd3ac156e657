// Cues that tie the key to the scenario's wording: an echoed word, a planted permission or resource.
import { say } from '../../../messages/lint.js';
import type { Question } from '../../model.js';
import { questionFinding, type LintFinding, type LintRule } from '../finding.js';
import { keyed } from '../keys.js';
import { contentStems, stem, words } from '../text.js';

export const cueEcho: LintRule = {
  code: 'cue-echo',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks)
      bank.questions.forEach((question, q) => {
        if (!question.scenario || context.ignores(question, 'cue-echo')) return;
        const k = keyed(question);
        if (!k.singleKey) return;
        const key = k.keys[0]!;
        const scenario = contentStems(question.scenario);
        const stems = question.choices.map((c) => contentStems(c.text));
        // The words of the scenario each choice alone picks up.
        const own = stems.map((mine, i) => [...mine].filter((w) => scenario.has(w) && !stems.some((other, j) => j !== i && other.has(w))));
        const echoed = own[key]!;
        if (echoed.length > 0 && own.every((picked, i) => i === key || picked.length === 0))
          findings.push(questionFinding(bank, q, 'cue-echo', say.cueEcho(echoed.map((w) => shownWord(question.choices[key]!.text, w))), ['choices', key, 'text']));
      });
    return findings;
  },
};

/** The word as the choice writes it, for the message (the stem may not be a word). */
function shownWord(text: string, wanted: string): string {
  return words(text).find((w) => stem(w) === wanted) ?? wanted;
}

// What a scenario can plant: a permission ("you may upgrade", "staff can offer") or a resource
// (an amount of money, a voucher, a discount).
const WHO = String.raw`(?:you|staff|we|employees|the team|colleagues|receptionists?|nurses?|agents?|cashiers?|everyone|anyone|front-desk staff|the front desk)`;
const PERMISSION = new RegExp(
  String.raw`\b(?:${WHO}\s+(?:may|can|are allowed to|are authori[sz]ed to|are permitted to|are empowered to|have authority to|are able to)|(?:lets|allows|authori[sz]es|permits|empowers)\s+${WHO}(?:\s+to)?)\s+(?:also\s+)?([a-z]+)([^.;!?]*)`,
  'gi',
);
const NOT_A_GRANT = new Set(['see', 'hear', 'tell', 'feel', 'smell', 'notice', 'spot', 'understand', 'imagine', 'guess', 'remember', 'be', 'still', 'just', 'only', 'not']);
const RESOURCE_NOUNS =
  /\b(vouchers?|discounts?|upgrades?|refunds?|credits?|coupons?|gift cards?|complimentary|free of charge|loyalty points|points|taxis?|goodwill|compensation|freebies?)\b/gi;
const AMOUNT = /[£$€]\s?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s?(?:%|per ?cent)/gi;

interface Plant {
  /** How the message names it. */
  shown: string;
  /** Whether a choice uses it. */
  usedBy(text: string): boolean;
}

/** What the scenario grants or names, each with the test of whether a choice uses it. */
export function plants(scenario: string): Plant[] {
  const found: Plant[] = [];
  // A resource named by a permission ("you may upgrade") is planted once.
  const nouns = new Set<string>();
  for (const match of scenario.matchAll(PERMISSION)) {
    const verb = match[1]!.toLowerCase();
    if (NOT_A_GRANT.has(verb)) continue;
    const verbStem = stem(verb);
    nouns.add(verbStem);
    // What is granted: the verb, or two content words of what follows it ("honour the shelf price").
    const object = [...contentStems(match[2] ?? '')];
    const head = match[0].slice(0, match[0].length - (match[2] ?? '').length).replace(/\s+/g, ' ').trim();
    found.push({
      shown: `a permission ("${head}")`,
      usedBy: (text) => {
        const used = contentStems(text);
        return words(text).some((w) => stem(w) === verbStem) || object.filter((w) => used.has(w)).length >= 2;
      },
    });
  }
  for (const match of scenario.matchAll(RESOURCE_NOUNS)) {
    const noun = stem(match[1]!.toLowerCase().split(' ')[0]!);
    if (nouns.has(noun)) continue;
    nouns.add(noun);
    found.push({ shown: `a resource ("${match[1]!.toLowerCase()}")`, usedBy: (text) => words(text).some((w) => stem(w) === noun) });
  }
  const amounts = new Set<string>();
  for (const match of scenario.matchAll(AMOUNT)) {
    const amount = match[0].replace(/\s/g, '');
    if (amounts.has(amount)) continue;
    amounts.add(amount);
    found.push({ shown: `an amount (${match[0].trim()})`, usedBy: (text) => text.replace(/\s/g, '').includes(amount) });
  }
  return found;
}

export const plantedResource: LintRule = {
  code: 'planted-resource',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks)
      bank.questions.forEach((question: Question, q) => {
        if (!question.scenario || context.ignores(question, 'planted-resource')) return;
        const k = keyed(question);
        for (const plant of plants(question.scenario)) {
          const users = question.choices.flatMap((c, i) => (plant.usedBy(c.text) ? [i] : []));
          if (users.length === 0 || !users.every((i) => k.keys.includes(i))) continue;
          if (users.length === question.choices.length) continue;
          findings.push(questionFinding(bank, q, 'planted-resource', say.plantedResource(plant.shown), ['scenario']));
          break;
        }
      });
    return findings;
  },
};
