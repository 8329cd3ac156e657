// `mot lint` as users and tools meet it: the built binary on small fixture banks; exit codes,
// the text and JSON reports, --strict, --explain, --rule/--ignore and a question's lint ignore.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LINT_CODES } from '../../src/core/lint/codes.js';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { FIXTURES, runMot, sandbox } from '../helpers/run-mot.js';

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

  it('finds near-duplicates across banks linted together', async () => {
    const items = jsonOf<Item[]>(await lint('--format', 'json', '--rule', 'near-duplicate', CLEAN, join(FIXTURES, 'lint/clean-copy.yaml')));
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.file).toMatch(/clean-copy\.yaml$/);
      expect(item.message).toContain('lint-clean/');
    }
  });
});
