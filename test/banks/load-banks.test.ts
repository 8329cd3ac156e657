// loadBanks over real folders: which files it finds, duplicate bank ids, size limits and the cache.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/banks/bank-cache.js';
import { listBankFiles, loadBankFile, loadBanks, MAX_BANK_BYTES } from '../../src/banks/load-banks.js';
import type { ParsedBank } from '../../src/banks/parse-bank.js';

const SAMPLE = readFileSync(new URL('../fixtures/good/sample-clinic.yaml', import.meta.url), 'utf8');

function bankYaml(id: string, title = `Bank ${id}`): string {
  return `# ${title}
bank: ${id}
title: ${title}
industry: retail
questions:
  - id: greet
    prompt: What do you do?
    choices:
      - text: Greet them
        score: 1
      - text: Ignore them
        score: 0
`;
}

let root: string;
const savedCacheEnv = process.env.MOT_CACHE;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mot-load-'));
  // Wherever mot would cache by default, it is inside this test's folder, never the user's home.
  process.env.MOT_CACHE = join(root, 'default-cache');
});

afterEach(() => {
  if (savedCacheEnv === undefined) delete process.env.MOT_CACHE;
  else process.env.MOT_CACHE = savedCacheEnv;
  rmSync(root, { recursive: true, force: true });
});

/** Writes files under the temporary root, creating folders as needed; returns the root-relative paths' absolute forms. */
function write(files: Record<string, string | Buffer>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    paths[name] = path;
  }
  return paths;
}

describe('listBankFiles and loadBanks find bank files', () => {
  it('finds .yaml and .yml files in nested folders and skips every other file', async () => {
    write({
      'content/a.yaml': bankYaml('a'),
      'content/deep/er/b.yml': bankYaml('b'),
      'content/c.YAML': bankYaml('c'),
      'content/notes.txt': 'not a bank',
      'content/d.json': '{}',
      'content/e.yaml.bak': bankYaml('e'),
      'content/README.md': '# readme',
    });
    const { banks, files } = await loadBanks([join(root, 'content')], undefined);
    expect(banks.map((b) => b.id).sort()).toEqual(['a', 'b', 'c']);
    expect(files.map((f) => f.file.slice(root.length + 1)).sort()).toEqual(['content/a.yaml', 'content/c.YAML', 'content/deep/er/b.yml']);
    expect(files.flatMap((f) => f.problems)).toEqual([]);
  });

  it('skips hidden folders and node_modules', () => {
    write({ 'c/.git/x.yaml': bankYaml('x'), 'c/node_modules/pkg/y.yaml': bankYaml('y'), 'c/z.yaml': bankYaml('z') });
    expect(listBankFiles([join(root, 'c')]).files).toEqual([join(root, 'c/z.yaml')]);
  });

  it('lists the files of a folder sorted, and a file given by name as it is', () => {
    const paths = write({ 'c/b.yaml': bankYaml('b'), 'c/a.yaml': bankYaml('a'), 'single.yml': bankYaml('s') });
    expect(listBankFiles([join(root, 'c'), paths['single.yml']!])).toEqual({
      files: [join(root, 'c/a.yaml'), join(root, 'c/b.yaml'), paths['single.yml']],
      missing: [],
      refused: [],
    });
  });

  it('reports a folder that does not exist as missing', () => {
    expect(listBankFiles([join(root, 'nowhere')])).toEqual({ files: [], missing: [join(root, 'nowhere')], refused: [] });
  });

  it('refuses a file given by name that is not .yaml or .yml', async () => {
    const paths = write({ 'bank.txt': bankYaml('t') });
    const { banks, files } = await loadBanks([paths['bank.txt']!], undefined);
    expect(banks).toEqual([]);
    expect(files[0]!.problems[0]!.message).toBe('a bank file must end in .yaml or .yml.');
  });

  it('keeps a broken file out of the banks, with its problems', async () => {
    write({ 'c/good.yaml': bankYaml('good'), 'c/broken.yaml': bankYaml('broken').replace('score: 0', 'scroe: 0') });
    const { banks, files } = await loadBanks([join(root, 'c')], undefined);
    expect(banks.map((b) => b.id)).toEqual(['good']);
    const broken = files.find((f) => f.file.endsWith('broken.yaml'))!;
    expect(broken.bank).toBeUndefined();
    expect(broken.declaredId).toBe('broken');
    expect(broken.problems.some((p) => p.message.includes('scroe') && p.line === 12)).toBe(true);
  });
});

describe('loadBanks with one bank id in two files', () => {
  it('keeps the first file and gives the second a problem naming both files', async () => {
    const paths = write({ 'c/a-first.yaml': bankYaml('shared', 'First'), 'c/b-second.yml': bankYaml('shared', 'Second') });
    const { banks, files } = await loadBanks([join(root, 'c')], undefined);
    expect(banks).toHaveLength(1);
    expect(banks[0]!.title).toBe('First');
    const second = files.find((f) => f.file === paths['c/b-second.yml'])!;
    expect(second.bank).toBeUndefined();
    expect(second.problems).toHaveLength(1);
    const problem = second.problems[0]!;
    expect(problem.file).toBe(paths['c/b-second.yml']);
    expect(problem.severity).toBe('error');
    expect(problem.message).toContain('bank id "shared"');
    expect(problem.message).toContain(paths['c/a-first.yaml']);
    expect(files.find((f) => f.file === paths['c/a-first.yaml'])!.problems).toEqual([]);
  });

  it('keeps the bank of the folder searched first', async () => {
    write({ 'one/z.yaml': bankYaml('shared', 'From one'), 'two/a.yaml': bankYaml('shared', 'From two') });
    const { banks } = await loadBanks([join(root, 'one'), join(root, 'two')], undefined);
    expect(banks.map((b) => b.title)).toEqual(['From one']);
  });
});

