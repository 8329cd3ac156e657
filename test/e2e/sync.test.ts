// `mot sync --to postgres://…` with the built binary: a terminal's SQLite store copied to the
// organisation's PostgreSQL, run again safely, catching up after being offline, one learner only.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { freePort, startPostgres, TEST_PASSWORD, type TestPostgres } from '../helpers/postgres.js';
import { startPty } from '../helpers/pty.js';
import { FIXTURES, runMot, sandbox } from '../helpers/run-mot.js';

const GOOD = `${FIXTURES}/good`;
const SAMPLE = ['--content', GOOD, '-b', 'sample-clinic', '--no-shuffle'];
const ALL_RIGHT = 'b\na,c\na,b,c,d\n';

interface StatsJson {
  learner: string;
  answered: number;
  mean_score: number | null;
  sessions: { id: string; mode: string; started: string; finished: boolean; answered: number; score: number | null }[];
}
interface SyncJson {
  learners: number;
  sessions: { sent: number; new: number };
  answers: { sent: number; new: number };
}

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop(), 60_000);

let box: ReturnType<typeof sandbox>;
let url: string;
beforeEach(async () => {
  box = sandbox();
  url = await server.createDatabase();
});
afterEach(() => box.cleanup());

const mot = (args: string[], input = '', env: Record<string, string> = {}) => runMot(args, { input, env: { ...box.env, ...env }, timeoutMs: 60_000 });

async function stats(learner: string, store?: string): Promise<StatsJson> {
  const run = await mot(['stats', '--json', '--learner', learner, ...(store ? ['--store', store] : [])]);
  expect(run.code, run.stderr).toBe(0);
  return jsonOf<StatsJson>(run);
}

async function syncJson(args: string[] = []): Promise<SyncJson> {
  const run = await mot(['sync', '--to', url, '--format', 'json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return jsonOf<SyncJson>(run);
}

async function answerCount(): Promise<number> {
  return (await server.query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM mot.answers'))[0]!.n;
}

describe('mot sync --to postgres://…', () => {
  it('copies every learner, so stats read the same on both stores, and a second run changes nothing', async () => {
    expect((await mot(['exam', ...SAMPLE, '--learner', 'ada'], ALL_RIGHT, { MOT_NOW: '2027-01-10T09:00:00Z' })).code).toBe(0);
    expect((await mot(['exam', ...SAMPLE, '--learner', 'ada'], 'a\n', { MOT_NOW: '2027-01-11T09:00:00Z' })).code).toBe(0);
    expect((await mot(['train', ...SAMPLE, '--learner', 'bo'], 'c\na,c\n', { MOT_NOW: '2027-01-12T09:00:00Z' })).code).toBe(0);

    const first = await syncJson();
    expect(first).toMatchObject({ learners: 2, sessions: { sent: 3, new: 3 }, answers: { sent: 6, new: 6 } });
    for (const learner of ['ada', 'bo']) expect(await stats(learner, url)).toEqual(await stats(learner));

    const again = await syncJson();
    expect(again).toMatchObject({ learners: 2, sessions: { sent: 3, new: 0 }, answers: { sent: 6, new: 0 } });
    expect(await answerCount()).toBe(6);
  });

  it('catches up a terminal that was offline: only what is new is sent, and a session finished since is marked finished', async () => {
    expect((await mot(['exam', ...SAMPLE, '--learner', 'ada'], 'b\n')).code).toBe(0);
    await syncJson();
    expect((await stats('ada', url)).sessions).toEqual([expect.objectContaining({ finished: false, answered: 1 })]);

    // Offline: the session is resumed and finished, and another is taken.
    expect((await mot(['resume', '--learner', 'ada', '--content', GOOD], 'a,c\na,b,c,d\n')).code).toBe(0);
    expect((await mot(['train', ...SAMPLE, '--learner', 'ada'], 'b\n')).code).toBe(0);
    const later = await syncJson();
    expect(later.answers).toEqual({ sent: 4, new: 3 });
    expect(later.sessions).toEqual({ sent: 2, new: 2 });
    expect(await stats('ada', url)).toEqual(await stats('ada'));
    expect((await stats('ada', url)).sessions[0]).toMatchObject({ finished: true, answered: 3, score: 1 });
  });

  it('with --learner copies that learner only', async () => {
    await mot(['exam', ...SAMPLE, '--learner', 'ada'], ALL_RIGHT);
    await mot(['exam', ...SAMPLE, '--learner', 'bo'], ALL_RIGHT);
    expect(await syncJson(['--learner', 'bo'])).toMatchObject({ learners: 1, answers: { new: 3 } });
    expect((await stats('bo', url)).answered).toBe(3);
    expect((await stats('ada', url)).answered).toBe(0);
  });

  it('says so in one line on stdout, with no progress bar when stderr is not a terminal', async () => {
    await mot(['exam', ...SAMPLE], ALL_RIGHT);
    const run = await mot(['sync', '--to', url]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Synced 1 learner to postgres:\/\/postgres@127\.0\.0\.1:\d+\/mot_\w+: 3 new answers \(of 3\), 1 new or newly finished session \(of 1\)\.\n$/);
    expect(run.stdout).not.toContain(TEST_PASSWORD);
    expect(run.stderr).toBe('');
  });

  it('draws a progress bar on stderr at a terminal', async () => {
    await mot(['exam', ...SAMPLE], ALL_RIGHT);
    const pty = startPty(['sync', '--to', url], box.env);
    // The last output can arrive after the exit is reported: wait for it on the screen first.
    await pty.waitFor(/Synced 1 learner/, 30_000);
    expect(await pty.exited(30_000)).toBe(0);
    expect(pty.raw()).toMatch(/Syncing\s+\[#+\]\s+100%\s+1\/1/);
  });

  it('refuses clearly when the organisation store cannot be reached, and a later run sends everything', async () => {
    await mot(['exam', ...SAMPLE], ALL_RIGHT);
    const port = await freePort();
    const run = await mot(['sync', '--to', `postgres://postgres:${TEST_PASSWORD}@127.0.0.1:${port}/mot`]);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toMatch(new RegExp(`postgres://postgres@127\\.0\\.0\\.1:${port}/mot cannot be reached`));
    expect(run.stderr).not.toContain(TEST_PASSWORD);
    expect((await syncJson()).answers.new).toBe(3);
  });

  it('copies the other way too: from the organisation store into a file', async () => {
    expect((await mot(['exam', ...SAMPLE, '--learner', 'ada', '--store', url], ALL_RIGHT)).code).toBe(0);
    const file = `${box.dir}/copy.db`;
    const run = await mot(['sync', '--store', url, '--to', file, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(jsonOf<SyncJson>(run).answers).toEqual({ sent: 3, new: 3 });
    expect(await stats('ada', file)).toEqual(await stats('ada', url));
  });

  it('from a store file that does not exist says so, and creates nothing', async () => {
    const missing = `${box.dir}/no-such/mot.db`;
    const run = await mot(['sync', '--to', url, '--store', missing]);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toContain(`no progress store at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('without --to is a usage error', async () => {
    const run = await mot(['sync']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--to/);
  });
});
