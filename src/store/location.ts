// Where the progress store lives, and the checks that need no SQLite: they run before a session
// shows its first question, while SQLite itself is loaded only once there is an answer to keep.
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { DAMAGED_HINT, NOT_OURS_HINT, STORE_HINT, storeMessages as say } from '../messages/store.js';
import { APPLICATION_ID, MIGRATIONS } from './schema.js';

export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MOT_STORE) return env.MOT_STORE;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'mot', 'mot.db');
}

export const HINT = STORE_HINT;

/** Refuses a file that is not mot's, and makes the folder; throws a UserError naming the path. */
export function prepareStoreLocation(path: string): void {
  checkIsOurs(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw new UserError(say.cannotCreateFolder(path, reason(err)), HINT);
  }
}

/**
 * Reads the file's header without opening it as a database, so a foreign or damaged file is
 * refused before SQLite could write anything to it (a journal, a WAL switch, a schema).
 */
function checkIsOurs(path: string): void {
  if (!existsSync(path)) return;
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UserError(say.isFolder(path), HINT);
    size = stat.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(say.cannotRead(path, reason(err)), HINT);
  }
  if (size === 0) return;
  const header = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, header, 0, 100, 0);
  } catch (err) {
    throw new UserError(say.cannotRead(path, reason(err)), HINT);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const notOurs = () => new UserError(say.notOurs(path), NOT_OURS_HINT);
  if (size < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') throw notOurs();
  const applicationId = header.readUInt32BE(68);
  const userVersion = header.readUInt32BE(60);
  // A zero id with version zero is a store another mot process is creating this very moment.
  if (applicationId !== APPLICATION_ID && !(applicationId === 0 && userVersion === 0)) throw notOurs();
  if (userVersion > MIGRATIONS.length) throw new UserError(say.newerSchema(path, userVersion, MIGRATIONS.length), say.newerSchemaHint);
  checkWholePages(path, header, size);
}

/**
 * A store cut short (a copy that stopped, a full disk) is refused here, before SQLite could take
 * it for a smaller database and write to it: its length must be whole pages, and at least what
 * the header says, unless a write-ahead log still holds the rest.
 */
function checkWholePages(path: string, header: Buffer, size: number): void {
  const damaged = (what: string) => new UserError(say.damaged(path, what), DAMAGED_HINT);
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw damaged('its header is not valid');
  if (size % pageSize !== 0 || size < pageSize) throw damaged(`it ends part-way through a page: ${size} bytes, not a whole number of ${pageSize}-byte pages`);
  const pages = header.readUInt32BE(28);
  const countIsCurrent = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (countIsCurrent && pages * pageSize > size && !hasLog(path)) throw damaged(`it has been cut short: ${size} of ${pages * pageSize} bytes`);
}

function hasLog(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

export function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOTDIR' || e?.code === 'EEXIST') return 'a part of the path is a file, not a folder';
  if (e?.code === 'EROFS') return 'the disk is read-only';
  if (e?.code === 'SQLITE_CANTOPEN') return 'the file cannot be created or opened there';
  if (e?.code === 'SQLITE_NOTADB' || e?.code === 'SQLITE_CORRUPT') return 'it is not a database, or it is damaged';
  return String(e?.message ?? err);
}
