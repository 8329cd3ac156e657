// The code cache (src/boot/code-cache.ts), as the entry point uses it: in a fresh Node process,
// over a folder of CommonJS files. Each run prints what the cache did and what the module returned.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-mot.js';

const CODE_CACHE = join(ROOT, 'dist', 'code-cache.js');

let dir: string;
let app: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mot-code-cache-'));
  app = join(dir, 'app');
  mkdirSync(join(app, 'lib'), { recursive: true });
  writeFileSync(join(app, 'package.json'), '{ "type": "commonjs" }\n');
  writeFileSync(join(app, 'lib', 'helper.js'), 'module.exports = { twice: (n) => n * 2 };\n');
  writeModule('answer', 21);
  writeFileSync(join(dir, 'outside.js'), 'module.exports = "outside";\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** main.js: uses a relative require, require.resolve, __filename and __dirname, and is strict. */
function writeModule(name: string, value: number, when = new Date()): void {
  const file = join(app, 'main.js');
  writeFileSync(
    file,
    [
      "'use strict';",
      "const { twice } = require('./lib/helper.js');",
      `module.exports = { ${name}: twice(${value}), resolved: require.resolve('./lib/helper.js'), file: __filename, folder: __dirname, strict: (function () { return this === undefined; })() };`,
      '',
    ].join('\n'),
  );
  utimesSync(file, when, when);
}

/** A script file, run as the entry point is (with `node -e`, the script would count among Node's flags). */
function scriptFile(text: string): string {
  const file = join(dir, `run-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(file, text);
  return file;
}

interface Run {
  report: { used: string[]; compiled: string[]; written: string[] } | null;
  exported: Record<string, unknown>;
  outside: string;
}

function run(env: Record<string, string> = {}, cacheDir?: string): Run {
  const script = [
    `const report = require(${JSON.stringify(CODE_CACHE)}).useCodeCache(${JSON.stringify(app)}${cacheDir ? `, { dir: ${JSON.stringify(cacheDir)} }` : ''});`,
    `const exported = require(${JSON.stringify(join(app, 'main.js'))});`,
    `const outside = require(${JSON.stringify(join(dir, 'outside.js'))});`,
    "process.on('exit', () => process.stdout.write(JSON.stringify({ report: report ?? null, exported, outside })));",
  ].join('\n');
  const child = spawnSync(process.execPath, [scriptFile(script)], { encoding: 'utf8', env: { ...process.env, MOT_CODE_CACHE: '', ...env } });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Run;
}

const entries = () => readdirSync(join(app, 'code-cache')).sort();
const local = (files: string[]) => files.map((f) => f.slice(app.length + 1));

describe('the code cache', () => {
  it('compiles a file the first time and writes its entry when the process exits', () => {
    const first = run();
    expect(local(first.report!.compiled)).toEqual(['main.js', 'lib/helper.js']);
    expect(first.report!.used).toEqual([]);
    expect(local(first.report!.written)).toEqual(['main.js', 'lib/helper.js']);
    expect(entries()).toHaveLength(2);
    expect(entries().some((e) => e.startsWith('lib~helper.js.'))).toBe(true);
    expect(entries().every((e) => e.includes(process.versions.v8) && e.endsWith('.bin'))).toBe(true);
  });

  it('runs from the entry the next time, as Node would have run the file', () => {
    run();
    const second = run();
    expect(local(second.report!.used)).toEqual(['main.js', 'lib/helper.js']);
    expect(second.report!.compiled).toEqual([]);
    expect(second.report!.written).toEqual([]);
    expect(second.exported).toEqual({ answer: 42, resolved: join(app, 'lib', 'helper.js'), file: join(app, 'main.js'), folder: app, strict: true });
  });

  it('never runs the old code of a file changed to the same length', () => {
    run();
    writeModule('answer', 50, new Date(Date.now() + 5_000));
    const after = run();
    expect(after.exported.answer).toBe(100);
    expect(local(after.report!.compiled)).toEqual(['main.js']);
    expect(local(after.report!.used)).toEqual(['lib/helper.js']);
  });

  it('compiles from source when an entry is damaged, and replaces it', () => {
    run();
    const entry = join(app, 'code-cache', entries().find((e) => e.startsWith('main.js.'))!);
    const bytes = readFileSync(entry);
    bytes.fill(7, 0, 64);
    writeFileSync(entry, bytes);
    const damaged = run();
    expect(damaged.exported.answer).toBe(42);
    expect(local(damaged.report!.compiled)).toEqual(['main.js']);
    expect(local(damaged.report!.written)).toEqual(['main.js']);
    expect(local(run().report!.used)).toEqual(['main.js', 'lib/helper.js']);
  });

  it('compiles from source when an entry was cut short', () => {
    run();
    const entry = join(app, 'code-cache', entries().find((e) => e.startsWith('main.js.'))!);
    writeFileSync(entry, readFileSync(entry).subarray(0, 200));
    const cut = run();
    expect(cut.exported.answer).toBe(42);
    expect(local(cut.report!.compiled)).toEqual(['main.js']);
  });

  it('works without writing anything where the cache folder cannot be made', () => {
    const nowhere = join(dir, 'outside.js', 'code-cache'); // a folder inside a file
    const result = run({}, nowhere);
    expect(result.exported.answer).toBe(42);
    expect(local(result.report!.compiled)).toEqual(['main.js', 'lib/helper.js']);
    expect(result.report!.written).toEqual([]);
  });

  it('leaves files outside its folder to Node', () => {
    const result = run();
    expect(result.outside).toBe('outside');
    expect([...result.report!.compiled, ...result.report!.used].some((f) => f.includes('outside'))).toBe(false);
  });

  it('keeps the entries of other V8 flags apart, since V8 refuses code cached under other flags', () => {
    run();
    const flagged = run({ NODE_OPTIONS: '--max-old-space-size=300' });
    expect(local(flagged.report!.compiled)).toEqual(['main.js', 'lib/helper.js']);
    expect(entries()).toHaveLength(4);
    expect(local(run({ NODE_OPTIONS: '--max-old-space-size=300' }).report!.used)).toEqual(['main.js', 'lib/helper.js']);
    expect(local(run().report!.used)).toEqual(['main.js', 'lib/helper.js']);
  });

  it('is off with MOT_CODE_CACHE=off', () => {
    const off = run({ MOT_CODE_CACHE: 'off' });
    expect(off.report).toBeNull();
    expect(off.exported.answer).toBe(42);
    expect(() => readdirSync(join(app, 'code-cache'))).toThrow();
  });
});

describe('the build', () => {
  it('leaves an entry for every file of a scripted session, so the first session after a build compiles nothing', () => {
    const dist = join(ROOT, 'dist');
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache'), XDG_DATA_HOME: join(dir, 'data'), MOT_STORE: join(dir, 'store.db'), MOT_LEARNER: 'tester' };
    delete env.MOT_CONTENT;
    const session = (extra: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [
          scriptFile([
            `const report = require(${JSON.stringify(CODE_CACHE)}).useCodeCache(${JSON.stringify(dist)});`,
            "process.on('exit', () => process.stderr.write('REPORT ' + JSON.stringify(report ?? null) + '\\n'));",
            `require(${JSON.stringify(join(dist, 'cli.js'))}).run(['node', 'mot', 'train', '-b', 'retail', '-n', '1', '--seed', '1']);`,
          ].join('\n')),
        ],
        { encoding: 'utf8', input: 'a\n', env: { ...env, ...extra } },
      );
    // The first run fills this test's bank cache, without touching the code cache.
    expect(session({ MOT_CODE_CACHE: 'off' }).status).toBe(0);
    const measured = session({ MOT_CODE_CACHE: '' });
    expect(measured.status).toBe(0);
    expect(measured.stdout).toContain('Score');
    const report = JSON.parse(measured.stderr.split('REPORT ')[1]!) as Run['report'];
    expect(report!.compiled).toEqual([]);
    expect(report!.used.map((f) => f.slice(dist.length + 1).replace(/-[A-Z0-9]{8}\.js$/, ''))).toEqual(['cli.js', 'chunks/chunk-core', 'chunks/practise', 'chunks/chunk-session', 'chunks/sqlite-store']);
  });
});
