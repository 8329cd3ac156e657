// cue-echo and planted-resource: the key tied to the scenario's wording.
import { describe, expect, it } from 'vitest';
import { plants } from '../../../src/core/lint/rules/encounter-cues.js';
import { bank, choice, findings, type QuestionSpec } from './build.js';

const scenario = 'A guest at the front desk says the pharmacist gave her the wrong tablets this morning.';

describe('cue-echo', () => {
  it.each<[string, QuestionSpec, number]>([
    ['only the key repeats a word of the scenario', choice(['Fetch the pharmacist now', 'Offer a glass of water', 'Ask her to sit down', 'Call the duty manager'], 0, { scenario }), 1],
    ['no choice repeats the scenario', choice(['Fetch a colleague now', 'Offer a glass of water', 'Ask her to sit down', 'Call the duty manager'], 0, { scenario }), 0],
    ['a distractor repeats it too', choice(['Fetch the pharmacist now', 'Phone the pharmacist later', 'Ask her to sit down', 'Call the duty manager'], 0, { scenario }), 0],
    ['a distractor echoes the scenario in words of its own', choice(['Fetch the pharmacist now', 'Check the tablets yourself', 'Ask her to sit down', 'Call the duty manager'], 0, { scenario }), 0],
    ['there is no scenario', choice(['Fetch the pharmacist now', 'Offer a glass of water'], 0), 0],
  ])('%s: %i warnings', (_, q, n) => {
    expect(findings(bank([q]), 'cue-echo')).toHaveLength(n);
  });

  it('names the echoed word as the key writes it', () => {
    const q = choice(['Fetch the pharmacists now', 'Offer a glass of water'], 0, { scenario });
    expect(findings(bank([q]), 'cue-echo')[0]!.message).toContain('"pharmacists"');
  });
});

describe('planted-resource', () => {
  const upgrade = 'The guest is upset about the noise. You may upgrade guests when a better room is free.';
  const voucher = 'The order arrived late. The shop has £5 vouchers for late deliveries.';
  it.each<[string, QuestionSpec, number]>([
    ['a permission only the key uses', choice(['Upgrade her to a quiet suite', 'Apologise for the noise', 'Offer earplugs'], 0, { scenario: upgrade }), 1],
    ['a permission a distractor uses too', choice(['Upgrade her to a quiet suite', 'Upgrade her tomorrow', 'Offer earplugs'], 0, { scenario: upgrade }), 0],
    ['a permission only a distractor uses', choice(['Apologise for the noise', 'Upgrade her to a quiet suite', 'Offer earplugs'], 0, { scenario: upgrade }), 0],
    ['an amount only the key uses', choice(['Send a £5 voucher with an apology', 'Explain the courier was late', 'Offer to track it'], 0, { scenario: voucher }), 1],
    ['a resource noun only the key uses', choice(['Apologise and send a voucher', 'Explain the courier was late', 'Offer to track it'], 0, { scenario: voucher }), 1],
    ['nothing planted', choice(['Apologise and send a voucher', 'Explain the courier was late'], 0, { scenario: 'The order arrived late.' }), 0],
  ])('%s: %i warnings', (_, q, n) => {
    expect(findings(bank([q]), 'planted-resource')).toHaveLength(n);
  });

  it('does not read "you can see" as a permission', () => {
    expect(plants('You can see she is upset.')).toEqual([]);
  });
});

describe('what a scenario plants', () => {
  it.each([
    ['You may upgrade guests when a room is free.', 1],
    ['The manager lets staff offer a free dessert.', 1],
    ['Policy allows you to refund up to £20.', 2],
    ['You can hear the guest next door.', 0],
    ['The order arrived late.', 0],
  ])('"%s" plants %i', (scenario, n) => {
    expect(plants(scenario)).toHaveLength(n);
  });

  it('counts a choice that uses what is granted without its verb', () => {
    const [grant] = plants('You are allowed to honour the shelf price when a label is lower.');
    expect(grant!.usedBy('Charge her the shelf price and thank her.')).toBe(true);
    expect(grant!.usedBy('Check the shelf yourself.')).toBe(false);
  });
});
