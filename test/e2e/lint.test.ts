// `mot lint` as users and tools meet it: the built binary on small fixture banks; exit codes,
// the text and JSON reports, --strict, --explain, --rule/--ignore and a question's lint ignore.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LINT_CODES } from '../../src/core/lint/codes.js';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { FIXTURES, ROOT, runMot, sandbox } from '../helpers/run-mot.js';

const CLEAN = join(FIXTURES, 'lint/clean.yaml');
const CUED = join(FIXTURES, 'lint/cued.yaml');
const BROKEN = join(FIXTURES, 'broken/typo-field.yaml');

interface Item {
  file: string;
  line: number;
  col: number;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const lint = (...args: string[]) => runMot(['lint', ...args], { env: box.env });

describe('mot lint', () => {
  it('exits 0 with warnings by default, one line per finding at file:line:col with its code', async () => {
    const run = await lint(CUED);
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.includes(': warning: '));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^\S*cued\.yaml:\d+:\d+: warning: .+ \[[a-z-]+\]$/);
    expect(run.stdout).toMatch(/cued\.yaml:12:15: warning: the key is 5\.8× the mean length/);
    expect(run.stdout).toMatch(/warnings?\.\n?$/m);
  });

  it('--strict exits 1 when there is a warning, and 0 on a clean bank', async () => {
    const cued = await lint('--strict', CUED);
    expect(cued.code).toBe(1);
    expect(cued.stderr).toContain('--strict');
    const clean = await lint('--strict', CLEAN);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('no warnings');
  });

  it('--format json prints an array of { file, line, col, code, severity, message }', async () => {
    const run = await lint('--format', 'json', CUED);
    expect(run.code).toBe(0);
    const items = jsonOf<Item[]>(run);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['code', 'col', 'file', 'line', 'message', 'severity']);
      expect(LINT_CODES as readonly string[]).toContain(item.code);
      expect(item.severity).toBe('warning');
    }
    expect(items).toContainEqual(expect.objectContaining({ line: 48, col: 15, code: 'all-or-none' }));
    expect(items).toContainEqual(expect.objectContaining({ line: 40, code: 'negative-prompt' }));
    expect(jsonOf<Item[]>(await lint('--format', 'json', CLEAN))).toEqual([]);
  });

  it("honours a question's lint: { ignore } and nothing more", async () => {
    const items = jsonOf<Item[]>(await lint('--format', 'json', CUED));
    // price-dispute (lines 20-34) silences key-longest only; its key-most-steps still shows.
    const priceDispute = items.filter((i) => i.line >= 20 && i.line <= 34);
    expect(priceDispute.map((i) => i.code)).not.toContain('key-longest');
    expect(priceDispute.map((i) => i.code)).toContain('key-most-steps');
  });

  it('--rule runs only the rules named, --ignore leaves rules out (comma-separated or repeated)', async () => {
    const only = jsonOf<Item[]>(await lint('--format', 'json', '--rule', 'all-or-none,negative-prompt', CUED));
    expect(new Set(only.map((i) => i.code))).toEqual(new Set(['all-or-none', 'negative-prompt']));
    const without = jsonOf<Item[]>(await lint('--format', 'json', '--ignore', 'key-longest', '--ignore', 'key-most-steps', CUED));
    expect(without.map((i) => i.code)).not.toContain('key-longest');
    expect(without.map((i) => i.code)).not.toContain('key-most-steps');
    expect(without.length).toBeGreaterThan(0);
  });

  it('--explain prints why a rule matters and how to fix it', async () => {
    for (const code of ['key-most-steps', 'cue-warmth', 'near-duplicate']) {
      const run = await lint('--explain', code);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`${code}: `);
      expect(run.stdout).toContain('Why: ');
      expect(run.stdout).toContain('How to fix: ');
      expect(run.stdout).toContain(`lint: { ignore: [${code}] }`);
    }
  });

  it('an unknown rule code is a usage error (exit 2) that lists the codes', async () => {
    for (const args of [['--explain', 'key-shortest'], ['--rule', 'key-shortest', CUED], ['--ignore', 'nope', CUED]]) {
      const run = await lint(...args);
      expectNoStackTrace(run);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unknown lint rule');
      expect(run.stderr).toContain('key-longest');
    }
  });

  it('a file that is not a valid bank is an error (exit 1) that points to mot validate', async () => {
    const run = await lint('--format', 'json', BROKEN);
    expect(run.code).toBe(1);
    const items = jsonOf<Item[]>(run);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ severity: 'error', code: 'invalid' });
    expect(items[0]!.message).toContain('mot validate');
    const missing = await lint(join(FIXTURES, 'lint/no-such-file.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('no such file or folder');
  });

  it('passes every built-in bank with --strict (the default paths are the built-in banks)', async () => {
    const run = await lint('--strict', '--format', 'json');
    expect(jsonOf<Item[]>(run)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('finds near-duplicates across banks linted together', async () => {
    const items = jsonOf<Item[]>(await lint('--format', 'json', '--rule', 'near-duplicate', CLEAN, join(FIXTURES, 'lint/clean-copy.yaml')));
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.file).toMatch(/clean-copy\.yaml$/);
      expect(item.message).toContain('lint-clean/');
    }
  });
});

