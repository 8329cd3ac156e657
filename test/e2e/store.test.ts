// The progress store under faults, with real processes: kill -9, concurrent writers, files that
// are not mot's, places that cannot be written, several learners, resume, drill and retired questions.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driveSession } from '../helpers/drive-session.js';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { APPLICATION_ID, MIGRATIONS } from '../../src/store/schema.js';
import { BIN, FIXTURES, ROOT, runMot, sandbox, type RunResult } from '../helpers/run-mot.js';

const GOOD = join(FIXTURES, 'good');
const SAMPLE = ['--content', GOOD, '-b', 'sample-clinic', '--no-shuffle'];
const ALL_RIGHT = 'b\na,c\na,b,c,d\n';

interface StatsJson {
  learner: string;
  answered: number;
  sessions: { id: string; mode: string; started: string; finished: boolean; answered: number; score: number | null }[];
  retired?: string[];
}

interface JsonResult {
  mode: string;
  finished: boolean;
  score: number;
  answers: { id: string; type: string; response: string[]; score: number }[];
}

let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const mot = (args: string[], input = '', env: Record<string, string | undefined> = {}) => runMot(args, { input, env: { ...box.env, ...env } });



async function stats(args: string[] = [], env: Record<string, string | undefined> = {}): Promise<StatsJson> {
  const run = await mot(['stats', '--json', ...args], '', env);
  expect(run.code, run.stderr).toBe(0);
  return jsonOf<StatsJson>(run);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('answers survive the process', () => {
  it('kill -9 after two answers keeps both, in one unfinished session', async () => {
    const env: Record<string, string | undefined> = { ...process.env, MOT_CONTENT: undefined, FORCE_COLOR: undefined, ...box.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    // node itself, with stdin a pipe held open, so the session waits for a third answer.
    const child = spawn(process.execPath, [BIN, 'exam', ...SAMPLE], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'ignore', 'ignore'] });
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    try {
      child.stdin.write('b\na,c\n');
      const deadline = Date.now() + 8000;
      let answered = 0;
      while (Date.now() < deadline) {
        answered = (await stats()).answered;
        if (answered >= 2) break;
        await sleep(100);
      }
      expect(answered).toBe(2);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
    }
    expect(await closed).toBe('SIGKILL');
    const after = await stats();
    expect(after.answered).toBe(2);
    expect(after.sessions).toHaveLength(1);
    expect(after.sessions[0]).toMatchObject({ mode: 'exam', finished: false, answered: 2, score: 1 });
  });

  it('four exams at once against one store lose nothing', async () => {
    const runs = await Promise.all([1, 2, 3, 4].map(() => mot(['exam', ...SAMPLE, '--json'], ALL_RIGHT)));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(jsonOf<JsonResult>(run).finished).toBe(true);
    }
    const s = await stats();
    expect(s.answered).toBe(12);
    expect(s.sessions).toHaveLength(4);
    for (const session of s.sessions) expect(session).toMatchObject({ finished: true, answered: 3, score: 1 });
  });
});

describe('a store path that is not a mot store', () => {
  /** A folder of its own, so that its listing shows anything mot might leave next to the file. */
  const storeFolder = () => {
    const folder = join(box.dir, 'files');
    mkdirSync(folder, { recursive: true });
    return folder;
  };

  /** Runs a session against the file, and checks it fails clearly and leaves the file exactly as it was. */
  async function expectRefusedUntouched(path: string): Promise<RunResult> {
    const before = sha256(path);
    const folder = dirname(path);
    const listing = readdirSync(folder).sort();
    const run = await mot(['train', ...SAMPLE, '--store', path], ALL_RIGHT);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toMatch(/--store|MOT_STORE|move it/i);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(listing);
    // stats reads the store too, and must refuse it the same way.
    const statsRun = await mot(['stats', '--json', '--store', path]);
    expect(statsRun.code).toBe(1);
    expect(sha256(path)).toBe(before);
    return run;
  }

  it('a text file is refused with exit 1, named, and left byte for byte as it was', async () => {
    const path = join(storeFolder(), 'notes.txt');
    writeFileSync(path, 'my shopping list\neggs\nmilk\n'.repeat(20));
    const run = await expectRefusedUntouched(path);
    expect(run.stderr).toMatch(/not a mot progress store/);
  });

  it("another program's SQLite database is refused and left untouched", async () => {
    const path = join(storeFolder(), 'other-app.db');
    const db = new Database(path);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer TEXT, total REAL)');
    db.prepare('INSERT INTO invoices (customer, total) VALUES (?, ?)').run('Ada', 12.5);
    db.close();
    const run = await expectRefusedUntouched(path);
    expect(run.stderr).toMatch(/another program|not a mot/);
  });

  it('an empty SQLite database of another program in WAL mode is also left untouched', async () => {
    const path = join(storeFolder(), 'wal-app.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    db.close();
    await expectRefusedUntouched(path);
  });

  it('a damaged file with the SQLite header and garbage after it is left untouched', async () => {
    const path = join(storeFolder(), 'damaged.db');
    const bytes = Buffer.alloc(8192, 0xab);
    bytes.write('SQLite format 3\u0000', 0, 'latin1');
    writeFileSync(path, bytes);
    await expectRefusedUntouched(path);
  });

  it('a damaged file whose header looks new but whose pages are garbage is left untouched', async () => {
    const path = join(storeFolder(), 'damaged-zero-header.db');
    const bytes = Buffer.alloc(8192, 0xcd);
    bytes.fill(0, 0, 100);
    bytes.write('SQLite format 3\u0000', 0, 'latin1');
    writeFileSync(path, bytes);
    await expectRefusedUntouched(path);
  });

  it('a folder is refused with a clear message', async () => {
    const path = join(box.dir, 'a-folder');
    mkdirSync(path);
    const run = await mot(['stats', '--store', path]);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toMatch(/folder/);
  });
});

