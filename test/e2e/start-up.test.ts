// What a warm scripted session loads: the cost of a start is mostly what is loaded, so what the
// first question never needs stays unloaded (issue 10: a session within 1.5x of bare Node).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, sandbox } from '../helpers/run-mot.js';

let box: ReturnType<typeof sandbox>;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

/** Runs a one-question scripted session as bin/mot.js does, and lists what the process loaded. */
function session(): { status: number | null; stdout: string; builtins: string[]; files: string[] } {
  const script = join(box.dir, 'session.cjs');
  writeFileSync(
    script,
    [
      `require(${JSON.stringify(join(ROOT, 'dist', 'code-cache.js'))}).useCodeCache(${JSON.stringify(join(ROOT, 'dist'))});`,
      "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) }) + '\\n'));",
      `require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))}).run(['node', 'mot', 'train', '-b', 'retail', '-n', '1', '--seed', '1']);`,
    ].join('\n'),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, ...box.env };
  delete env.MOT_CONTENT;
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', input: 'a\n', env });
  const loaded = JSON.parse(run.stderr.split('LOADED ')[1] ?? '{}') as { builtins: string[]; files: string[] };
  return { status: run.status, stdout: run.stdout, builtins: loaded.builtins, files: loaded.files };
}

describe('a warm scripted session', () => {
  it('never loads node:crypto, node:v8, the YAML parser or the prompts', () => {
    expect(session().status).toBe(0); // fills this sandbox's bank cache
    const warm = session();
    expect(warm.status).toBe(0);
    expect(warm.stdout).toContain('Score');
    expect(warm.builtins).not.toContain('NativeModule crypto');
    expect(warm.builtins).not.toContain('NativeModule v8');
    const chunks = warm.files.map((f) => relative(ROOT, f)).filter((f) => f.startsWith('dist/'));
    expect(chunks.some((f) => /parse-bank|prompts/.test(f))).toBe(false);
    expect(chunks.some((f) => /sqlite-store/.test(f))).toBe(true);
  });

  it('the cold one, which parses the bank, does load the parser (so the check above means something)', () => {
    const cold = session();
    expect(cold.status).toBe(0);
    expect(cold.files.some((f) => /parse-bank/.test(f))).toBe(true);
    expect(cold.builtins).toContain('NativeModule crypto');
  });
});
