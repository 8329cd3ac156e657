// `mot report` against a store filled through the CLI by simulated learners, on both engines.
// The figures are computed again here, independently, from what each exam printed (--json).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { BIN, runMot, sandbox } from '../helpers/run-mot.js';

// Written order = display order (shuffle: false). Planted flaws: q-easy (everyone nearly right),
// q-miskeyed (its "best" is what weak learners pick), q-dead (choice c never picked).
const BANK = `# yaml-language-server: $schema=../content/bank.schema.json
bank: desk
title: Front desk
industry: retail
pass_mark: 0.6
questions:
  - id: q-fair
    shuffle: false
    prompt: A customer asks for a refund without a receipt. What do you do?
    choices:
      - { text: Check the card payment history and offer the refund if found, score: 1 }
      - { text: Refuse because there is no receipt, score: 0 }
      - { text: Offer store credit straight away, score: 0.5 }
  - id: q-easy
    shuffle: false
    prompt: A regular customer greets you by name. What do you do?
    choices:
      - { text: Greet them back by name and ask how they are, score: 1 }
      - { text: Nod and keep working, score: 0 }
      - { text: Ask for their loyalty card, score: 0.5 }
  - id: q-miskeyed
    shuffle: false
    prompt: The queue is long and a customer asks a quick question. What do you do?
    choices:
      - { text: Tell them to queue like everyone else, score: 1 }
      - { text: Answer briefly and thank the queue for waiting, score: 0 }
      - { text: Call a colleague to open a second till, score: 0.5 }
  - id: q-dead
    shuffle: false
    prompt: An item scans at the wrong price. What do you do?
    choices:
      - { text: Honour the shelf price and report the error, score: 1 }
      - { text: Charge the scanned price, score: 0 }
      - { text: Close the till and walk away, score: 0 }
  - id: q-multi
    type: multi
    shuffle: false
    prompt: Which of these help a customer who is lost in the shop?
    choices:
      - { text: Walk them to the aisle, correct: true }
      - { text: Point vaguely to the back, correct: false }
      - { text: Mention where the tills are on the way, correct: true }
`;

const ORDER = ['desk/q-fair', 'desk/q-easy', 'desk/q-miskeyed', 'desk/q-dead', 'desk/q-multi'];
const LEARNERS = 22;

/** A learner's answer lines, from their ability (0..1) and a seeded coin. */
function answersFor(ability: number, rand: () => number): string {
  const good = () => rand() < ability;
  const fair = good() ? 'a' : rand() < 0.5 ? 'c' : 'b';
  const easy = rand() < 0.97 ? 'a' : 'c';
  const miskeyed = good() ? 'b' : rand() < 0.7 ? 'a' : 'c';
  const dead = good() ? 'a' : 'b';
  const multi = good() ? 'a,c' : rand() < 0.5 ? 'a,b' : 'b';
  return [fair, easy, miskeyed, dead, multi].join('\n') + '\n';
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ExamJson {
  learner: string;
  finished: boolean;
  score: number;
  answers: { id: string; response: string[]; score: number }[];
}

interface ReportJson {
  attempts: string;
  modes: string[];
  learners: { learner: string; sessions: number; exams: number; passed: number; first_score: number | null; best_score: number | null; seen: number; of: number }[];
  questions: { id: string; type: string; n: number; facility: number; discrimination: number | null; choices: { written: number; text: string; picked: number; share: number }[]; flags: string[] }[];
}

/** The reference computation: each learner's first exam, then the textbook formulas. */
function expected(exams: ExamJson[]) {
  const first = new Map<string, ExamJson>();
  for (const e of exams) if (!first.has(e.learner)) first.set(e.learner, e);
  return ORDER.map((id) => {
    const xs: number[] = [];
    const ys: number[] = [];
    const picks = [0, 0, 0];
    for (const e of first.values()) {
      const a = e.answers.find((x) => x.id === id);
      if (!a) continue;
      xs.push(a.score);
      const others = e.answers.filter((x) => x.id !== id);
      ys.push(others.reduce((s, x) => s + x.score, 0) / others.length);
      for (const l of a.response) picks[l.charCodeAt(0) - 97]!++;
    }
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let sxy = 0, sxx = 0, syy = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * (ys[i]! - my);
      sxx += (x - mx) ** 2;
      syy += (ys[i]! - my) ** 2;
    });
    const d = sxx < 1e-12 || syy < 1e-12 ? null : sxy / Math.sqrt(sxx * syy);
    return { id, n, facility: mx, discrimination: d, picks };
  });
}

