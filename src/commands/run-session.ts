// Drives one session: feeds the session state machine (core/session-machine.ts) the learner's
// events and carries out its effects — draw the question, store the answer the moment it is
// given, teach, ask for submission, finish — and ends with the result.
import { toLetters, toWritten } from '../core/answers.js';
import { questionHash } from '../core/question-hash.js';
import { nextCard, ratingFor } from '../core/schedule.js';
import type { Filters, PlannedQuestion } from '../core/selection.js';
import { buildResult, type GivenAnswer, type Mode, type SessionResult } from '../core/session.js';
import { givenAnswers, resumeSession, startSession, step, type Effect, type SessionEvent, type SessionState } from '../core/session-machine.js';
import type { Clock } from '../clock.js';
import { ExitError, isPromptExit, UserError } from '../errors.js';
import { commandName } from '../invocation.js';
import { runMessages as say } from '../messages/run.js';
import { randomId } from '../random-id.js';
import { onStop, stopRequested, stopSignal } from '../signals.js';
import type { ProgressStore } from '../store/progress-store.js';
import { isMove, type Answerer } from '../ui/answerer.js';
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
  /** Answers already stored, when a session is resumed (each goes back to its question's place). */
  given?: GivenAnswer[];
  /** Bank titles by id, for the question header. */
  bankTitles?: ReadonlyMap<string, string>;
}

export interface SessionDeps {
  /** An open store, or what opens it (then the session opens it after showing the first question, and closes it). */
  store: ProgressStore | (() => Promise<ProgressStore>);
  answerer: Answerer;
  screen: Screen;
  clock: Clock;
  json: boolean;
  /** How the learner continues an unfinished session (`mot resume`, as invoked). */
  resumeCommand?: string;
}

