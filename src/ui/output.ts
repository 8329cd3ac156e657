// The one way commands write. stdout carries the command's result (text, JSON, CSV); stderr
// carries everything addressed to the person (warnings, progress, prompts' surroundings). Every
// string passes the sanitiser on its way out, whatever its source, so nothing from a bank, an
// option, a file name or the store can drive the terminal.
import { sanitizeOutput } from '../core/sanitize.js';
import { stderr as stderrStream, stdout as stdoutStream } from './stdio.js';

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Output {
  /** A line (or lines) of the command's result, on stdout. */
  print(text: string): void;
  /** A line (or lines) for the person, on stderr. */
  note(text: string): void;
  /** One JSON document on stdout. */
  json(value: unknown): void;
  /** Text on stdout exactly as given, after sanitising (no newline added): CSV, XML, PDF paths. */
  raw(text: string): void;
  readonly stdout: Stream;
  readonly stderr: Stream;
}

export interface OutputOptions {
  stdout?: Stream;
  stderr?: Stream;
  /** Whether colour codes may pass on each stream (paint decides this per stream). */
  stdoutStyles?: boolean;
  stderrStyles?: boolean;
}

export function makeOutput(options: OutputOptions = {}): Output {
  const stdout = options.stdout ?? stdoutStream();
  const stderr = options.stderr ?? stderrStream();
  const outStyles = options.stdoutStyles ?? false;
  const errStyles = options.stderrStyles ?? false;
  return {
    stdout,
    stderr,
    print: (text) => void stdout.write(sanitizeOutput(text, outStyles) + '\n'),
    note: (text) => void stderr.write(sanitizeOutput(text, errStyles) + '\n'),
    json: (value) => void stdout.write(sanitizeOutput(JSON.stringify(value, null, 2), false) + '\n'),
    raw: (text) => void stdout.write(sanitizeOutput(text, outStyles)),
  };
}
