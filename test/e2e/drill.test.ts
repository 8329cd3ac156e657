// `mot drill` and `mot stats` through the built binary, moving through days with MOT_NOW: one
// meaning of "due", the forecast within the filters, the trend by mode and date, and which banks a
// session draws from when it names none.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driveSession } from '../helpers/drive-session.js';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { FIXTURES, ROOT, runMot, sandbox } from '../helpers/run-mot.js';

const GOOD = join(FIXTURES, 'good');
const CONTENT = ['--content', GOOD];
const SAMPLE = [...CONTENT, '-b', 'sample-clinic', '--no-shuffle'];
// Day 1 and the next days, in UTC (the sandbox pins TZ so "today" is the UTC day).
const D1 = '2027-01-10T09:00:00Z';
const D1_AFTERNOON = '2027-01-10T15:00:00Z';
const D2 = '2027-01-11T10:00:00Z';
const D3 = '2027-01-12T10:00:00Z';

interface StatsJson {
  answered: number;
  due_now: number;
  due_today: number;
  next_reviews: { date: string; count: number }[];
  trend: Record<string, { date: string; score: number }[]>;
}
interface Result {
  mode: string;
  answers: { id: string; score: number }[];
}

let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const mot = (args: string[], input: string, now: string) => runMot(args, { input, env: { ...box.env, TZ: 'UTC', MOT_NOW: now } });
const text = (run: { stdout: string; stderr: string }) => (run.stdout + '\n' + run.stderr).replace(/\s+/g, ' ');
async function stats(now: string): Promise<StatsJson> {
  const run = await mot(['stats', '--json', ...CONTENT], '', now);
  expect(run.code, run.stderr).toBe(0);
  return jsonOf<StatsJson>(run);
}

/**
 * Day 1: an exam at 09:00 misses the waiting-room question (due again on day 2 at 09:00); a
 * training at 15:00 misses the follow-up call (due on day 2 at 15:00). On day 2 at 10:00 one
 * question is due now and two are due by the end of the day.
 */
async function missTwoOnDayOne(): Promise<void> {
  expect((await mot(['exam', ...SAMPLE], 'a\na,c\na,b,c,d\n', D1)).code).toBe(0);
  expect((await mot(['train', ...SAMPLE, '--moment', 'third'], 'b\n', D1_AFTERNOON)).code).toBe(0);
}

describe('due now and due today', () => {
  it('stats and drill give the same numbers in the same words, before and after the drill', async () => {
    await missTwoOnDayOne();
    const before = await stats(D2);
    expect(before).toMatchObject({ due_now: 1, due_today: 2 });
    const statsText = text(await mot(['stats', ...CONTENT], '', D2));
    expect(statsText).toContain('Due for review: 1 now, 2 by the end of today.');

    // Missed once more (Again), the question comes back in the same drill and is then answered right.
    const drill = await mot(['drill', ...SAMPLE, '--new', '0'], 'a\nb\n', D2);
    expect(drill.code, drill.stderr).toBe(0);
    expectNoStackTrace(drill);
    const drillText = text(drill);
    expect(drillText).toContain('Drill: 1 due for review, 0 new. Due for review: 1 now, 2 by the end of today.');
    expect(drillText).toMatch(/Question 2 of 2/);
    // Asked twice, counted once: the question is not still due, and only the afternoon one is left today.
    expect(drillText).toContain('Due for review: none now, 1 by the end of today.');
    expect(drillText).not.toMatch(/again for those due now/);
    expect(await stats(D2)).toMatchObject({ due_now: 0, due_today: 1 });
    expect(text(await mot(['stats', ...CONTENT], '', D2))).toContain('Due for review: none now, 1 by the end of today.');
  });

  it('with nothing due now says what is due later today, as stats does', async () => {
    await missTwoOnDayOne();
    const early = '2027-01-11T08:00:00Z';
    expect(await stats(early)).toMatchObject({ due_now: 0, due_today: 2 });
    const run = await mot(['drill', ...SAMPLE, '--new', '0', '--json'], '', early);
    expect(run.code).toBe(0);
    expect(jsonOf<{ due_now: number; due_today: number; answers: unknown[] }>(run)).toMatchObject({ due_now: 0, due_today: 2, answers: [] });
    expect(text(run)).toContain('Due for review: none now, 2 by the end of today.');
  });
});

