// How a session gets its answers: from a person at prompts, or from lines on stdin.
import type { PlannedQuestion } from '../core/selection.js';

/** What a learner can do at an exam question besides answering it. */
export type Move = { move: 'skip' } | { move: 'flag' } | { move: 'back' };

export interface AskOptions {
  /** Whether skipping, flagging and going back are offered (an exam at a terminal). */
  navigable: boolean;
  flagged: boolean;
  /** Whether there is a question before this one to go back to. */
  canGoBack: boolean;
}

export type SubmitChoice = { submit: true } | { goTo: number };

export interface Answerer {
  /** Whether the choices must be printed with letters before asking (no interactive list). */
  readonly scripted: boolean;
  /** Display positions picked (or ranked, best first), a move, or undefined when the input has ended. */
  ask(planned: PlannedQuestion, index: number, total: number, options?: AskOptions): Promise<number[] | Move | undefined>;
  /** After feedback: waits until the learner asks for the next question, or the result after the last (a terminal only). */
  next?(last: boolean): Promise<void>;
  /** The exam's last screen: submit, or go back to a question (a terminal only; scripts submit). */
  confirm?(unanswered: readonly number[], flagged: readonly number[], labels: readonly string[]): Promise<SubmitChoice>;
}

export function isMove(value: number[] | Move | undefined): value is Move {
  return value !== undefined && !Array.isArray(value);
}
