// stdout, stderr and stdin as mot uses them. Node builds process.stdout and its siblings on first
// use, and for a pipe or a socket (a script, a test, `| less`) that loads node:net and the stream
// machinery: ~3 ms before the first question, on every scripted run. A pipe, a socket or a file
// takes a plain synchronous write as well, in order, so those get a small writer on the file
// descriptor; a terminal (or any other device) gets Node's own stream, which prompts need.
import { fstatSync, writeSync } from 'node:fs';

/** What commands and the entry point need of an output stream. */
export type OutStream = NodeJS.WriteStream;

const streams: { out?: OutStream; err?: OutStream } = {};

export function stdout(): OutStream {
  return (streams.out ??= isPlain(1) ? (new FdWriter(1) as unknown as OutStream) : process.stdout);
}

export function stderr(): OutStream {
  return (streams.err ??= isPlain(2) ? (new FdWriter(2) as unknown as OutStream) : process.stderr);
}

/** Whether stdin is a terminal, without building process.stdin for a pipe or a file. */
export function stdinIsTTY(): boolean {
  return !isPlain(0) && process.stdin.isTTY === true;
}

/**
 * The bytes of stdin as they arrive, for scripted answers. process.stdin is built at the first
 * read, once the first question is on screen. (Reading the descriptor directly would skip
 * node:net here too, but a read blocked in the thread pool keeps a stopped mot from exiting.)
 */
export async function* stdinChunks(): AsyncGenerator<Buffer> {
  yield* process.stdin as AsyncIterable<Buffer>;
}

function isPlain(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    return false;
  }
}

type ErrorListener = (err: NodeJS.ErrnoException) => void;

/**
 * A synchronous writer on a file descriptor, with the part of a stream's surface mot uses:
 * `write(text, done)`, `on('error')`, `isTTY`, `destroyed`. After a failed write (EPIPE: the
 * reader has gone) it writes nothing more and reports the error once, as a stream would.
 */
export class FdWriter {
  readonly isTTY = false;
  readonly columns = undefined;
  readonly writableEnded = false;
  destroyed = false;
  private readonly listeners: ErrorListener[] = [];

  constructor(readonly fd: number) {}

  write(chunk: string | Uint8Array, encodingOrDone?: BufferEncoding | (() => void), done?: () => void): boolean {
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    if (!this.destroyed) {
      try {
        writeAll(this.fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      } catch (err) {
        this.destroyed = true;
        process.nextTick(() => {
          for (const listener of this.listeners) listener(err as NodeJS.ErrnoException);
        });
      }
    }
    if (callback) process.nextTick(callback);
    return !this.destroyed;
  }

  on(event: string, listener: ErrorListener): this {
    if (event === 'error') this.listeners.push(listener);
    return this;
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (err) {
      // A non-blocking descriptor whose reader is behind: wait a moment and go on.
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}
