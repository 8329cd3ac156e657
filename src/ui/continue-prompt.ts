// "Enter: next question", shown after feedback. Keys that arrive in the first moments (an Enter
// pressed twice, typing carried over from the answer) are thrown away, so a stray key never
// skips the feedback or answers the next question unseen.
import { createPrompt, isEnterKey, makeTheme, useKeypress, useState, type Theme } from '@inquirer/core';

export interface ContinueConfig {
  message: string;
  /** How long after the prompt appears keys are ignored, in milliseconds. */
  settleMs?: number;
  theme?: Partial<Theme>;
  /** The clock, for tests. */
  now?: () => number;
}

export const continuePrompt = createPrompt<void, ContinueConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const now = config.now ?? Date.now;
  const [shownAt] = useState(now());
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key) => {
    if (now() - shownAt < (config.settleMs ?? 300)) return;
    if (isEnterKey(key)) {
      setStatus('done');
      done();
    }
  });
  return status === 'done' ? '' : theme.style.help(config.message);
});