describe('loadBanks refuses a huge file', () => {
  it(`refuses a file above ${MAX_BANK_BYTES} bytes with a clear message, before parsing it`, async () => {
    // Valid YAML (a comment) that parsing would report as an empty file, so the message shows which check ran.
    const paths = write({ 'huge.yaml': Buffer.alloc(MAX_BANK_BYTES + 1, '#') });
    const started = Date.now();
    const file = await loadBankFile(paths['huge.yaml']!, undefined);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(file.bank).toBeUndefined();
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]).toMatchObject({ line: 1, col: 1, severity: 'error' });
    expect(file.problems[0]!.message).toBe('the file is 8.0 MB; a bank may be at most 8 MB. Split it into several banks.');
  });
});

describe('loadBanks with a cache', () => {
  let cache: string;
  beforeEach(() => {
    cache = join(root, 'cache');
  });
  const cacheEntries = () => (existsSync(cache) ? readdirSync(cache) : []);

  it('writes a checked bank to the cache, keyed by the file’s content', async () => {
    const paths = write({ 'c/sample.yaml': SAMPLE });
    const { banks } = await loadBanks([join(root, 'c')], cache);
    expect(banks.map((b) => b.id)).toEqual(['sample-clinic']);
    expect(cacheEntries()).toEqual([cacheKey(readFileSync(paths['c/sample.yaml']!))]);
  });

  it('serves a second load of the same content from the cache', async () => {
    const paths = write({ 'c/sample.yaml': SAMPLE });
    await loadBanks([join(root, 'c')], cache);
    // Change the cached copy: if the next load shows the change, it came from the cache, not the file.
    const entry = join(cache, cacheKey(readFileSync(paths['c/sample.yaml']!)));
    const first = (await loadBankFile(paths['c/sample.yaml']!, cache)) as ParsedBank;
    const marked: ParsedBank = { ...first, bank: { ...first.bank!, title: 'Served from the cache' } };
    writeFileSync(entry, JSON.stringify(marked));
    const { banks } = await loadBanks([join(root, 'c')], cache);
    expect(banks[0]!.title).toBe('Served from the cache');
  });

  it('re-reads an edited file instead of serving the stale bank', async () => {
    const paths = write({ 'c/sample.yaml': SAMPLE });
    await loadBanks([join(root, 'c')], cache);
    writeFileSync(paths['c/sample.yaml']!, SAMPLE.replace('title: Sample clinic front desk', 'title: Edited title'));
    const { banks } = await loadBanks([join(root, 'c')], cache);
    expect(banks[0]!.title).toBe('Edited title');
    expect(cacheEntries()).toHaveLength(2);
  });

  it('re-reads a file edited into a broken one, reporting its problems', async () => {
    const paths = write({ 'c/sample.yaml': SAMPLE });
    await loadBanks([join(root, 'c')], cache);
    writeFileSync(paths['c/sample.yaml']!, SAMPLE.replace('stage: delivery', 'stage: aftercare'));
    const { banks, files } = await loadBanks([join(root, 'c')], cache);
    expect(banks).toEqual([]);
    expect(files[0]!.problems.map((p) => p.message).join('\n')).toContain('aftercare');
  });

  it('gives a cached bank the path of the file it was loaded from this time', async () => {
    write({ 'one/sample.yaml': SAMPLE, 'two/copy.yaml': SAMPLE });
    await loadBanks([join(root, 'one')], cache);
    const { banks, files } = await loadBanks([join(root, 'two')], cache);
    expect(cacheEntries()).toHaveLength(1);
    expect(banks[0]!.file).toBe(join(root, 'two/copy.yaml'));
    expect(files[0]!.file).toBe(join(root, 'two/copy.yaml'));
  });

  it('caches a broken file too, so its parse is paid once, and gives the same problems from the cache', async () => {
    const paths = write({ 'c/broken.yaml': SAMPLE.replace('stage: delivery', 'stage: aftercare') });
    const first = await loadBanks([join(root, 'c')], cache);
    expect(cacheEntries()).toEqual([cacheKey(readFileSync(paths['c/broken.yaml']!))]);
    const again = await loadBanks([join(root, 'c')], cache);
    expect(again.files[0]!.problems).toEqual(first.files[0]!.problems);
    expect(again.files[0]!.problems[0]!.message).toContain('unknown stage "aftercare"');
  });

  it('ignores a corrupt cache entry and parses the file', async () => {
    const paths = write({ 'c/sample.yaml': SAMPLE });
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, cacheKey(readFileSync(paths['c/sample.yaml']!))), 'not a serialized bank');
    const { banks, files } = await loadBanks([join(root, 'c')], cache);
    expect(files[0]!.problems).toEqual([]);
    expect(banks[0]!.id).toBe('sample-clinic');
  });

  it('writes no cache at all when the cache folder given is undefined', async () => {
    write({ 'c/sample.yaml': SAMPLE });
    await loadBanks([join(root, 'c')], undefined);
    await loadBankFile(join(root, 'c/sample.yaml'), undefined);
    expect(readdirSync(root), 'loadBanks(paths, undefined) wrote to the default cache folder').toEqual(['c']);
  });
});
