// `mot new`: a bank file that passes validate and lint at once; asks in a terminal, flags
// otherwise; never overwrites.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { KEYS, startPty } from '../helpers/pty.js';
import { BIN, runMot, sandbox } from '../helpers/run-mot.js';

let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());
const mot = (args: string[], input = '') => runMot(args, { input, env: box.env, cwd: box.dir });

async function expectValidAndLintClean(file: string) {
  const validate = await mot(['validate', file]);
  expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  const lint = await mot(['lint', file, '--format', 'json', '--strict']);
  expect(jsonOf<unknown[]>(lint)).toEqual([]);
  expect(lint.code).toBe(0);
}

describe('mot new with flags', () => {
  it('writes ID.yaml starting with the schema line, and it validates and lints clean at once', async () => {
    const r = await mot(['new', '--id', 'front-desk', '--title', 'Front desk', '--industry', 'hospitality']);
    expect(r.code, r.stderr).toBe(0);
    const file = join(box.dir, 'front-desk.yaml');
    const source = readFileSync(file, 'utf8');
    expect(source.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*bank\.schema\.json$/);
    expect(source).toContain('bank: front-desk');
    expect(source).toContain('industry: hospitality');
    // Run from another folder, the hints name the script by its full path: a command that works there.
    expect(r.stderr).toContain(`It passes \`node ${BIN} validate\` and \`node ${BIN} lint\`.`);
    await expectValidAndLintClean(file);
    // And it is a bank mot can train with.
    const train = await mot(['train', '--content', box.dir, '-b', 'front-desk', '--json'], 'a\n');
    expect(jsonOf<{ answers: unknown[] }>(train).answers).toHaveLength(1);
  });

  it('takes the first question from flags, quoting what YAML would misread', async () => {
    const file = join(box.dir, 'banks-desk.yaml');
    const r = await mot(['new', file, '--id', 'desk', '--question-id', 'late-guest', '--prompt', 'Note: what now? #1', '--best', 'yes', '--partial', 'Say "sorry" and wait', '--wrong', '- ignore them']);
    expect(r.code, r.stderr).toBe(0);
    const shown = jsonOf<{ prompt: string; choices: { text: string }[] }>(await mot(['show', 'desk/late-guest', '--content', box.dir, '--format', 'json']));
    expect(shown.prompt).toBe('Note: what now? #1');
    expect(shown.choices.map((c) => c.text)).toEqual(['yes', 'Say "sorry" and wait', '- ignore them']);
    expect((await mot(['validate', file])).code).toBe(0);
  });

  it('never overwrites a file', async () => {
    const file = join(box.dir, 'mine.yaml');
    writeFileSync(file, 'my own words\n');
    const r = await mot(['new', file, '--id', 'desk']);
    expectNoStackTrace(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already exists; mot new never overwrites a file.');
    expect(readFileSync(file, 'utf8')).toBe('my own words\n');
  });

  it('refuses a bad id or industry with a usage error, and asks for --id without a terminal', async () => {
    for (const args of [['--id', 'Front Desk'], ['--id', 'desk', '--industry', 'Retail Shops'], ['--id', 'desk', '--question-id', 'Q1'], []]) {
      const r = await mot(['new', ...args]);
      expectNoStackTrace(r);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await mot(['new'])).stderr).toContain('needs --id');
  });
});

describe('mot new in a terminal', () => {
  it('asks for the id, title, industry and a first question with inquirer, then writes the bank', async () => {
    const file = join(box.dir, 'asked.yaml');
    const pty = startPty(['new', file], { ...box.env, NO_COLOR: '1' });
    try {
      await pty.waitFor('Bank id');
      await pty.press(...'Bad Id', KEYS.enter);
      await pty.waitFor('breaks the id rule');
      await pty.press(...Array(6).fill('\u007f'), ...'ward-desk', KEYS.enter);
      await pty.waitFor('Title');
      await pty.press(KEYS.enter); // the default, from the id
      await pty.waitFor('Industry');
      await pty.press(KEYS.up, KEYS.up, KEYS.enter); // from the default, general, up to healthcare
      await pty.waitFor('First question id');
      await pty.press(...'visiting-hours', KEYS.enter);
      await pty.waitFor('The encounter');
      await pty.press(KEYS.enter);
      await pty.waitFor('The question to the learner');
      await pty.press(...'What do you say to the visitor?', KEYS.enter);
      for (const step of ['The most effective', 'A partly right', 'A wrong but tempting']) {
        await pty.waitFor(step);
        await pty.press(KEYS.enter);
      }
      expect(await pty.exited(15_000)).toBe(0);
    } finally {
      pty.kill();
    }
    expect(pty.screen()).toContain('It passes `node bin/mot.js validate` and `node bin/mot.js lint`.');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('bank: ward-desk');
    expect(source).toContain('title: Ward desk');
    expect(source).toContain('industry: healthcare');
    expect(source).toContain('- id: visiting-hours');
    expect(source).toContain('prompt: What do you say to the visitor?');
    await expectValidAndLintClean(file);
  });
});