describe('a mot store that has been damaged', () => {
  /** A real store with three finished exams in it, checkpointed and closed by mot itself. */
  async function realStore(): Promise<{ path: string; bytes: Buffer }> {
    const folder = join(box.dir, 'damaged');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'mot.db');
    for (let i = 0; i < 3; i++) expect((await mot(['exam', ...SAMPLE, '--store', path], ALL_RIGHT)).code).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
    return { path, bytes: readFileSync(path) };
  }

  /** Every command that opens the store refuses it, names it, says what to do, and leaves it byte for byte. */
  async function expectRefused(path: string): Promise<void> {
    const before = sha256(path);
    const listing = readdirSync(dirname(path)).sort();
    for (const args of [['exam', ...SAMPLE], ['train', ...SAMPLE], ['stats', '--json'], ['drill', ...SAMPLE], ['resume']]) {
      const run = await mot([...args, '--store', path], ALL_RIGHT);
      expect(run.code, `${args[0]}: ${run.stdout}${run.stderr}`).toBe(1);
      expectNoStackTrace(run);
      expect(run.stderr).toContain(path);
      expect(run.stderr).toMatch(/damaged|not a mot progress store/);
      expect(run.stderr).toMatch(/backup|move it aside/i);
      expect(run.stderr).not.toMatch(/saved/);
      expect(sha256(path), args[0]).toBe(before);
      expect(readdirSync(dirname(path)).sort()).toEqual(listing);
    }
  }

  it('cut short part-way through a page is refused and left untouched', async () => {
    const { path, bytes } = await realStore();
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6) + 123));
    await expectRefused(path);
  });

  it('cut short at a page boundary is refused and left untouched', async () => {
    const { path, bytes } = await realStore();
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 4096 / 2) * 4096));
    await expectRefused(path);
  });

  it('with bytes overwritten mid-file is refused and left untouched', async () => {
    const { path, bytes } = await realStore();
    const damaged = Buffer.from(bytes);
    damaged.fill(0xff, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
    writeFileSync(path, damaged);
    await expectRefused(path);
  });

  it('with a page of zeros in the middle is refused and left untouched', async () => {
    const { path, bytes } = await realStore();
    const damaged = Buffer.from(bytes);
    const page = Math.floor(bytes.length / 4096 / 2);
    damaged.fill(0, page * 4096, (page + 1) * 4096);
    writeFileSync(path, damaged);
    await expectRefused(path);
  });

  it('reduced to its 100-byte header is refused and left untouched', async () => {
    const { path, bytes } = await realStore();
    writeFileSync(path, bytes.subarray(0, 100));
    await expectRefused(path);
  });

  it('reduced to its first page is refused and left untouched', async () => {
    const { path, bytes } = await realStore();
    writeFileSync(path, bytes.subarray(0, 4096));
    await expectRefused(path);
  });
});

