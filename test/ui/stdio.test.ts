// The writer mot uses for stdout and stderr when they are a pipe, a socket or a file.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FdWriter } from '../../src/ui/stdio.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mot-stdio-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('FdWriter', () => {
  it('writes text and bytes in order, whole, and calls back after each write', async () => {
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    const writer = new FdWriter(fd);
    const big = 'é'.repeat(300_000);
    let calls = 0;
    expect(writer.write('one\n', () => calls++)).toBe(true);
    writer.write(Buffer.from('two\n'));
    writer.write(big, 'utf8', () => calls++);
    await new Promise<void>((resolve) => writer.write('', () => resolve()));
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(`one\ntwo\n${big}`);
    expect(calls).toBe(2);
    expect(writer.isTTY).toBe(false);
  });

  it('reports a failed write once to its error listeners, then writes nothing more', async () => {
    // A descriptor open for reading only refuses every write (EBADF), as a closed pipe does (EPIPE).
    const file = join(dir, 'read-only.txt');
    closeSync(openSync(file, 'w'));
    const fd = openSync(file, 'r');
    const writer = new FdWriter(fd);
    const errors: string[] = [];
    writer.on('error', (err) => errors.push(String(err.code)));
    expect(writer.write('lost\n')).toBe(false);
    expect(writer.write('also lost\n')).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    closeSync(fd);
    expect(errors).toEqual(['EBADF']);
    expect(writer.destroyed).toBe(true);
  });
});
