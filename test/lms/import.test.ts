// Importing the GIFT and Moodle XML fixtures: what imports, what is left out and why, and what
// the text and scores become.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBankQuestions } from '../../src/lms/draft.js';
import { giftBlocks, readGift } from '../../src/lms/gift-import.js';
import { NotMoodleXml, readMoodleXml } from '../../src/lms/moodle-xml-import.js';
import { htmlToText, markdownToText } from '../../src/lms/text.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/lms');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

describe('GIFT: every construct of the Moodle documentation', () => {
  const quiz = readGift(read('gift/every-construct.gift'));
  const { questions, leftOut, warnings } = toBankQuestions(quiz.questions);
  const byId = new Map(questions.map((q) => [q.id, q]));

  it('imports 13 of its 20 questions and lists the other 7 with their lines and kinds', () => {
    expect(quiz.total).toBe(20);
    expect(questions).toHaveLength(13);
    expect([...quiz.leftOut, ...leftOut].map((l) => `${l.where}: ${l.reason.split(' ')[0]}`)).toEqual([
      'line 33: short-answer',
      'line 36: numeric',
      'line 38: numeric',
      'line 40: numeric',
      'line 43: matching',
      'line 50: essay',
      'line 53: a',
    ]);
    expect(quiz.leftOut.at(-1)!.reason).toBe('a description is text with no question');
  });

  it('turns fractions into scores, per-answer feedback into feedback and general feedback into the explanation', () => {
    const q = byId.get('greeting-first')!;
    expect(q.choices.map((c) => c.score)).toEqual([1, 0, 0]);
    expect(q.choices[1]!.feedback).toBe('Being ignored is the first impression.');
    expect(q.explanation).toBe('Acknowledge everyone who is waiting, even without words.');
    expect(byId.get('late-order')!.choices.map((c) => c.score)).toEqual([1, 0.5, 0, 0]);
  });

  it('says when a negative weight becomes 0 and when multi weights cannot be kept exactly', () => {
    expect(warnings.map((w) => w.where + ': ' + w.message.split(' ').slice(0, 3).join(' '))).toEqual([
      'line 15: negative marks became',
      "line 56: Moodle's weights (50%,",
      "line 64: Moodle's weights (33.3%,",
      'line 91: the id "greeting-first"',
    ]);
  });

  it('makes several right answers without = a multi question, a positive weight meaning correct', () => {
    const q = byId.get('three-of-five')!;
    expect(q.type).toBe('multi');
    expect(q.choices.map((c) => c.correct)).toEqual([true, true, true, false, false]);
  });

  it('reads true/false as two choices, the first feedback going to the wrong one', () => {
    const q = byId.get('refund-rule')!;
    expect(q.choices).toEqual([
      { text: 'True', score: 0, feedback: 'Listening comes first.' },
      { text: 'False', score: 1, feedback: 'Right: listen first, then explain.' },
    ]);
    expect(q.shuffle).toBe(false);
    expect(byId.get('sunrise')!.choices.map((c) => c.score)).toEqual([1, 0]);
  });

  it('decodes escapes, HTML with entities and Markdown into plain text', () => {
    const escapes = byId.get('escapes-all-of-them')!;
    expect(escapes.prompt).toBe('Which sign means "approximately" in a price list: ~, =, # or { }?');
    expect(escapes.choices.map((c) => c.text)).toEqual(['~ (tilde)', '= (equals)', '# (hash)', '{ } (braces)']);
    expect(escapes.choices[0]!.feedback).toBe('Right: ~ means about.');
    expect(byId.get('late-order')!.prompt).toBe('A diner\u2019s main course is twenty minutes late. What do you say?');
    expect(byId.get('markdown')!.prompt).toBe('Which reply is best after a late delivery?');
    expect(byId.get('markdown')!.choices[0]!.text).toBe('Say sorry, then give a new time.');
    expect(byId.get('plain')!.prompt).toBe('Is <b> shown as it is in plain text?');
  });

  it('keeps the missing-word blank, makes ids from titles or the text, unique, and tags from categories', () => {
    expect(byId.get('a-customer-who-complains-and-is-well-looked')!.prompt).toContain(' _____ likely');
    expect(byId.has('greeting-first-2')).toBe(true);
    expect(byId.get('greeting-first')!.tags).toEqual(['front-desk']);
    expect(byId.get('escapes-all-of-them')!.tags).toEqual(['escapes-and-formats']);
    expect(byId.get('what-s-between-orange-and-green-in-the-spectrum')!.choices[1]!.feedback).toBe("wrong, it's yellow");
  });
});

