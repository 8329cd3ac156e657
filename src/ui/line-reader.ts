// Scripted answers: one line per question, read as each line arrives, so a slow writer (a
// script, a pipe held open) sees every answer saved as soon as it is given.
import { createInterface } from 'node:readline';

export class LineReader {
  private readonly lines: AsyncIterator<string>;
  /** The number of the last line read, 1-based, for messages such as "line 2: ...". */
  lineNumber = 0;

  constructor(input: NodeJS.ReadableStream) {
    this.lines = createInterface({ input, crlfDelay: Infinity, terminal: false })[Symbol.asyncIterator]();
  }

  /** The next line, or undefined at the end of input. */
  async next(): Promise<string | undefined> {
    const { value, done } = await this.lines.next();
    if (done) return undefined;
    this.lineNumber += 1;
    return value;
  }
}
