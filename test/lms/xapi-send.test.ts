// `mot xapi send` against a stand-in LRS on 127.0.0.1: batches with the right headers, retries
// after a 500, a timeout or a dropped connection, and nothing lost or sent twice, across runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { xapiExport, xapiSend, type SendOptions } from '../../src/commands/xapi.js';
import { UserError } from '../../src/errors.js';
import { openProgressStore } from '../../src/store/open.js';
import { makeOutput } from '../../src/ui/output.js';
import { startStandInLrs, type StandInLrs } from './stand-in-lrs.js';

const dir = mkdtempSync(join(tmpdir(), 'mot-xapi-'));
process.env.XDG_CACHE_HOME = join(dir, 'cache');
const CONTENT = join(import.meta.dirname, '../fixtures/lms/banks');
const QUESTIONS = ['late-breakfast', 'apology-parts', 'recovery-order', 'best-and-worst'];
const RESPONSES = [[0], [0, 1], [1, 0, 2, 3], [0, 2]];
/** 3 exams of 4 answers: 12 answered, 3 completed and 3 passed or failed statements. */
const TOTAL = 18;

async function makeStore(path: string, score?: number): Promise<void> {
  const store = await openProgressStore(path);
  for (let s = 0; s < 3; s++) {
    const sessionId = `00000000-0000-4000-8000-00000000000${s}`;
    const started = `2026-12-0${s + 1}T09:00:00.000Z`;
    await store.createSession({ id: sessionId, learner: 'ana@example.org', mode: 'exam', filters: {}, seed: s, plan: QUESTIONS.map((q) => ({ id: `lms-sample/${q}`, order: [0, 1, 2] })), passMark: 0.8, started });
    for (let q = 0; q < 4; q++)
      await store.recordAnswer(
        {
          id: `10000000-0000-4000-8000-0000000000${s}${q}`,
          sessionId,
          learner: 'ana@example.org',
          questionId: `lms-sample/${QUESTIONS[q]}`,
          questionHash: 'h',
          response: RESPONSES[q]!,
          score: score ?? (s === 0 ? 0.5 : 1),
          seconds: 10 + q,
          answeredAt: `2026-12-0${s + 1}T09:0${q + 1}:00.000Z`,
        },
        () => undefined,
      );
    await store.finishSession(sessionId, `2026-12-0${s + 1}T09:10:00.000Z`);
  }
  await store.close();
}

let lrs: StandInLrs;
let storePath: string;
let notes: string[];
let stderr: string;
let n = 0;

function options(extra: Partial<SendOptions> = {}): SendOptions {
  return {
    lrs: lrs.endpoint,
    auth: 'mot:s3cret',
    store: storePath,
    content: [CONTENT],
    activityBase: 'https://lms.example.org/mot',
    batch: '5',
    timeout: '1',
    retries: '3',
    backoffMs: 10,
    out: makeOutput({ stdout: { write: () => true }, stderr: { write: (t: string) => ((stderr += t), notes.push(t.trimEnd()), true) } }),
    ...extra,
  };
}

beforeAll(async () => {
  lrs = await startStandInLrs();
});
afterAll(async () => {
  await lrs.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  storePath = join(dir, `store-${n++}.db`);
  await makeStore(storePath);
  lrs.stored.clear();
  lrs.arrivals.clear();
  notes = [];
  stderr = '';
});
afterEach(() => {
  expect(lrs.problems).toEqual([]);
});

const storedOnce = () => {
  expect(lrs.stored.size).toBe(TOTAL);
};

