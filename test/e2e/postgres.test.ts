// The built binary against a real PostgreSQL server: sessions, stats of one learner among many,
// kill -9 mid-session, 50 sessions at once, a newer schema, a server that is not there.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { freePort, startPostgres, TEST_PASSWORD, type TestPostgres } from '../helpers/postgres.js';
import { BIN, FIXTURES, ROOT, runMot, sandbox } from '../helpers/run-mot.js';

const SAMPLE = ['--content', `${FIXTURES}/good`, '-b', 'sample-clinic', '--no-shuffle'];
const ALL_RIGHT = 'b\na,c\na,b,c,d\n';

interface StatsJson {
  learner: string;
  answered: number;
  sessions: { id: string; mode: string; finished: boolean; answered: number; score: number | null }[];
}

let server: TestPostgres;
let box: ReturnType<typeof sandbox>;
beforeAll(async () => {
  server = await startPostgres();
  box = sandbox();
}, 60_000);
afterAll(async () => {
  box?.cleanup();
  await server?.stop();
}, 60_000);

const mot = (store: string, args: string[], input = '', env: Record<string, string> = {}) => runMot(args, { input, env: { ...box.env, MOT_STORE: store, ...env }, timeoutMs: 60_000 });

async function stats(store: string, learner: string): Promise<StatsJson> {
  const run = await mot(store, ['stats', '--json', '--learner', learner]);
  expect(run.code, run.stderr).toBe(0);
  return jsonOf<StatsJson>(run);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mot with MOT_STORE=postgres://…', () => {
  it('keeps every answer of a session, and `mot stats --learner` shows that learner only', async () => {
    const url = await server.createDatabase();
    expect((await mot(url, ['exam', ...SAMPLE, '--learner', 'ada'], ALL_RIGHT)).code).toBe(0);
    expect((await mot(url, ['train', ...SAMPLE, '--learner', 'bo'], 'c\n')).code).toBe(0);
    const ada = await stats(url, 'ada');
    expect(ada).toMatchObject({ learner: 'ada', answered: 3 });
    expect(ada.sessions).toEqual([expect.objectContaining({ mode: 'exam', finished: true, answered: 3, score: 1 })]);
    const bo = await stats(url, 'bo');
    expect(bo.sessions).toEqual([expect.objectContaining({ mode: 'train', finished: false, answered: 1, score: 0.5 })]);
    const text = await mot(url, ['stats', '--learner', 'ada', '--content', `${FIXTURES}/good`]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Progress of ada/);
    expect(text.stdout).toMatch(/1 sessions? \(1 finished\), 3 answers/);
  });

  it('loses no stored answer when the session is killed with SIGKILL, and `mot resume` finishes it', async () => {
    const url = await server.createDatabase();
    const env: Record<string, string | undefined> = { ...process.env, MOT_CONTENT: undefined, FORCE_COLOR: undefined, ...box.env, MOT_STORE: url };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [BIN, 'exam', ...SAMPLE], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'ignore', 'ignore'] });
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    try {
      child.stdin.write('b\na,c\n');
      const deadline = Date.now() + 15_000;
      let answered = 0;
      while (Date.now() < deadline) {
        answered = (await stats(url, 'tester')).answered;
        if (answered >= 2) break;
        await sleep(100);
      }
      expect(answered).toBe(2);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
    }
    expect(await closed).toBe('SIGKILL');
    const after = await stats(url, 'tester');
    expect(after.answered).toBe(2);
    expect(after.sessions).toEqual([expect.objectContaining({ finished: false, answered: 2 })]);
    const resumed = await mot(url, ['resume', '--json', '--content', `${FIXTURES}/good`], 'a,b,c,d\n');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(jsonOf<{ finished: boolean }>(resumed).finished).toBe(true);
    expect((await stats(url, 'tester')).sessions).toEqual([expect.objectContaining({ finished: true, answered: 3 })]);
  }, 60_000);

  it('50 scripted sessions at once on one database lose nothing', async () => {
    const url = await server.createDatabase();
    const learners = ['ada', 'bo', 'cy', 'di', 'ed'];
    const runs = await Promise.all(Array.from({ length: 50 }, (_, i) => mot(url, ['exam', ...SAMPLE, '--json', '--learner', learners[i % 5]!], ALL_RIGHT)));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(jsonOf<{ finished: boolean }>(run).finished).toBe(true);
    }
    for (const learner of learners) {
      const s = await stats(url, learner);
      expect(s.answered).toBe(30);
      expect(s.sessions).toHaveLength(10);
      for (const session of s.sessions) expect(session).toMatchObject({ finished: true, answered: 3, score: 1 });
    }
    const [row] = await server.query<{ answers: number; ids: number }>(url, 'SELECT count(*)::int AS answers, count(DISTINCT id)::int AS ids FROM mot.answers');
    expect(row).toEqual({ answers: 150, ids: 150 });
  }, 120_000);

  it('refuses a database written by a newer mot, with a message and exit 1, and leaves it as it was', async () => {
    const url = await server.createDatabase();
    expect((await mot(url, ['exam', ...SAMPLE], ALL_RIGHT)).code).toBe(0);
    await server.query(url, 'INSERT INTO mot.schema_migrations (version) VALUES (42)');
    const count = async () => (await server.query<{ n: number }>(url, 'SELECT (SELECT count(*) FROM mot.answers) + (SELECT count(*) FROM mot.sessions) AS n'))[0]!.n;
    const before = await count();
    for (const args of [['exam', ...SAMPLE], ['stats']]) {
      const run = await mot(url, args, ALL_RIGHT);
      expect(run.code).toBe(1);
      expectNoStackTrace(run);
      expect(run.stderr).toMatch(/newer mot \(schema 42/);
      expect(run.stderr).not.toContain(TEST_PASSWORD);
    }
    expect(await count()).toBe(before);
  });

  it('says clearly that a server which is not there cannot be reached, naming it without the password', async () => {
    const port = await freePort();
    const url = `postgres://trainer:${TEST_PASSWORD}@127.0.0.1:${port}/mot`;
    for (const args of [['exam', ...SAMPLE], ['stats']]) {
      const run = await mot(url, args, ALL_RIGHT);
      expect(run.code).toBe(1);
      expectNoStackTrace(run);
      expect(run.stderr).toContain(`postgres://trainer@127.0.0.1:${port}/mot`);
      expect(run.stderr).toMatch(/cannot be reached/);
      expect(run.stderr).not.toContain(TEST_PASSWORD);
    }
  });

  it('says a URL it cannot read is not one, before asking anything', async () => {
    const run = await mot('postgres://', ['exam', ...SAMPLE], ALL_RIGHT);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toMatch(/not a PostgreSQL URL/);
    expect(run.stdout).not.toMatch(/Question 1/);
  });
});