describe('GIFT: questions the parser cannot read', () => {
  const quiz = readGift(read('gift/unreadable-questions.gift'));
  const { questions, leftOut } = toBankQuestions(quiz.questions);

  it('lists each unreadable question by its line and still imports the rest', () => {
    expect(quiz.total).toBe(8);
    expect(questions.map((q) => q.id)).toEqual(['after-the-broken-one']);
    expect([...quiz.leftOut, ...leftOut].map((l) => l.where).sort()).toEqual(['line 11', 'line 15', 'line 18', 'line 21', 'line 24', 'line 4', 'line 6']);
    expect(quiz.leftOut.find((l) => l.where === 'line 4')!.reason).toMatch(/^it could not be read as GIFT \(Expected/);
    expect(leftOut.find((l) => l.where === 'line 18')!.reason).toBe('two answers read "Yes" once formatting is removed');
    expect(leftOut.find((l) => l.where === 'line 21')!.reason).toBe('it has 9 answers; mot holds 2 to 8 choices');
  });

  it('splits at blank lines but keeps an answer set that spans one together', () => {
    const blocks = giftBlocks('::a:: x {\n=1\n\n~2\n}\n\n$CATEGORY: c\n::b:: y {=1 ~2}\n');
    expect(blocks.map((b) => b.line)).toEqual([1, 7, 8]);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '{', '}}}', '::', '$CATEGORY:', '\u0000\u0001', '{'.repeat(5000), '::a::b{=c ~d}'.repeat(200), '// only a comment'])
      expect(() => toBankQuestions(readGift(text).questions)).not.toThrow();
  });
});

describe('Moodle XML as Moodle 4 exports it', () => {
  const quiz = readMoodleXml(read('moodle-xml/moodle4-quiz.xml'));
  const { questions, leftOut, warnings } = toBankQuestions(quiz.questions);
  const byId = new Map(questions.map((q) => [q.id, q]));

  it('imports 6 of its 11 questions and names the 5 it leaves out', () => {
    expect(quiz.total).toBe(11);
    expect(questions.map((q) => q.id)).toEqual([
      'queue-at-check-in',
      'good-apology-select-all',
      'weighted-thirds',
      'policy-first',
      'steps-of-a-recovery',
      'queue-at-check-in-2',
    ]);
    expect([...quiz.leftOut, ...leftOut].map((l) => `${l.where}: ${l.reason.split(' ')[0]}`)).toEqual([
      'question "Abbreviation": short-answer',
      'question "Reflection": essay',
      'question "Cloze greeting": cloze',
      'question "About the next part": a',
      'question "No full marks": no',
    ]);
    expect(warnings.map((w) => w.where)).toEqual(['question "Queue at check-in"', 'question "Weighted thirds"', 'question "Queue at check-in"']);
  });

  it('reads CDATA HTML with entities into a scenario and a prompt, scores and feedback', () => {
    const q = byId.get('queue-at-check-in')!;
    expect(q.scenario).toBe('Six guests are queuing at check-in and the second desk is closed.');
    expect(q.prompt).toBe('What do you do first?');
    expect(q.choices.map((c) => c.score)).toEqual([1, 0.5, 0, 0]);
    expect(q.choices[3]!.text).toBe('Close your desk too \u2013 it is your break.');
    expect(q.explanation).toBe('Acknowledge the queue & get help: waiting feels shorter when people know you have seen them.');
    expect(q.tags).toEqual(['front-desk', 'check-in', 'busy-period']);
  });

  it('reads HTML escaped without CDATA, and Moodle auto-format line breaks', () => {
    expect(byId.get('queue-at-check-in-2')!.prompt).toBe('Escaped HTML, not CDATA: a guest says "this is the third time". What now?');
    expect(byId.get('weighted-thirds')!.prompt).toBe('Which help a caller who is angry?\nPick all that apply.');
  });

  it('reads multiple answers as multi, true/false as two choices, and ordering as rank in the right order', () => {
    const multi = byId.get('good-apology-select-all')!;
    expect(multi.type).toBe('multi');
    expect(multi.shuffle).toBe(false);
    expect(multi.choices.map((c) => c.correct)).toEqual([true, true, false]);
    expect(byId.get('policy-first')!.choices.map((c) => [c.text, c.score])).toEqual([['True', 0], ['False', 1]]);
    expect(byId.get('policy-first')!.tags).toEqual(['policies-rules', 'complaints']);
    const rank = byId.get('steps-of-a-recovery')!;
    expect(rank.type).toBe('rank');
    expect(rank.prompt).toBe("A guest's booking was lost. Put these steps in the best order.");
    expect(rank.choices.map((c) => c.text)).toEqual([
      'Let the guest explain without interrupting',
      'Apologise and take ownership',
      'Find a room and confirm it in writing',
      'Call the next day to check all is well',
    ]);
  });

  it('refuses XML that is broken, declares entities or is not a quiz, with the reason', () => {
    expect(() => readMoodleXml('<quiz><question type="multichoice"></quiz>')).toThrow(NotMoodleXml);
    expect(() => readMoodleXml('<quiz><question type="multichoice"></quiz>')).toThrow(/^line 1:/);
    expect(() => readMoodleXml('<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa">]><quiz>&a;</quiz>')).toThrow(/entities/);
    expect(() => readMoodleXml('<html><body/></html>')).toThrow(/no <quiz>/);
  });

  it('reads a single question without a quiz around it, and a quiz of one question', () => {
    const one = '<quiz><question type="truefalse"><name><text>T</text></name><questiontext><text>Yes?</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>';
    expect(readMoodleXml(one).questions).toHaveLength(1);
    expect(readMoodleXml(one.replace(/<\/?quiz>/g, '')).questions).toHaveLength(1);
  });
});

