// Real pseudo-terminal sessions: keys go in as a person would press them, and the assertions are
// about the screen a headless xterm reconstructs from the output.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STACK_TRACE } from '../helpers/output.js';
import { KEYS, startPty, type PtySession } from '../helpers/pty.js';
import { FIXTURES, runMot, sandbox } from '../helpers/run-mot.js';

const TRAIN = ['train', '--content', join(FIXTURES, 'good'), '-b', 'sample-clinic', '--no-shuffle', '-n', '3'];

// The sample bank in written order: q1 choice (b is best), q2 multi (a and c are right), q3 rank (a, b, c, d).
const Q1_FIRST = 'a) It will not be long now.';
const Q2_FIRST = 'a) Asking how the patient is recovering';
const Q3_FIRST = 'a) Listen without interrupting';

let box: ReturnType<typeof sandbox>;
let session: PtySession | undefined;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  session?.kill();
  session = undefined;
  box.cleanup();
});

/** The screen from the last "Question n of 3" header on: what the current question shows. */
function questionArea(pty: PtySession, n: number): string {
  const screen = pty.screen();
  const start = screen.lastIndexOf(`Question ${n} of 3`);
  expect(start, `"Question ${n} of 3" is on the screen:\n${screen}`).toBeGreaterThanOrEqual(0);
  return screen.slice(start);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After feedback: wait for the "next question" line, let its settling time pass, press Enter. */
async function nextQuestion(pty: PtySession): Promise<void> {
  await pty.waitFor('Enter: next question');
  await pause(400);
  await pty.press(KEYS.enter);
}

async function answerFirstQuestionWithA(pty: PtySession): Promise<void> {
  await pty.waitFor(Q1_FIRST);
  await pty.press(KEYS.enter);
  await nextQuestion(pty);
  await pty.waitFor('Question 2 of 3');
}

describe('training at a terminal', () => {
  it('a choice question: moving down to b and pressing Enter says Right, with the feedback, in colour', async () => {
    const env = { ...box.env, NO_COLOR: undefined };
    const pty = (session = startPty(TRAIN, env));
    await pty.waitFor(Q1_FIRST);
    expect(pty.screen()).toContain('Question 1 of 3');
    expect(pty.screen()).toContain('What do you say?');
    await pty.press(KEYS.down, KEYS.enter);
    await pty.waitFor(/\bRight\b/);
    const area = questionArea(pty, 1);
    expect(area).not.toMatch(/\bWrong\b|Partly right/);
    expect(area).toContain('Honesty plus a choice gives the patient back some control.');
    expect(area).toContain('Waiting is part of the service itself');
    // The verdict is coloured when the terminal may have colour.
    expect(pty.raw()).toMatch(/\u001b\[3[1-6]m/);
  });

  it('a multi question: ticking a and c with space and pressing Enter gives the verdict', async () => {
    const pty = (session = startPty(TRAIN, box.env));
    await answerFirstQuestionWithA(pty);
    await pty.waitFor(Q2_FIRST);
    await pty.press(KEYS.space, KEYS.down, KEYS.down, KEYS.space);
    await pty.press(KEYS.enter);
    await pty.waitFor("The call is about the patient's recovery first");
    const area = questionArea(pty, 2);
    expect(area).toMatch(/\bRight\b/);
    expect(area).not.toMatch(/\bWrong\b|Partly right/);
    expect(area).toMatch(/a, c/);
    // With NO_COLOR no colour is drawn, even at a terminal.
    expect(pty.raw()).not.toMatch(/\u001b\[3[0-7]m/);
  });

  it('a rank question: moving a response with space and the arrows, then Enter, shows the expert order and the result', async () => {
    const pty = (session = startPty(TRAIN, box.env));
    await answerFirstQuestionWithA(pty);
    await pty.waitFor(Q2_FIRST);
    await pty.press(KEYS.space, KEYS.enter); // a only: 1/2 of the right ones, no wrong pick
    await nextQuestion(pty);
    await pty.waitFor('Question 3 of 3');
    await pty.waitFor(Q3_FIRST);
    // Pick up the first response, carry it one place down, put it down: b, a, c, d.
    await pty.press(KEYS.space, KEYS.down, KEYS.space);
    await pty.waitFor(/1\. b\) Apologise and promise a call back[\s\S]*2\. a\) Listen without interrupting/);
    // Up and down without holding only move the cursor, not the responses.
    await pty.press(KEYS.down, KEYS.up);
    await pty.press(KEYS.enter);
    await pty.waitFor(/expert order/i);
    const area = questionArea(pty, 3);
    expect(area).toMatch(/Partly right.*75%/);
    expect(area).toContain('Service recovery starts with listening');
    await pty.waitFor('Enter: see the result');
    await pause(400);
    await pty.press(KEYS.enter);
    // Scores 0, 0.5 and 0.75: 42%, below the bank's pass mark of 75%.
    await pty.waitFor(/Result/);
    await pty.waitFor(/Score 42%/);
    expect(pty.screen()).toMatch(/not passed/i);
    expect(await pty.exited()).toBe(0);
    const stats = JSON.parse((await runMot(['stats', '--json'], { env: box.env })).stdout) as { answered: number; sessions: { finished: boolean; score: number }[] };
    expect(stats.answered).toBe(3);
    expect(stats.sessions[0]).toMatchObject({ finished: true, score: expect.closeTo(0.4167, 3) });
  });

  it('Ctrl-C at the second question exits 130 with a short message, keeping the first answer', async () => {
    const pty = (session = startPty(TRAIN, box.env));
    await pty.waitFor(Q1_FIRST);
    await pty.press(KEYS.down, KEYS.enter);
    await nextQuestion(pty);
    await pty.waitFor(Q2_FIRST);
    await pty.press(KEYS.ctrlC);
    expect(await pty.exited()).toBe(130);
    const screen = pty.screen();
    expect(screen).toMatch(/Stopped/);
    expect(screen).not.toMatch(STACK_TRACE);
    expect(pty.raw()).not.toMatch(STACK_TRACE);
    const stats = JSON.parse((await runMot(['stats', '--json'], { env: box.env })).stdout) as { answered: number; sessions: { finished: boolean; answered: number }[] };
    expect(stats.answered).toBe(1);
    expect(stats.sessions).toHaveLength(1);
    expect(stats.sessions[0]).toMatchObject({ finished: false, answered: 1 });
  });
});

describe('a new hire\'s first hour at a terminal', () => {
  it('throws away keys pressed while feedback shows, so a stray Enter never answers the next question', async () => {
    const pty = (session = startPty(TRAIN, box.env));
    await pty.waitFor(Q1_FIRST);
    // The answer, then two more Enters at once, as an impatient hand does.
    await pty.press(KEYS.enter, KEYS.enter, KEYS.enter);
    await pty.waitFor('Enter: next question');
    await pause(600);
    expect(pty.screen()).not.toContain('Question 2 of 3');
    await pty.press(KEYS.enter);
    await pty.waitFor(Q2_FIRST);
    await pause(300);
    const stats = JSON.parse((await runMot(['stats', '--json'], { env: box.env })).stdout) as { answered: number };
    expect(stats.answered).toBe(1);
  });

  it('asks again when Enter is pressed on a checklist with nothing ticked, and takes "none" the second time', async () => {
    const pty = (session = startPty(TRAIN, box.env));
    await answerFirstQuestionWithA(pty);
    await pty.waitFor(Q2_FIRST);
    await pty.press(KEYS.enter);
    await pty.waitFor('Tick at least one, or press Enter again to answer none.');
    expect(questionArea(pty, 2)).not.toMatch(/\bWrong\b/);
    await pty.press(KEYS.enter);
    await pty.waitFor(/\bWrong\b/);
  });

  it('never marks a wrong answer with the green tick of a right one', async () => {
    const pty = (session = startPty(TRAIN, { ...box.env, NO_COLOR: undefined, FORCE_COLOR: '1' }));
    await pty.waitFor(Q1_FIRST);
    await pty.press(KEYS.enter); // a is wrong
    await pty.waitFor(/\bWrong\b/);
    expect(pty.screen()).not.toMatch(/✔ Your answer/);
    expect(pty.raw()).not.toMatch(/\u001b\[32m✔\u001b\[39m Your answer/);
  });
});

describe('an exam at a terminal', () => {
  const EXAM = ['exam', '--content', join(FIXTURES, 'good'), '-b', 'sample-clinic', '--no-shuffle'];

  it('skips, flags, goes back, changes an answer, and submits from a screen that lists what is open', async () => {
    const pty = (session = startPty(EXAM, box.env));
    await pty.waitFor(Q1_FIRST);
    await pty.press(KEYS.enter); // q1: a (wrong)
    await pty.waitFor(Q2_FIRST);
    await pty.press(KEYS.right); // skip q2
    await pty.waitFor('Question 3 of 3');
    await pty.press(KEYS.tab); // flag q3
    await pty.waitFor(/⚑ flagged/);
    await pty.press(KEYS.left); // back to q2
    await pty.waitFor(/Question 2 of 3(?![\s\S]*Question 3 of 3)/);
    await pty.press(KEYS.left); // back to q1, and change the answer to b
    await pty.waitFor(/Question 1 of 3(?![\s\S]*Question 2 of 3)/);
    await pty.press(KEYS.down, KEYS.enter);
    // q2 is still open, so it comes next; answer it a and c.
    await pty.waitFor(/Question 2 of 3(?![\s\S]*Question 1 of 3)/);
    await pty.press(KEYS.space, KEYS.down, KEYS.down, KEYS.space, KEYS.enter);
    await pty.waitFor(/Question 3 of 3(?![\s\S]*Question 2 of 3)/);
    await pty.press(KEYS.right); // leave q3 unanswered
    await pty.waitFor(/Submit\? 1 question unanswered, 1 question flagged/);
    expect(pty.screen()).toMatch(/Go to question 3 \(unanswered, flagged\): Rank these/);
    await pty.press(KEYS.down, KEYS.enter); // go to q3
    await pty.waitFor(/Question 3 of 3(?![\s\S]*Submit\?)/);
    await pty.press(KEYS.enter); // expert order as shown: a, b, c, d
    await pty.waitFor(/Submit\? 0 questions unanswered, 1 question flagged/);
    await pty.press(KEYS.enter);
    await pty.waitFor(/Score 100%/);
    expect(await pty.exited()).toBe(0);
    const stats = JSON.parse((await runMot(['stats', '--json'], { env: box.env })).stdout) as {
      answered: number;
      sessions: { finished: boolean; answered: number; score: number }[];
    };
    // The changed answer replaced the first one: three answers count, all right.
    expect(stats.sessions[0]).toMatchObject({ finished: true, answered: 3, score: 1 });
  });
});

describe('mot alone at a terminal', () => {
  it('opens the menu', async () => {
    const pty = (session = startPty([], box.env));
    await pty.waitFor('Who are you?');
    await pty.press(KEYS.enter);
    await pty.waitFor('What would you like to do?');
    expect(pty.screen()).toMatch(/Train/);
    expect(pty.screen()).toMatch(/Exam/);
    expect(pty.screen()).toMatch(/Drill/);
    await pty.press(KEYS.ctrlC);
    const code = await pty.exited();
    expect(code).toBe(130);
    expect(pty.screen()).not.toMatch(STACK_TRACE);
  });
});
