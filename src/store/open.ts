// Which engine a store location means, and the cheap checks made before a session's first
// question: a `postgres://` or `postgresql://` URL is PostgreSQL, anything else an SQLite file.
// Neither engine's code is loaded here; `openProgressStore` loads the one it needs.
import { UserError } from '../errors.js';
import { storeMessages as say } from '../messages/store.js';
import { prepareStoreLocation } from './location.js';
import type { Engine, ProgressStore } from './progress-store.js';

export function engineOf(location: string): Engine {
  return /^postgres(ql)?:\/\//i.test(location) ? 'postgres' : 'sqlite';
}

/**
 * Refuses a location that cannot be a store, without opening it: for SQLite, a file that is not
 * mot's or a folder that cannot be made; for PostgreSQL, a URL that does not parse.
 */
export function checkStoreLocation(location: string): void {
  if (engineOf(location) === 'postgres') parsePostgresUrl(location);
  else prepareStoreLocation(location);
}

export async function openProgressStore(location: string): Promise<ProgressStore> {
  if (engineOf(location) === 'postgres') {
    const { PostgresStore } = await import('./postgres-store.js');
    return PostgresStore.open(location);
  }
  const { SqliteStore } = await import('./sqlite-store.js');
  return SqliteStore.open(location);
}

/** The URL, checked, and the same URL without its password: what messages may show. */
export function parsePostgresUrl(location: string): { url: URL; safe: string } {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new UserError(say.badUrl(redact(location)), say.badUrlHint);
  }
  if (!url.hostname && !url.searchParams.get('host')) throw new UserError(say.badUrl(redact(location)), say.badUrlHint);
  return { url, safe: redact(location) };
}

/** A location as it may be printed: a PostgreSQL URL loses its password, a path stays as it is. */
export function safeLocation(location: string): string {
  return engineOf(location) === 'postgres' ? redact(location) : location;
}

/** The URL without the password it may hold, in its user part or as a `password=` parameter. */
function redact(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1@').replace(/([?&]password=)[^&#]*/gi, '$1***');
}