describe('Moodle XML in older and odder forms', () => {
  it('reads answers without a format, an attached <file>, a repeated element and HTML in a name', () => {
    const xml = `<?xml version="1.0"?><quiz><question type="multichoice"><name><text><![CDATA[A <b>bold</b> name]]></text></name>
      <questiontext format="html"><text><![CDATA[<p>Which?</p>]]></text><file name="a.png" encoding="base64">iVBORw0KGgo=</file></questiontext>
      <shuffleanswers>1</shuffleanswers><shuffleanswers>true</shuffleanswers>
      <answer fraction="100"><text>
right answer
      </text><feedback><text>

      </text></feedback></answer><answer fraction="0"><!-- a comment --><text>wrong answer</text></answer></question></quiz>`;
    const quiz = readMoodleXml(xml);
    expect(quiz.questions[0]).toMatchObject({ where: 'question "A bold name"', name: 'A bold name', text: 'Which?' });
    expect(quiz.questions[0]!.choices).toEqual([{ text: 'right answer', fraction: 100 }, { text: 'wrong answer', fraction: 0 }]);
    expect(toBankQuestions(quiz.questions).questions[0]!.id).toBe('a-bold-name');
  });

  it('counts no questions in a file of categories only', () => {
    const quiz = readMoodleXml('<quiz><question type="category"><category><text>$course$/Alpha</text></category></question></quiz>');
    expect(quiz).toEqual({ questions: [], leftOut: [], warnings: [], total: 0 });
  });
});

describe('plain text from Moodle markup', () => {
  it('keeps paragraphs and breaks, drops tags, decodes named and numeric entities', () => {
    expect(htmlToText('<p>One&nbsp;&amp; two</p><p>Three<br/>four &#8211; &#x2014; &hellip; &bogus;</p>')).toBe('One & two\n\nThree\nfour \u2013 \u2014 \u2026 &bogus;');
    expect(htmlToText('<ul><li>a</li><li>b</li></ul><img src="x.png" alt="A map">')).toBe('- a\n- b\n\n[image: A map]');
    expect(htmlToText('if a < b and b > c, then <> is text')).toBe('if a < b and b > c, then <> is text');
  });

  it('drops Markdown emphasis and keeps link text with its address', () => {
    expect(markdownToText('# Title\n**bold** and *it* and `code` [here](https://x.org)')).toBe('Title\nbold and it and code here (https://x.org)');
  });
});
