// checkBank on plain data: every rule of the bank format, each with a path and a plain sentence.
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problems.js';
import { checkBank } from '../../src/core/validate.js';

type Data = Record<string, any>;

function goodBank(): Data {
  return {
    bank: 'retail-floor',
    title: 'Retail shop floor',
    industry: 'retail',
    questions: [
      {
        id: 'lunch-rush-greeting',
        moment: 'first',
        stage: 'first-contact',
        tags: ['greeting', 'busy-period'],
        scenario: 'It is the lunch rush.',
        prompt: 'What do you do first?',
        choices: [
          { text: 'Keep restocking.', score: 0, feedback: 'Being ignored is the impression.' },
          { text: 'Greet them and offer help.', score: 1 },
          { text: 'Call across the shop.', score: 0.5 },
        ],
        explanation: 'The first moment of truth starts before a word is said.',
      },
      {
        id: 'pick-all',
        type: 'multi',
        prompt: 'Which of these help?',
        choices: [
          { text: 'Smile', correct: true },
          { text: 'Frown', correct: false },
        ],
      },
      {
        id: 'order-them',
        type: 'rank',
        prompt: 'Rank these.',
        choices: [{ text: 'Listen' }, { text: 'Apologise' }, { text: 'Explain the policy' }],
      },
    ],
  };
}

/** A good bank with one change made to it. */
function bankWith(change: (data: Data) => void): Data {
  const data = goodBank();
  change(data);
  return data;
}

function errors(data: unknown): Problem[] {
  return checkBank(data, 'bank.yaml').problems.filter((p) => p.severity === 'error');
}

/** The one error the data has; fails listing them all when there is not exactly one. */
function onlyError(data: unknown): Problem {
  const found = errors(data);
  expect(found, JSON.stringify(found, null, 2)).toHaveLength(1);
  return found[0]!;
}

describe('checkBank on a good bank', () => {
  const check = checkBank(goodBank(), 'content/retail.yaml');

  it('builds a Bank and reports no problem', () => {
    expect(check.problems).toEqual([]);
    expect(check.bank).toBeDefined();
    expect(check.bank!.id).toBe('retail-floor');
    expect(check.bank!.file).toBe('content/retail.yaml');
    expect(check.bank!.industry).toBe('retail');
  });

  it('gives every question the global id bank/question and its bank and industry', () => {
    expect(check.bank!.questions.map((q) => q.id)).toEqual(['retail-floor/lunch-rush-greeting', 'retail-floor/pick-all', 'retail-floor/order-them']);
    expect(check.bank!.questions[0]).toMatchObject({ localId: 'lunch-rush-greeting', bankId: 'retail-floor', industry: 'retail' });
  });

  it('defaults type to choice, shuffle to true, tags to none and pass_mark to 0.8', () => {
    const [first, second] = check.bank!.questions;
    expect(first!.type).toBe('choice');
    expect(first!.shuffle).toBe(true);
    expect(second!.tags).toEqual([]);
    expect(check.bank!.passMark).toBe(0.8);
  });

  it('keeps what the author wrote: pass_mark, shuffle, moment, stage, tags, scores and feedback', () => {
    const bank = checkBank(
      bankWith((d) => {
        d.pass_mark = 0.6;
        d.questions[0].shuffle = false;
      }),
      'f',
    ).bank!;
    expect(bank.passMark).toBe(0.6);
    const q = bank.questions[0]!;
    expect(q).toMatchObject({ shuffle: false, moment: 'first', stage: 'first-contact', tags: ['greeting', 'busy-period'] });
    expect(q.choices[0]).toEqual({ text: 'Keep restocking.', score: 0, feedback: 'Being ignored is the impression.' });
    expect(bank.questions[1]!.choices[0]).toEqual({ text: 'Smile', correct: true });
  });

  it('accepts format: 1 and an industry of the trainer’s own', () => {
    expect(errors(bankWith((d) => ((d.format = 1), (d.industry = 'airline'))))).toEqual([]);
  });
});

