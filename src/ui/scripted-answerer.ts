import { parseAnswer } from '../core/answers.js';
import type { PlannedQuestion } from '../core/selection.js';
import { UsageError } from '../errors.js';
import type { Answerer } from './answerer.js';
import { LineReader } from './line-reader.js';

export function scriptedAnswerer(input: NodeJS.ReadableStream): Answerer {
  const reader = new LineReader(input);
  return {
    scripted: true,
    async ask(planned: PlannedQuestion) {
      const line = await reader.next();
      if (line === undefined) return undefined;
      const parsed = parseAnswer(line, planned);
      if (!parsed.ok)
        throw new UsageError(
          `line ${reader.lineNumber}: ${parsed.why}.`,
          'Scripted answers are one line per question: a letter (b), letters for multi (a,c) or every letter best first for rank (c,a,d,b).',
        );
      return parsed.positions;
    },
  };
}
