// Random ids (UUID version 4) for sessions and answers. They must be unique across every terminal
// that ever syncs to one organisation store, so their bytes come from the system's random source.
// Where there is /dev/urandom it is read directly: node:crypto, whose randomUUID() draws on the
// same source, takes ~2 ms to load, and a session needs only a few ids.
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** Random bytes for this many ids are read at once, as randomUUID() keeps a batch too. */
const BATCH = 64;
let batch: Buffer | undefined;
let next = 0;

export function randomId(): string {
  if (!batch || next === BATCH) {
    batch = randomBytes(16 * BATCH);
    next = 0;
  }
  return uuidFromBytes(batch.subarray(16 * next, 16 * ++next), 4);
}

/** A UUID of this version (RFC 9562) from the first 16 of these bytes, whose version and variant bits it sets. */
export function uuidFromBytes(bytes: Buffer, version: 4 | 5): string {
  bytes[6] = (bytes[6]! & 0x0f) | (version << 4);
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // the RFC 9562 variant
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function randomBytes(size: number): Buffer {
  const buffer = Buffer.alloc(size);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      for (let filled = 0; filled < size; ) {
        const read = readSync(fd, buffer, filled, size - filled, null);
        if (read <= 0) throw new Error('/dev/urandom ended');
        filled += read;
      }
    } finally {
      closeSync(fd);
    }
    return buffer;
  } catch {
    // No /dev/urandom (Windows), or it cannot be read: the same bytes through node:crypto.
    return (requireHere('node:crypto') as typeof import('node:crypto')).randomFillSync(buffer);
  }
}