describe('mot xapi send', () => {
  it('posts every statement once, in batches, and a second run sends nothing', async () => {
    const before = lrs.requests;
    expect(await xapiSend(options())).toEqual({ sent: TOTAL, before: 0 });
    expect(lrs.requests - before).toBe(4);
    storedOnce();
    expect([...lrs.arrivals.values()].every((count) => count === 1)).toBe(true);
    expect(notes.at(-1)).toBe(`Sent ${TOTAL} statements to ${lrs.endpoint}/statements in 4 batches.`);
    const again = lrs.requests;
    expect(await xapiSend(options())).toEqual({ sent: 0, before: TOTAL });
    expect(lrs.requests).toBe(again);
    expect(notes.at(-1)).toContain('nothing to send');
  });

  it.each(['status-500', 'timeout', 'timeout-after-store', 'drop', 'drop-after-store'] as const)('retries after %s and loses nothing', async (failure) => {
    lrs.fail(failure, 2);
    expect((await xapiSend(options())).sent).toBe(TOTAL);
    storedOnce();
    expect(notes.filter((line) => line.startsWith('the LRS did not take the batch'))).toHaveLength(2);
    // Only the batch that failed (the first, of 5) was posted again: twice failed, once taken.
    const counts = [...lrs.arrivals.values()];
    expect(counts.filter((count) => count === 3)).toHaveLength(5);
    expect(counts.filter((count) => count === 1)).toHaveLength(TOTAL - 5);
  });

  it('stops when the LRS keeps failing, remembers what it took, and the next run sends only the rest', async () => {
    lrs.fail('status-500', 100, 2);
    const err = await xapiSend(options({ retries: '1' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe(`the LRS at ${lrs.endpoint}/statements kept failing (500 Internal Server Error); 10 statements sent, 8 not yet.`);
    expect((err as UserError).hint).toContain('run the same command again');
    const acknowledged = [...lrs.stored.keys()];
    expect(acknowledged).toHaveLength(10);
    lrs.heal();
    expect(await xapiSend(options())).toEqual({ sent: 8, before: 10 });
    storedOnce();
    for (const id of acknowledged) expect(lrs.arrivals.get(id), id).toBe(1);
    expect(notes.at(-1)).toBe(`Sent 8 statements to ${lrs.endpoint}/statements in 2 batches (10 sent before).`);
  });

  it('keeps what the LRS stored when a batch runs into statements it already has (409)', async () => {
    await xapiSend(options());
    const store = await openProgressStore(storePath);
    const sentBefore = await store.sentStatements(`${lrs.endpoint}/statements`);
    expect(sentBefore.size).toBe(TOTAL);
    await store.close();
    // Another store with the same answer ids but other scores: the LRS keeps what it has.
    const first = JSON.stringify([...lrs.stored.values()]);
    storePath = join(dir, `store-${n++}.db`);
    await makeStore(storePath, 0.25);
    expect((await xapiSend(options())).sent).toBe(TOTAL);
    storedOnce();
    expect(JSON.stringify([...lrs.stored.values()])).toBe(first);
    expect(notes).toContain(`${TOTAL} statements were already in the LRS; counted as sent.`);
  });

  it('exports JSON lines, and says when answers are to questions no longer loaded', async () => {
    let stdout = '';
    const out = makeOutput({ stdout: { write: (t: string) => ((stdout += t), true) }, stderr: { write: (t: string) => (notes.push(t.trimEnd()), true) } });
    await xapiExport({ store: storePath, content: [CONTENT], activityBase: 'https://lms.example.org/mot', out });
    expect(stdout.trim().split('\n')).toHaveLength(TOTAL);
    expect(notes).toEqual([]);
    await xapiExport({ store: storePath, activityBase: 'https://lms.example.org/mot', out });
    expect(notes).toEqual(['note: 12 answers are to questions no longer loaded; their statements name the question without describing it (add the bank with --content to describe it).']);
  });

  it('says the LRS refused the credentials, without the secret', async () => {
    const err = await xapiSend(options({ auth: 'mot:wrong' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/refused the statements \(401 Unauthorized: bad credentials\); 0 sent, 18 not\./);
    expect(JSON.stringify(err) + (err as Error).message + stderr).not.toContain('wrong');
  });

  it('draws a progress bar only when stderr is a terminal', async () => {
    await xapiSend(options());
    expect(stderr).not.toContain('\r');
    storePath = join(dir, `store-${n++}.db`);
    await makeStore(storePath);
    lrs.stored.clear();
    const tty = options();
    (tty.out!.stderr as { isTTY?: boolean }).isTTY = true;
    stderr = '';
    await xapiSend(tty);
    expect(stderr).toContain(`\r[${'#'.repeat(30)}] ${TOTAL}/${TOTAL} statements`);
  });
});
