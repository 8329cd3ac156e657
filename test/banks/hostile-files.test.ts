// Files that are not banks, or are built to hurt: named pipes, devices, symlink loops, huge
// mappings, folders of giant files, and a cache someone edited by hand.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/banks/bank-cache.js';
import { listBankFiles, loadBanks } from '../../src/banks/load-banks.js';
import { parseBank } from '../../src/banks/parse-bank.js';

const SAMPLE = readFileSync(new URL('../fixtures/good/sample-clinic.yaml', import.meta.url), 'utf8');
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mot-hostile-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('only regular files are read', () => {
  it('refuses a named pipe called bank.yaml at once, without opening it', async () => {
    const fifo = join(root, 'bank.yaml');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO with no writer would block this test forever; finishing at all is the point.
    const { banks, files } = await loadBanks([root], undefined);
    expect(banks).toEqual([]);
    expect(files[0]!.problems[0]).toMatchObject({ line: 1, col: 1, code: 'not-a-file' });
    expect(files[0]!.problems[0]!.message).toContain('named pipe (FIFO)');
  });

  it('refuses a symlink to /dev/zero, given by name or found in a folder', async () => {
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    const inFolder = await loadBanks([root], undefined);
    expect(inFolder.files[0]!.problems[0]!.message).toContain('a device, not a regular file');
    const byName = await loadBanks([join(root, 'zero.yaml')], undefined);
    expect(byName.files[0]!.problems[0]!.code).toBe('not-a-file');
  });

  it('reports a symlink loop and still loads the other banks of the folder', async () => {
    writeFileSync(join(root, 'good.yaml'), SAMPLE);
    symlinkSync(join(root, 'loop-b.yaml'), join(root, 'loop-a.yaml'));
    symlinkSync(join(root, 'loop-a.yaml'), join(root, 'loop-b.yaml'));
    const { banks, files } = await loadBanks([root], undefined);
    expect(banks.map((b) => b.id)).toEqual(['sample-clinic']);
    const loops = files.filter((f) => f.problems.some((p) => p.code === 'symlink-loop'));
    expect(loops.map((f) => f.file.replace(/.*\//, '')).sort()).toEqual(['loop-a.yaml', 'loop-b.yaml']);
  });

  it('follows a folder symlinked into itself only once', () => {
    mkdirSync(join(root, 'banks'));
    writeFileSync(join(root, 'banks', 'a.yaml'), SAMPLE);
    symlinkSync(join(root, 'banks'), join(root, 'banks', 'again'));
    expect(listBankFiles([root]).files).toEqual([join(root, 'banks', 'a.yaml')]);
  });

  it('loads a bank reached by two paths once, without a duplicate-id error', async () => {
    writeFileSync(join(root, 'a.yaml'), SAMPLE);
    symlinkSync(join(root, 'a.yaml'), join(root, 'b.yaml'));
    const { banks, files } = await loadBanks([root, join(root, 'a.yaml')], undefined);
    expect(banks).toHaveLength(1);
    expect(files.flatMap((f) => f.problems)).toEqual([]);
  });
});

describe('parsing is bounded by the input', () => {
  it('reads a mapping of 40,000 keys and gives a short, clear result', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `key${i}: ${i}`).join('\n');
    const started = performance.now();
    const parsed = parseBank(`bank: big\ntitle: Big\nindustry: retail\n${keys}\n`, 'big.yaml');
    const seconds = (performance.now() - started) / 1000;
    expect(parsed.bank).toBeUndefined();
    expect(parsed.problems.length).toBeLessThanOrEqual(60);
    expect(parsed.problems.some((p) => p.message.startsWith('unknown field "key0"'))).toBe(true);
    expect(parsed.problems.some((p) => p.message.startsWith('and 39950 more unknown fields'))).toBe(true);
    // Quadratic duplicate-key checking took 11-25 s here; the bench measures it properly.
    expect(seconds).toBeLessThan(10);
  });

  it('still finds a key written twice, at the second', () => {
    const source = SAMPLE.replace('title:', 'title: One\ntitle:');
    const parsed = parseBank(source, 'dup.yaml');
    expect(parsed.problems).toHaveLength(1);
    const second = source.split('\n').findIndex((l) => l.startsWith('title:') && !l.startsWith('title: One')) + 1;
    expect(parsed.problems[0]).toMatchObject({ code: 'duplicate-key', line: second });
  });

  it('refuses two 8 MB files of "- {}" in one folder with a located message each, without running out of memory', async () => {
    const junk = '- {}\n'.repeat((8 * 1024 * 1024) / 5 - 1);
    writeFileSync(join(root, 'a.yaml'), junk);
    writeFileSync(join(root, 'b.yaml'), junk);
    const { files } = await loadBanks([root], undefined);
    expect(files).toHaveLength(2);
    for (const f of files) expect(f.problems[0]).toMatchObject({ code: 'too-large', line: 1 });
    expect(files[0]!.problems[0]!.message).toContain('Split it into several banks');
  });

  it('reports a tab used for indentation once, at the tab, instead of a cascade', () => {
    const tabbed = SAMPLE.replace('\n    prompt: What do you say?', '\n\tprompt: What do you say?');
    const parsed = parseBank(tabbed, 'tab.yaml');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ code: 'tab-indentation', col: 1 });
    expect(parsed.problems[0]!.line).toBe(tabbed.split('\n').findIndex((l) => l.startsWith('\t')) + 1);
  });

  it('rejects a choice whose text is nothing but escape sequences', () => {
    const parsed = parseBank(SAMPLE.replace(/text: .*/, 'text: "\\e[31m\\e[0m\\u202e"'), 'empty.yaml');
    expect(parsed.bank).toBeUndefined();
    expect(parsed.problems[0]).toMatchObject({ code: 'empty-text' });
    expect(parsed.problems[0]!.message).toContain('empty once its control characters');
  });
});