describe('mot stats at scale', () => {
  /**
   * A store as mot 0.1 wrote it (schema 1), with `answers` answers in one session, spread over
   * 50 questions so that each is answered many times: what made stats quadratic.
   */
  function oldStore(answers: number): string {
    const path = join(box.dir, `old-${answers}.db`);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    const plan = Array.from({ length: answers }, (_, i) => ({ id: `sample-clinic/q${i % 50}`, order: [0, 1, 2] }));
    db.prepare(`INSERT INTO sessions (id, learner, mode, filters, seed, plan, pass_mark, started) VALUES ('s1', 'tester', 'exam', '{}', 1, ?, 0.8, '2027-01-10T09:00:00.000Z')`).run(JSON.stringify(plan));
    const insert = db.prepare(
      `INSERT INTO answers (session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at) VALUES ('s1', ?, 'tester', ?, 'h', '[0]', ?, NULL, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < answers; i++) insert.run(i, `sample-clinic/q${i % 50}`, (i % 4) / 4, new Date(Date.parse('2027-01-10T09:00:00Z') + i * 1000).toISOString());
    })();
    db.close();
    return path;
  }

  async function timedStats(path: string): Promise<{ ms: number; json: StatsJson }> {
    const started = performance.now();
    const run = await mot(['stats', '--json', '--store', path]);
    const ms = performance.now() - started;
    expect(run.code, run.stderr).toBe(0);
    return { ms, json: jsonOf<StatsJson>(run) };
  }

  it('reports 10,000 answers in one session in under 0.5 s', async () => {
    const path = oldStore(10_000);
    const first = await timedStats(path); // also brings the store to the current schema
    expect(first.json.answered).toBe(10_000);
    expect(first.json.sessions).toEqual([expect.objectContaining({ answered: 10_000, finished: false, score: 0.375 })]);
    const times = [first.ms];
    for (let i = 0; i < 3; i++) times.push((await timedStats(path)).ms);
    expect(Math.min(...times)).toBeLessThan(500);
  });

  it('counts answers added by hand to a store mot made (without ids), and reports 10,000 of them in under 0.5 s', async () => {
    const path = join(box.dir, 'by-hand.db');
    expect((await mot(['exam', ...SAMPLE, '--store', path], 'b\n')).code).toBe(0);
    const db = new Database(path);
    const [row] = db.prepare('SELECT session_id, question_id, answered_at FROM answers').all() as { session_id: string; question_id: string; answered_at: string }[];
    const insert = db.prepare(
      `INSERT INTO answers (session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at) VALUES (?, ?, 'tester', ?, 'h', '[1]', 0.5, NULL, ?)`,
    );
    db.transaction(() => {
      for (let i = 1; i <= 10_000; i++) insert.run(row!.session_id, i, row!.question_id, row!.answered_at);
    })();
    db.close();
    const times: number[] = [];
    let json: StatsJson | undefined;
    for (let i = 0; i < 3; i++) {
      const timed = await timedStats(path);
      times.push(timed.ms);
      json = timed.json;
    }
    expect(json!.answered).toBe(10_001);
    expect(json!.sessions[0]).toMatchObject({ answered: 10_001 });
    expect(json!.sessions[0]!.score).toBeCloseTo((1 + 10_000 * 0.5) / 10_001, 4);
    expect(Math.min(...times)).toBeLessThan(500);
  });

  it('reports 100,000 answers in one session, with the same figures as it stores', async () => {
    const path = oldStore(100_000);
    const { json } = await timedStats(path);
    expect(json.answered).toBe(100_000);
    expect(json.sessions[0]).toMatchObject({ answered: 100_000, score: 0.375 });
    // Sessions go on after the migration: one more answer is counted once.
    expect((await mot(['exam', ...SAMPLE, '--store', path], 'b\n')).code).toBe(0);
    expect((await timedStats(path)).json.answered).toBe(100_001);
  }, 60_000);
});

describe('a store that cannot be created', () => {
  it('under a regular file one level down: exit 1 and a message that says a part of the path is a file', async () => {
    const file = join(box.dir, 'plain-file');
    writeFileSync(file, 'not a folder');
    const path = join(file, 'sub', 'mot.db');
    const run = await mot(['train', ...SAMPLE, '--store', path], ALL_RIGHT);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toMatch(/not a folder|is a file|not a directory/i);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('directly under a regular file: exit 1 and a message that says a part of the path is a file', async () => {
    const file = join(box.dir, 'plain-file');
    writeFileSync(file, 'not a folder');
    const path = join(file, 'mot.db');
    const run = await mot(['train', ...SAMPLE, '--store', path], ALL_RIGHT);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toContain(path);
    // "EEXIST: file already exists, mkdir ..." is Node's words, not an explanation.
    expect(run.stderr).toMatch(/not a folder|is a file|not a directory/i);
    expect(run.stderr).not.toMatch(/EEXIST/);
  });
});

describe('learners', () => {
  it('never see each other\'s progress', async () => {
    expect((await mot(['exam', ...SAMPLE, '--learner', 'a'], ALL_RIGHT)).code).toBe(0);
    expect((await mot(['exam', ...SAMPLE, '--learner', 'a'], 'a\n')).code).toBe(0);
    expect((await mot(['train', ...SAMPLE, '--learner', 'b'], 'c\n')).code).toBe(0);
    const a = await stats(['--learner', 'a']);
    const b = await stats(['--learner', 'b']);
    expect(a.learner).toBe('a');
    expect(a.answered).toBe(4);
    expect(a.sessions.map((s) => s.mode)).toEqual(['exam', 'exam']);
    expect(b.learner).toBe('b');
    expect(b.answered).toBe(1);
    expect(b.sessions).toHaveLength(1);
    expect(b.sessions[0]).toMatchObject({ mode: 'train', answered: 1, score: 0.5 });
    expect(b.sessions.map((s) => s.id)).not.toContain(a.sessions[0]!.id);
    const nobody = await stats(['--learner', 'c']);
    expect(nobody).toMatchObject({ learner: 'c', answered: 0, sessions: [] });
  });

  it('MOT_LEARNER is the learner when --learner is not given', async () => {
    await mot(['exam', ...SAMPLE], 'b\n', { MOT_LEARNER: 'sam' });
    expect((await stats([], { MOT_LEARNER: 'sam' })).answered).toBe(1);
    expect((await stats([], { MOT_LEARNER: 'tester' })).answered).toBe(0);
  });

  it("another learner's unfinished session is not resumed", async () => {
    await mot(['exam', ...SAMPLE, '--learner', 'a'], 'b\n');
    const run = await mot(['resume', '--learner', 'b'], ALL_RIGHT);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toMatch(/no unfinished session/);
  });
});

describe('mot resume', () => {
  it('continues a cut-off session with the same questions in the same order, and finishes it', async () => {
    const args = ['exam', '--seed', '11', '-n', '5', '--json'];
    // The whole session, run in another store, is the reference for the order.
    const other = sandbox();
    let full;
    try {
      full = await driveSession(args, { env: other.env });
    } finally {
      other.cleanup();
    }
    expect(full.code).toBe(0);
    const fullResult = jsonOf<JsonResult>(full);
    expect(fullResult.answers).toHaveLength(5);

    const cut = await driveSession(args, { env: box.env, stopAfter: 2 });
    expect(cut.code).toBe(0);
    expect(jsonOf<JsonResult>(cut).finished).toBe(false);
    expect(cut.questions.map((q) => q.block)).toEqual(full.questions.slice(0, 2).map((q) => q.block));

    const resumed = await driveSession(['resume', '--json'], { env: box.env });
    expect(resumed.code, resumed.stderr).toBe(0);
    const result = jsonOf<JsonResult>(resumed);
    expect(result.finished).toBe(true);
    expect(result.answers.map((a) => a.id)).toEqual(fullResult.answers.map((a) => a.id));
    expect(result.answers.map((a) => a.response)).toEqual(fullResult.answers.map((a) => a.response));
    // The questions asked on resuming are the last three, shown exactly as before: same choices, same order.
    expect(resumed.questions.map((q) => q.number)).toEqual([3, 4, 5]);
    expect(resumed.questions.map((q) => q.block)).toEqual(full.questions.slice(2).map((q) => q.block));

    const s = await stats();
    expect(s.answered).toBe(5);
    expect(s.sessions).toHaveLength(1);
    expect(s.sessions[0]).toMatchObject({ finished: true, answered: 5 });
    const again = await mot(['resume'], '');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no unfinished session/);
  });

  it('without the folder of the session\'s bank, does not close the session as finished with nothing asked', async () => {
    expect((await mot(['exam', ...SAMPLE], 'b\n')).code).toBe(0);
    // sample-clinic lives in test/fixtures/good, which this resume does not load.
    const lost = await mot(['resume', '--json'], 'a,c\na,b,c,d\n');
    expectNoStackTrace(lost);
    expect(lost.code).not.toBe(0);
    expect(lost.stderr).toMatch(/--content|sample-clinic/);
    expect((await stats()).sessions[0]).toMatchObject({ finished: false, answered: 1 });
    // With the folder, the same session can still be finished.
    const found = await mot(['resume', '--json', '--content', GOOD], 'a,c\na,b,c,d\n');
    expect(found.code).toBe(0);
    expect(jsonOf<JsonResult>(found)).toMatchObject({ finished: true, score: 1 });
  });
});

describe('mot drill', () => {
  const WEEK_1 = '2027-01-10T09:00:00Z';
  const WEEK_2 = '2027-01-17T09:00:00Z';

  it('a week after a miss serves the missed question first', async () => {
    const exam = await mot(['exam', ...SAMPLE], 'a\na,c\na,b,c,d\n', { MOT_NOW: WEEK_1 });
    expect(exam.code).toBe(0);
    const run = await mot(['drill', ...SAMPLE, '-n', '1', '--json'], 'b\n', { MOT_NOW: WEEK_2 });
    expect(run.code, run.stderr).toBe(0);
    const result = jsonOf<JsonResult>(run);
    expect(result.mode).toBe('drill');
    expect(result.answers).toHaveLength(1);
    expect(result.answers[0]!.id).toBe('sample-clinic/waiting-room-delay');
    expect(result.answers[0]!.score).toBe(1);
  });

  it('with nothing due and nothing new says so and exits 0', async () => {
    expect((await mot(['exam', ...SAMPLE], ALL_RIGHT, { MOT_NOW: WEEK_1 })).code).toBe(0);
    const run = await mot(['drill', ...SAMPLE, '--json'], '', { MOT_NOW: WEEK_1 });
    expect(run.code).toBe(0);
    expectNoStackTrace(run);
    expect(run.stderr).toMatch(/Nothing is due/);
    const result = jsonOf<{ answers: unknown[] }>(run);
    expect(result.answers).toEqual([]);
    const text = await mot(['drill', ...SAMPLE], '', { MOT_NOW: WEEK_1 });
    expect(text.code).toBe(0);
    expect(text.stdout + text.stderr).toMatch(/Nothing is due/);
    expect((await stats()).sessions).toHaveLength(1);
  });
});

describe('mot stats --json', () => {
  it('gives the learner, every answer counted, and each session with id, mode, start, finish, count and score', async () => {
    const at = '2027-03-01T08:30:00Z';
    await mot(['exam', ...SAMPLE], 'c\na,b\na,c,b,d\n', { MOT_NOW: at });
    await mot(['train', ...SAMPLE], 'b\n', { MOT_NOW: '2027-03-02T08:30:00Z' });
    const s = await stats();
    expect(s.learner).toBe('tester');
    expect(s.answered).toBe(4);
    expect(s.sessions).toHaveLength(2);
    const [exam, train] = s.sessions;
    expect(typeof exam!.id).toBe('string');
    expect(exam!.id).not.toBe(train!.id);
    expect(exam).toMatchObject({ mode: 'exam', finished: true, answered: 3 });
    expect(exam!.score).toBeCloseTo((0.5 + 0 + 0.75) / 3, 3);
    expect(new Date(exam!.started).toISOString()).toBe(new Date(at).toISOString());
    expect(train).toMatchObject({ mode: 'train', finished: false, answered: 1, score: 1 });
    expect(new Date(train!.started).getTime()).toBeGreaterThan(new Date(exam!.started).getTime());
  });

  it('shows a question answered and later removed from the content as retired, not as an error', async () => {
    const content = join(box.dir, 'my-banks');
    mkdirSync(content);
    const bankFile = join(content, 'sample-clinic.yaml');
    copyFileSync(join(GOOD, 'sample-clinic.yaml'), bankFile);
    const exam = await mot(['exam', '--content', content, '-b', 'sample-clinic', '--no-shuffle'], ALL_RIGHT);
    expect(exam.code).toBe(0);

    // The trainer deletes the first question (everything from its "- id:" up to the next one).
    const yaml = readFileSync(bankFile, 'utf8');
    const start = yaml.indexOf('  - id: waiting-room-delay');
    const end = yaml.indexOf('  - id: discharge-call');
    expect(start).toBeGreaterThan(0);
    writeFileSync(bankFile, yaml.slice(0, start) + yaml.slice(end));
    expect((await mot(['validate', content])).code).toBe(0);

    const run = await mot(['stats', '--json', '--content', content]);
    expect(run.code).toBe(0);
    const s = jsonOf<StatsJson>(run);
    expect(s.answered).toBe(3);
    expect(s.retired).toEqual(['sample-clinic/waiting-room-delay']);
    const text = await mot(['stats', '--content', content]);
    expect(text.code).toBe(0);
    expectNoStackTrace(text);
  });
});
