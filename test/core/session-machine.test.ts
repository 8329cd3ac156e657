// The session as a state machine, driven by events alone: no terminal, no store, no clock.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/model.js';
import type { PlannedQuestion } from '../../src/core/selection.js';
import { givenAnswers, resumeSession, startSession, step, type SessionEvent, type Step } from '../../src/core/session-machine.js';
import type { Mode } from '../../src/core/session.js';

function choiceQuestion(id: string): PlannedQuestion {
  const question: Question = {
    id: `b/${id}`,
    localId: id,
    bankId: 'b',
    industry: 'retail',
    type: 'choice',
    tags: [],
    prompt: `${id}?`,
    shuffle: false,
    choices: [
      { text: 'right', score: 1 },
      { text: 'wrong', score: 0 },
    ],
  };
  return { question, order: [0, 1] };
}

const plan = ['q1', 'q2', 'q3'].map(choiceQuestion);
const right = (id = 'x'): SessionEvent => ({ type: 'answered', response: [0], id });
const wrong = (id = 'x'): SessionEvent => ({ type: 'answered', response: [1], id });

/** Runs events through the machine from the start, returning every step. */
function run(mode: Mode, events: SessionEvent[]): Step[] {
  const steps = [startSession(mode, plan)];
  for (const event of events) steps.push(step(steps.at(-1)!.state, event));
  return steps;
}
const last = (steps: Step[]) => steps.at(-1)!;
const kinds = (s: Step) => s.effects.map((e) => e.type);

describe('a training session', () => {
  it('asks, stores, teaches, and waits for the learner before the next question', () => {
    const steps = run('train', [right('a1')]);
    expect(kinds(steps[0]!)).toEqual(['ask']);
    expect(kinds(steps[1]!)).toEqual(['store-answer', 'show-feedback']);
    expect(steps[1]!.state.phase).toBe('feedback');
    const next = step(steps[1]!.state, { type: 'continued' });
    expect(next.effects).toEqual([{ type: 'ask', index: 1 }]);
  });

  it('says the last feedback is the last, and finishes complete after it', () => {
    const steps = run('train', [right(), { type: 'continued' }, wrong(), { type: 'continued' }, right()]);
    const feedback = last(steps).effects.find((e) => e.type === 'show-feedback');
    expect(feedback).toMatchObject({ index: 2, last: true });
    const end = step(last(steps).state, { type: 'continued' });
    expect(end.effects).toEqual([{ type: 'finish', complete: true }]);
    expect(givenAnswers(end.state).map((a) => a.score)).toEqual([1, 0, 1]);
  });

  it('ignores exam moves: no skipping, flagging or going back in training', () => {
    const start = startSession('train', plan).state;
    for (const event of [{ type: 'skipped' }, { type: 'flagged' }, { type: 'went-to', index: 2 }] as SessionEvent[])
      expect(step(start, event)).toEqual({ state: start, effects: [] });
  });

  it('stops when interrupted, and then takes no more events', () => {
    const steps = run('train', [right(), { type: 'interrupted', why: 'interrupted' }, { type: 'continued' }]);
    expect(steps[2]!.effects).toEqual([{ type: 'stop', why: 'interrupted' }]);
    expect(steps[2]!.state).toMatchObject({ phase: 'interrupted', stopped: 'interrupted' });
    expect(steps[3]!.effects).toEqual([]);
  });
});