export async function runSession(session: SessionPlan, deps: SessionDeps): Promise<SessionResult> {
  const { answerer, screen, clock } = deps;
  const resume = deps.resumeCommand ?? `${commandName()} resume`;
  let id = session.id;
  const sessionId = (): string => (id ??= randomId());
  const total = session.plan.length;
  let store: ProgressStore | undefined = typeof deps.store === 'function' ? undefined : deps.store;
  let created = session.id !== undefined;
  /** The store, opened on first use, with this session recorded in it. */
  const opened = async (): Promise<ProgressStore> => {
    store ??= await (deps.store as () => Promise<ProgressStore>)();
    if (!created) {
      await store.createSession({
        id: sessionId(),
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

  // SIGTERM, SIGHUP or an outside SIGINT: whatever the learner is being asked is abandoned, what
  // is being stored is finished, and the session ends as if Ctrl-C had been pressed.
  const stopping = stopSignal();
  const stopped = new Promise<typeof STOPPED>((resolve) => {
    if (stopping.aborted) resolve(STOPPED);
    else stopping.addEventListener('abort', () => resolve(STOPPED), { once: true });
  });
  const unlessStopped = <T>(waiting: Promise<T>): Promise<T | typeof STOPPED> => Promise.race([waiting, stopped]);
  const unregister = onStop(() => undefined);

  let { state, effects } = session.given?.length ? resumeSession(session.mode, session.plan, session.given) : startSession(session.mode, session.plan);
  const savedNote = () => say.saved(givenAnswers(state).length, state.plan.length, resume);

  /** Carries out one effect; some of them wait for the learner, whose reply is the next event. */
  const perform = async (effect: Effect): Promise<SessionEvent | undefined> => {
    switch (effect.type) {
      case 'ask':
        return ask(state, effect.index);
      case 'store-answer': {
        const { answer } = effect;
        const now = clock();
        try {
          await (await opened()).recordAnswer(
            {
              id: answer.id!,
              sessionId: sessionId(),
              learner: session.learner,
              questionId: answer.planned.question.id,
              questionHash: questionHash(answer.planned.question),
              response: answer.response,
              score: answer.score,
              ...(answer.seconds !== undefined ? { seconds: answer.seconds } : {}),
              answeredAt: now.toISOString(),
              ...(effect.supersedes ? { supersedes: effect.supersedes } : {}),
            },
            (previous) => (effect.schedule ? nextCard(previous, now, ratingFor(answer.score, answer.seconds)) : undefined),
          );
        } catch (err) {
          // The store went away (a server down, a disk full): say which answer was lost, keep the rest.
          if (err instanceof UserError) throw new UserError(say.notSaved(effect.index + 1, err.message), say.notSavedHint(resume));
          throw err;
        }
        if (answerer.scripted) screen.write(screen.paint.dim(say.scriptedAnswer(toLetters(answer.planned, answer.response).join(', '))));
        return undefined;
      }
      case 'show-feedback':
        screen.write(renderFeedback(effect.answer, screen));
        if (answerer.next) {
          try {
            if ((await unlessStopped(answerer.next(effect.last))) === STOPPED) return { type: 'interrupted', why: 'interrupted' };
          } catch (err) {
            if (isPromptExit(err)) return { type: 'interrupted', why: 'interrupted' };
            throw err;
          }
        }
        return { type: 'continued' };
      case 'confirm-submit': {
        if (!answerer.confirm) return { type: 'submitted' };
        const labels = state.plan.map((p) => p.question.prompt);
        try {
          const choice = await unlessStopped(answerer.confirm(effect.unanswered, effect.flagged, labels));
          if (choice === STOPPED) return { type: 'interrupted', why: 'interrupted' };
          return 'submit' in choice ? { type: 'submitted' } : { type: 'went-to', index: choice.goTo };
        } catch (err) {
          if (isPromptExit(err)) return { type: 'interrupted', why: 'interrupted' };
          throw err;
        }
      }
      case 'finish':
        if (effect.complete) await (await opened()).finishSession(sessionId(), clock().toISOString());
        else if (givenAnswers(state).length === 0) await store?.discardIfEmpty(sessionId());
        return undefined;
      case 'stop':
        if (givenAnswers(state).length === 0) await store?.discardIfEmpty(sessionId());
        return undefined;
      default:
        return unreachable(effect);
    }
  };

  const ask = async (current: SessionState, index: number): Promise<SessionEvent> => {
    const planned = current.plan[index]!;
    const navigable = current.mode === 'exam' && !answerer.scripted;
    screen.write(renderQuestion(planned, index, current.plan.length, screen, session.bankTitles?.get(planned.question.bankId)));
    if (navigable)
      screen.write(
        (current.flagged[index] ? screen.paint.partial(say.flaggedMark(screen.paint.unicode)) + '  ' : '') + screen.paint.dim(say.examKeys(screen.paint.unicode)),
      );
    if (answerer.scripted) screen.write(renderChoices(planned, screen));
    await opened();
    // process.hrtime, not performance.now(): the same clock without loading perf_hooks (~1 ms).
    const startedAt = process.hrtime.bigint();
    let reply;
    try {
      reply = await unlessStopped(answerer.ask(planned, index, current.plan.length, { navigable, flagged: current.flagged[index] === true, canGoBack: index > 0 }));
    } catch (err) {
      if (isPromptExit(err) || stopping.aborted) return { type: 'interrupted', why: 'interrupted' };
      // A scripted line that does not fit (or a bug): what was answered is saved already.
      if (givenAnswers(current).length === 0) await store?.discardIfEmpty(sessionId());
      throw err;
    }
    if (reply === STOPPED) return { type: 'interrupted', why: 'interrupted' };
    if (reply === undefined) return { type: 'interrupted', why: 'input-ended' };
    if (isMove(reply)) return reply.move === 'skip' ? { type: 'skipped' } : reply.move === 'flag' ? { type: 'flagged' } : { type: 'went-back' };
    const event: SessionEvent = { type: 'answered', response: toWritten(planned, reply), id: randomId() };
    if (!answerer.scripted) event.seconds = Math.round(Number(process.hrtime.bigint() - startedAt) / 1e8) / 10;
    return event;
  };

  try {
    const pending = [...effects];
    while (pending.length > 0) {
      const event = await perform(pending.shift()!);
      if (!event) continue;
      ({ state, effects } = step(state, event));
      pending.push(...effects);
    }
    const answers = givenAnswers(state);
    const finished = state.phase === 'finished' && answers.length === state.plan.length;
    const result = buildResult({
      mode: session.mode,
      learner: session.learner,
      session: sessionId(),
      seed: session.seed,
      finished,
      total: state.plan.length || total,
      passMark: session.passMark,
      answers,
    });
    if (state.stopped === 'interrupted') {
      screen.warn(say.stopped(savedNote()));
      throw new ExitError(stopRequested()?.code ?? 130);
    }
    // The score and pass or fail are the last lines on screen: what ended the session is said first.
    if (state.stopped === 'input-ended') screen.warn(say.inputEnded(answers.length, state.plan.length, savedNote()));
    screen.result(renderSummary(result, answers, screen));
    if (deps.json) screen.json(result);
    return result;
  } finally {
    unregister();
    // A store the session opened itself is the session's to close.
    if (typeof deps.store === 'function') await store?.close();
  }
}

const STOPPED = Symbol('stopped');

function unreachable(value: never): never {
  throw new Error(`unhandled session effect: ${JSON.stringify(value)}`);
}