describe('the cache is never trusted for safety', () => {
  const cache = () => join(root, 'cache');
  const seed = async () => {
    writeFileSync(join(root, 'sample.yaml'), SAMPLE);
    mkdirSync(join(root, 'banks'));
    await loadBanks([join(root, 'sample.yaml')], cache());
    return join(cache(), cacheKey(readFileSync(join(root, 'sample.yaml'))));
  };

  it('sanitises a hand-edited entry that carries escape sequences', async () => {
    const entry = await seed();
    const parsed = JSON.parse(readFileSync(entry, 'utf8'));
    parsed.bank.title = 'Evil \u001b]0;pwned\u0007title\u001b[2J';
    parsed.bank.questions[0].choices[0].text = '\u001b[31mred\u001b[0m \u202eflip';
    writeFileSync(entry, JSON.stringify(parsed));
    const { banks } = await loadBanks([join(root, 'sample.yaml')], cache());
    expect(banks[0]!.title).toBe('Evil title');
    expect(banks[0]!.questions[0]!.choices[0]!.text).toBe('red flip');
  });

  it('sanitises an entry that writes the characters as JSON escapes, which JSON.stringify never would', async () => {
    const entry = await seed();
    const text = readFileSync(entry, 'utf8');
    const parsed = JSON.parse(text);
    const title = JSON.stringify(parsed.bank.title);
    // \u202e (right-to-left override) and a C1 CSI written as escapes, and a \r.
    writeFileSync(entry, text.replace(`"title":${title}`, `"title":"Evil \\u202eflip\\u009b2J\\rtitle"`));
    expect(readFileSync(entry, 'utf8')).toContain('\\u202e');
    const { banks } = await loadBanks([join(root, 'sample.yaml')], cache());
    expect(banks[0]!.title).toBe('Evil fliptitle');
  });

  it('discards an entry of the wrong shape and rebuilds it from the file', async () => {
    const entry = await seed();
    writeFileSync(entry, JSON.stringify({ bank: { id: 'x', questions: 'not a list' }, problems: [] }));
    const { banks } = await loadBanks([join(root, 'sample.yaml')], cache());
    expect(banks[0]!.id).toBe('sample-clinic');
    expect(banks[0]!.questions.length).toBeGreaterThan(0);
    expect(readdirSync(cache()).filter((f) => !f.startsWith('stat-'))).toHaveLength(1);
  });
});
