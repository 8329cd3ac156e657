// `mot xapi export` and `mot xapi send` as users run them: the built binary, a store written by
// a real exam (SQLite, and PostgreSQL on an embedded server), a stand-in LRS on 127.0.0.1.
import xapiValidation from '@learninglocker/xapi-validation';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { FIXTURES, runMot, sandbox } from '../helpers/run-mot.js';
import { startStandInLrs, type StandInLrs } from '../lms/stand-in-lrs.js';

type Validate = (statement: unknown) => { path: (string | number)[] }[];
const validate = ((xapiValidation as unknown as { default?: Validate }).default ?? xapiValidation) as unknown as Validate;
const CONTENT = join(FIXTURES, 'lms/banks');
const BASE = 'https://lms.example.org/mot';

const box = sandbox();
let lrs: StandInLrs;
let pg: TestPostgres;

async function exam(env: Record<string, string>, answers: string, extra: string[] = []) {
  const run = await runMot(['exam', '--content', CONTENT, '-b', 'lms-sample', '--no-shuffle', '--json', ...extra], { env, input: answers });
  expect(run.code, run.stderr).toBe(0);
}

beforeAll(async () => {
  lrs = await startStandInLrs('mot:s3cret');
  pg = await startPostgres();
});
afterAll(async () => {
  await lrs.close();
  await pg.stop();
  box.cleanup();
});

describe('mot xapi on an SQLite store', () => {
  const env = { ...box.env, MOT_LEARNER: 'ana@example.org', MOT_XAPI_BASE: BASE };

  it('exports one JSON line per statement, each valid xAPI', async () => {
    await exam(env, 'a\na,b\nb,a,c,d\na,c\n');
    const run = await runMot(['xapi', 'export', '--content', CONTENT], { env });
    expect(run.code, run.stderr).toBe(0);
    const statements = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(statements.map((s) => s.verb.display['en-US'])).toEqual(['answered', 'answered', 'answered', 'answered', 'completed', 'passed']);
    for (const s of statements) expect(validate(s)).toEqual([]);
    const filtered = await runMot(['xapi', 'export', '--content', CONTENT, '--since', '2999-01-01'], { env });
    expect(filtered.stdout).toBe('');
  });

  it('sends them to the LRS, and a second send sends nothing', async () => {
    const run = await runMot(['xapi', 'send', '--content', CONTENT, '--lrs', lrs.endpoint, '--auth', 'mot:s3cret'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Sent 6 statements to ${lrs.endpoint}/statements in 1 batch.`);
    expect(run.stderr).not.toContain('\r');
    expect(lrs.stored.size).toBe(6);
    const again = await runMot(['xapi', 'send', '--content', CONTENT, '--lrs', lrs.endpoint, '--auth', 'mot:s3cret'], { env });
    expect(again.stderr).toContain('all 6 statements were sent to');
    expect(lrs.problems).toEqual([]);
  });

  it('says what is missing or wrong, with exit codes and no stack trace', async () => {
    const noBase = await runMot(['xapi', 'export'], { env: { ...env, MOT_XAPI_BASE: '' } });
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toContain('--activity-base');
    const plainName = { ...box.env, MOT_STORE: join(box.dir, 'plain.db'), MOT_LEARNER: 'ana', MOT_XAPI_BASE: BASE };
    await exam(plainName, 'a\na,b\nb,a,c,d\na,c\n');
    const noAddress = await runMot(['xapi', 'export', '--content', CONTENT], { env: plainName });
    expect(noAddress.code).toBe(1);
    expect(noAddress.stderr).toContain('the learner "ana" is not an e-mail address');
    const account = await runMot(['xapi', 'export', '--content', CONTENT, '--homepage', 'https://lms.example.org'], { env: plainName });
    expect(JSON.parse(account.stdout.split('\n')[0]!).actor.account).toEqual({ homePage: 'https://lms.example.org', name: 'ana' });
    const down = await runMot(['xapi', 'send', '--content', CONTENT, '--lrs', `http://127.0.0.1:${await freePort()}/xapi`, '--retries', '0', '--homepage', 'https://x.org'], { env: plainName });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('kept failing (ECONNREFUSED); 0 statements sent, 6 not yet.');
    for (const run of [noBase, noAddress, down]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('mot xapi on a PostgreSQL store', () => {
  it('sends what a real exam stored, once', async () => {
    const url = await pg.createDatabase();
    const env = { ...box.env, MOT_STORE: url, MOT_LEARNER: 'ben@example.org', MOT_XAPI_BASE: BASE };
    await exam(env, 'b\nc\na,b,c,d\nb,c\n');
    const before = lrs.stored.size;
    const run = await runMot(['xapi', 'send', '--content', CONTENT, '--lrs', lrs.endpoint, '--auth', 'mot:s3cret', '--batch', '2'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Sent 6 statements');
    expect(run.stderr).toContain('in 3 batches');
    expect(lrs.stored.size - before).toBe(6);
    const again = await runMot(['xapi', 'send', '--content', CONTENT, '--lrs', lrs.endpoint, '--auth', 'mot:s3cret'], { env });
    expect(again.stderr).toContain('nothing to send');
    expect(lrs.problems).toEqual([]);
  });
});
