// Which large SQLite stores mot has checked whole, or left itself, in their present state: a
// fingerprint (device, inode, size, modification time) per store in the cache folder. A store
// that matches is not read through again before the next write (a second for 1,000,000
// answers); one changed by anything else since, a damaged copy for instance, is.
import { mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

// node:crypto (~2 ms to load) only for a large store, the only kind looked up here.
const requireHere = createRequire(import.meta.url);

function fingerprint(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return undefined;
  }
}

function entryFor(path: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.MOT_CACHE === 'off') return undefined;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  const { createHash } = requireHere('node:crypto') as typeof import('node:crypto');
  return join(base, 'mot', 'stores', createHash('sha1').update(real).digest('hex'));
}

/** Whether the store is as mot last checked or left it. */
export function knownGood(path: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const entry = entryFor(path, env);
  const now = fingerprint(path);
  if (!entry || !now) return false;
  try {
    return readFileSync(entry, 'utf8') === now;
  } catch {
    return false;
  }
}

/** Records the store's present state as good; a cache that cannot be written only costs a later check. */
export function rememberGood(path: string, env: NodeJS.ProcessEnv = process.env): void {
  const entry = entryFor(path, env);
  const now = fingerprint(path);
  if (!entry || !now) return;
  try {
    mkdirSync(join(entry, '..'), { recursive: true });
    const tmp = `${entry}.${process.pid}`;
    writeFileSync(tmp, now);
    renameSync(tmp, entry);
  } catch {
    // best effort
  }
}
