// Whatever a GIFT or Moodle XML file holds, import lists or refuses it and never crashes: the
// fixtures cut short, with characters dropped or swapped, and plain noise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuiz } from '../../src/commands/import.js';
import { UserError } from '../../src/errors.js';
import { toBankQuestions } from '../../src/lms/draft.js';
import { bankYaml } from '../../src/lms/bank-doc.js';
import { parseBank } from '../../src/banks/parse-bank.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/lms');
const gift = readFileSync(join(FIXTURES, 'gift/every-construct.gift'), 'utf8');
const xml = readFileSync(join(FIXTURES, 'moodle-xml/moodle4-quiz.xml'), 'utf8');

function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function mutate(text: string, next: () => number): string {
  const chars = [...text];
  const kind = Math.floor(next() * 4);
  if (kind === 0) return chars.slice(0, Math.floor(next() * chars.length)).join('');
  const special = ['{', '}', '~', '=', '#', ':', '\\', '<', '>', '&', '"', '\n\n', '%', '\u0000', '\u202e', ']]>'];
  for (let i = 0; i < 1 + Math.floor(next() * 20); i++) {
    const at = Math.floor(next() * chars.length);
    if (kind === 1) chars.splice(at, 1);
    else if (kind === 2) chars.splice(at, 0, special[Math.floor(next() * special.length)]!);
    else chars[at] = String.fromCharCode(Math.floor(next() * 0x3000));
  }
  return chars.join('');
}

async function survives(source: string, format: 'gift' | 'moodle-xml'): Promise<void> {
  try {
    const quiz = await readQuiz(source, format, 'fuzz');
    const converted = toBankQuestions(quiz.questions);
    expect(converted.questions.length + converted.leftOut.length).toBe(quiz.questions.length);
    expect(quiz.questions.length + quiz.leftOut.length).toBe(quiz.total);
    if (converted.questions.length === 0) return;
    const yaml = await bankYaml({ format: 1, bank: 'fuzz', title: 'Fuzz', industry: 'general', questions: converted.questions }, './s.json');
    expect(parseBank(yaml, 'fuzz.yaml').problems.filter((p) => p.severity === 'error'), source.slice(0, 300)).toEqual([]);
  } catch (err) {
    // Only a whole file that is not XML may be refused, and only with a sentence.
    expect(err, source.slice(0, 200)).toBeInstanceOf(UserError);
    expect(format).toBe('moodle-xml');
  }
}

describe('import of damaged files', () => {
  it('accounts for every GIFT question, whatever the damage', async () => {
    const next = random(7);
    for (let i = 0; i < 300; i++) await survives(mutate(gift, next), 'gift');
  });

  it('imports damaged Moodle XML or refuses it with a message, never a crash', async () => {
    const next = random(11);
    for (let i = 0; i < 300; i++) await survives(mutate(xml, next), 'moodle-xml');
  });

  it('survives noise and deep nesting', async () => {
    for (const format of ['gift', 'moodle-xml'] as const) {
      await survives('<quiz>' + '<question>'.repeat(20000) + '</quiz>', format);
      await survives('{'.repeat(20000), format);
      await survives(Buffer.from([...Array(4096).keys()].map((i) => (i * 7919) % 256)).toString('latin1'), format);
    }
  });
});

describe('texts the validator would refuse', () => {
  it('leaves out answers that read the same to the validator, and a text of control characters only', async () => {
    const quiz = await readQuiz('::a:: Pick {=Yes ~yes}\n\n::b:: \u0007\u001b[31m {=x ~y}\n\n::c:: Fine {=One\u0000 ~Two}\n', 'gift', 'f');
    const converted = toBankQuestions(quiz.questions);
    expect(converted.leftOut.map((l) => l.reason)).toEqual(['two answers read "yes" once formatting is removed', 'its text is empty once formatting is removed']);
    expect(converted.questions[0]!.choices.map((c) => c.text)).toEqual(['One', 'Two']);
  });
});

describe('file encodings', () => {
  it('reads UTF-8, UTF-16 with a byte order mark, a declared ISO-8859-1 and Windows-1252 that is not UTF-8', async () => {
    const { decodeQuiz } = await import('../../src/lms/decode.js');
    expect(decodeQuiz(Buffer.from('Caf\u00e9 {=a ~b}', 'utf8'))).toEqual({ text: 'Caf\u00e9 {=a ~b}' });
    expect(decodeQuiz(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Caf\u00e9', 'utf16le')]))).toEqual({ text: 'Caf\u00e9', encoding: 'UTF-16' });
    expect(decodeQuiz(Buffer.from([...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><quiz>Caf'), 0xe9]))!.text).toMatch(/Caf\u00e9$/);
    expect(decodeQuiz(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]))).toEqual({ text: 'Caf\u00e9 \u201cok\u201d', encoding: 'Windows-1252 (it is not UTF-8)' });
    expect(decodeQuiz(Buffer.from([0x61, 0x00, 0x62]))).toBeUndefined();
  });
});
