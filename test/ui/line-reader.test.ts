// The scripted answers' reader: lines as they arrive, whatever the chunks, and never more than
// its bound held for one line.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StoppedError } from '../../src/errors.js';
import { LineReader, LineTooLongError } from '../../src/ui/line-reader.js';

async function linesOf(chunks: (string | Buffer)[], maxLineBytes?: number): Promise<string[]> {
  const input = new PassThrough();
  for (const chunk of chunks) input.write(chunk);
  input.end();
  const reader = new LineReader(input, maxLineBytes === undefined ? {} : { maxLineBytes });
  const lines: string[] = [];
  for (let line = await reader.next(); line !== undefined; line = await reader.next()) lines.push(line);
  return lines;
}

describe('LineReader', () => {
  it('reads lines across chunk boundaries, with CRLF or LF, and a last line without a newline', async () => {
    expect(await linesOf(['b\r', '\na,', 'c\n\nc,a,d', ',b'])).toEqual(['b', 'a,c', '', 'c,a,d,b']);
  });

  it('decodes a character split between two chunks', async () => {
    const bytes = Buffer.from('é\nb\n');
    expect(await linesOf([bytes.subarray(0, 1), bytes.subarray(1)])).toEqual(['é', 'b']);
  });

  it('ends at the end of input, with nothing after a final newline', async () => {
    expect(await linesOf(['a\n'])).toEqual(['a']);
    expect(await linesOf([])).toEqual([]);
  });

  it('refuses a line over the bound with its number, whether or not its newline has come', async () => {
    await expect(linesOf(['a\n', 'x'.repeat(11), '\n'], 10)).rejects.toEqual(new LineTooLongError(2));
    const input = new PassThrough();
    input.write('a\n' + 'x'.repeat(50));
    const reader = new LineReader(input, { maxLineBytes: 10 });
    expect(await reader.next()).toBe('a');
    // The line has not ended and the input stays open: refused all the same, without waiting.
    await expect(reader.next()).rejects.toBeInstanceOf(LineTooLongError);
  });

  it('takes a line of exactly the bound, and its CRLF', async () => {
    expect(await linesOf(['x'.repeat(10) + '\r\n'], 10)).toEqual(['x'.repeat(10)]);
  });

  it('stops waiting when its signal is aborted', async () => {
    const input = new PassThrough();
    const controller = new AbortController();
    const reader = new LineReader(input, { signal: controller.signal });
    const waiting = reader.next();
    controller.abort({ signal: 'SIGTERM' });
    await expect(waiting).rejects.toBeInstanceOf(StoppedError);
  });
});
