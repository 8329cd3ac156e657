// The warm path of the bank cache: an entry is cleaned in place, and only what holds something
// to remove is rewritten, so the quick test must never let through what the sanitiser removes.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, readCached, writeCached } from '../../src/banks/bank-cache.js';
import { loadBanks } from '../../src/banks/load-banks.js';
import { parseBank } from '../../src/banks/parse-bank.js';
import { questionHash } from '../../src/core/question-hash.js';
import { sanitizeText, UNSAFE } from '../../src/core/sanitize.js';

const SAMPLE = readFileSync(new URL('../fixtures/good/sample-clinic.yaml', import.meta.url), 'utf8');
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mot-bank-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('UNSAFE', () => {
  it('matches every text the sanitiser would change, and no text it leaves alone', () => {
    const texts = ['plain', 'tab\tand\nnewline', 'café — “quoted” ’', '日本語', ''];
    for (let code = 0; code < 0x3000; code++) texts.push(`a${String.fromCharCode(code)}b`, `\u001b[${String.fromCharCode(code)}m`);
    texts.push('\u001b]0;title\u0007', '\u009b31m', '\u001bP data \u001b\\', '\u202e', '\u2066x\u2069', '\u061c', '\u200f');
    for (const text of texts) expect(UNSAFE.test(text), JSON.stringify(text)).toBe(sanitizeText(text) !== text);
  });
});

describe('a cache entry read back', () => {
  it('is cleaned in its keys as well as its values', () => {
    const parsed = parseBank(SAMPLE, 'sample.yaml');
    const key = cacheKey(Buffer.from(SAMPLE));
    writeCached(root, key, parsed);
    const entry = parsed as unknown as { bank: { questions: Record<string, unknown>[] } };
    entry.bank.questions[0]!['\u001b[2Jtags'] = ['x'];
    entry.bank.questions[0]!.prompt = 'What \u001b[31mnow\u001b[0m?';
    writeFileSync(join(root, key), JSON.stringify(parsed));
    const read = readCached(root, key)!;
    const question = read.bank!.questions[0]! as unknown as Record<string, unknown>;
    expect(question.prompt).toBe('What now?');
    expect(Object.keys(question)).not.toContain('\u001b[2Jtags');
    expect(question['tags']).toEqual(['x']);
  });

  it('is cleaned whatever character a string holds, though only an entry whose text shows one is walked', () => {
    const parsed = parseBank(SAMPLE, 'sample.yaml');
    const key = cacheKey(Buffer.from(SAMPLE));
    const codes = [...Array.from({ length: 0x3000 }, (_, code) => code), 0xd800, 0xdfff, 0xfeff, 0xfffe];
    for (const code of codes) {
      const title = `a${String.fromCharCode(code)}b`;
      writeFileSync(join(root, key), JSON.stringify({ ...parsed, bank: { ...parsed.bank!, title } }));
      expect(readCached(root, key)!.bank!.title, `U+${code.toString(16)}`).toBe(sanitizeText(title));
    }
  });

  it('is returned unchanged when nothing in it needs cleaning', () => {
    const parsed = parseBank(SAMPLE, 'sample.yaml');
    const key = cacheKey(Buffer.from(SAMPLE));
    writeCached(root, key, parsed);
    expect(readCached(root, key)).toEqual(parsed);
  });

  it("brings each question's hash with it, so a warm session computes none (and loads no node:crypto)", () => {
    const parsed = parseBank(SAMPLE, 'sample.yaml');
    const key = cacheKey(Buffer.from(SAMPLE));
    writeCached(root, key, parsed);
    const read = readCached(root, key)!;
    const fresh = (q: object) => questionHash(structuredClone(q) as Parameters<typeof questionHash>[0]);
    for (const question of read.bank!.questions) expect(questionHash(question)).toBe(fresh(question));
    // The hash given is the one the entry holds: one written otherwise is what questionHash returns.
    const entry = JSON.parse(readFileSync(join(root, key), 'utf8')) as { questionHashes: string[] };
    entry.questionHashes[0] = 'ffffffffffffffff';
    writeFileSync(join(root, key), JSON.stringify(entry));
    expect(questionHash(readCached(root, key)!.bank!.questions[0]!)).toBe('ffffffffffffffff');
  });

  it('has its question hashes computed afresh when the list is not one hash per question', () => {
    const parsed = parseBank(SAMPLE, 'sample.yaml');
    const key = cacheKey(Buffer.from(SAMPLE));
    const real = parsed.bank!.questions.map((q) => questionHash(structuredClone(q)));
    for (const hashes of [['ffffffffffffffff'], parsed.bank!.questions.map(() => 'not a hash'), 'ffffffffffffffff']) {
      writeFileSync(join(root, key), JSON.stringify({ ...parsed, questionHashes: hashes }));
      const read = readCached(root, key)!;
      expect(read.bank!.questions.map(questionHash)).toEqual(real);
      expect(read).not.toHaveProperty('questionHashes');
    }
  });
});

