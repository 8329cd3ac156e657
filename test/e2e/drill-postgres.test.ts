// The same meaning of "due" on a PostgreSQL store: stats and drill read the cards through the
// ProgressStore interface, so the figures must not depend on the engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../helpers/output.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { FIXTURES, runMot, sandbox } from '../helpers/run-mot.js';

const CONTENT = ['--content', `${FIXTURES}/good`];
const SAMPLE = [...CONTENT, '-b', 'sample-clinic', '--no-shuffle'];

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

describe('due now and due today on PostgreSQL', () => {
  it('stats and drill agree, before and after the drill', async () => {
    const url = await server.createDatabase();
    const mot = (args: string[], input: string, now: string) => runMot(args, { input, env: { ...box.env, MOT_STORE: url, TZ: 'UTC', MOT_NOW: now }, timeoutMs: 60_000 });
    const stats = async (now: string) => jsonOf<{ due_now: number; due_today: number; next_reviews: { date: string; count: number }[] }>(await mot(['stats', '--json', ...CONTENT], '', now));
    // Day 1: the waiting-room question missed at 09:00, the follow-up call missed at 15:00.
    expect((await mot(['exam', ...SAMPLE], 'a\na,c\na,b,c,d\n', '2027-01-10T09:00:00Z')).code).toBe(0);
    expect((await mot(['train', ...SAMPLE, '--moment', 'third'], 'b\n', '2027-01-10T15:00:00Z')).code).toBe(0);
    const D2 = '2027-01-11T10:00:00Z';
    expect(await stats(D2)).toMatchObject({ due_now: 1, due_today: 2 });
    const drill = await mot(['drill', ...SAMPLE, '--new', '0'], 'a\nb\n', D2);
    expect(drill.code, drill.stderr).toBe(0);
    const said = (drill.stdout + drill.stderr).replace(/\s+/g, ' ');
    expect(said).toContain('Due for review: 1 now, 2 by the end of today.');
    expect(said).toContain('Due for review: none now, 1 by the end of today.');
    const after = await stats(D2);
    expect(after).toMatchObject({ due_now: 0, due_today: 1 });
    expect(after.next_reviews[0]).toEqual({ date: '2027-01-11', count: 1 });
  }, 90_000);
});
