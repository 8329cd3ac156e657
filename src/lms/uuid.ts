// UUID version 5 (RFC 9562): the same name always gives the same id, so a statement made twice
// from the same answer has the same id, and a learning record store keeps it once.
import { createHash } from 'node:crypto';
import { uuidFromBytes } from '../random-id.js';

/** mot's own namespace for statement ids (a random v4 UUID, fixed for good). */
export const MOT_NAMESPACE = '5f0f8b8e-3d5a-4c8e-9a51-6d1c2f7e4b90';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export function uuidV5(name: string, namespace: string = MOT_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  return uuidFromBytes(hash, 5);
}
