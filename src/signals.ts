// SIGTERM, SIGHUP and SIGINT end mot the way Ctrl-C at a prompt does: whatever is running is told
// first (a session saves and aborts its prompt), the terminal is given back as it was found, and
// the exit code says which signal it was (128 + its number). A session cooperates through
// `onStop` and `stopSignal()`; with nothing registered, mot restores the terminal and ends at once
// (every answer is stored the moment it is given, so there is nothing else to save).
import { stderr, stdinIsTTY, stdout } from './ui/stdio.js';

export type StopSignalName = 'SIGTERM' | 'SIGHUP' | 'SIGINT';

export interface Stop {
  signal: StopSignalName;
  /** 128 + the signal's number: 143, 129, 130. */
  code: number;
}

const SIGNALS: Record<StopSignalName, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** How long a registered session may take to save and unwind before mot ends regardless. */
const GRACE_MS = 3000;

type StopHandler = (stop: Stop) => void | Promise<void>;

const handlers = new Set<StopHandler>();
let controller = new AbortController();
let requested: Stop | undefined;

/**
 * Tells `handler` when a stop signal arrives, before mot ends; returns what unregisters it. While
 * any handler is registered, mot waits (up to a few seconds) for the command to return on its own,
 * so a session registers for as long as it runs and unregisters when it ends.
 */
export function onStop(handler: StopHandler): () => void {
  handlers.add(handler);
  return () => void handlers.delete(handler);
}

/** Aborted when a stop signal arrives: pass it to prompts (`{ signal }`) and waits that should end then. */
export function stopSignal(): AbortSignal {
  return controller.signal;
}

/** The stop that was asked for, if any: the entry point turns it into the exit code. */
export function stopRequested(): Stop | undefined {
  return requested;
}

/** Cursor shown, raw mode off: what a prompt cut short leaves undone. */
export function restoreTerminal(): void {
  for (const stream of [stdout(), stderr()])
    if (stream.isTTY && !stream.destroyed) {
      try {
        stream.write('\u001b[?25h');
      } catch {
        // A terminal that is gone (SIGHUP) cannot be restored, and needs not be.
      }
      break;
    }
  if (!stdinIsTTY()) return;
  const input = process.stdin;
  if (input.isRaw) {
    try {
      input.setRawMode(false);
    } catch {
      // As above: the terminal may have been closed.
    }
  }
}

/**
 * Installs the handlers; `exit` ends the process (the entry point's, after draining). Called once,
 * by the entry point. A second signal while the first is being handled ends mot at once.
 */
export function installStopHandlers(exit: (code: number) => void): void {
  for (const name of Object.keys(SIGNALS) as StopSignalName[]) {
    process.on(name, () => {
      const stop: Stop = { signal: name, code: 128 + SIGNALS[name] };
      if (requested) {
        restoreTerminal();
        exit(requested.code);
        return;
      }
      requested = stop;
      // Should the process run out of work before the entry point exits, it still ends with this code.
      process.exitCode = stop.code;
      if (handlers.size === 0) {
        restoreTerminal();
        exit(stop.code);
        return;
      }
      for (const handler of [...handlers]) {
        try {
          void Promise.resolve(handler(stop)).catch(() => undefined);
        } catch {
          // A handler that fails must not keep mot from ending.
        }
      }
      controller.abort(stop);
      setTimeout(() => {
        restoreTerminal();
        exit(stop.code);
      }, GRACE_MS).unref();
    });
  }
}

/** For tests in one process: forget a stop and its handlers. */
export function resetStopState(): void {
  handlers.clear();
  controller = new AbortController();
  requested = undefined;
}
