// `mot train` and `mot exam`: draw questions, run the session.
import { clockFrom } from '../clock.js';
import { drawQuestions, filterQuestions } from '../core/selection.js';
import { defaultPassMark, type SessionResult } from '../core/session.js';
import type { Answerer } from '../ui/answerer.js';
import { scriptedAnswerer } from '../ui/scripted-answerer.js';
import { stdinChunks, stdinIsTTY } from '../ui/stdio.js';
import { runMessages } from '../messages/run.js';
import { stopSignal } from '../signals.js';
import { runSession } from './run-session.js';
import {
  filtersFrom,
  titlesOf,
  learnerName,
  loadContent,
  noQuestions,
  openScreen,
  prepareStore,
  parseCount,
  parsePassMark,
  parseSeed,
  type Screen,
  type SessionOptions,
} from './shared.js';

export const DEFAULT_COUNT = { train: 10, exam: 20 };

export async function practise(mode: 'train' | 'exam', options: SessionOptions): Promise<SessionResult> {
  const screen = await openScreen(options.json);
  const clock = clockFrom();
  const learner = learnerName(options.learner);
  // A session that names its banks (and no industry) reads only those.
  const loaded = await loadContent(options, screen, options.bank?.length && !options.industry?.length ? options.bank : undefined);
  const filters = filtersFrom(options, loaded);
  const questions = filterQuestions(loaded.banks, filters);
  if (questions.length === 0) throw noQuestions(filters);
  const seed = parseSeed(options.seed);
  const plan = drawQuestions(questions, { count: parseCount(options.count, DEFAULT_COUNT[mode]), seed, shuffle: options.shuffle !== false });
  const passMark = parsePassMark(options.passMark) ?? defaultPassMark(loaded.banks, plan);
  const store = prepareStore(options.store);
  const answerer = await answererFor(screen);
  if (mode === 'exam' && !answerer.scripted)
    screen.write(screen.paint.dim(runMessages.examIntro(plan.length, passMark)));
  return runSession({ mode, learner, seed, filters, plan, passMark, bankTitles: titlesOf(loaded.banks) }, { store, answerer, screen, clock, json: options.json === true });
}

/** Prompts for a person at a terminal; one answer per line otherwise. */
export async function answererFor(screen: Screen): Promise<Answerer> {
  if (!stdinIsTTY()) return scriptedAnswerer(stdinChunks());
  const { interactiveAnswerer } = await import('../ui/prompts.js');
  return interactiveAnswerer(screen.paint, screen.width, { input: process.stdin, output: screen.out }, stopSignal());
}
