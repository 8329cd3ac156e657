// Scripted answers: one line per question, read as each line arrives, so a slow writer (a
// script, a pipe held open) sees every answer saved as soon as it is given. A line is held in
// memory only up to a bound: an answer is a few letters, and a line of hundreds of megabytes
// (a file piped in by mistake, or an attack) must end the session, not the process's memory.
import { StoppedError } from '../errors.js';

/** The longest line taken as an answer, in bytes; a longer one is refused as soon as it is seen. */
export const MAX_LINE_BYTES = 64 * 1024;

/** A line longer than the bound: its number, 1-based. */
export class LineTooLongError extends Error {
  override name = 'LineTooLongError';
  constructor(readonly lineNumber: number) {
    super(`line ${lineNumber} is longer than ${MAX_LINE_BYTES} bytes`);
  }
}

export interface LineReaderOptions {
  maxLineBytes?: number;
  /** When aborted, a wait for the next line rejects with a StoppedError. */
  signal?: AbortSignal;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;

export class LineReader {
  private readonly chunks: AsyncIterator<Buffer | string>;
  private readonly maxLineBytes: number;
  private readonly signal: AbortSignal | undefined;
  /** Bytes of the line being read, and after it, what has arrived but is not yet taken. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private ended = false;
  /** The number of the last line read, 1-based, for messages such as "line 2: ...". */
  lineNumber = 0;

  constructor(input: AsyncIterable<Buffer | string>, options: LineReaderOptions = {}) {
    this.chunks = input[Symbol.asyncIterator]();
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.signal = options.signal;
  }

  /** The next line (without its line ending), or undefined at the end of input. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const line = this.takeLine();
      if (line !== undefined) return this.accept(line);
      // One byte of slack for a "\r" before the newline that has not arrived yet.
      if (this.pendingBytes > this.maxLineBytes + 1) throw new LineTooLongError(this.lineNumber + 1);
      if (this.ended) {
        if (this.pendingBytes === 0) return undefined;
        const last = Buffer.concat(this.pending);
        this.pending = [];
        this.pendingBytes = 0;
        return this.accept(last);
      }
      const chunk = await this.nextChunk();
      if (chunk === undefined) this.ended = true;
      else if (chunk.length > 0) {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
      }
    }
  }

  /** Takes the first complete line among what has arrived, if there is one, leaving the rest. */
  private takeLine(): Buffer | undefined {
    let before = 0;
    for (let i = 0; i < this.pending.length; i++) {
      const chunk = this.pending[i]!;
      const at = chunk.indexOf(NEWLINE);
      if (at === -1) {
        before += chunk.length;
        continue;
      }
      const line = Buffer.concat([...this.pending.slice(0, i), chunk.subarray(0, at)], before + at);
      const rest = chunk.subarray(at + 1);
      this.pending = rest.length > 0 ? [rest, ...this.pending.slice(i + 1)] : this.pending.slice(i + 1);
      this.pendingBytes -= before + at + 1;
      return line;
    }
    return undefined;
  }

  private accept(bytes: Buffer): string {
    this.lineNumber += 1;
    const line = bytes.length > 0 && bytes[bytes.length - 1] === RETURN ? bytes.subarray(0, -1) : bytes;
    if (line.length > this.maxLineBytes) throw new LineTooLongError(this.lineNumber);
    return line.toString('utf8');
  }

  private async nextChunk(): Promise<Buffer | undefined> {
    const read = this.chunks.next().then(({ value, done }) => (done ? undefined : typeof value === 'string' ? Buffer.from(value) : value));
    const signal = this.signal;
    if (!signal) return read;
    if (signal.aborted) throw new StoppedError(stopName(signal));
    return new Promise<Buffer | undefined>((resolve, reject) => {
      const stop = () => reject(new StoppedError(stopName(signal)));
      signal.addEventListener('abort', stop, { once: true });
      read.then(
        (value) => {
          signal.removeEventListener('abort', stop);
          resolve(value);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', stop);
          reject(err);
        },
      );
    });
  }
}

function stopName(signal: AbortSignal): string {
  const reason = signal.reason as { signal?: string } | undefined;
  return typeof reason?.signal === 'string' ? reason.signal : 'a signal';
}
