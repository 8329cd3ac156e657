// What a new hire sees on an 80×24 terminal: a header that gives nothing away, lines that fit,
// and the result as the last thing on the screen.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS, startPty, type PtySession } from '../helpers/pty.js';
import { FIXTURES, sandbox } from '../helpers/run-mot.js';

const SAMPLE = ['--content', join(FIXTURES, 'good'), '-b', 'sample-clinic', '--no-shuffle'];
const SMALL = { cols: 80, rows: 24 };
// The sample bank in written order: q1 choice (b is best), q2 multi (a and c), q3 rank (a, b, c, d).
const Q1_FIRST = 'a) It will not be long now.';
const Q2_FIRST = 'a) Asking how the patient is recovering';
const Q3_FIRST = 'a) Listen without interrupting';
/** The header names the bank by its title, or by its id when the session does not pass the title. */
const header = (n: number) => new RegExp(`^Question ${n} of 3 · (Sample clinic front desk|sample-clinic)$`);
const MOMENT_OR_STAGE = /[ZFST]MOT|moment \(|· delivery|· recovery/;

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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function enterAfterFeedback(pty: PtySession, prompt: string): Promise<void> {
  await pty.waitFor(prompt);
  await pause(400);
  await pty.press(KEYS.enter);
}

/** Trains through the three questions: b (right), a only (partly right), the expert order (right). */
async function trainThrough(pty: PtySession): Promise<void> {
  await pty.waitFor(Q1_FIRST);
  await pty.press(KEYS.down, KEYS.enter);
  await enterAfterFeedback(pty, 'Enter: next question');
  await pty.waitFor(Q2_FIRST);
  await pty.press(KEYS.space, KEYS.enter);
  await enterAfterFeedback(pty, 'Enter: next question');
  await pty.waitFor(Q3_FIRST);
  await pty.press(KEYS.enter);
  await enterAfterFeedback(pty, 'Enter: see the result');
}

describe('an 80×24 terminal', () => {
  it('heads each exam question with its number and its bank only: no moment or stage shows during the exam', async () => {
    const pty = (session = startPty(['exam', ...SAMPLE], box.env, SMALL));
    for (const [n, first, keys] of [
      [1, Q1_FIRST, [KEYS.enter]],
      [2, Q2_FIRST, [KEYS.space, KEYS.enter]],
      [3, Q3_FIRST, [KEYS.enter]],
    ] as const) {
      await pty.waitFor(first);
      expect(pty.lines().filter((line) => line.startsWith(`Question ${n} of 3`)).at(-1)).toMatch(header(n));
      expect(pty.screen()).not.toMatch(MOMENT_OR_STAGE);
      await pty.press(...keys);
    }
    await pty.waitFor('Submit?');
    await pty.press(KEYS.enter);
    await pty.waitFor(/Score \d+%/);
    expect(await pty.exited()).toBe(0);
  });

  it('says what a training question was about only after the answer, on the line under the verdict', async () => {
    const pty = (session = startPty(['train', ...SAMPLE, '-n', '3'], box.env, SMALL));
    await pty.waitFor(Q1_FIRST);
    expect(pty.screen()).not.toMatch(MOMENT_OR_STAGE);
    await pty.press(KEYS.down, KEYS.enter);
    await pty.waitFor(/\bRight\b/);
    const lines = pty.lines();
    const verdict = lines.findIndex((line) => /✔ Right \(score 100%\)/.test(line));
    expect(lines[verdict + 1]).toBe('second moment (SMOT) · delivery');
  });

  it('leaves the score and pass or fail as the last lines of the screen, with every line within 80 columns', async () => {
    const pty = (session = startPty(['train', ...SAMPLE, '-n', '3'], box.env, SMALL));
    await trainThrough(pty);
    await pty.waitFor(/Score \d+%/);
    expect(await pty.exited()).toBe(0);
    // Scores 1, 0.5 and 1: 83%, above the bank's pass mark of 75%.
    const lines = pty.lines();
    expect(lines.slice(-2)).toEqual(['  2 right, 1 partly right, 0 wrong', '  Score 83% on 3 questions · ✔ Passed (pass mark 75%)']);
    // The review of the one miss is above the result.
    expect(lines.findIndex((line) => line.startsWith('Review of 1 miss'))).toBeLessThan(lines.length - 2);
    // The terminal had to wrap nothing: a line it wrapped is read back longer than 80.
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
  });
});
