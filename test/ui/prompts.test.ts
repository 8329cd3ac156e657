// mot's own prompts, driven by @inquirer/testing's render(): keys in, screen and answer out.
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { continuePrompt } from '../../src/ui/continue-prompt.js';
import { rankPrompt } from '../../src/ui/rank-prompt.js';

const RESPONSES = ['Listen first', 'Promise a call back', 'Explain the delay', 'Ask them to leave'];

describe('the rank prompt', () => {
  it('shows every response numbered in the current order, with the keys to use', async () => {
    const { getScreen, events, answer } = await render(rankPrompt, { message: 'Your ranking, best first:', choices: RESPONSES, unicode: true });
    const screen = getScreen();
    expect(screen).toContain('Your ranking, best first:');
    RESPONSES.forEach((text, i) => expect(screen).toContain(`${i + 1}. ${text}`));
    expect(screen).toContain('space pick it up');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 1, 2, 3]);
  });

  it('moves a response picked up with space, and puts it down with space again', async () => {
    const { getScreen, events, answer } = await render(rankPrompt, { message: 'Rank:', choices: RESPONSES, unicode: true });
    events.keypress('space');
    expect(getScreen()).toContain('space put it down');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    expect(getScreen()).toMatch(/1\. Promise a call back[\s\S]*2\. Explain the delay[\s\S]*3\. Listen first/);
    // Without holding, the arrows only move the cursor.
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([1, 2, 0, 3]);
  });

  it('draws ASCII key hints on a terminal that cannot draw Unicode', async () => {
    const { getScreen, events, answer } = await render(rankPrompt, { message: 'Rank:', choices: RESPONSES, unicode: false });
    expect(getScreen()).toContain('up/down go to a response');
    expect(getScreen()).not.toMatch(/[↑↓⏎❯]/);
    events.keypress('enter');
    await answer;
  });
});

describe('the "next question" prompt after feedback', () => {
  it('ignores keys pressed while it settles, then goes on with Enter', async () => {
    let time = 1_000;
    const { getScreen, events, answer } = await render(continuePrompt, { message: 'Enter: next question', settleMs: 300, now: () => time });
    expect(getScreen()).toContain('Enter: next question');
    let done = false;
    void answer.then(() => (done = true));
    events.keypress('enter'); // a stray Enter from the answer before
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    time += 400;
    events.keypress('x'); // other keys never go on
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    events.keypress('enter');
    await answer;
    expect(done).toBe(true);
  });
});
