// An inquirer prompt for ranking: ↑↓ move, space picks a response up and puts it down, Enter
// submits. The state machine is rank-state.ts; this file only maps keys and draws.
import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import { initialRank, rankStep, type RankState } from './rank-state.js';

export interface RankConfig {
  message: string;
  /** Labels in display order; continuation lines already indented past the five-column gutter. */
  choices: string[];
  theme?: Partial<Theme>;
  unicode: boolean;
}

export const rankPrompt = createPrompt<number[], RankConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [state, setState] = useState<RankState>(initialRank(config.choices.length));
  const prefix = usePrefix({ status, theme });

  useKeypress((key) => {
    if (isEnterKey(key)) {
      setStatus('done');
      done(state.order);
    } else if (isSpaceKey(key)) setState(rankStep(state, 'grab'));
    else if (isUpKey(key)) setState(rankStep(state, 'up'));
    else if (isDownKey(key)) setState(rankStep(state, 'down'));
    else if (key.name === 'home') setState(rankStep(state, 'top'));
    else if (key.name === 'end') setState(rankStep(state, 'bottom'));
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const letters = state.order.map((p) => String.fromCharCode(97 + p)).join(', ');
    return `${prefix} ${message} ${theme.style.answer(letters)}`;
  }
  const pointer = config.unicode ? '❯' : '>';
  const held = config.unicode ? '↕' : '*';
  const lines = state.order.map((position, place) => {
    const here = place === state.cursor;
    const mark = here ? (state.holding ? held : pointer) : ' ';
    const text = `${mark} ${place + 1}. ${config.choices[position]}`;
    return here ? theme.style.highlight(text) : text;
  });
  const help = state.holding
    ? ['↑↓ move it', 'space put it down', '⏎ done']
    : ['↑↓ go to a response', 'space pick it up', '⏎ done'];
  const shown = config.unicode ? help.join(' · ') : help.map((h) => h.replace('↑↓', 'up/down').replace('⏎', 'enter')).join(' - ');
  return [`${prefix} ${message}`, ...lines, theme.style.help(shown)].join('\n');
});
