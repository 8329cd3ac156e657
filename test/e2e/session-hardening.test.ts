// A session against what goes wrong around it: a redirected stdout at a terminal, a question
// edited before the session is resumed, and a store whose contents someone tampered with.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { KEYS, startPty, type PtySession } from '../helpers/pty.js';
import { FIXTURES, runMot, sandbox } from '../helpers/run-mot.js';

const ESCAPES = /[\u001b\u0007\u009b\u202e]/;
let box: ReturnType<typeof sandbox>;
let session: PtySession | undefined;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  session?.kill();
  session = undefined;
  box.cleanup();
});

const mot = (args: string[], input = '') => runMot(args, { input, env: box.env });

describe('stdout redirected at a terminal', () => {
  it('draws the questions and prompts on the terminal and writes the result to the file', async () => {
    const log = join(box.dir, 'log.txt');
    const pty = (session = startPty(['exam', '--content', join(FIXTURES, 'good'), '-b', 'sample-clinic', '--no-shuffle'], box.env, { cols: 80, rows: 40 }, log));
    await pty.waitFor('a) It will not be long now.');
    await pty.press(KEYS.down, KEYS.enter);
    await pty.waitFor('a) Asking how the patient is recovering');
    await pty.press(KEYS.space, KEYS.down, KEYS.down, KEYS.space, KEYS.enter);
    await pty.waitFor('a) Listen without interrupting');
    await pty.press(KEYS.enter);
    await pty.waitFor(/Every question is answered|Submit\?/);
    await pty.press(KEYS.enter);
    expect(await pty.exited()).toBe(0);
    const file = readFileSync(log, 'utf8');
    expect(file).toMatch(/Score 100%/);
    expect(file).not.toMatch(/\u001b/);
    expect(file).not.toContain('What do you say?');
  });
});

describe('resuming after a trainer edited a question', () => {
  it('asks the edited question again instead of failing, and keeps the other answers', async () => {
    const content = join(box.dir, 'banks');
    mkdirSync(content);
    const bankFile = join(content, 'sample-clinic.yaml');
    copyFileSync(join(FIXTURES, 'good/sample-clinic.yaml'), bankFile);
    const args = ['--content', content, '-b', 'sample-clinic', '--no-shuffle'];
    const first = await mot(['exam', ...args], 'b\na,c\n');
    expect(first.code).toBe(0);
    // The trainer removes a choice of the answered multi question and rewords another.
    const edited = readFileSync(bankFile, 'utf8')
      .replace('      - text: Reading the billing policy aloud\n        correct: false\n', '')
      .replace('It will not be long now.', 'It will not be long now, I promise.');
    writeFileSync(bankFile, edited);
    const resumed = await mot(['resume', '--json', '--content', content], 'b\na,b\na,b,c,d\n');
    expectNoStackTrace(resumed);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout + resumed.stderr).toMatch(/2 questions were edited since they were answered: asked again now/);
    const result = jsonOf<{ finished: boolean; answers: { id: string }[] }>(resumed);
    expect(result.finished).toBe(true);
    expect(result.answers.map((a) => a.id)).toEqual(['sample-clinic/waiting-room-delay', 'sample-clinic/discharge-call', 'sample-clinic/angry-relative']);
  });
});

describe('a store someone tampered with', () => {
  it('never lets text read back from it reach the terminal raw', async () => {
    const args = ['--content', join(FIXTURES, 'good'), '-b', 'sample-clinic', '--no-shuffle'];
    const exam = await mot(['exam', ...args], 'b\n');
    expect(exam.code, exam.stderr).toBe(0);
    const db = new Database(box.env.MOT_STORE);
    db.prepare("UPDATE sessions SET mode = 'exam\u001b]0;pwned\u0007\u202e', learner = learner").run();
    db.prepare("UPDATE answers SET question_id = 'sample-clinic/\u001b[2Jwaiting-room-delay'").run();
    db.close();
    for (const run of [await mot(['stats']), await mot(['stats', '--json']), await mot(['resume', ...args.slice(0, 2)], 'b\na,c\na,b,c,d\n')]) {
      expectNoStackTrace(run);
      expect(run.code, run.stderr).toBeLessThan(2);
      expect(run.stdout).not.toMatch(ESCAPES);
      expect(run.stderr).not.toMatch(ESCAPES);
    }
  });
});
