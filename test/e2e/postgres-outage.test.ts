// The organisation's server goes away in the middle of a learner's session: mot says which
// answer was not saved, keeps what was, and `mot resume` carries on once the server is back.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STACK_TRACE, jsonOf } from '../helpers/output.js';
import { startPostgres, TEST_PASSWORD, type TestPostgres } from '../helpers/postgres.js';
import { BIN, FIXTURES, ROOT, runMot, sandbox } from '../helpers/run-mot.js';

const SAMPLE = ['--content', `${FIXTURES}/good`, '-b', 'sample-clinic', '--no-shuffle'];
let server: TestPostgres;
let box: ReturnType<typeof sandbox>;
beforeAll(async () => {
  server = await startPostgres({ restartable: true });
  box = sandbox();
}, 60_000);
afterAll(async () => {
  box?.cleanup();
  await server?.stop();
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('reports the answer that could not be saved, keeps the ones before it, and resumes when the server is back', async () => {
  const url = await server.createDatabase();
  const env: Record<string, string | undefined> = { ...process.env, MOT_CONTENT: undefined, FORCE_COLOR: undefined, ...box.env, MOT_STORE: url };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const answered = async () => jsonOf<{ answered: number }>(await runMot(['stats', '--json'], { env: { ...box.env, MOT_STORE: url }, timeoutMs: 30_000 })).answered;

  const child = spawn(process.execPath, [BIN, 'exam', ...SAMPLE], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  child.stdin.write('b\n');
  const deadline = Date.now() + 15_000;
  while ((await answered()) < 1 && Date.now() < deadline) await sleep(100);
  await server.pause();
  child.stdin.write('a,c\n');
  child.stdin.end();
  expect(await exited).toBe(1);
  expect(stderr).toMatch(/the answer to question 2 could not be saved/);
  // The hint names the command as it was started here.
  expect(stderr).toContain('`node bin/mot.js resume`');
  expect(stderr).not.toMatch(STACK_TRACE);
  expect(stderr).not.toContain(TEST_PASSWORD);

  await server.start();
  expect(await answered()).toBe(1);
  const resumed = await runMot(['resume', '--json', ...SAMPLE.slice(0, 2)], { input: 'a,c\na,b,c,d\n', env: { ...box.env, MOT_STORE: url }, timeoutMs: 30_000 });
  expect(resumed.code, resumed.stderr).toBe(0);
  const result = jsonOf<{ finished: boolean; score: number; answers: unknown[] }>(resumed);
  expect(result).toMatchObject({ finished: true, score: 1 });
  expect(result.answers).toHaveLength(3);
}, 90_000);