describe('an exam', () => {
  it('moves straight on after an answer and ends at the submit screen', () => {
    const steps = run('exam', [right(), right(), right()]);
    expect(kinds(steps[1]!)).toEqual(['store-answer', 'ask']);
    expect(last(steps).effects.at(-1)).toEqual({ type: 'confirm-submit', unanswered: [], flagged: [] });
    const end = step(last(steps).state, { type: 'submitted' });
    expect(end.effects).toEqual([{ type: 'finish', complete: true }]);
  });

  it('skips and flags, and the submit screen lists the unanswered and the flagged', () => {
    const steps = run('exam', [{ type: 'skipped' }, { type: 'flagged' }, right(), right()]);
    expect(steps[1]!.effects).toEqual([{ type: 'ask', index: 1 }]);
    expect(steps[2]!.effects).toEqual([{ type: 'ask', index: 1 }]);
    expect(steps[2]!.state.flagged).toEqual([false, true, false]);
    expect(last(steps).effects.at(-1)).toEqual({ type: 'confirm-submit', unanswered: [0], flagged: [1] });
  });

  it('goes back to change an answer, which replaces the first and does not review the card twice', () => {
    const steps = run('exam', [wrong('first'), { type: 'went-back' }, right('second')]);
    expect(steps[2]!.effects).toEqual([{ type: 'ask', index: 0 }]);
    const store = steps[3]!.effects[0]!;
    expect(store).toMatchObject({ type: 'store-answer', index: 0, supersedes: 'first', schedule: false });
    expect(givenAnswers(steps[3]!.state).map((a) => [a.id, a.score])).toEqual([['second', 1]]);
    // Question 2 is the next one still open.
    expect(steps[3]!.effects[1]).toEqual({ type: 'ask', index: 1 });
  });

  it('goes from the submit screen to any question, and back again', () => {
    const steps = run('exam', [{ type: 'skipped' }, right(), right()]);
    const atScreen = last(steps).state;
    expect(atScreen.phase).toBe('confirming');
    const back = step(atScreen, { type: 'went-to', index: 0 });
    expect(back.effects).toEqual([{ type: 'ask', index: 0 }]);
    const answered = step(back.state, right());
    expect(answered.effects.at(-1)).toEqual({ type: 'confirm-submit', unanswered: [], flagged: [] });
  });

  it('submitted with a question open is finished but not complete', () => {
    const steps = run('exam', [{ type: 'skipped' }, right(), right(), { type: 'submitted' }]);
    expect(last(steps).effects).toEqual([{ type: 'finish', complete: false }]);
    expect(last(steps).state.phase).toBe('finished');
  });

  it('ignores going back from the first question and going to a question that does not exist', () => {
    const start = startSession('exam', plan).state;
    expect(step(start, { type: 'went-back' }).effects).toEqual([{ type: 'ask', index: 0 }]);
    expect(step(start, { type: 'went-to', index: 7 }).effects).toEqual([]);
  });
});

describe('a drill', () => {
  it('brings a miss (rated Again) back once, at the end of the same session', () => {
    const steps = run('drill', [wrong('a'), { type: 'continued' }, right(), { type: 'continued' }, right(), { type: 'continued' }]);
    expect(last(steps).state.plan.map((p) => p.question.id)).toEqual(['b/q1', 'b/q2', 'b/q3', 'b/q1']);
    expect(last(steps).effects).toEqual([{ type: 'ask', index: 3 }]);
    // Missed again the second time: it is not brought back a third time.
    const again = step(last(steps).state, wrong('b'));
    expect(again.state.plan).toHaveLength(4);
    expect(again.effects.find((e) => e.type === 'show-feedback')).toMatchObject({ last: true });
  });
});

describe('resuming', () => {
  it('puts each stored answer back in its place and asks the first question still open', () => {
    const answer = { id: 'old', planned: plan[1]!, response: [0], score: 1 };
    const resumed = resumeSession('exam', plan, [answer]);
    expect(resumed.effects).toEqual([{ type: 'ask', index: 0 }]);
    expect(resumed.state.answers[1]).toMatchObject({ id: 'old', score: 1 });
  });

  it('goes straight to the submit screen of an exam whose every question is answered', () => {
    const given = plan.map((planned, i) => ({ id: `a${i}`, planned, response: [0], score: 1 }));
    expect(resumeSession('exam', plan, given).effects).toEqual([{ type: 'confirm-submit', unanswered: [], flagged: [] }]);
    expect(resumeSession('train', plan, given).effects).toEqual([{ type: 'finish', complete: true }]);
  });
});
