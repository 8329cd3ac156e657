// Every interactive prompt mot shows, behind one module: the only importer of @inquirer.
import { checkbox, input, select } from '@inquirer/prompts';
import { letter } from '../core/answers.js';
import { kindOf } from '../core/kinds/index.js';
import type { PromptKit } from '../core/kinds/kind.js';
import type { PlannedQuestion } from '../core/selection.js';
import { runMessages } from '../messages/run.js';
import type { Answerer, AskOptions, Move } from './answerer.js';
import { continuePrompt } from './continue-prompt.js';
import type { Paint } from './paint.js';
import { rankPrompt } from './rank-prompt.js';
import { wrap } from './text.js';

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

function themeFor(paint: Paint) {
  // ASCII terminals get ASCII in the key hints too.
  const keyName = (key: string) => (paint.unicode ? key : key.replace('↑↓', 'up/down').replace('⏎', 'enter').replace('←', 'left').replace('→', 'right'));
  return {
    // The mark after an answer is neutral: a wrong answer never carries the green tick of a right one.
    prefix: { idle: paint.accent('?'), done: paint.dim(paint.unicode ? '›' : '>') },
    icon: { cursor: paint.unicode ? '❯' : '>', checked: paint.good(paint.unicode ? '◉' : '[x]'), unchecked: paint.unicode ? '◯' : '[ ]' },
    style: {
      answer: paint.accent,
      message: (text: string) => paint.bold(text),
      error: paint.bad,
      help: paint.dim,
      highlight: paint.accent,
      key: paint.accent,
      defaultAnswer: paint.dim,
      description: paint.dim,
      disabled: paint.dim,
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${paint.bold(keyName(key))} ${paint.dim(action)}`).join(paint.dim(paint.unicode ? ' · ' : ' - ')),
    },
  };
}

/** The navigation keys of an exam question, read beside the prompt: they end it with a move. */
const MOVES: Record<string, Move['move']> = { left: 'back', right: 'skip', tab: 'flag' };

/** `width` is the screen's: choices are wrapped to it with a hanging indent, not cut mid-word. */
export function interactiveAnswerer(paint: Paint, width: number, streams: PromptStreams, signal?: AbortSignal): Answerer {
  const theme = themeFor(paint);
  const context = (extra?: AbortSignal) => ({ ...streams, ...(extra ?? signal ? { signal: extra ?? signal } : {}) });
  return {
    scripted: false,
    async ask(planned: PlannedQuestion, _index: number, _total: number, options?: AskOptions) {
      const q = planned.question;
      // The list draws `gutter` columns before each choice (cursor, tick box, rank number): wrap the
      // text to what is left, with continuation lines under the text rather than under the letter.
      const choices = (gutter: number) =>
        planned.order.map((written, position) => ({
          name: wrap(q.choices[written]!.text, width - gutter, '   ', `${letter(position)}) `).replace(/\n/g, '\n' + ' '.repeat(gutter)),
          short: letter(position),
          value: position,
        }));
      const navigable = options?.navigable === true;
      // A move key aborts the prompt; the abort is told apart from Ctrl-C or a signal by `moved`.
      const controller = new AbortController();
      const outer = () => controller.abort();
      signal?.addEventListener('abort', outer, { once: true });
      let moved: Move['move'] | undefined;
      const onKey = (_text: string, key?: { name?: string }) => {
        const move = key?.name ? MOVES[key.name] : undefined;
        if (!move || (move === 'back' && !options?.canGoBack)) return;
        moved = move;
        controller.abort();
      };
      if (navigable) (streams.input as NodeJS.EventEmitter).on('keypress', onKey);
      const ctx = context(controller.signal);
      let emptyOnce = false;
      const kit: PromptKit = {
        pickOne: (message, except = []) =>
          select({ message, choices: choices(2).map((c) => ({ ...c, disabled: except.includes(c.value) })), theme, loop: false, pageSize: 12 }, ctx),
        pickMany: (message) =>
          checkbox(
            {
              message,
              choices: choices(3),
              theme,
              loop: false,
              pageSize: 12,
              // Enter with nothing ticked is usually a slip: ask once more before taking "none".
              validate: (picked) => {
                if (picked.length > 0 || emptyOnce) return true;
                emptyOnce = true;
                return runMessages.tickOne;
              },
            },
            ctx,
          ),
        order: (message) => rankPrompt({ message, choices: choices(5).map((c) => c.name), unicode: paint.unicode, theme }, ctx),
      };
      try {
        return await kindOf(q).ask(kit);
      } catch (err) {
        if (moved && !signal?.aborted) return { move: moved };
        throw err;
      } finally {
        if (navigable) (streams.input as NodeJS.EventEmitter).off('keypress', onKey);
        signal?.removeEventListener('abort', outer);
      }
    },
    async next(last) {
      await continuePrompt({ message: last ? runMessages.seeResult : runMessages.nextQuestion, theme }, context());
    },
    async confirm(unanswered, flagged, labels) {
      // One line per entry: the prompt cut to what is left of the screen's width.
      const room = Math.max(10, width - 40);
      const short = (i: number) => {
        const label = labels[i] ?? '';
        return label.length > room ? label.slice(0, room - 1) + (paint.unicode ? '…' : '...') : label;
      };
      const why = (i: number) => (unanswered.includes(i) && flagged.includes(i) ? 'unanswered, flagged' : unanswered.includes(i) ? 'unanswered' : 'flagged');
      const goTo = [...new Set([...unanswered, ...flagged])].sort((a, b) => a - b).map((i) => ({ name: runMessages.goTo(i + 1, why(i), short(i)), value: i }));
      const picked = await select<number>(
        {
          message: runMessages.submitTitle(unanswered.length, flagged.length),
          choices: [{ name: runMessages.submitNow(unanswered.length), value: -1 }, ...goTo],
          theme,
          loop: false,
          pageSize: 12,
        },
        context(),
      );
      return picked < 0 ? { submit: true } : { goTo: picked };
    },
  };
}

export async function chooseOne<T>(
  message: string,
  options: { name: string; value: T; description?: string }[],
  paint: Paint,
  streams: PromptStreams,
): Promise<T> {
  return select({ message, choices: options, theme: themeFor(paint), loop: false, pageSize: 12 }, streams);
}

export async function askCount(message: string, fallback: number, max: number, paint: Paint, streams: PromptStreams): Promise<number> {
  const answer = await input(
    {
      message,
      default: String(Math.min(fallback, max)),
      theme: themeFor(paint),
      validate: (value) => {
        const n = Number(value);
        return Number.isInteger(n) && n >= 1 && n <= max ? true : `Type a whole number from 1 to ${max}.`;
      },
    },
    streams,
  );
  return Number(answer);
}
