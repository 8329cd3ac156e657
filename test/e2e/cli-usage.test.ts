// The command line as a newcomer meets it: typos, options that name nothing, a clone not yet
// built, help that tells the truth about where progress is kept, scripted lines that do not fit.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseBank } from '../../src/banks/parse-bank.js';
import { letter } from '../../src/core/answers.js';
import { kindOf } from '../../src/core/kinds/index.js';
import { startStandInLrs, type StandInLrs } from '../lms/stand-in-lrs.js';
import { expectNoStackTrace } from '../helpers/output.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';
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
  it('what commander echoes (an unknown option, a command name) reaches the terminal without escapes', async () => {
    for (const args of [['--\u001b]0;title\u0007\u001b[31mred'], ['\u001b[2Jtrian'], ['exam', '--count', '\u001b[2J3\u009b1m']]) {
      const run = await mot(args);
      expect(run.code, JSON.stringify(args)).toBe(2);
      expect(run.stderr, JSON.stringify(args)).not.toMatch(CONTROL);
      expect(run.stdout).not.toMatch(CONTROL);
    }
  });

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
    copyFileSync(join(ROOT, 'bin', 'package.json'), join(clone, 'bin', 'package.json'));
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
    for (const command of ['', 'train', 'exam', 'drill', 'stats', 'resume', 'report', 'sync']) {
      const run = await mot([...(command ? [command] : []), '--help'], '', { MOT_STORE: undefined, XDG_DATA_HOME: data });
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

// Every example a newcomer is shown, in `--help` and in the README's shell blocks, is run as it is
// written: `mot` is the built binary (on PATH, as after `npm link`), the store is a sandbox, stdin
// is empty unless the example pipes into mot (a session then ends early, saved, with exit 0), and
// the organisation's servers the examples name (db.example.org, lrs.example.org) are stood in
// for by a local PostgreSQL and a local learning record store.
describe('every example runs as written', () => {
  let pg: TestPostgres;
  let lrs: StandInLrs;
  let pgUrl: string;
  beforeAll(async () => {
    pg = await startPostgres();
    pgUrl = await pg.createDatabase();
    lrs = await startStandInLrs('key:secret');
  }, 120_000);
  afterAll(async () => {
    await lrs?.close();
    await pg?.stop();
  });

  /** A folder to run examples in, holding the files they name, and `mot` on PATH. */
  function workshop(): { cwd: string; env: Record<string, string> } {
    const cwd = join(box.dir, 'work');
    mkdirSync(join(cwd, 'my-banks'), { recursive: true });
    mkdirSync(join(cwd, 'banks'));
    mkdirSync(join(box.dir, 'path'));
    writeFileSync(join(box.dir, 'path', 'mot'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(box.dir, 'path', 'mot'), 0o755);
    // The README's examples are written for the clone, where test/fixtures is.
    symlinkSync(join(ROOT, 'test'), join(cwd, 'test'));
    copyFileSync(join(FIXTURES, 'good', 'sample-clinic.yaml'), join(cwd, 'my-banks', 'sample-clinic.yaml'));
    copyFileSync(join(FIXTURES, 'lms', 'gift', 'every-construct.gift'), join(cwd, 'quiz.gift'));
    copyFileSync(join(FIXTURES, 'lms', 'gift', 'every-construct.gift'), join(cwd, 'more.gift'));
    copyFileSync(join(FIXTURES, 'lms', 'moodle-xml', 'moodle4-quiz.xml'), join(cwd, 'questions-moodle.xml'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...process.env, ...box.env, PATH: `${join(box.dir, 'path')}:${process.env.PATH}` }))
      if (value !== undefined && !['MOT_CONTENT', 'FORCE_COLOR', 'MOT_XAPI_BASE', 'MOT_XAPI_AUTH', 'MOT_ORG'].includes(key)) env[key] = value;
    return { cwd, env };
  }

  /**
   * Runs the lines in one shell, in order (an `export` holds for the lines after it); returns each
   * line's exit code (-1: it never ended) and stderr. Asynchronous: the stand-in LRS answers from
   * this very process.
   */
  async function runLines(lines: string[], where: { cwd: string; env: Record<string, string> }): Promise<{ line: string; code: number; stderr: string }[]> {
    const out = mkdtempSync(join(box.dir, 'out-'));
    const script = lines.map((line, i) => `{ ${line} ; } < /dev/null > "${out}/${i}.out" 2> "${out}/${i}.err"; echo $? > "${out}/${i}.code"`).join('\n');
    await new Promise<void>((resolve) => {
      const shell = spawn('bash', ['-c', script], { cwd: where.cwd, env: where.env, stdio: 'ignore' });
      const timer = setTimeout(() => shell.kill('SIGKILL'), 60_000);
      shell.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
    return lines.map((line, i) => {
      const code = read(join(out, `${i}.code`));
      return { line, code: code === '' ? -1 : Number(code), stderr: read(join(out, `${i}.err`)) };
    });
  }

  /** The organisation's servers, as the examples name them, and where they are here. */
  const standIns = (line: string, code: string) =>
    line
      .replace(/postgres:\/\/mot@db\.example\.org(?::5432)?\/mot/g, pgUrl)
      .replace(/https:\/\/lrs\.example\.org\/xapi/g, lrs.endpoint)
      .replace(/7K2Q-9XHD-M4TB/g, code);

  /** sam passes the retail exam, so that the certificate examples have an exam to certify. */
  async function samPassesRetail(env: Record<string, string>): Promise<string> {
    const file = join(ROOT, 'content', 'retail.yaml');
    const parsed = parseBank(readFileSync(file, 'utf8'), file);
    const best = parsed.bank!.questions.map((q) => kindOf(q).best(q).map(letter).join(','));
    const exam = await runMot(['exam', '-b', 'retail', '--no-shuffle', '-n', String(best.length), '--learner', 'sam', '--json'], { input: best.join('\n') + '\n', env });
    expect(exam.code, exam.stderr).toBe(0);
    expect(JSON.parse(exam.stdout).passed).toBe(true);
    const certificate = await runMot(['certificate', '--learner', 'sam', '-b', 'retail', '-o', join(box.dir, 'setup.pdf')], { env });
    const code = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(certificate.stderr + certificate.stdout)?.[0];
    expect(code, certificate.stderr).toBeDefined();
    return code!;
  }

  it('in the help of every command', async () => {
    const helps: string[] = [];
    const visit = async (path: string[]) => {
      const run = await runMot([...path, '--help'], { env: box.env });
      expect(run.code, path.join(' ')).toBe(0);
      helps.push(run.stdout);
      const commands = /\nCommands:\n([\s\S]*?)(?:\n\n|$)/.exec(run.stdout)?.[1] ?? '';
      for (const [, name] of commands.matchAll(/^ {2}(\w[\w-]*)/gm)) if (name !== 'help') await visit([...path, name!]);
    };
    await visit([]);
    const examples = [
      ...new Set(
        helps
          .join('\n')
          .split('\n')
          .map((line) => line.trim().split(/\s{2,}/)[0]!)
          .filter((line) => /^mot(?: |$)|\| *mot /.test(line)),
      ),
    ];
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const where = workshop();
    const results = await runLines(examples, where);
    for (const result of results) expect(result.code, `${result.line}\n${result.stderr}`).toBe(0);
  }, 120_000);

  it("in the README's shell blocks", async () => {
    const where = workshop();
    const code = await samPassesRetail(where.env);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/^ *```(?:sh|bash|shell)\n([\s\S]*?)^ *```/gm)].map((m) =>
      m[1]!
        .split('\n')
        .map((line) => line.replace(/\s+#\s.*$/, '').trim())
        // Installing and linking are not examples of mot; they are how it got here.
        .filter((line) => line !== '' && !/^npm /.test(line)),
    );
    const runnable = blocks.filter((lines) => lines.some((line) => /(?:^|[|;&] *|^\S+=\S+ +)mot(?: |$)/.test(line)));
    expect(runnable.length).toBeGreaterThanOrEqual(5);
    for (const lines of runnable) {
      const results = await runLines(lines.map((line) => standIns(line, code)), where);
      for (const result of results) expect(result.code, `${result.line}\n${result.stderr}`).toBe(0);
    }
  }, 180_000);
});
