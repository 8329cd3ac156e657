// What must never reach a user, and how the end-to-end tests read what did.
import { expect } from 'vitest';
import type { RunResult } from './run-mot.js';

/**
 * A frame of a Node stack trace ("    at fn (file:///…/cli.js:12:5)", "    at node:internal/…:3:9",
 * "    at async Promise.all (index 0)"), or an error printed by name ("TypeError: …"). Plain text
 * that happens to wrap onto a line starting with "    at " does not match.
 */
export const STACK_TRACE = /^ {4}at (?:.*:\d+:\d+\)?|.*\((?:index \d+|<anonymous>|native)\))$|^[A-Z]\w*Error: /m;

/** What every run must satisfy: no stack trace reaches the user, whatever happened. */
export function expectNoStackTrace(run: RunResult): void {
  expect(run.stdout).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(STACK_TRACE);
}

/** The run's stdout as the one JSON document it must be. */
export function jsonOf<T>(run: RunResult): T {
  expectNoStackTrace(run);
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.code}):\n${run.stdout}\n--- stderr ---\n${run.stderr}`);
  }
}