describe('checkBank rejects', () => {
  it.each([
    ['bank', [], '"bank"'],
    ['title', [], '"title"'],
    ['industry', [], '"industry"'],
    ['questions', [], '"questions"'],
  ])('a bank without %s, at the bank, naming the field', (field, path, named) => {
    const problem = onlyError(bankWith((d) => delete d[field]));
    expect(problem.path).toEqual(path);
    expect(problem.message).toContain('missing');
    expect(problem.message).toContain(named);
  });

  it.each(['id', 'prompt', 'choices'])('a question without %s, at that question, naming the field', (field) => {
    const problem = onlyError(bankWith((d) => delete d.questions[1][field]));
    expect(problem.path).toEqual(['questions', 1]);
    expect(problem.message).toMatch(/question 2 is missing/);
    expect(problem.message).toContain(`"${field}"`);
  });

  it('a choice without text, at that choice', () => {
    const problem = onlyError(bankWith((d) => delete d.questions[1].choices[0].text));
    expect(problem.path).toEqual(['questions', 1, 'choices', 0]);
    expect(problem.message).toContain('"text"');
  });

  it.each<[string, (d: Data) => void, (string | number)[], RegExp]>([
    ['a title that is a number', (d) => (d.title = 5), ['title'], /"title" should be text, not number 5/],
    ['a score that is text', (d) => (d.questions[0].choices[0].score = 'high'), ['questions', 0, 'choices', 0, 'score'], /"score" should be a number from 0 to 1, not the text "high"/],
    ['correct that is text', (d) => (d.questions[1].choices[1].correct = 'no'), ['questions', 1, 'choices', 1, 'correct'], /"correct" should be true or false/],
    ['shuffle that is a number', (d) => (d.questions[0].shuffle = 0), ['questions', 0, 'shuffle'], /"shuffle" should be true or false/],
    ['questions that is a mapping', (d) => (d.questions = { id: 'x' }), ['questions'], /"questions" should be a list/],
    ['tags that are text', (d) => (d.questions[0].tags = 'greeting'), ['questions', 0, 'tags'], /"tags" should be a list/],
    ['a prompt left empty (null)', (d) => (d.questions[0].prompt = null), ['questions', 0, 'prompt'], /"prompt" should be text, not an empty value/],
    ['pass_mark as text', (d) => (d.pass_mark = '80%'), ['pass_mark'], /"pass_mark" should be a number above 0 and at most 1/],
  ])('%s, as a field of the wrong type', (_case, change, path, message) => {
    const problem = onlyError(bankWith(change));
    expect(problem.path).toEqual(path);
    expect(problem.message).toMatch(message);
  });

  it('choices written as plain text rather than mappings, saying that a choice needs text:', () => {
    // A common slip: "- Greet them" instead of "- text: Greet them". The list is there; its items are the wrong shape.
    const found = errors(bankWith((d) => (d.questions[0].choices = ['Greet them', 'Ignore them'])));
    expect(found.map((p) => p.path)).toEqual([
      ['questions', 0, 'choices', 0],
      ['questions', 0, 'choices', 1],
    ]);
    for (const problem of found) {
      expect(problem.message).not.toMatch(/should be a list/);
      expect(problem.message).toMatch(/text:|mapping/);
    }
  });

  it.each<[string, (d: Data) => void, (string | number)[], string, string]>([
    ['"scroe" on a choice', (d) => (d.questions[0].choices[1].scroe = 1), ['questions', 0, 'choices', 1, 'scroe'], 'scroe', 'score'],
    ['"promt" on a question', (d) => (d.questions[2].promt = 'x'), ['questions', 2, 'promt'], 'promt', 'prompt'],
    ['"titel" on the bank', (d) => (d.titel = 'x'), ['titel'], 'titel', 'title'],
    ['"feedbak" on a choice', (d) => (d.questions[2].choices[0].feedbak = 'x'), ['questions', 2, 'choices', 0, 'feedbak'], 'feedbak', 'feedback'],
    ['"explaination" on a question', (d) => (d.questions[0].explaination = 'x'), ['questions', 0, 'explaination'], 'explaination', 'explanation'],
  ])('an unknown field such as %s, pointing at its name and guessing the field meant', (_case, change, path, field, guess) => {
    const found = errors(bankWith(change));
    const problem = found.find((p) => p.message.includes(`"${field}"`));
    expect(problem, JSON.stringify(found)).toBeDefined();
    expect(problem!.path).toEqual(path);
    expect(problem!.at).toBe('key');
    expect(problem!.message).toContain(`unknown field "${field}"`);
    expect(problem!.message).toContain(`Did you mean "${guess}"?`);
  });

  it('an unknown field that resembles nothing, listing the allowed fields without a guess', () => {
    const problem = onlyError(bankWith((d) => (d.questions[0].colour = 'red')));
    expect(problem.message).toContain('unknown field "colour"');
    expect(problem.message).not.toContain('Did you mean');
    expect(problem.message).toContain('Allowed fields: id, type, moment, stage, tags, scenario, prompt, shuffle, choices, explanation');
  });

  it.each<[string, string, string, string[]]>([
    ['type', 'single', 'questions.0.type', ['choice', 'multi', 'rank']],
    ['moment', 'fourth', 'questions.0.moment', ['zero', 'first', 'second', 'third']],
    ['stage', 'aftercare', 'questions.0.stage', ['first-contact', 'delivery', 'recovery', 'follow-up']],
  ])('an unknown %s "%s", listing the allowed values', (field, value, _path, allowed) => {
    const found = errors(bankWith((d) => (d.questions[0][field] = value)));
    const problem = found.find((p) => p.path.join('.') === `questions.0.${field}`);
    expect(problem, JSON.stringify(found)).toBeDefined();
    expect(problem!.message).toContain(`unknown ${field} "${value}"`);
    for (const a of allowed) expect(problem!.message).toContain(a);
  });

  it.each<[string, (d: Data) => void, (string | number)[], string]>([
    ['a bank id with capitals', (d) => (d.bank = 'Retail'), ['bank'], 'bank "Retail" breaks the id rule'],
    ['a bank id with a space', (d) => (d.bank = 'retail floor'), ['bank'], 'bank "retail floor" breaks the id rule'],
    ['a question id with an underscore', (d) => (d.questions[1].id = 'pick_all'), ['questions', 1, 'id'], 'id "pick_all" breaks the id rule'],
    ['a question id with a double hyphen', (d) => (d.questions[1].id = 'pick--all'), ['questions', 1, 'id'], 'id "pick--all" breaks the id rule'],
    ['a question id ending in a hyphen', (d) => (d.questions[1].id = 'pick-'), ['questions', 1, 'id'], 'id "pick-" breaks the id rule'],
  ])('%s', (_case, change, path, message) => {
    const problem = onlyError(bankWith(change));
    expect(problem.path).toEqual(path);
    expect(problem.message).toContain(message);
  });

  it('a duplicate question id, at the second one, naming the first', () => {
    const problem = onlyError(bankWith((d) => (d.questions[2].id = 'lunch-rush-greeting')));
    expect(problem.path).toEqual(['questions', 2, 'id']);
    expect(problem.message).toContain('duplicate question id "lunch-rush-greeting"');
    expect(problem.message).toContain('question 1');
  });

  it.each([
    ['a choice question with 1 choice', 0, 1],
    ['a multi question with 1 choice', 1, 1],
    ['a rank question with 1 choice', 2, 1],
    ['a choice question with no choices', 0, 0],
    ['a choice question with 9 choices', 0, 9],
    ['a rank question with 9 choices', 2, 9],
  ])('%s', (_case, q, count) => {
    const problem = errors(
      bankWith((d) => {
        const question = d.questions[q];
        const make = (i: number) => (question.type === 'multi' ? { text: `c${i}`, correct: true } : question.type === 'rank' ? { text: `c${i}` } : { text: `c${i}`, score: i === 0 ? 1 : 0 });
        question.choices = Array.from({ length: count }, (_, i) => make(i));
      }),
    ).find((p) => p.path.join('.') === `questions.${q}.choices`);
    expect(problem).toBeDefined();
    expect(problem!.message).toBe(`a question needs 2 to 8 choices; this one has ${count}.`);
  });

  it('accepts exactly 2 and exactly 8 choices', () => {
    const eight = Array.from({ length: 8 }, (_, i) => ({ text: `c${i}` }));
    expect(errors(bankWith((d) => (d.questions[2].choices = eight)))).toEqual([]);
    expect(errors(bankWith((d) => (d.questions[2].choices = eight.slice(0, 2))))).toEqual([]);
  });

  it('two choices with the same text, ignoring case and surrounding spaces, at the second', () => {
    const problem = onlyError(bankWith((d) => (d.questions[2].choices[2].text = '  listen ')));
    expect(problem.path).toEqual(['questions', 2, 'choices', 2, 'text']);
    expect(problem.message).toContain('same text (choice 1 and choice 3)');
  });

  it('two choices that differ only by a hidden escape sequence, since learners see the same text', () => {
    const found = errors(bankWith((d) => (d.questions[2].choices[1].text = 'Listen\u001b[0m')));
    expect(found.map((p) => p.path)).toContainEqual(['questions', 2, 'choices', 1, 'text']);
  });

  it('a choice question with no choice scoring 1, naming the highest score', () => {
    const problem = onlyError(bankWith((d) => (d.questions[0].choices[1].score = 0.9)));
    expect(problem.path).toEqual(['questions', 0, 'choices']);
    expect(problem.message).toContain('no choice has score 1 (the highest is 0.9)');
  });

  it('a choice of a choice question with no score', () => {
    const problem = onlyError(bankWith((d) => delete d.questions[0].choices[0].score));
    expect(problem.path).toEqual(['questions', 0, 'choices', 0]);
    expect(problem.message).toContain('no "score"');
  });

  it.each([
    [1.5, 'a score must be between 0 and 1, not 1.5.'],
    [-0.5, 'a score must be between 0 and 1, not -0.5.'],
  ])('a score of %f, outside 0..1', (score, message) => {
    const found = errors(bankWith((d) => (d.questions[0].choices[0].score = score)));
    const problem = found.find((p) => p.path.join('.') === 'questions.0.choices.0.score');
    expect(problem, JSON.stringify(found)).toBeDefined();
    expect(problem!.message).toBe(message);
  });

  it('"correct" on a choice question', () => {
    const problem = onlyError(bankWith((d) => (d.questions[0].choices[2].correct = true)));
    expect(problem.path).toEqual(['questions', 0, 'choices', 2, 'correct']);
    expect(problem.message).toContain('"correct" belongs to multi questions');
  });

  it('a multi question with no correct choice', () => {
    const problem = onlyError(bankWith((d) => (d.questions[1].choices[0].correct = false)));
    expect(problem.path).toEqual(['questions', 1, 'choices']);
    expect(problem.message).toContain('no choice is "correct: true"');
  });

  it('a multi question with a score on a choice, pointing at "score"', () => {
    const problem = onlyError(bankWith((d) => (d.questions[1].choices[1].score = 0)));
    expect(problem.path).toEqual(['questions', 1, 'choices', 1, 'score']);
    expect(problem.at).toBe('key');
    expect(problem.message).toContain('remove "score"');
  });

  it('a multi choice that does not say whether it is correct', () => {
    const problem = onlyError(bankWith((d) => delete d.questions[1].choices[1].correct));
    expect(problem.path).toEqual(['questions', 1, 'choices', 1]);
    expect(problem.message).toContain('no "correct"');
  });

  it.each([
    ['score', 1],
    ['correct', true],
  ])('a rank question with %s on a choice', (field, value) => {
    const problem = onlyError(bankWith((d) => (d.questions[2].choices[0][field] = value)));
    expect(problem.path).toEqual(['questions', 2, 'choices', 0, field]);
    expect(problem.message).toContain(`remove "${field}" here`);
    expect(problem.message).toContain('write its choices best first');
  });

  it.each([0, 1.5, -0.2])('pass_mark %f, outside (0, 1]', (mark) => {
    const problem = onlyError(bankWith((d) => (d.pass_mark = mark)));
    expect(problem.path).toEqual(['pass_mark']);
    expect(problem.message).toBe(`pass_mark must be above 0 and at most 1 (0.8 means 80%), not ${mark}.`);
  });

  it('accepts pass_mark 1 and a pass_mark just above 0', () => {
    expect(errors(bankWith((d) => (d.pass_mark = 1)))).toEqual([]);
    expect(errors(bankWith((d) => (d.pass_mark = 0.01)))).toEqual([]);
  });

  it('a bank in a newer format, saying it needs a newer mot', () => {
    const problem = onlyError(bankWith((d) => (d.format = 2)));
    expect(problem.path).toEqual(['format']);
    expect(problem.message).toContain('this bank needs a newer mot');
    expect(problem.message).toContain('format 2');
  });

  it('format 0, which no mot wrote', () => {
    expect(onlyError(bankWith((d) => (d.format = 0))).path).toEqual(['format']);
  });

  it('a tag that is not lowercase words', () => {
    const problem = onlyError(bankWith((d) => (d.questions[0].tags = ['Busy Period'])));
    expect(problem.path).toEqual(['questions', 0, 'tags', 0]);
    expect(problem.message).toContain('tag "Busy Period"');
  });

  it('an industry that is not one lowercase word', () => {
    const problem = onlyError(bankWith((d) => (d.industry = 'Fast food')));
    expect(problem.path).toEqual(['industry']);
    expect(problem.message).toContain('industry "Fast food" must be one lowercase word');
  });

  it('a bank with no questions', () => {
    const problem = onlyError(bankWith((d) => (d.questions = [])));
    expect(problem.path).toEqual(['questions']);
    expect(problem.message).toBe('a bank needs at least one question.');
  });

  it.each([
    ['a list', [1, 2]],
    ['text', 'bank: x'],
    ['a number', 3],
    ['nothing', null],
  ])('a file that is %s rather than a mapping', (_case, data) => {
    const problem = onlyError(data);
    expect(problem.path).toEqual([]);
    expect(problem.message).toContain('a bank file must be a mapping of fields');
  });
});

