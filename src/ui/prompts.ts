// Every interactive prompt mot shows, behind one module: the only importer of @inquirer.
import { checkbox, input, select } from '@inquirer/prompts';
import { letter } from '../core/answers.js';
import { kindOf } from '../core/kinds/index.js';
import type { PromptKit } from '../core/kinds/kind.js';
import type { PlannedQuestion } from '../core/selection.js';
import type { Answerer } from './answerer.js';
import type { Paint } from './paint.js';
import { rankPrompt } from './rank-prompt.js';
import { wrap } from './text.js';

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

function themeFor(paint: Paint) {
  return {
    prefix: { idle: paint.accent('?'), done: paint.good(paint.unicode ? '✔' : '+') },
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
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${paint.bold(key)} ${paint.dim(action)}`).join(paint.dim(' · ')),
    },
  };
}

/** `width` is the screen's: choices are wrapped to it with a hanging indent, not cut mid-word. */
export function interactiveAnswerer(paint: Paint, width: number, streams: PromptStreams): Answerer {
  const theme = themeFor(paint);
  return {
    scripted: false,
    async ask(planned: PlannedQuestion) {
      const q = planned.question;
      // The list draws `gutter` columns before each choice (cursor, tick box, rank number): wrap the
      // text to what is left, with continuation lines under the text rather than under the letter.
      const choices = (gutter: number) =>
        planned.order.map((written, position) => ({
          name: wrap(q.choices[written]!.text, width - gutter, '   ', `${letter(position)}) `).replace(/\n/g, '\n' + ' '.repeat(gutter)),
          short: letter(position),
          value: position,
        }));
      const kit: PromptKit = {
        pickOne: (message, except = []) =>
          select({ message, choices: choices(2).map((c) => ({ ...c, disabled: except.includes(c.value) })), theme, loop: false, pageSize: 12 }, streams),
        pickMany: (message) => checkbox({ message, choices: choices(3), theme, loop: false, pageSize: 12 }, streams),
        order: (message) => rankPrompt({ message, choices: choices(5).map((c) => c.name), unicode: paint.unicode, theme }, streams),
      };
      return kindOf(q).ask(kit);
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
