// A session as a state machine: (state, event) -> (state, effects). The terminal and the scripted
// drivers feed it events (an answer, a skip, a flag, going back, submitting, an interruption) and
// carry out what it asks for (store this answer, show feedback, ask for submission, finish).
// Resuming is replaying the stored answers into a fresh state. Nothing here touches a terminal,
// a file or a clock: times and ids come in with the events.
import { ratingFor } from './schedule.js';
import { scoreResponse } from './scoring.js';
import type { PlannedQuestion } from './selection.js';
import type { GivenAnswer, Mode } from './session.js';

export type Phase = 'asking' | 'feedback' | 'confirming' | 'finished' | 'interrupted';

export interface SessionState {
  readonly mode: Mode;
  /** The questions in the order asked. A drill adds a missed question again at the end, once. */
  readonly plan: readonly PlannedQuestion[];
  /** Per place in the plan: whether it is a second asking of a missed drill question. */
  readonly again: readonly boolean[];
  readonly answers: readonly (GivenAnswer | undefined)[];
  readonly flagged: readonly boolean[];
  readonly current: number;
  readonly phase: Phase;
  /** How the session stopped early, when it did. */
  readonly stopped?: 'input-ended' | 'interrupted';
}

export type SessionEvent =
  | { type: 'answered'; response: number[]; id: string; seconds?: number }
  | { type: 'skipped' }
  | { type: 'flagged' }
  | { type: 'went-back' }
  | { type: 'went-to'; index: number }
  | { type: 'continued' }
  | { type: 'submitted' }
  | { type: 'interrupted'; why: 'input-ended' | 'interrupted' };

export type Effect =
  | { type: 'ask'; index: number }
  /** Keep the answer; `supersedes` is the id of the answer it replaces (an exam answer changed before submitting). */
  | { type: 'store-answer'; index: number; answer: GivenAnswer; supersedes?: string; schedule: boolean }
  /** `last`: no question follows, so what comes next is the result. */
  | { type: 'show-feedback'; index: number; answer: GivenAnswer; last: boolean }
  | { type: 'confirm-submit'; unanswered: number[]; flagged: number[] }
  /** The session is over; `complete` when every question was answered (then it is stored as finished). */
  | { type: 'finish'; complete: boolean }
  | { type: 'stop'; why: 'input-ended' | 'interrupted' };

export interface Step {
  state: SessionState;
  effects: Effect[];
}

/** Which modes let the learner move about before submitting, and which teach after each answer. */
const NAVIGABLE: Record<Mode, boolean> = { exam: true, train: false, drill: false };
const TEACHES: Record<Mode, boolean> = { exam: false, train: true, drill: true };

export function startSession(mode: Mode, plan: readonly PlannedQuestion[]): Step {
  const state: SessionState = {
    mode,
    plan,
    again: plan.map(() => false),
    answers: plan.map(() => undefined),
    flagged: plan.map(() => false),
    current: 0,
    phase: plan.length === 0 ? 'finished' : 'asking',
  };
  return { state, effects: plan.length === 0 ? [{ type: 'finish', complete: true }] : [{ type: 'ask', index: 0 }] };
}

/**
 * Replays answers already stored (a resumed session) without effects, then asks the first
 * question still open. Each answer goes to the first unanswered place of its question.
 */
export function resumeSession(mode: Mode, plan: readonly PlannedQuestion[], given: readonly GivenAnswer[]): Step {
  let { state } = startSession(mode, plan);
  const answers = [...state.answers];
  for (const answer of given) {
    const index = plan.findIndex((p, i) => p.question.id === answer.planned.question.id && answers[i] === undefined);
    if (index >= 0) answers[index] = { ...answer, planned: plan[index]! };
  }
  state = { ...state, answers };
  const open = firstOpen(state, 0, true);
  if (open === undefined) return finishOrConfirm(state);
  return { state: { ...state, current: open }, effects: [{ type: 'ask', index: open }] };
}

export function step(state: SessionState, event: SessionEvent): Step {
  if (state.phase === 'finished' || state.phase === 'interrupted') return { state, effects: [] };
  if (event.type === 'interrupted')
    return { state: { ...state, phase: 'interrupted', stopped: event.why }, effects: [{ type: 'stop', why: event.why }] };
  switch (state.phase) {
    case 'asking':
      return asking(state, event);
    case 'feedback':
      return event.type === 'continued' ? advance(state) : { state, effects: [] };
    case 'confirming':
      return confirming(state, event);
    default:
      return unreachable(state.phase);
  }
}