describe('scripts/blind-read.mjs', () => {
  const SCRIPT = join(ROOT, 'scripts/blind-read.mjs');
  const blind = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: box.dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('writes a no-key copy without scores, marks, feedback or explanations, and the key apart', async () => {
    const run = await blind('--mode', 'no-key', CUED, '--seed', '5', '--out', 'copy.md', '--key-out', 'key.json');
    expect(run.code).toBe(0);
    const copy = readFileSync(join(box.dir, 'copy.md'), 'utf8');
    expect(copy).toContain('A boy of about five is crying');
    expect(copy).toContain('What do you do?');
    expect(copy).toMatch(/^a\) /m);
    for (const hidden of ['score', 'feedback', 'Calm, quick and safe', 'A lost child needs someone', 'correct']) expect(copy).not.toContain(hidden);
    const key = JSON.parse(readFileSync(join(box.dir, 'key.json'), 'utf8'));
    expect(key.questions).toHaveLength(3);
    // The same seed gives the same copy.
    await blind('--mode', 'no-key', CUED, '--seed', '5', '--out', 'again.md', '--key-out', 'key2.json');
    expect(readFileSync(join(box.dir, 'again.md'), 'utf8')).toBe(copy);
  });

  it('writes a responses-only copy with no scenario and no prompt', async () => {
    const run = await blind('--mode', 'responses-only', CUED, '--key-out', 'key.json');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('A boy of about five');
    expect(run.stdout).not.toContain('What do you do?');
    expect(run.stdout).toContain('Call security.');
  });

  it("scores a reader's answers: hit rate against chance and the session score", async () => {
    await blind('--mode', 'no-key', CUED, '--key-out', 'key.json');
    const key = JSON.parse(readFileSync(join(box.dir, 'key.json'), 'utf8')) as { questions: { label: string; shown: number[]; marks: { score?: number }[] }[] };
    const best = Object.fromEntries(key.questions.map((q) => [q.label, String.fromCharCode(97 + q.shown.indexOf(q.marks.findIndex((m) => m.score === 1)))]));
    writeFileSync(join(box.dir, 'best.json'), JSON.stringify(best));
    const perfect = JSON.parse((await blind('--score', 'best.json', '--key', 'key.json', '--json')).stdout);
    expect(perfect.banks[0]).toMatchObject({ bank: 'lint-cued', answered: 3, choice_questions: 3, hit_rate: 1, chance: 0.333, session_score: 1 });
    const worst = Object.fromEntries(key.questions.map((q) => [q.label, String.fromCharCode(97 + q.shown.indexOf(q.marks.findIndex((m) => m.score === 0)))]));
    writeFileSync(join(box.dir, 'worst.txt'), Object.entries(worst).map(([label, letter]) => `${label}: ${letter}`).join('\n'));
    const poor = JSON.parse((await blind('--score', 'worst.txt', '--key', 'key.json', '--json')).stdout);
    expect(poor.banks[0]).toMatchObject({ hit_rate: 0, session_score: 0 });
  });
});