describe.each(['sqlite', 'postgres'] as const)('mot report on %s', (engine) => {
  const box = sandbox();
  let pg: TestPostgres | undefined;
  let store: string;
  const exams: ExamJson[] = [];
  const content = join(box.dir, 'banks');

  const mot = (args: string[], input = '', env: Record<string, string> = {}) =>
    runMot(args, { input, env: { ...box.env, MOT_STORE: store, ...env }, timeoutMs: 30_000 });

  beforeAll(async () => {
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'desk.yaml'), BANK);
    if (engine === 'postgres') {
      pg = await startPostgres();
      store = await pg.createDatabase();
    } else store = join(box.dir, 'report.db');
    const rand = prng(7);
    const runs: { learner: string; input: string; at: string; mode?: string }[] = [];
    // learner-02 practises before any exam: not an exam, unless --modes says so.
    runs.push({ learner: 'learner-02', input: 'c\nc\nc\nc\nb\n', at: '2026-11-30T09:00:00Z', mode: 'train' });
    for (let i = 0; i < LEARNERS; i++) {
      const learner = `learner-${String(i).padStart(2, '0')}`;
      runs.push({ learner, input: answersFor(i / (LEARNERS - 1), rand), at: `2026-12-01T${String(8 + (i % 10)).padStart(2, '0')}:${String(i).padStart(2, '0')}:00Z` });
    }
    // Two learners sit the exam again, all right: a first-attempt report must not count it.
    for (const i of [1, 2]) runs.push({ learner: runs[i]!.learner, input: 'a\na\na\na\na,c\n', at: '2026-12-05T09:00:00Z' });
    for (const run of runs) {
      const mode = run.mode ?? 'exam';
      const r = await mot([mode, '--content', content, '-b', 'desk', '--no-shuffle', '--json'], run.input, { MOT_LEARNER: run.learner, MOT_NOW: run.at });
      expect(r.code, r.stderr).toBe(0);
      if (mode === 'exam') exams.push({ ...jsonOf<ExamJson>(r), learner: run.learner });
    }
  }, 240_000);

  afterAll(async () => {
    await pg?.stop();
    box.cleanup();
  });

  it('gives the same n, facility, discrimination and picks as an independent computation', async () => {
    const r = await mot(['report', '--content', content, '--format', 'json']);
    const report = jsonOf<ReportJson>(r);
    expect(report.attempts).toBe('first');
    expect(report.modes).toEqual(['exam']);
    for (const want of expected(exams)) {
      const got = report.questions.find((q) => q.id === want.id)!;
      expect(got, want.id).toBeDefined();
      expect(got.n).toBe(LEARNERS);
      expect(got.facility).toBeCloseTo(want.facility, 6);
      if (want.discrimination === null) expect(got.discrimination).toBeNull();
      else expect(got.discrimination).toBeCloseTo(want.discrimination, 6);
      expect(got.choices.map((c) => c.written)).toEqual([1, 2, 3]);
      expect(got.choices.map((c) => c.picked)).toEqual(want.picks);
      expect(got.choices.map((c) => c.share)).toEqual(want.picks.map((p) => Math.round((p / LEARNERS) * 1e6) / 1e6));
    }
  });

  it('finds the planted flaws', async () => {
    const report = jsonOf<ReportJson>(await mot(['report', '--content', content, '--format', 'json']));
    const flags = Object.fromEntries(report.questions.map((q) => [q.id, q.flags]));
    expect(flags['desk/q-easy']).toContain('too-easy');
    expect(flags['desk/q-miskeyed']).toContain('negative-discrimination');
    expect(flags['desk/q-dead']).toContain('unused-choice');
    expect(flags['desk/q-fair']).not.toContain('negative-discrimination');
  });

  it('counts every exam with --attempts all, and practice with --modes', async () => {
    const all = jsonOf<ReportJson>(await mot(['report', '--content', content, '--format', 'json', '--attempts', 'all']));
    expect(all.questions.find((q) => q.id === 'desk/q-fair')!.n).toBe(LEARNERS + 2);
    const widened = jsonOf<ReportJson>(await mot(['report', '--content', content, '--format', 'json', '--modes', 'exam,train']));
    expect(widened.modes).toEqual(['exam', 'train']);
    // learner-02 practised before the exam: that session is now their first attempt, where they picked c on q-fair.
    const base = jsonOf<ReportJson>(await mot(['report', '--content', content, '--format', 'json']));
    const fair = (j: ReportJson) => j.questions.find((q) => q.id === 'desk/q-fair')!;
    const examPick = exams.find((e) => e.learner === 'learner-02')!.answers.find((a) => a.id === 'desk/q-fair')!.response[0];
    expect(fair(widened).n).toBe(LEARNERS);
    expect(fair(widened).choices[2]!.picked).toBe(fair(base).choices[2]!.picked + (examPick === 'c' ? 0 : 1));
  });

  it('lists every learner in the roster, with first and best exam scores', async () => {
    const report = jsonOf<ReportJson>(await mot(['report', 'learners', '--content', content, '--format', 'json']));
    expect(report.learners).toHaveLength(LEARNERS);
    const again = report.learners.find((l) => l.learner === 'learner-00')!;
    const firstExam = exams.find((e) => e.learner === 'learner-00')!;
    expect(again).toMatchObject({ sessions: 2, exams: 2, first_score: firstExam.score, best_score: 1, seen: 5, of: 5 });
    expect(report.learners.find((l) => l.learner === 'learner-02')).toMatchObject({ sessions: 2, exams: 1 });
  });

  it('prints the HR table as CSV: learner, bank, finished date, score, passed', async () => {
    const r = await mot(['report', 'learners', '--content', content, '--format', 'csv']);
    expect(r.code).toBe(0);
    const [head, ...rows] = r.stdout.trim().split('\n');
    expect(head!.split(',').slice(0, 5)).toEqual(['learner', 'bank', 'finished', 'score', 'passed']);
    expect(rows).toHaveLength(LEARNERS);
    const first = rows.find((l) => l.startsWith('learner-00,'))!.split(',');
    expect(first.slice(0, 5)).toEqual(['learner-00', 'desk', '2026-12-05T09:00:00.000Z', '1', 'true']);
  });

  it('draws the text table with flags and a legend, and writes CSV files and an HTML page', async () => {
    const text = await mot(['report', '--content', content]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/desk\/q-miskeyed .*negative-discrimination/);
    expect(text.stdout).toContain('Flags');
    expect(text.stdout).toContain('unused-choice: a wrong choice picked by under 5%');
    const folder = join(box.dir, `csv-${engine}/`);
    const csv = await mot(['report', '--content', content, '--format', 'csv', '-o', folder]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(readFileSync(join(folder, 'items.csv'), 'utf8')).toMatch(/^question,bank,type/);
    expect(readFileSync(join(folder, 'learners.csv'), 'utf8')).toMatch(/^learner,bank,finished,score,passed/);
    const page = join(box.dir, `report-${engine}.html`);
    const html = await mot(['report', '--content', content, '--format', 'html', '-o', page]);
    expect(html.code, html.stderr).toBe(0);
    const source = readFileSync(page, 'utf8');
    expect(source.match(/<circle class="point/g)).toHaveLength(ORDER.length);
    expect(source).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  it('prints the JSON whole through a pipe, and ends quietly (exit 0, nothing on stderr) when the reader stops early', async () => {
    const all = await mot(['report', '--content', content, '--format', 'json', '--attempts', 'all']);
    expect(all.stdout.length).toBeGreaterThan(1000);
    expect(() => JSON.parse(all.stdout)).not.toThrow();
    const early = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'report', '--content', content, '--format', 'json'], { env: { ...process.env, ...box.env, MOT_STORE: store } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(early).toEqual({ code: 0, stderr: '' });
  });

  it('narrows the rows by moment, bank or learner and refuses bad values with a usage error', async () => {
    const one = jsonOf<ReportJson>(await mot(['report', '--content', content, '--format', 'json', '--learner', 'learner-05']));
    expect(one.learners.map((l) => l.learner)).toEqual(['learner-05']);
    expect(one.questions.every((q) => q.n === 1 && q.flags.join() === 'few-answers')).toBe(true);
    // --since narrows the sessions before the first is chosen: only the two retakes of 5 December remain.
    const since = jsonOf<ReportJson>(await mot(['report', '--content', content, '--format', 'json', '--since', '2026-12-05']));
    expect(since.questions.map((q) => [q.n, q.facility])).toEqual(ORDER.map(() => [2, 1]));
    expect(since.learners.map((l) => l.learner)).toEqual(['learner-00', 'learner-01']);
    const moment = jsonOf<ReportJson>(await mot(['report', '--content', content, '--format', 'json', '--moment', 'first']));
    expect(moment.questions).toEqual([]);
    for (const args of [['--attempts', 'best'], ['--modes', 'exam,quiz'], ['--since', 'yesterday'], ['--format', 'pdf'], ['nonsense']]) {
      const r = await mot(['report', '--content', content, ...args]);
      expectNoStackTrace(r);
      expect(r.code, args.join(' ')).toBe(2);
    }
    // An unknown bank id is a bad option value, as everywhere: a usage error.
    const unknown = await mot(['report', '--content', content, '-b', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no bank "nope"');
  });
});
