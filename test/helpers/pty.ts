// Runs the built `mot` in a real pseudo-terminal and reads back what a person would see: the
// raw output goes through a headless xterm, so assertions are about screen lines, not escapes.
import xtermHeadless from '@xterm/headless';
import ptyModule from 'node-pty';
import { BIN } from './run-mot.js';

const { Terminal } = xtermHeadless;

export const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  space: ' ',
  enter: '\r',
  left: '\u001b[D',
  right: '\u001b[C',
  tab: '\t',
  ctrlC: '\u0003',
} as const;

export interface PtySession {
  /** Everything the terminal shows, scrollback included, one entry per logical (unwrapped) line. */
  lines(): string[];
  screen(): string;
  /** The raw bytes written by the program, escapes and all. */
  raw(): string;
  press(...keys: string[]): Promise<void>;
  /** Resolves once `text` (or a match of the pattern) is on the screen; fails with the screen after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code; fails after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number>;
  kill(): void;
}

export function startPty(
  args: string[],
  env: Record<string, string | undefined>,
  size = { cols: 80, rows: 40 },
  /** Send stdout to this file instead of the terminal (`mot train > log.txt`); stdin and stderr stay on it. */
  stdoutTo?: string,
): PtySession {
  const merged: Record<string, string | undefined> = { ...process.env, MOT_CONTENT: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const term = new Terminal({ cols: size.cols, rows: size.rows, scrollback: 5000, allowProposedApi: true });
  const [file, argv] = stdoutTo
    ? ['/bin/sh', ['-c', 'out=$1; shift; exec "$@" > "$out"', 'sh', stdoutTo, process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const child = ptyModule.spawn(file, argv, {
    name: 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd: process.cwd(),
    env: merged as Record<string, string>,
  });
  let raw = '';
  let pending = 0;
  child.onData((data) => {
    raw += data;
    pending += 1;
    term.write(data, () => (pending -= 1));
  });
  let exitCode: number | undefined;
  const exitWaiters: ((code: number) => void)[] = [];
  child.onExit(({ exitCode: code }) => {
    exitCode = code;
    for (const resolve of exitWaiters.splice(0)) resolve(code);
  });

  const lines = (): string[] => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && out.length > 0) out[out.length - 1] += text;
      else out.push(text);
    }
    while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
    return out;
  };
  const screen = () => lines().join('\n');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    lines,
    screen,
    raw: () => raw,
    async press(...keys: string[]) {
      for (const key of keys) {
        child.write(key);
        // Inquirer re-renders after every key; a short pause keeps keys from merging into one read.
        await sleep(60);
      }
    },
    async waitFor(text, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      const found = () => (typeof text === 'string' ? screen().includes(text) : text.test(screen()));
      while (Date.now() < deadline) {
        if (pending === 0 && found()) return;
        await sleep(25);
      }
      if (found()) return;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(text)}; the screen shows:\n${screen()}`);
    },
    exited(timeoutMs = 5000) {
      if (exitCode !== undefined) return Promise.resolve(exitCode);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms; the screen shows:\n${screen()}`)), timeoutMs);
        exitWaiters.push((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
    },
    kill() {
      if (exitCode === undefined) child.kill('SIGKILL');
    },
  };
}
