// Runs one session from its plan: asks, scores, stores each answer the moment it is given,
// teaches (in train and drill), and ends with the result.
import { randomUUID } from 'node:crypto';
import { toLetters, toWritten } from '../core/answers.js';
import { questionHash } from '../core/question-hash.js';
import { nextCard, ratingFor } from '../core/schedule.js';
import { scoreResponse } from '../core/scoring.js';
import type { Filters, PlannedQuestion } from '../core/selection.js';
import { buildResult, type GivenAnswer, type Mode, type SessionResult } from '../core/session.js';
import type { Clock } from '../clock.js';
import { ExitError, isPromptExit } from '../errors.js';
import type { ProgressStore } from '../store/progress-store.js';
import type { Answerer } from '../ui/answerer.js';
import { renderChoices, renderFeedback, renderQuestion, renderSummary } from '../ui/render.js';
import type { Screen } from './shared.js';

export interface SessionPlan {
  id?: string;
  mode: Mode;
  learner: string;
  seed: number;
  filters: Filters;
  plan: PlannedQuestion[];
  passMark: number;
  /** Answers already given, when a session is resumed. */
  given?: GivenAnswer[];
}

export interface SessionDeps {
  /** An open store, or what opens it (then the session opens it after showing the first question, and closes it). */
  store: ProgressStore | (() => Promise<ProgressStore>);
  answerer: Answerer;
  screen: Screen;
  clock: Clock;
  json: boolean;
}

export async function runSession(session: SessionPlan, deps: SessionDeps): Promise<SessionResult> {
  const { answerer, screen, clock } = deps;
  const id = session.id ?? randomUUID();
  const total = session.plan.length;
  const given: GivenAnswer[] = [...(session.given ?? [])];
  let store: ProgressStore | undefined = typeof deps.store === 'function' ? undefined : deps.store;
  let created = session.id !== undefined;
  /** The store, opened on first use, with this session recorded in it. */
  const opened = async (): Promise<ProgressStore> => {
    store ??= await (deps.store as () => Promise<ProgressStore>)();
    if (!created) {
      await store.createSession({
        id,
        learner: session.learner,
        mode: session.mode,
        filters: session.filters,
        seed: session.seed,
        plan: session.plan.map((p) => ({ id: p.question.id, order: p.order })),
        passMark: session.passMark,
        started: clock().toISOString(),
      });
      created = true;
    }
    return store;
  };
  try {
    let stop: 'input-ended' | 'interrupted' | undefined;
    for (let index = given.length; index < total && !stop; index++) {
      const planned = session.plan[index]!;
      screen.write(renderQuestion(planned, index, total, screen));
      if (answerer.scripted) screen.write(renderChoices(planned, screen));
      await opened();
      const startedAt = performance.now();
      let positions: number[] | undefined;
      try {
        positions = await answerer.ask(planned, index, total);
      } catch (err) {
        if (!isPromptExit(err)) {
          // A scripted line that does not fit (or a bug): what was answered is saved already.
          if (given.length === 0) await store?.discardIfEmpty(id);
          throw err;
        }
        stop = 'interrupted';
        break;
      }
      if (positions === undefined) {
        stop = 'input-ended';
        break;
      }
      const response = toWritten(planned, positions);
      const answer: GivenAnswer = { planned, response, score: scoreResponse(planned.question, response) };
      if (!answerer.scripted) answer.seconds = Math.round((performance.now() - startedAt) / 100) / 10;
      const now = clock();
      await (await opened()).recordAnswer(
        {
          id: randomUUID(),
          sessionId: id,
          learner: session.learner,
          questionId: planned.question.id,
          questionHash: questionHash(planned.question),
          response,
          score: answer.score,
          ...(answer.seconds !== undefined ? { seconds: answer.seconds } : {}),
          answeredAt: now.toISOString(),
        },
        (previous) => nextCard(previous, now, ratingFor(answer.score, answer.seconds)),
      );
      given.push(answer);
      if (answerer.scripted) screen.write(screen.paint.dim(`  answer: ${toLetters(planned, response).join(', ')}`));
      if (session.mode !== 'exam') screen.write(renderFeedback(answer, screen));
    }

    const finished = given.length === total;
    if (finished) await (await opened()).finishSession(id, clock().toISOString());
    else if (given.length === 0) await store?.discardIfEmpty(id);
    const result = buildResult({
      mode: session.mode,
      learner: session.learner,
      session: id,
      seed: session.seed,
      finished,
      total,
      passMark: session.passMark,
      answers: given,
    });

    if (stop === 'interrupted') {
      screen.warn(`\nStopped. ${savedNote(given.length, total)}`);
      throw new ExitError(130);
    }
    screen.write(renderSummary(result, given, screen));
    if (stop === 'input-ended')
      screen.warn(`\nThe answers ran out after question ${given.length} of ${total}. ${savedNote(given.length, total)}`);
    if (deps.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return result;
  } finally {
    // A store the session opened itself is the session's to close.
    if (typeof deps.store === 'function') await store?.close();
  }
}

function savedNote(answered: number, total: number): string {
  if (answered === 0) return 'Nothing was answered.';
  const what = `${answered} answer${answered === 1 ? ' is' : 's are'} saved`;
  return answered < total ? `${what}; \`mot resume\` continues from question ${answered + 1}.` : `${what}.`;
}