describe('what a drill leaves', () => {
  it('says how many are still due after --count cut the drill short, as stats then counts them', async () => {
    expect((await mot(['exam', ...SAMPLE], 'a\nb\nd,c,b,a\n', D1)).code).toBe(0);
    const before = await stats(D2);
    expect(before.due_now).toBeGreaterThanOrEqual(2);
    // All three fell due at the same moment, so the first by question id comes first: the rank question.
    const run = await mot(['drill', ...SAMPLE, '--new', '0', '-n', '1'], 'a,b,c,d\n', D2);
    expect(run.code, run.stderr).toBe(0);
    const said = text(run);
    expect(said).toContain(`(1 of the ${before.due_now} due now: --count sets how many.)`);
    const after = await stats(D2);
    expect(after.due_now).toBe(before.due_now - 1);
    expect(said).toContain(`Due for review: ${after.due_now} now, ${after.due_today} by the end of today. Run the same drill again for those due now.`);
  });

  it('names the banks outside its filters that have questions due now', async () => {
    expect((await mot(['exam', ...SAMPLE], 'a\na,c\na,b,c,d\n', D1)).code).toBe(0);
    const run = await mot(['drill', ...CONTENT, '-b', 'retail', '--new', '0'], '', D2);
    expect(run.code, run.stderr).toBe(0);
    expect(text(run)).toContain('Not in this drill: 1 question due now in sample-clinic: `node bin/mot.js drill -b sample-clinic`.');
  });
});

describe('a clock moved back', () => {
  it('schedules an answer timed before the last review as given then, and keeps it', async () => {
    expect((await mot(['train', ...SAMPLE, '-n', '1'], 'b\n', D2)).code).toBe(0);
    // MOT_NOW a day earlier than the card's last review: ts-fsrs alone throws "Invalid delta_t".
    const back = await mot(['train', ...SAMPLE, '-n', '1'], 'a\n', D1);
    expect(back.code, back.stderr).toBe(0);
    expectNoStackTrace(back);
    expect(back.stderr).not.toMatch(/delta_t/);
    const report = await stats(D2);
    expect(report).toMatchObject({ answered: 2 });
    // Missed at (the last review's) day 2, so due again on day 3.
    expect(report.next_reviews).toEqual([{ date: '2027-01-12', count: 1 }]);
  });
});

describe('the forecast of next reviews', () => {
  it('counts only the questions the filters leave', async () => {
    expect((await mot(['exam', ...SAMPLE], 'b\na,c\na,b,c,d\n', D1)).code).toBe(0);
    const retail = await driveSession(['exam', '-b', 'retail', '-n', '2', '--seed', '5', '--json'], { env: { ...box.env, TZ: 'UTC', MOT_NOW: D1 } });
    expect(retail.code, retail.stderr).toBe(0);
    const sum = (next: { count: number }[]) => next.reduce((n, r) => n + r.count, 0);
    expect(sum((await stats(D1)).next_reviews)).toBe(5);

    const clinic = await mot(['drill', ...SAMPLE, '--new', '0', '--json'], '', D1);
    expect(clinic.code, clinic.stderr).toBe(0);
    expect(sum(jsonOf<{ next_reviews: { count: number }[] }>(clinic).next_reviews)).toBe(3);
    const shop = await mot(['drill', '-b', 'retail', '--new', '0', '--json'], '', D1);
    expect(shop.code, shop.stderr).toBe(0);
    expect(sum(jsonOf<{ next_reviews: { count: number }[] }>(shop).next_reviews)).toBe(2);
    // The printed forecast says the same.
    const printed = /Next reviews: ([^.]*)\./.exec(text(clinic))?.[1] ?? '';
    expect([...printed.matchAll(/(\d+) on \d{4}-\d\d-\d\d/g)].reduce((n, m) => n + Number(m[1]), 0)).toBe(3);
  });
});

