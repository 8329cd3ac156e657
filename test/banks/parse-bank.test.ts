// parseBank: the text of one bank file in, a checked bank or problems located at file:line:col out.
// It must never throw, whatever the text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseBank, type ParsedBank } from '../../src/banks/parse-bank.js';
import type { LocatedProblem } from '../../src/core/problems.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

const errorsOf = (parsed: ParsedBank) => parsed.problems.filter((p) => p.severity === 'error');
const where = (p: LocatedProblem) => `${p.line}:${p.col}`;

/** The one problem whose message contains `text`; fails listing every problem otherwise. */
function problemAbout(parsed: ParsedBank, text: string): LocatedProblem {
  const found = parsed.problems.filter((p) => p.message.includes(text));
  expect(found, JSON.stringify(parsed.problems, null, 2)).toHaveLength(1);
  return found[0]!;
}

describe('parseBank on a good bank', () => {
  const parsed = parseBank(fixture('good/sample-clinic.yaml'), 'test/fixtures/good/sample-clinic.yaml');

  it('builds the bank with no problem', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.bank?.id).toBe('sample-clinic');
    expect(parsed.bank?.file).toBe('test/fixtures/good/sample-clinic.yaml');
    expect(parsed.bank?.passMark).toBe(0.75);
    expect(parsed.bank?.questions.map((q) => q.type)).toEqual(['choice', 'multi', 'rank']);
  });

  it('reads the same bank from a file with Windows line endings', () => {
    const crlf = parseBank(fixture('good/sample-clinic.yaml').replace(/\n/g, '\r\n'), 'crlf.yaml');
    expect(crlf.problems).toEqual([]);
    expect(crlf.bank?.questions[0]?.scenario).toBe(parsed.bank?.questions[0]?.scenario);
  });

  it('accepts a few anchors and aliases, as authors use them to repeat a feedback', () => {
    const source = `bank: aliased
title: Aliases
industry: retail
questions:
  - id: one
    prompt: What now?
    choices:
      - text: Greet
        score: 1
        feedback: &same A shared sentence.
      - text: Ignore
        score: 0
        feedback: *same
`;
    const aliased = parseBank(source, 'aliased.yaml');
    expect(aliased.problems).toEqual([]);
    expect(aliased.bank?.questions[0]?.choices[1]?.feedback).toBe('A shared sentence.');
  });

  it('loads a rank question with shuffle: false, with a warning at "shuffle"', () => {
    const source = `bank: fixed
title: Fixed order
industry: retail
questions:
  - id: order
    type: rank
    shuffle: false
    prompt: Rank these.
    choices:
      - text: First
      - text: Second
`;
    const fixed = parseBank(source, 'fixed.yaml');
    expect(fixed.bank).toBeDefined();
    expect(fixed.problems).toHaveLength(1);
    expect(fixed.problems[0]).toMatchObject({ severity: 'warning', line: 7, col: 5 });
  });
});

describe('parseBank locates each problem at file:line:col', () => {
  it('points at an unknown field by its name, and guesses the field meant (typo-field.yaml)', () => {
    const parsed = parseBank(fixture('broken/typo-field.yaml'), 'typo-field.yaml');
    expect(parsed.bank).toBeUndefined();
    const problem = problemAbout(parsed, 'scroe');
    expect(problem).toMatchObject({ file: 'typo-field.yaml', line: 11, col: 9, severity: 'error', source: '        scroe: 0' });
    expect(problem.message).toContain('Did you mean "score"?');
  });

  it('points at "choices" when no choice scores 1 (no-best-answer.yaml)', () => {
    const parsed = parseBank(fixture('broken/no-best-answer.yaml'), 'no-best-answer.yaml');
    const problem = problemAbout(parsed, 'score 1');
    expect(where(problem)).toBe('7:5');
    expect(errorsOf(parsed)).toHaveLength(1);
  });

  it('points at an unknown stage value and lists the allowed ones (bad-stage.yaml)', () => {
    const parsed = parseBank(fixture('broken/bad-stage.yaml'), 'bad-stage.yaml');
    const problem = problemAbout(parsed, 'aftercare');
    expect(where(problem)).toBe('6:12');
    expect(problem.message).toContain('first-contact, delivery, recovery, follow-up');
    expect(errorsOf(parsed)).toHaveLength(1);
  });

  it('points at "score" on a rank choice (bad-rank.yaml)', () => {
    const problem = problemAbout(parseBank(fixture('broken/bad-rank.yaml'), 'bad-rank.yaml'), 'rank question');
    expect(where(problem)).toBe('10:9');
  });

  it('reports every problem of many-problems.yaml at once, each on its own line', () => {
    const parsed = parseBank(fixture('broken/many-problems.yaml'), 'many-problems.yaml');
    const at = (text: string) => where(problemAbout(parsed, text));
    expect(at('pass_mark')).toBe('5:12');
    expect(at('unknown moment "fourth"')).toBe('8:13');
    expect(at('unknown field "scroe"')).toBe('14:9');
    expect(at('duplicate question id "greeting"')).toBe('15:9');
    expect(at('remove "score"')).toBe('21:9');
    expect(parsed.declaredId).toBe('broken-many');
  });

  it('keeps the located lines right in a file with Windows line endings', () => {
    const parsed = parseBank(fixture('broken/typo-field.yaml').replace(/\n/g, '\r\n'), 'typo-field.yaml');
    const problem = problemAbout(parsed, 'scroe');
    expect(where(problem)).toBe('11:9');
    expect(problem.source).toBe('        scroe: 0');
  });

  it('points at the parent mapping of a missing field', () => {
    const source = 'bank: no-prompt\ntitle: T\nindustry: retail\nquestions:\n  - id: q\n    choices:\n      - text: A\n        score: 1\n      - text: B\n        score: 0\n';
    const problem = problemAbout(parseBank(source, 'f.yaml'), '"prompt"');
    expect(where(problem)).toBe('5:5');
  });
});

