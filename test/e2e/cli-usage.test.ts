// The command line as a newcomer meets it: typos, options that name nothing, a clone not yet
// built, help that tells the truth about where progress is kept, scripted lines that do not fit.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoStackTrace } from '../helpers/output.js';
import { BIN, FIXTURES, ROOT, runMot, sandbox } from '../helpers/run-mot.js';

const SAMPLE = ['--content', join(FIXTURES, 'good'), '-b', 'sample-clinic', '--no-shuffle'];
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const mot = (args: string[], input = '', env: Record<string, string | undefined> = {}) => runMot(args, { input, env: { ...box.env, ...env } });

describe('a command that does not exist', () => {
  it('`mot trian` names the command meant, exit 2', async () => {
    const run = await mot(['trian']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'trian' (did you mean train?)");
    expectNoStackTrace(run);
  });

  it('`mot trian --help` says the same instead of printing the main help', async () => {
    const run = await mot(['trian', '--help']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'trian' (did you mean train?)");
    expect(run.stdout).not.toContain('Usage:');
  });

  it('`mot help trian` says the same; `mot help train` shows the help of train', async () => {
    const wrong = await mot(['help', 'trian']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("unknown command 'trian' (did you mean train?)");
    const right = await mot(['help', 'train']);
    expect(right.code).toBe(0);
    expect(right.stdout).toContain('Usage: mot train');
  });

  it('a subcommand typo is caught too (`mot xapi exprt`, `mot certificate verfy`)', async () => {
    const xapi = await mot(['xapi', 'exprt']);
    expect(xapi.code).toBe(2);
    expect(xapi.stderr).toContain("unknown command 'exprt' (did you mean export?)");
    const certificate = await mot(['certificate', 'verfy', 'ABCD']);
    expect(certificate.code).toBe(2);
    expect(certificate.stderr).toContain("unknown command 'verfy' (did you mean verify?)");
  });

  it('a word like no command gets the list of commands, without a guess', async () => {
    const run = await mot(['zzzzzz']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'zzzzzz'");
    expect(run.stderr).not.toContain('did you mean');
    expect(run.stderr).toMatch(/train, exam, drill/);
  });

  it('the hint names mot as it was invoked: `node bin/mot.js` in the clone, `mot` once linked', async () => {
    const fromClone = await mot(['trian']);
    expect(fromClone.stderr).toContain('`node bin/mot.js --help`');
    const linked = join(box.dir, 'bin');
    mkdirSync(linked);
    symlinkSync(BIN, join(linked, 'mot'));
    const run = spawnSync('mot', ['trian'], { cwd: box.dir, env: { ...process.env, ...box.env, PATH: `${linked}:${process.env.PATH}` }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('`mot --help`');
  });
});

describe('options that name nothing', () => {
  it('-b nosuchbank is a usage error (exit 2) that lists the bank ids', async () => {
    const run = await mot(['exam', '-b', 'nosuchbank', '--content', join(FIXTURES, 'good')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no bank "nosuchbank"');
    for (const id of ['sample-clinic', 'retail', 'healthcare']) expect(run.stderr).toContain(id);
    expectNoStackTrace(run);
  });

  it('--content of a missing folder is an error naming it, before anything is asked', async () => {
    const missing = join(box.dir, 'no-such-banks');
    for (const args of [['train'], ['banks'], ['validate'], ['stats']]) {
      const run = await mot([...args, '--content', missing]);
      expect(run.code, args[0]).toBe(2);
      expect(run.stderr, args[0]).toContain(missing);
      expect(run.stdout, args[0]).not.toMatch(/Question 1/);
      expectNoStackTrace(run);
    }
  });

  it('--store :memory: is refused: nothing would be kept', async () => {
    for (const args of [
      ['exam', ...SAMPLE, '--store', ':memory:'],
      ['stats', '--store', ':memory:'],
      ['stats', '--store', 'file::memory:?cache=shared'],
    ]) {
      const run = await mot(args, 'b\n');
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/:memory:.*keeps nothing/);
      expect(run.stdout).not.toMatch(/Question 1/);
    }
    const fromEnv = await mot(['exam', ...SAMPLE], 'b\n', { MOT_STORE: ':memory:' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('MOT_STORE=:memory: keeps nothing');
  });
});

describe('before a build', () => {
  it('`node bin/mot.js` without dist/ says how to build, with no stack trace', () => {
    const clone = join(box.dir, 'clone');
    mkdirSync(join(clone, 'bin'), { recursive: true });
    copyFileSync(BIN, join(clone, 'bin', 'mot.js'));
    copyFileSync(join(ROOT, 'package.json'), join(clone, 'package.json'));
    const run = spawnSync(process.execPath, [join(clone, 'bin', 'mot.js'), 'train'], { cwd: clone, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not built yet');
    expect(run.stderr).toMatch(/npm run build|npm ci/);
    expectNoStackTrace({ code: run.status, stdout: run.stdout, stderr: run.stderr });
  });
});

describe('help tells where progress is kept', () => {
  it('shows the store under XDG_DATA_HOME when it is set', async () => {
    const data = join(box.dir, 'elsewhere');
    for (const command of ['train', 'exam', 'drill', 'stats', 'resume', 'report', 'sync']) {
      const run = await mot([command, '--help'], '', { MOT_STORE: undefined, XDG_DATA_HOME: data });
      expect(run.code).toBe(0);
      expect(run.stdout.replace(/\s+/g, ' '), command).toContain(join(data, 'mot', 'mot.db'));
      expect(run.stdout, command).not.toContain('~/.local/share');
    }
  });

  it('shows MOT_STORE when it is set, without a password', async () => {
    const file = join(box.dir, 'team.db');
    const run = await mot(['train', '--help'], '', { MOT_STORE: file });
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(`MOT_STORE: ${file}`);
    const url = await mot(['stats', '--help'], '', { MOT_STORE: 'postgres://mot:hunter2@db.example.org/mot' });
    expect(url.stdout).toContain('postgres://mot@db.example.org/mot');
    expect(url.stdout).not.toContain('hunter2');
  });
});

describe('scripted lines', () => {
  it('a line over 64 KiB is `line N: too long`, exit 2', async () => {
    const run = await mot(['exam', ...SAMPLE], `b\n${'a'.repeat(70_000)}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 2: too long/);
    expect(run.stderr.length).toBeLessThan(2000);
    expectNoStackTrace(run);
  });

  it('an endless line is refused after its first 64 KiB, without reading the rest', async () => {
    const env: Record<string, string | undefined> = { ...process.env, MOT_CONTENT: undefined, ...box.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [BIN, 'exam', ...SAMPLE], { cwd: ROOT, env: env as NodeJS.ProcessEnv });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    child.stdin.on('error', () => undefined);
    const chunk = Buffer.alloc(1 << 16, 'a');
    let written = 0;
    let open = true;
    const closed = new Promise<number | null>((resolve) =>
      child.on('close', (code) => {
        open = false;
        resolve(code);
      }),
    );
    // Up to 1 GiB of one line: mot must stop long before.
    while (open && written < 1 << 30) {
      if (!child.stdin.write(chunk)) await Promise.race([new Promise((r) => child.stdin.once('drain', r)), closed]);
      written += chunk.length;
    }
    const code = await closed;
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 1: too long/);
    expect(written).toBeLessThan(64 << 20);
  });

  it('a line quoted in a `line N:` message reaches the terminal without escapes or controls', async () => {
    const run = await mot(['exam', ...SAMPLE], '\u001b]0;pwned\u0007\u001b[31mz\u009b2J\u202e\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 1: /);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(run.stderr).not.toContain('\u202e');
  });
});