describe('checkBank reports every problem of a file at once', () => {
  it('gives a file with three different faults three problems, in file order', () => {
    const found = errors(
      bankWith((d) => {
        d.pass_mark = 1.5;
        d.questions[0].moment = 'fourth';
        d.questions[2].choices[1].score = 1;
      }),
    );
    expect(found.map((p) => p.path)).toEqual([['pass_mark'], ['questions', 0, 'moment'], ['questions', 2, 'choices', 1, 'score']]);
  });

  it('does not stop at a missing field: the other faults are reported with it', () => {
    const found = errors(
      bankWith((d) => {
        delete d.title;
        d.questions[1].id = 'Bad Id';
        d.questions[0].choices[0].scroe = 0;
      }),
    );
    expect(found).toHaveLength(3);
    expect(found.map((p) => p.message).join('\n')).toMatch(/"title"[\s\S]*scroe[\s\S]*Bad Id|"title"[\s\S]*Bad Id[\s\S]*scroe/);
  });

  it('warns, without refusing the bank, when a rank question turns shuffling off', () => {
    const check = checkBank(bankWith((d) => (d.questions[2].shuffle = false)), 'f');
    expect(check.bank).toBeDefined();
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ severity: 'warning', path: ['questions', 2, 'shuffle'] });
  });
});

