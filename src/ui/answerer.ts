// How a session gets its answers: from a person at prompts, or from lines on stdin.
import type { PlannedQuestion } from '../core/selection.js';

export interface Answerer {
  /** Whether the choices must be printed with letters before asking (no interactive list). */
  readonly scripted: boolean;
  /** Display positions picked (or ranked, best first); undefined when the input has ended. */
  ask(planned: PlannedQuestion, index: number, total: number): Promise<number[] | undefined>;
}