function asking(state: SessionState, event: SessionEvent): Step {
  const index = state.current;
  const navigable = NAVIGABLE[state.mode];
  switch (event.type) {
    case 'answered': {
      const planned = state.plan[index]!;
      const previous = state.answers[index];
      const score = scoreResponse(planned.question, event.response);
      const answer: GivenAnswer = { planned, response: event.response, score, id: event.id };
      if (event.seconds !== undefined) answer.seconds = event.seconds;
      const answers = replace(state.answers, index, answer);
      const effects: Effect[] = [
        {
          type: 'store-answer',
          index,
          answer,
          ...(previous?.id ? { supersedes: previous.id } : {}),
          // A changed exam answer is the same review of the card, not a second one.
          schedule: previous === undefined,
        },
      ];
      let next: SessionState = { ...state, answers };
      // A drill brings a miss back before the sitting ends, once: that is what "Again" means.
      if (state.mode === 'drill' && !state.again[index] && ratingFor(score, event.seconds) === 1)
        next = { ...next, plan: [...next.plan, planned], again: [...next.again, true], answers: [...answers, undefined], flagged: [...next.flagged, false] };
      if (TEACHES[state.mode]) return { state: { ...next, phase: 'feedback' }, effects: [...effects, { type: 'show-feedback', index, answer, last: index === next.plan.length - 1 }] };
      const after = advance(next);
      return { state: after.state, effects: [...effects, ...after.effects] };
    }
    case 'skipped':
      return navigable ? advance(state) : { state, effects: [] };
    case 'flagged':
      return navigable
        ? { state: { ...state, flagged: replace(state.flagged, index, !state.flagged[index]) }, effects: [{ type: 'ask', index }] }
        : { state, effects: [] };
    case 'went-back':
      return navigable && index > 0 ? goTo(state, index - 1) : { state, effects: [{ type: 'ask', index }] };
    case 'went-to':
      return navigable ? goTo(state, event.index) : { state, effects: [] };
    default:
      return { state, effects: [] };
  }
}

function confirming(state: SessionState, event: SessionEvent): Step {
  if (event.type === 'submitted') return finish(state);
  if (event.type === 'went-to') return goTo(state, event.index);
  if (event.type === 'went-back') return goTo(state, state.plan.length - 1);
  return { state, effects: [] };
}

/** The next place to ask after the current one: in order, and in an exam the next one still open. */
function advance(state: SessionState): Step {
  const navigable = NAVIGABLE[state.mode];
  const next = navigable ? firstOpen(state, state.current + 1, false) : state.current + 1 < state.plan.length ? state.current + 1 : undefined;
  if (next === undefined) return finishOrConfirm(state);
  return { state: { ...state, current: next, phase: 'asking' }, effects: [{ type: 'ask', index: next }] };
}

function goTo(state: SessionState, index: number): Step {
  if (!Number.isInteger(index) || index < 0 || index >= state.plan.length) return { state, effects: [] };
  return { state: { ...state, current: index, phase: 'asking' }, effects: [{ type: 'ask', index }] };
}

/** An exam ends at the submit screen (unanswered and flagged questions listed); practice simply ends. */
function finishOrConfirm(state: SessionState): Step {
  if (!NAVIGABLE[state.mode]) return finish(state);
  const unanswered = state.answers.flatMap((a, i) => (a === undefined ? [i] : []));
  const flagged = state.flagged.flatMap((f, i) => (f ? [i] : []));
  return { state: { ...state, phase: 'confirming' }, effects: [{ type: 'confirm-submit', unanswered, flagged }] };
}

function finish(state: SessionState): Step {
  return { state: { ...state, phase: 'finished' }, effects: [{ type: 'finish', complete: state.answers.every((a) => a !== undefined) }] };
}

/** The first unanswered place at or after `from` (wrapping round to the start when asked). */
function firstOpen(state: SessionState, from: number, wrap: boolean): number | undefined {
  const n = state.plan.length;
  for (let k = 0; k < n; k++) {
    const i = from + k;
    if (i >= n && !wrap) return undefined;
    if (state.answers[i % n] === undefined) return i % n;
  }
  return undefined;
}

/** The answers given, in plan order (what the result and the review are built from). */
export function givenAnswers(state: SessionState): GivenAnswer[] {
  return state.answers.filter((a): a is GivenAnswer => a !== undefined);
}

function replace<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = [...list];
  copy[index] = value;
  return copy;
}

function unreachable(value: never): never {
  throw new Error(`unhandled session phase: ${String(value)}`);
}
