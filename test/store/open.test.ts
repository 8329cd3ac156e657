// Which engine a location means, what may be printed of it, and the checks made before opening.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStoreLocation, engineOf, safeLocation } from '../../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'mot-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('engineOf', () => {
  it.each([
    ['postgres://mot@db/mot', 'postgres'],
    ['postgresql://mot@db:5433/mot?sslmode=require', 'postgres'],
    ['POSTGRES://mot@db/mot', 'postgres'],
    ['/home/sam/.local/share/mot/mot.db', 'sqlite'],
    ['postgres.db', 'sqlite'],
    ['./postgres://odd-file-name', 'sqlite'],
    [':memory:', 'sqlite'],
  ])('%s is %s', (location, engine) => {
    expect(engineOf(location)).toBe(engine);
  });
});

describe('safeLocation', () => {
  it.each([
    ['postgres://mot:s3cret@db.example.org:5432/mot', 'postgres://mot@db.example.org:5432/mot'],
    ['postgresql://mot:s3cret@db/mot?sslmode=require', 'postgresql://mot@db/mot?sslmode=require'],
    ['postgres://mot@db/mot?password=s3cret&sslmode=require', 'postgres://mot@db/mot?password=***&sslmode=require'],
    ['postgres://db/mot', 'postgres://db/mot'],
    ['/tmp/with:colon@at.db', '/tmp/with:colon@at.db'],
  ])('shows %s as %s', (location, shown) => {
    expect(safeLocation(location)).toBe(shown);
  });
});

describe('checkStoreLocation', () => {
  it('accepts a PostgreSQL URL without connecting to it', () => {
    expect(() => checkStoreLocation('postgres://mot:pw@host-that-does-not-exist.invalid:1/mot')).not.toThrow();
  });

  it('refuses a PostgreSQL URL without a host, and does not show its password', () => {
    expect(() => checkStoreLocation('postgres://')).toThrow(/not a PostgreSQL URL/);
    expect(() => checkStoreLocation('postgres://:pw@/mot')).toThrow(/not a PostgreSQL URL/);
    try {
      checkStoreLocation('postgres://:pw@/mot');
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('pw');
    }
  });

  it('refuses a file that is not a mot store, without SQLite', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'not a database at all, just some notes for the week\n'.repeat(4));
    expect(() => checkStoreLocation(path)).toThrow(/not a mot progress store/);
  });

  it('accepts a path where a store can be made', () => {
    expect(() => checkStoreLocation(join(dir, 'new', 'mot.db'))).not.toThrow();
  });
});
