// Session and answer ids: UUID version 4 from the system's random source.
import { describe, expect, it } from 'vitest';
import { randomId } from '../../src/random-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  it('gives UUIDs of version 4 and the RFC 9562 variant', () => {
    for (let i = 0; i < 500; i++) expect(randomId()).toMatch(UUID_V4);
  });

  it('never repeats, across many batches of random bytes', () => {
    const ids = Array.from({ length: 20_000 }, randomId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every bit it may: each hex digit outside the fixed ones takes all 16 values', () => {
    const ids = Array.from({ length: 2_000 }, () => randomId().replace(/-/g, ''));
    for (const position of [0, 5, 11, 13, 20, 31]) expect(new Set(ids.map((id) => id[position])).size, `digit ${position}`).toBe(16);
  });
});