describe('checkBank treats bank text as data', () => {
  const ESC = '\u001b';
  const hostile = bankWith((d) => {
    d.title = `Hostile ${ESC}[31mred${ESC}[0m title`;
    d.description = `Sets the title ${ESC}]0;pwned\u0007 and clears ${ESC}[2J`;
    d.questions[0].scenario = `A note: ${ESC}[31mred alert${ESC}[0m.`;
    d.questions[0].prompt = `What do you do? ${ESC}]0;title\u0007`;
    d.questions[0].choices[0].text = `Read it aloud ${ESC}[2J${ESC}[H`;
    d.questions[0].choices[0].feedback = `Good ${ESC}[5mblink${ESC}[0m choice\u0008\u0008.`;
    d.questions[0].choices[2].text = `Ignore it \u009b31m`;
    d.questions[0].explanation = `Escapes ${ESC}[1mbold${ESC}[0m are data \u202eevil`;
  });
  const bank = checkBank(hostile, 'f').bank!;

  it('still loads a bank whose text carries escape sequences', () => {
    expect(bank).toBeDefined();
  });

  it('strips escape sequences and control characters from every text shown', () => {
    const q = bank.questions[0]!;
    expect(bank.title).toBe('Hostile red title');
    expect(bank.description).toBe('Sets the title  and clears');
    expect(q.scenario).toBe('A note: red alert.');
    expect(q.prompt).toBe('What do you do?');
    expect(q.choices.map((c) => c.text)).toEqual(['Read it aloud', 'Greet them and offer help.', 'Ignore it']);
    expect(q.choices[0]!.feedback).toBe('Good blink choice.');
    expect(q.explanation).toBe('Escapes bold are data evil');
  });

  it('quotes a hostile value in a problem without its escapes', () => {
    const found = errors(bankWith((d) => ((d.questions[0].moment = `${ESC}[31mfourth${ESC}[0m`), (d.questions[0].choices[0][`${ESC}[31mscroe`] = 0))));
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const p of found) expect(p.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(found.map((p) => p.message).join('\n')).toContain('unknown moment "fourth"');
  });
});