describe('parseBank on text that is not a good bank', () => {
  it('reports a YAML syntax error at the position the parser gives', () => {
    const source = fixture('broken/yaml-syntax.yaml');
    const own = parseDocument(source, { lineCounter: new LineCounter(), prettyErrors: true }).errors[0]!;
    const parsed = parseBank(source, 'yaml-syntax.yaml');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: own.linePos![0].line, col: own.linePos![0].col });
    expect(parsed.problems[0]!.message).toMatch(/^YAML syntax: Missing closing "quote/);
  });

  it.each([
    ['a key indented under a scalar', 'bank: x\ntitle: y\n  industry: retail\n', 2, 8],
    ['an unclosed flow sequence', 'bank: x\ntags: [a, b\n', 3, 1],
  ])('reports %s as a located YAML syntax error', (_case, source, line, col) => {
    const parsed = parseBank(source, 'f.yaml');
    expect(parsed.problems.length).toBeGreaterThanOrEqual(1);
    expect(parsed.problems[0]).toMatchObject({ line, col, severity: 'error' });
    expect(parsed.problems[0]!.message).toMatch(/^YAML syntax: /);
  });

  it('gives a YAML syntax error as a sentence, without repeating the position or ending in a colon', () => {
    const message = parseBank(fixture('broken/yaml-syntax.yaml'), 'yaml-syntax.yaml').problems[0]!.message;
    expect(message).not.toMatch(/at line \d+, column \d+/);
    expect(message).not.toMatch(/:$/);
  });

  it('refuses a key given twice in one mapping, at the second', () => {
    const source = fixture('good/sample-clinic.yaml').replace('    prompt: What do you say?\n', '    prompt: What do you say?\n    prompt: And now?\n');
    const parsed = parseBank(source, 'dup.yaml');
    expect(parsed.bank).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 14, col: 5 });
    expect(parsed.problems[0]!.message).toMatch(/"prompt" is written twice/);
  });

  it('refuses an alias bomb (billion laughs) quickly, without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = `*${String.fromCharCode(96 + i)}`;
      levels.push(`${name}: &${name} [${Array(9).fill(previous).join(',')}]`);
    }
    const started = Date.now();
    const parsed = parseBank(levels.join('\n') + '\n', 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(parsed.bank).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.message).toContain('too many YAML aliases');
  });

  it('does not throw on 100,000 nested brackets, and reports a located problem', () => {
    // Only one such input in this process: see the tests below for why.
    const source = '['.repeat(100_000) + ']'.repeat(100_000);
    let parsed: ParsedBank | undefined;
    expect(() => (parsed = parseBank(source, 'deep.yaml'))).not.toThrow();
    expect(parsed!.bank).toBeUndefined();
    expect(parsed!.problems.length).toBeGreaterThanOrEqual(1);
    expect(parsed!.problems[0]).toMatchObject({ file: 'deep.yaml', line: 1, severity: 'error' });
  });

  // In child processes: deep nesting parsed twice in one process has been seen to abort Node itself
  // (a fatal out-of-memory in V8's regular expression compiler), which would take the test runner down.
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('survives several deeply nested inputs in one process, as `mot validate` meets them in one folder', () => {
    expectSurvives([deep(1000), deep(1000), `--- ${deep(1000)}\n--- ${deep(1000)}\n`, 'bank: x\n']);
  });

  it('survives deep nesting that follows an apostrophe in plain text, as in "don\'t"', () => {
    // An apostrophe in a plain scalar does not start a quoted string in YAML.
    const hidden = `[don't, ${'['.repeat(5000)}`;
    expectSurvives([hidden, hidden, hidden, hidden]);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels even after an apostrophe in plain text`, () => {
    const parsed = parseBank(`[don't, ${deep(MAX_DEPTH + 10)}]\n`, 'deep.yaml');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.message).toContain(`nested more than ${MAX_DEPTH} levels`);
  });

  it(`accepts brackets and braces inside quoted text and comments, however many`, () => {
    const many = '['.repeat(MAX_DEPTH + 10);
    const source = fixture('good/sample-clinic.yaml')
      .replace('    prompt: What do you say?', `    prompt: "What do you say? ${many}"  # ${many}`)
      .replace("explanation: Waiting is part", `explanation: 'Brackets ${'{'.repeat(MAX_DEPTH + 10)} and it''s fine.' # Waiting is part`);
    const parsed = parseBank(source, 'quoted.yaml');
    expect(parsed.problems).toEqual([]);
  });

  it('refuses binary data with NUL bytes', () => {
    const parsed = parseBank('\u0000\u0001\u0002PNG\u0000\u00ff', 'image.yaml');
    expect(parsed.problems).toEqual([
      { file: 'image.yaml', line: 1, col: 1, severity: 'error', code: 'not-text', message: 'this is not a text file (it contains NUL bytes); a bank is YAML text.' },
    ]);
  });

  it('reports binary data without NUL bytes as a located problem', () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => ((i * 151 + 7) % 255) + 1));
    const parsed = parseBank(bytes.toString('utf8'), 'noise.yaml');
    expect(parsed.bank).toBeUndefined();
    expect(parsed.problems.length).toBeGreaterThanOrEqual(1);
    for (const p of parsed.problems) expect(p.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\n   \n'],
    ['a file of comments', '# nothing here yet\n# still nothing\n'],
  ])('says %s is empty', (_case, source) => {
    const parsed = parseBank(source, 'empty.yaml');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 1, col: 1 });
    expect(parsed.problems[0]!.message).toContain('the file is empty');
  });

  it.each([
    ['a list', '- bank: x\n- title: y\n', 'not a list'],
    ['text', 'just some words\n', 'not the text "just some words"'],
    ['a number', '42\n', 'not number 42'],
  ])('says a file of %s must be a mapping of fields', (_case, source, what) => {
    const parsed = parseBank(source, 'f.yaml');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 1, col: 1 });
    expect(parsed.problems[0]!.message).toContain('a bank file must be a mapping of fields');
    expect(parsed.problems[0]!.message).toContain(what);
  });

  it('refuses a file of two YAML documents', () => {
    const parsed = parseBank(fixture('good/sample-clinic.yaml') + '---\nbank: second\n', 'two.yaml');
    expect(parsed.bank).toBeUndefined();
    expect(parsed.problems.length).toBeGreaterThanOrEqual(1);
  });

  it('treats a __proto__ key as an unknown field, without touching Object.prototype', () => {
    const parsed = parseBank('__proto__:\n  polluted: yes\nbank: x\n', 'proto.yaml');
    expect(problemAbout(parsed, 'unknown field "__proto__"')).toMatchObject({ line: 1, col: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('quotes a hostile value in a problem without its escape sequences', () => {
    const parsed = parseBank(fixture('hostile/hostile-invalid.yaml'), 'hostile-invalid.yaml');
    expect(parsed.problems.length).toBeGreaterThanOrEqual(3);
    for (const p of parsed.problems) expect(p.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(where(problemAbout(parsed, 'unknown moment'))).toBe('7:13');
  });

  it('loads a bank whose text carries escape sequences, with the escapes removed', () => {
    const parsed = parseBank(fixture('hostile/hostile-bank.yaml'), 'hostile-bank.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.bank?.title).toBe('Hostile red title');
    expect(JSON.stringify(parsed.bank)).not.toMatch(/\\u001b|\\u0007|\\u009b|\u009b/);
  });

  it('names the bank id a broken file declares, so --bank can say why it is missing', () => {
    expect(parseBank(fixture('broken/bad-stage.yaml'), 'f.yaml').declaredId).toBe('broken-stage');
    expect(parseBank('- a\n', 'f.yaml').declaredId).toBeUndefined();
  });
});

/** Parses the inputs one after another in one fresh process, which must end normally with problems for each. */
function expectSurvives(inputs: string[]): void {
  const run = runInChild(inputs);
  const fatal = run.stderr.split('\n').find((line) => /FATAL|Error/.test(line)) ?? run.stderr.slice(0, 300);
  expect(run.status, `the process ended with ${run.signal ?? run.status}: ${fatal}`).toBe(0);
  const counts = JSON.parse(run.stdout) as number[];
  expect(counts).toHaveLength(inputs.length);
  for (const count of counts) expect(count).toBeGreaterThanOrEqual(1);
}

/** Runs parseBank from src/ on each input in a fresh Node process; prints the problem counts as JSON. */
function runInChild(inputs: string[]): { status: number | null; signal: string | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mot-parse-'));
  try {
    buildSync({
      entryPoints: [fileURLToPath(new URL('../../src/banks/parse-bank.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: join(dir, 'parse-bank.cjs'),
      logLevel: 'silent',
    });
    writeFileSync(join(dir, 'inputs.json'), JSON.stringify(inputs));
    const script =
      "const { parseBank } = require('./parse-bank.cjs');" +
      "const inputs = require('./inputs.json');" +
      "console.log(JSON.stringify(inputs.map((source, i) => parseBank(source, 'f' + i + '.yaml').problems.length)));";
    const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
