// Parsing YAML is the slow part of starting a session, so checked banks are kept in a cache keyed
// by the file's content (and mot's build): an edited file, or a new mot, misses the cache and is
// read afresh. Every failure here is silent: the cache only ever saves time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParsedBank } from './parse-bank.js';

declare const MOT_BUILD_ID: string | undefined;
const BUILD = typeof MOT_BUILD_ID === 'string' ? MOT_BUILD_ID : 'dev';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MOT_CACHE === 'off') return undefined;
  if (env.MOT_CACHE) return env.MOT_CACHE;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'mot', 'banks');
}

export function cacheKey(source: Buffer): string {
  return createHash('sha1').update(BUILD).update('\0').update(source).digest('hex');
}

export function readCached(dir: string | undefined, key: string): ParsedBank | undefined {
  if (!dir) return undefined;
  try {
    return deserialize(readFileSync(join(dir, key))) as ParsedBank;
  } catch {
    return undefined;
  }
}

export function writeCached(dir: string | undefined, key: string, parsed: ParsedBank): void {
  if (!dir || !parsed.bank) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, serialize(parsed));
    renameSync(tmp, join(dir, key));
  } catch {
    // A read-only home or a full disk only costs the next start its speed.
  }
}
