// `mot import` and `mot export` as users run them: the built binary, real files, exit codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runMot, sandbox } from '../helpers/run-mot.js';

const box = sandbox();
afterAll(() => box.cleanup());
const LMS = join(FIXTURES, 'lms');

describe('mot import', () => {
  it('writes a bank that passes mot validate and lists every question left out, by line', async () => {
    const out = join(box.dir, 'gift.yaml');
    const run = await runMot(['import', join(LMS, 'gift/every-construct.gift'), '-o', out, '--bank', 'front-desk', '--industry', 'hospitality'], { env: box.env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('every-construct.gift: 13 of 20 questions imported; 7 left out:');
    expect(run.stderr).toContain('  line 43: left out: matching questions have no equivalent in mot');
    expect(run.stderr).toContain(`Wrote ${out} (13 questions)`);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*content\/bank\.schema\.json$/);
    expect(text).toContain('industry: hospitality');
    const validate = await runMot(['validate', out], { env: box.env });
    expect(validate.stdout).toContain('1 file checked, 13 questions: all valid.');
    expect(validate.code).toBe(0);
  });

  it('imports Moodle XML and several files into one bank, printed on stdout without -o', async () => {
    const run = await runMot(['import', join(LMS, 'moodle-xml/moodle4-quiz.xml'), join(LMS, 'gift/unreadable-questions.gift')], { env: box.env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('moodle4-quiz.xml: 6 of 11 questions imported; 5 left out:');
    expect(run.stderr).toContain('  question "Cloze greeting": left out: cloze (embedded answers) questions');
    expect(run.stderr).toContain('unreadable-questions.gift: 1 of 8 questions imported; 7 left out:');
    expect(run.stdout.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(run.stdout).toContain('bank: front-desk\ntitle: Front desk\n');
    const file = join(box.dir, 'both.yaml');
    writeFileSync(file, run.stdout);
    expect((await runMot(['validate', file], { env: box.env })).code).toBe(0);
  });

  it('says what is wrong, without a stack trace, for a file it cannot use', async () => {
    const notes = join(box.dir, 'notes.md');
    writeFileSync(notes, '# notes\n');
    const unknown = await runMot(['import', notes], { env: box.env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell the format of');
    const missing = await runMot(['import', join(box.dir, 'nope.gift')], { env: box.env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
    const broken = join(box.dir, 'broken.xml');
    writeFileSync(broken, '<quiz><question type="multichoice"><name></quiz>');
    const xml = await runMot(['import', broken], { env: box.env });
    expect(xml.code).toBe(1);
    expect(xml.stderr).toMatch(/broken\.xml is not Moodle XML: line 1: /);
    const nothing = join(box.dir, 'essays.gift');
    writeFileSync(nothing, 'Write about a good day. {}\n');
    const none = await runMot(['import', nothing], { env: box.env });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('line 1: left out: essay questions');
    expect(none.stderr).toContain('nothing in');
    for (const run of [unknown, missing, xml, none]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('mot export', () => {
  const content = join(LMS, 'banks');

  it('writes GIFT, saying one line for each question left out and each score moved', async () => {
    const run = await runMot(['export', '--content', content, '-b', 'lms-sample', '--format', 'gift'], { env: box.env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::late-breakfast::[html]');
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      "lms-sample/late-breakfast: choice b scores 0.45 in mot; Moodle's nearest fraction is 50%, so it scores 0.5 there.",
      'lms-sample/recovery-order: left out: GIFT has no ordering question; export to Moodle XML to keep rank questions.',
      'lms-sample/best-and-worst: left out: best-worst questions have no Moodle equivalent.',
    ]);
  });

  it('writes Moodle XML to a file that imports back into the same questions', async () => {
    const xml = join(box.dir, 'sample.xml');
    const run = await runMot(['export', '--content', content, '-b', 'lms-sample', '--format', 'moodle-xml', '-o', xml], { env: box.env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Wrote ${xml} (3 questions, 1 left out).`);
    const back = await runMot(['import', xml], { env: box.env });
    expect(back.code).toBe(0);
    expect(back.stderr).toContain('sample.xml: 3 of 3 questions imported.');
    expect(back.stdout).toContain('  - id: recovery-order\n    type: rank\n');
    expect(back.stdout).toContain('moment: second\n    stage: recovery\n    tags: [lms-sample-one-question-of-each-kind, breakfast]');
  });

  it('refuses an unknown bank or format with a hint', async () => {
    const bank = await runMot(['export', '-b', 'nope', '--format', 'gift'], { env: box.env });
    expect(bank.code).toBe(1);
    expect(bank.stderr).toContain('no bank "nope" is loaded.');
    const format = await runMot(['export', '-b', 'retail', '--format', 'qti'], { env: box.env });
    expect(format.code).toBe(2);
  });
});