describe('the trend in stats', () => {
  it('shows each mode apart with the dates of its sessions', async () => {
    expect((await mot(['exam', ...SAMPLE], 'a\na,c\na,b,c,d\n', D1)).code).toBe(0);
    const drill = await mot(['drill', ...SAMPLE, '--new', '0'], 'b\n', D2);
    expect(drill.code, drill.stderr).toBe(0);
    expect((await mot(['train', ...SAMPLE, '-n', '1'], 'c\n', D3)).code).toBe(0);

    const report = await stats(D3);
    expect(Object.keys(report.trend)).toEqual(['exam', 'train', 'drill']);
    expect(report.trend.exam).toEqual([{ date: '2027-01-10', score: 0.666667, finished: true }]);
    expect(report.trend.drill).toEqual([{ date: '2027-01-11', score: 1, finished: true }]);
    expect(report.trend.train).toEqual([{ date: '2027-01-12', score: 0.5, finished: true }]);

    const lines = (await mot(['stats', ...CONTENT], '', D3)).stdout.split('\n');
    const line = (mode: string) => lines.find((l) => new RegExp(`^\\s+${mode}\\s`).test(l)) ?? '';
    expect(line('exam')).toMatch(/2027-01-10 67%/);
    expect(line('drill')).toMatch(/2027-01-11 100%/);
    expect(line('train')).toMatch(/2027-01-12 50%/);
    expect(line('exam')).not.toMatch(/2027-01-11|2027-01-12/);
  });
});

/** How many questions the built-in scenario banks (every industry but general) hold. */
function scenarioQuestions(): number {
  const dir = join(ROOT, 'content');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as { industry: string; questions: unknown[] })
    .filter((bank) => bank.industry !== 'general')
    .reduce((n, bank) => n + bank.questions.length, 0);
}

describe('which banks a session draws from', () => {
  const env = () => ({ ...box.env, TZ: 'UTC', MOT_NOW: D1 });

  it('draws every scenario question and no review question when no bank or industry is given (exam)', async () => {
    const run = await driveSession(['exam', '-n', '1000', '--seed', '3', '--json'], { env: env(), timeoutMs: 60_000 });
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const ids = jsonOf<Result>(run).answers.map((a) => a.id);
    expect(ids).toHaveLength(scenarioQuestions());
    expect(ids.filter((id) => id.startsWith('review/'))).toEqual([]);
  }, 70_000);

  it.each([
    ['train', ['train', '-n', '15', '--seed', '11']],
    ['drill', ['drill', '-n', '15', '--new', '15', '--seed', '12']],
    ['train with a moment filter', ['train', '--moment', 'zero', '-n', '15', '--seed', '13']],
  ])('never draws a review question by default: %s', async (_name, args) => {
    const run = await driveSession([...args, '--json'], { env: env() });
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const ids = jsonOf<Result>(run).answers.map((a) => a.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => id.startsWith('review/'))).toEqual([]);
  });

  it('says where the questions are when only the review bank meets the filters', async () => {
    const run = await mot(['train', '--tag', 'carlzon'], '', D1);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toContain('no question of the scenario banks matches these filters.');
    expect(run.stderr.replace(/\s+/g, ' ')).toMatch(/\d+ questions? in the bank review match(es)?: .*add -b review\./);
    const asked = await driveSession(['train', '--tag', 'carlzon', '-b', 'review', '-n', '1', '--json'], { env: env() });
    expect(asked.code, asked.stderr.slice(-2000)).toBe(0);
    expect(jsonOf<Result>(asked).answers.map((a) => a.id)).toEqual([expect.stringMatching(/^review\//)]);
  });

  it.each([
    ['-i general', ['-i', 'general']],
    ['-b review', ['-b', 'review']],
  ])('draws review questions when asked for with %s', async (_name, filter) => {
    const run = await driveSession(['exam', ...filter, '-n', '6', '--seed', '4', '--json'], { env: env() });
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const ids = jsonOf<Result>(run).answers.map((a) => a.id);
    expect(ids).toHaveLength(6);
    expect(ids.every((id) => id.startsWith('review/'))).toBe(true);
  });
});
