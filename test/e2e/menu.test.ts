// `mot` alone at a terminal, in a real pseudo-terminal: the menu asks who you are first (a new hire
// practises the scenario banks, an exam student the review bank, drill first) and can be left.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STACK_TRACE } from '../helpers/output.js';
import { KEYS, startPty, type PtySession } from '../helpers/pty.js';
import { ROOT, runMot, sandbox } from '../helpers/run-mot.js';

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
const open = () => (session = startPty([], { ...box.env, MOT_NOW: '2027-01-10T09:00:00Z' }));

/** The built-in banks as written: id, title, industry, how many questions. */
function builtInBanks(): { id: string; title: string; industry: string; questions: number }[] {
  const dir = join(ROOT, 'content');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as { bank: string; title: string; industry: string; questions: unknown[] })
    .map((b) => ({ id: b.bank, title: b.title, industry: b.industry, questions: b.questions.length }));
}

/** The lines of the screen from the last occurrence of `heading` on. */
function after(pty: PtySession, heading: string): string[] {
  const lines = pty.lines();
  const start = lines.map((l) => l.includes(heading)).lastIndexOf(true);
  return lines.slice(start);
}

describe('the menu', () => {
  it('asks first who you are, and Quit there leaves with 0 and stores nothing', async () => {
    const pty = open();
    await pty.waitFor('Who are you?');
    const screen = pty.screen();
    expect(screen).toContain('A new hire');
    expect(screen).toContain('An exam student');
    expect(screen).toContain('Quit');
    expect(screen).not.toContain('What would you like to do?');
    await pty.press(KEYS.down, KEYS.down, KEYS.enter);
    expect(await pty.exited()).toBe(0);
    expect(pty.screen()).not.toMatch(STACK_TRACE);
    const stats = JSON.parse((await runMot(['stats', '--json'], { env: box.env })).stdout) as { answered: number; sessions: unknown[] };
    expect(stats).toMatchObject({ answered: 0, sessions: [] });
  });

  it('has Quit among the things to do, too', async () => {
    const pty = open();
    await pty.waitFor('Who are you?');
    await pty.press(KEYS.enter);
    await pty.waitFor('What would you like to do?');
    const choices = after(pty, 'What would you like to do?').join('\n');
    expect(choices).toMatch(/Train[\s\S]*Exam[\s\S]*Drill[\s\S]*My progress[\s\S]*Quit/);
    await pty.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    expect(await pty.exited()).toBe(0);
  });

  it('offers a new hire the scenario banks only', async () => {
    const banks = builtInBanks();
    const scenario = banks.filter((b) => b.industry !== 'general');
    const review = banks.filter((b) => b.industry === 'general');
    expect(review.length).toBeGreaterThan(0);
    const pty = open();
    await pty.waitFor('Who are you?');
    await pty.press(KEYS.enter);
    await pty.waitFor('What would you like to do?');
    await pty.press(KEYS.enter); // Train
    await pty.waitFor('Which questions?');
    await pause(200);
    const choices = after(pty, 'Which questions?').join('\n');
    expect(choices).toContain('All scenario banks');
    for (const bank of scenario) expect(choices).toContain(`Bank: ${bank.title}`);
    for (const bank of review) expect(choices).not.toContain(bank.title);
    expect(choices).not.toContain('Industry: general');
    expect(choices).not.toContain('Everything');
    await pty.press(KEYS.enter); // All scenario banks
    const total = scenario.reduce((n, b) => n + b.questions, 0);
    await pty.waitFor(`How many questions? (1 to ${total})`);
    await pty.press(KEYS.ctrlC);
    expect(await pty.exited()).toBe(130);
  });

  it('gives an exam student drill first, from the review bank', async () => {
    const review = builtInBanks().filter((b) => b.industry === 'general');
    const pty = open();
    await pty.waitFor('Who are you?');
    await pty.press(KEYS.down, KEYS.enter);
    await pty.waitFor('What would you like to do?');
    await pause(200);
    const choices = after(pty, 'What would you like to do?');
    const place = (word: string) => choices.findIndex((l) => l.includes(word));
    expect(place('Drill')).toBeGreaterThan(0);
    expect(place('Drill')).toBeLessThan(place('Train'));
    expect(place('Drill')).toBeLessThan(place('Exam'));
    await pty.press(KEYS.enter); // Drill, the first entry
    await pty.waitFor(/Drill: 0 due for review, 10 new/);
    if (review.length === 1) expect(pty.screen()).toContain(`Questions from ${review[0]!.title}`);
    // Answer the first question with its first choice (a checklist takes a second Enter for "none").
    await pty.waitFor(/Question 1 of/);
    await pause(400);
    await pty.press(KEYS.enter);
    await pause(500);
    if (pty.screen().includes('Tick at least one')) await pty.press(KEYS.enter);
    await pty.waitFor('Enter: next question');
    await pty.press(KEYS.ctrlC);
    expect(await pty.exited()).toBe(130);
    const stats = JSON.parse((await runMot(['stats', '--json'], { env: box.env })).stdout) as { answered: number; breakdown: { industry: Record<string, number> } };
    expect(stats.answered).toBe(1);
    expect(Object.keys(stats.breakdown.industry)).toEqual(['general']);
  });
});
