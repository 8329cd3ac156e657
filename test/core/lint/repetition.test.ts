// near-duplicate (within and across banks) and cross-leak (within a bank).
import { describe, expect, it } from 'vitest';
import { bank, choice, findings, PLAIN } from './build.js';

const lateOrder =
  'A customer phones because her online order is three days late. She has taken a day off work to wait for it and nobody has called her.';

describe('near-duplicate', () => {
  it('warns at the second of two questions whose scenario and prompt are nearly the same', () => {
    const b = bank([choice(PLAIN, 0, { scenario: lateOrder }), choice(PLAIN, 1, { scenario: lateOrder.replace('three', 'four') })]);
    const found = findings(b, 'near-duplicate');
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['questions', 1, 'scenario']);
    expect(found[0]!.message).toContain(b.questions[0]!.localId);
  });

  it('compares across banks', () => {
    const found = findings([bank([choice(PLAIN, 0, { scenario: lateOrder })], 'one'), bank([choice(PLAIN, 0, { scenario: lateOrder })], 'two')], 'near-duplicate');
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe('two.yaml');
    expect(found[0]!.message).toContain('one/');
    expect(found[0]!.message).toContain('in another bank');
  });

  it('passes two questions on the same topic written differently', () => {
    const other = 'A man at the till says the kettle he bought last week stopped working, and he wants his money back today.';
    expect(findings(bank([choice(PLAIN, 0, { scenario: lateOrder }), choice(PLAIN, 0, { scenario: other })]), 'near-duplicate')).toEqual([]);
  });

  it('compares prompts when there is no scenario', () => {
    const prompt = 'Who first used the term moment of truth for service encounters?';
    const oneWordChanged = bank([choice(PLAIN, 0, { prompt }), choice(PLAIN, 0, { prompt: prompt.replace('first', 'originally') })]);
    expect(findings(oneWordChanged, 'near-duplicate')).toHaveLength(1);
    const another = bank([choice(PLAIN, 0, { prompt }), choice(PLAIN, 0, { prompt: 'Which airline did Jan Carlzon run in the 1980s?' })]);
    expect(findings(another, 'near-duplicate')).toEqual([]);
  });

  it('names only the closest earlier question when several are alike', () => {
    const b = bank([0, 1, 2].map((k) => choice(PLAIN, k, { scenario: lateOrder })));
    expect(findings(b, 'near-duplicate').map((f) => f.path[1])).toEqual([1, 2]);
  });
});

describe('cross-leak', () => {
  const who = choice(['Richard Normann', 'Philip Kotler', 'Peter Drucker', 'Tom Peters'], 0, { prompt: 'Who first applied "moments of truth" to services?' });
  const filler = (i: number) => choice([`Option ${i} one`, `Option ${i} two`], 0, { prompt: `Filler question ${i}?` });

  it("warns when another question prints a name that marks this one's key", () => {
    const leak = choice(['It is the encounter Normann described', 'A survey score'], 0, { prompt: 'What is a moment of truth?' });
    const b = bank([who, leak, filler(1), filler(2)]);
    const found = findings(b, 'cross-leak').filter((f) => f.questionId === b.questions[0]!.id);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(['questions', 0, 'choices', 0, 'text']);
    expect(found[0]!.message).toContain('"Normann"');
  });

  it('warns for a year printed elsewhere', () => {
    const when = choice(['In 2011', 'In 2005', 'In 1987'], 0, { prompt: 'When did Google name ZMOT?' });
    const leak = choice(['Its 2011 e-book', 'A 1990 study'], 1, { prompt: 'Where was ZMOT described?' });
    expect(findings(bank([when, leak, filler(1), filler(2)]), 'cross-leak')[0]!.message).toContain('"2011"');
  });

  it('passes when the name is also in the question\'s own distractors or nowhere else', () => {
    const fair = choice(['Richard Normann', 'Jan Carlzon', 'Normann and Carlzon together'], 0, { prompt: 'Who first applied the term?' });
    const other = choice(['Jan Carlzon', 'Richard Normann'], 1, { prompt: 'Who ran SAS?' });
    expect(findings(bank([fair, filler(1), filler(2)]), 'cross-leak')).toEqual([]);
    expect(findings(bank([fair, other, filler(1)]), 'cross-leak').filter((f) => f.questionId === fair.localId)).toEqual([]);
  });

  it('does not count a capitalised word at the start of a sentence as a name', () => {
    const a = choice(['Keep the hours up to date', 'Delete the old page'], 0, { prompt: 'What helps?' });
    const b = choice(['Keep calm', 'Shout'], 0, { prompt: 'What now?' });
    expect(findings(bank([a, b, filler(1)]), 'cross-leak').filter((f) => f.message.includes('Keep'))).toEqual([]);
  });

  it('passes twins: the same choices under two encounters print each other\'s keys and give nothing away', () => {
    const options = ['Fetch Mr Okafor, the pharmacist', 'Answer it yourself at the counter', 'Ring the GP surgery for her'];
    const dose = choice(options, 0, { scenario: 'A woman asks whether she can take ibuprofen with her new blood thinner.', prompt: 'What do you do?' });
    const parking = choice([options[2]!, options[0]!, options[1]!], 2, { scenario: 'A woman asks where the car park pay machine is.', prompt: 'What do you do?' });
    expect(findings(bank([dose, parking, filler(1), filler(2)]), 'cross-leak')).toEqual([]);
  });

  it("still warns when a twin's encounter prints the key's words", () => {
    const options = ['Fetch Mr Okafor, the pharmacist', 'Answer it yourself at the counter', 'Ring the GP surgery for her'];
    const dose = choice(options, 0, { prompt: 'Who answers a question about a dose?' });
    const told = choice(options, 1, { scenario: 'Your manager says Okafor takes anything about a dose, but the toilets are yours to explain.', prompt: 'Where are the toilets?' });
    const b = bank([dose, told, filler(1), filler(2)]);
    const found = findings(b, 'cross-leak').filter((f) => f.questionId === b.questions[0]!.id);
    expect(found).toHaveLength(1);
  });

  it('leaves out words that many questions of the bank print (its vocabulary)', () => {
    const key = choice(['The SAS airline', 'A bank'], 0, { prompt: 'Where did Carlzon work?' });
    const mentions = Array.from({ length: 5 }, (_, i) => choice([`SAS fact ${i}`, `Other fact ${i}`], 1, { prompt: `Question ${i}?` }));
    expect(findings(bank([key, ...mentions]), 'cross-leak')).toEqual([]);
  });
});

describe('cross-leak numbers', () => {
  it('finds a price printed in another question', () => {
    const price = choice(['Charge £12.99', 'Charge £17.50'], 0, { prompt: 'What does the rose bush cost?' });
    const leak = choice(['The £12.99 label', 'The till'], 0, { prompt: 'Which price stands?' });
    const other = choice(['Yes', 'No'], 0, { prompt: 'Filler?' });
    const b = bank([price, leak, other]);
    expect(findings(b, 'cross-leak').filter((f) => f.questionId === b.questions[0]!.id)[0]?.message).toContain('"12"');
  });
});
