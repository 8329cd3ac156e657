// Answers a scripted session (stdin not a terminal) one question at a time, reading each
// question as the binary prints it, for runs whose questions are not known in advance (seeds,
// filters over the built-in content, resumed sessions).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BIN, FIXTURES, ROOT, type RunResult } from './run-mot.js';

export type QuestionType = 'choice' | 'multi' | 'rank' | 'best-worst';

export interface ShownQuestion {
  /** 1-based, as in "Question 3 of 5". */
  number: number;
  total: number;
  type: QuestionType;
  /** The letters shown, in order: a, b, c, ... */
  letters: string[];
  /** Every shown choice's text by its letter. */
  choices: Map<string, string>;
  /** The text from the "Question k of N" header to the last choice. */
  block: string;
}

export interface DriveOptions {
  env?: Record<string, string | undefined>;
  /** Close stdin after this many answers instead of answering them all. */
  stopAfter?: number;
  /** Folders of the banks the session draws from (default: the built-in content and test/fixtures/good). */
  folders?: string[];
  /** The answer line for a question; by default the first letter, or every letter in order for rank. */
  answer?: (question: ShownQuestion) => string;
  timeoutMs?: number;
}

export interface DriveResult extends RunResult {
  questions: ShownQuestion[];
}

export function defaultAnswer(question: ShownQuestion): string {
  if (question.type === 'rank') return question.letters.join(',');
  if (question.type === 'best-worst') return `${question.letters[0]},${question.letters[1]}`;
  return question.letters[0]!;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const keyOf = (texts: Iterable<string>) => [...texts].map(normalise).sort().join('\u0000');

/**
 * Question types by their set of choice texts, read from the bank files themselves: the screen
 * does not say which type a question is, and its wording may change.
 */
export function indexQuestionTypes(folders: readonly string[]): Map<string, QuestionType> {
  const index = new Map<string, QuestionType>();
  for (const folder of folders)
    for (const file of readdirSync(folder).filter((f) => /\.ya?ml$/.test(f))) {
      let bank: { questions?: { type?: QuestionType; choices?: { text?: unknown }[] }[] };
      try {
        bank = parse(readFileSync(join(folder, file), 'utf8')) as typeof bank;
      } catch {
        continue;
      }
      for (const q of bank?.questions ?? [])
        if (Array.isArray(q.choices)) index.set(keyOf(q.choices.map((c) => String(c.text))), q.type ?? 'choice');
    }
  return index;
}

const DEFAULT_FOLDERS = [join(ROOT, 'content'), join(FIXTURES, 'good')];
let defaultIndex: Map<string, QuestionType> | undefined;

/**
 * Reads the first question shown at or after `from` in the session's text ("Question 3 of 5", its
 * scenario, prompt and lettered choices), once all its choices are there; `end` is where it stops.
 */
export function readQuestion(text: string, from: number, types: Map<string, QuestionType>): (ShownQuestion & { end: number }) | undefined {
  const header = /^Question (\d+) of (\d+)/m;
  const found = header.exec(text.slice(from));
  if (!found) return undefined;
  const start = from + found.index;
  const lines = text.slice(start).split('\n');
  const choices = new Map<string, string>();
  let current: string | undefined;
  let last = 0;
  lines.forEach((line, i) => {
    const m = /^ {2}([a-h])\) (.*)$/.exec(line);
    if (m && (choices.size === 0 || i === last + 1)) {
      current = m[1]!;
      choices.set(current, m[2]!);
      last = i;
    } else if (current && i === last + 1 && /^ {5}\S/.test(line)) {
      choices.set(current, `${choices.get(current)} ${line.trim()}`);
      last = i;
    }
  });
  const type = types.get(keyOf(choices.values()));
  if (!type) return undefined;
  const block = lines.slice(0, last + 1).join('\n');
  return { number: Number(found[1]), total: Number(found[2]), type, letters: [...choices.keys()], choices, block, end: start + block.length };
}

/**
 * Runs `mot args...` with stdin a pipe, answering each question once it and all its choices have
 * been printed. The session's text is read from stderr when `--json` is given.
 */
export function driveSession(args: string[], options: DriveOptions = {}): Promise<DriveResult> {
  const answer = options.answer ?? defaultAnswer;
  const types = options.folders ? indexQuestionTypes(options.folders) : (defaultIndex ??= indexQuestionTypes(DEFAULT_FOLDERS));
  const textOnStderr = args.includes('--json');
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, MOT_CONTENT: undefined, FORCE_COLOR: undefined, ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    const questions: ShownQuestion[] = [];
    let closed = false;
    let offset = 0;
    // Polling rather than reacting to each chunk: a question is answered once all its choices are in.
    const poll = setInterval(() => {
      if (closed) return;
      const found = readQuestion(textOnStderr ? stderr : stdout, offset, types);
      if (!found) return;
      const { end, ...question } = found;
      if (options.stopAfter !== undefined && questions.length >= options.stopAfter) {
        closed = true;
        child.stdin.end();
        return;
      }
      questions.push(question);
      offset = end;
      child.stdin.write(answer(question) + '\n');
    }, 20);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.on('error', () => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, stdout, stderr, questions });
    });
  });
}
