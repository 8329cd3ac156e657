// The process as a whole: every byte of output reaches a slow reader, a closed pipe and a full
// disk are told apart, and SIGTERM / SIGHUP end a session with what was answered saved.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ptyModule from 'node-pty';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { BIN, FIXTURES, ROOT, runMot, sandbox } from '../helpers/run-mot.js';

const SAMPLE = ['--content', join(FIXTURES, 'good'), '-b', 'sample-clinic', '--no-shuffle'];

let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

/** Runs a bash script with `mot` standing for the built binary; returns its exit code and output. */
function shell(script: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('bash', ['-c', `mot() { node "${BIN}" "$@"; }\n${script}`], {
    cwd: ROOT,
    env: { ...process.env, MOT_CONTENT: '', FORCE_COLOR: '', ...box.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A folder of `count` one-question banks: `mot banks --json` over it is well over 64 KiB. */
function manyBanks(count: number): string {
  const dir = join(box.dir, 'banks');
  mkdirSync(dir);
  for (let i = 1; i <= count; i++)
    writeFileSync(
      join(dir, `generated-${i}.yaml`),
      `bank: generated-bank-${i}
title: Generated bank number ${i}, one of many for the pipe test
industry: retail
questions:
  - id: greeting
    moment: first
    stage: first-contact
    prompt: What do you say first to the customer?
    choices:
      - text: Greet the customer and ask how you can help.
        score: 1
      - text: Keep restocking the shelf without looking up.
        score: 0
`,
    );
  return dir;
}

describe('output through a pipe', () => {
  it('reaches a slow reader whole: every byte of a 100 KB `mot banks --json`', () => {
    const dir = manyBanks(300);
    const whole = shell(`mot banks --json --content "${dir}" > "${box.dir}/whole.json"`);
    expect(whole.code).toBe(0);
    const expected = readFileSync(join(box.dir, 'whole.json'));
    expect(expected.length).toBeGreaterThan(65_536);
    expect(JSON.parse(expected.toString('utf8')).length).toBeGreaterThanOrEqual(300);
    // The reader waits before it reads, so the kernel's 64 KiB pipe buffer fills and the rest
    // is still in mot when its command has returned.
    const piped = shell(`set -o pipefail; mot banks --json --content "${dir}" | (sleep 0.7; wc -c)`);
    expect(piped.code).toBe(0);
    expect(Number(piped.stdout.trim())).toBe(expected.length);
  });

  it('reaches a slow reader whole from `mot schema`', () => {
    const whole = shell(`mot schema > "${box.dir}/schema.json"`);
    const expected = readFileSync(join(box.dir, 'schema.json'));
    const piped = shell(`set -o pipefail; mot schema | (sleep 0.5; wc -c)`);
    expect(piped.code).toBe(0);
    expect(Number(piped.stdout.trim())).toBe(expected.length);
    expect(whole.code).toBe(0);
  });

  it('ends quietly with 0 when the reader closes the pipe early (`| head -1`)', () => {
    const dir = manyBanks(300);
    for (const command of [`mot banks --json --content "${dir}"`, 'mot schema', 'mot --help', `mot banks --content "${dir}"`]) {
      const run = shell(`${command} 2> "${box.dir}/err.txt" | head -1 > /dev/null; echo "exit=\${PIPESTATUS[0]}"`);
      expect(run.stdout.trim(), command).toBe('exit=0');
      expect(readFileSync(join(box.dir, 'err.txt'), 'utf8'), command).toBe('');
    }
  });

  it('ends quietly with 0 when the reader is gone before mot writes anything', () => {
    const run = shell(`mot schema 2> "${box.dir}/err.txt" | true; echo "exit=\${PIPESTATUS[0]}"`);
    expect(run.stdout.trim()).toBe('exit=0');
    expect(readFileSync(join(box.dir, 'err.txt'), 'utf8')).toBe('');
  });

  it('reports a write error (a full disk) with a message and exit 1, never a silent 0', () => {
    for (const command of ['mot schema', 'mot banks --json', 'mot --help']) {
      const run = shell(`${command} > /dev/full`);
      expect(run.code, command).toBe(1);
      expect(run.stderr, command).toMatch(/mot: could not write the output: .*no space left/i);
      expectNoStackTrace({ code: run.code, stdout: run.stdout, stderr: run.stderr });
    }
  });
});

interface StatsJson {
  answered: number;
  sessions: { mode: string; finished: boolean; answered: number }[];
}

/** `mot exam` with stdin held open: it answers what it is given, then waits for the next line. */
function waitingExam() {
  const env: Record<string, string | undefined> = { ...process.env, MOT_CONTENT: undefined, FORCE_COLOR: undefined, ...box.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, [BIN, 'exam', ...SAMPLE, '--json'], { cwd: ROOT, env: env as NodeJS.ProcessEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = async (pattern: RegExp) => {
    const deadline = Date.now() + 10_000;
    while (!pattern.test(stderr)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { child, ended, waitFor, output: () => ({ stdout, stderr }) };
}

describe('signals', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal} ends a waiting session with ${code}, and the answers given so far are kept`, async () => {
      const exam = waitingExam();
      exam.child.stdin.write('b\n');
      await exam.waitFor(/Question 2 of 3/);
      // The first answer is stored before the second question is shown.
      exam.child.kill(signal);
      const { code: exitCode } = await exam.ended;
      expect(exitCode).toBe(code);
      const { stdout, stderr } = exam.output();
      expectNoStackTrace({ code: exitCode, stdout, stderr });
      expect(stderr).toMatch(/Stopped\. 1 answer is saved/);
      const stats = await runMot(['stats', '--json'], { env: box.env });
      const progress = jsonOf<StatsJson>(stats);
      expect(progress.answered).toBe(1);
      expect(progress.sessions).toMatchObject([{ mode: 'exam', finished: false, answered: 1 }]);
    });
  }

  it('SIGTERM before the first answer ends with 143, no stack trace, and nothing stored', async () => {
    const env: Record<string, string | undefined> = { ...process.env, MOT_CONTENT: undefined, ...box.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    // stdin held open and never written: the exam waits on it at the first question.
    const child = spawn(process.execPath, [BIN, 'exam', ...SAMPLE], { cwd: ROOT, env: env as NodeJS.ProcessEnv });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const deadline = Date.now() + 10_000;
    while (!stdout.includes('Question 1 of 3')) {
      if (Date.now() > deadline) throw new Error(`no first question:\n${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(143);
    expectNoStackTrace({ code, stdout, stderr });
    const stats = jsonOf<StatsJson>(await runMot(['stats', '--json'], { env: box.env }));
    expect(stats.answered).toBe(0);
  });

  it('SIGTERM at a prompt in a terminal shows the cursor again and exits 143', async () => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...process.env, ...box.env, TERM: 'xterm-256color' }))
      if (value !== undefined && key !== 'MOT_CONTENT' && key !== 'FORCE_COLOR') env[key] = value;
    const child = ptyModule.spawn(process.execPath, [BIN, 'train', ...SAMPLE, '-n', '3'], { name: 'xterm-256color', cols: 80, rows: 30, cwd: ROOT, env });
    let raw = '';
    child.onData((data) => (raw += data));
    const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
    const deadline = Date.now() + 10_000;
    // Inquirer hides the cursor while its list is shown.
    while (!(raw.includes('It will not be long now') && raw.includes('\u001b[?25l'))) {
      if (Date.now() > deadline) throw new Error(`no prompt on the screen:\n${raw}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    process.kill(child.pid, 'SIGTERM');
    const code = await Promise.race([exited, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`no exit:\n${raw}`)), 5000))]);
    expect(code).toBe(143);
    expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
    expect(raw).not.toMatch(/^ {4}at /m);
  });
});