describe('a file unchanged since it was checked', () => {
  const bank = () => join(root, 'sample.yaml');
  const cache = () => join(root, 'cache');
  const pointers = () => readdirSync(cache()).filter((f) => f.startsWith('stat-'));
  const entries = () => readdirSync(cache()).filter((f) => !f.startsWith('stat-'));

  it('is found by its stat, without its content being hashed again', async () => {
    writeFileSync(bank(), SAMPLE);
    await loadBanks([bank()], cache(), { settleMs: 0 });
    expect(pointers()).toHaveLength(1);
    expect(readFileSync(join(cache(), pointers()[0]!), 'latin1')).toBe(`${entries()[0]} sample-clinic`);
    // The entry the pointer names is what is read: an edit to it shows (cleaned, as always).
    const entry = join(cache(), entries()[0]!);
    const parsed = JSON.parse(readFileSync(entry, 'utf8'));
    parsed.bank.title = 'Read through the pointer \u001b[2J';
    writeFileSync(entry, JSON.stringify(parsed));
    const { banks } = await loadBanks([bank()], cache(), { settleMs: 0 });
    expect(banks[0]!.title).toBe('Read through the pointer ');
  });

  it('misses its pointer once it is edited, even to the same size', async () => {
    writeFileSync(bank(), SAMPLE);
    await loadBanks([bank()], cache(), { settleMs: 0 });
    // An edit comes after the file's timestamp tick has moved on (a few ms on Linux): within the
    // same tick a same-size edit keeps the stat, which is what the settle time (not used here) is for.
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeFileSync(bank(), SAMPLE.replace(/^title: .{3}/m, (t) => t.slice(0, -3) + 'Zzz'));
    const { banks } = await loadBanks([bank()], cache(), { settleMs: 0 });
    expect(banks[0]!.title.slice(0, 3)).toBe('Zzz');
    expect(pointers()).toHaveLength(2);
  });

  it('gets no pointer while it has only just changed', async () => {
    writeFileSync(bank(), SAMPLE);
    await loadBanks([bank()], cache());
    expect(pointers()).toHaveLength(0);
    appendFileSync(bank(), '\n');
    const { banks } = await loadBanks([bank()], cache(), { settleMs: 0 });
    expect(banks).toHaveLength(1);
    expect(pointers()).toHaveLength(1);
  });

  it('is read afresh when its pointer is damaged', async () => {
    writeFileSync(bank(), SAMPLE);
    await loadBanks([bank()], cache(), { settleMs: 0 });
    writeFileSync(join(cache(), pointers()[0]!), '../../etc/passwd');
    const { banks } = await loadBanks([bank()], cache(), { settleMs: 0 });
    expect(banks[0]!.id).toBe('sample-clinic');
  });

  it('is listed but not read by a load that wants other banks, once its pointer names its bank', async () => {
    writeFileSync(bank(), SAMPLE);
    await loadBanks([bank()], cache(), { settleMs: 0 });
    // The entry is damaged: only a load that reads it would notice.
    writeFileSync(join(cache(), entries()[0]!), 'not an entry');
    const other = await loadBanks([bank()], cache(), { settleMs: 0, only: ['retail'] });
    expect(other.banks).toEqual([]);
    expect(other.files).toEqual([{ file: bank(), problems: [], declaredId: 'sample-clinic', unread: true }]);
    const wanted = await loadBanks([bank()], cache(), { settleMs: 0, only: ['sample-clinic'] });
    expect(wanted.banks.map((b) => b.id)).toEqual(['sample-clinic']);
  });

  it('is read by any load while the cache does not know its bank', async () => {
    writeFileSync(bank(), SAMPLE);
    const first = await loadBanks([bank()], cache(), { settleMs: 0, only: ['retail'] });
    expect(first.banks.map((b) => b.id)).toEqual(['sample-clinic']);
  });

  it('is always read when it has errors, so its warning is shown in every session', async () => {
    writeFileSync(bank(), SAMPLE.replace(/^pass_mark: .*$/m, 'pass_mark: 7'));
    await loadBanks([bank()], cache(), { settleMs: 0 });
    expect(readFileSync(join(cache(), pointers()[0]!), 'latin1')).toMatch(/^[0-9a-f]{40}$/);
    const { files } = await loadBanks([bank()], cache(), { settleMs: 0, only: ['retail'] });
    expect(files[0]!.unread).toBeUndefined();
    expect(files[0]!.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});
