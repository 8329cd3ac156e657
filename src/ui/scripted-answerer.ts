import { parseAnswer } from '../core/answers.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { PlannedQuestion } from '../core/selection.js';
import { UsageError } from '../errors.js';
import { cliMessages as say } from '../messages/cli.js';
import { onStop, stopSignal } from '../signals.js';
import type { Answerer } from './answerer.js';
import { LineReader, LineTooLongError } from './line-reader.js';

/** What of a scripted line a message quotes at most: enough to recognise it, never a screenful. */
const QUOTED = 120;

export function scriptedAnswerer(input: AsyncIterable<Buffer | string>, signal: AbortSignal = stopSignal()): Answerer {
  const reader = new LineReader(input, { signal });
  return {
    scripted: true,
    async ask(planned: PlannedQuestion) {
      // While this waits, a stop signal ends the wait (and the session saves) instead of the process.
      const registered = onStop(() => undefined);
      let line: string | undefined;
      try {
        line = await reader.next();
      } catch (err) {
        if (err instanceof LineTooLongError) throw new UsageError(say.lineTooLong(err.lineNumber), say.scriptedHint);
        throw err;
      } finally {
        registered();
      }
      if (line === undefined) return undefined;
      const parsed = parseAnswer(line, planned);
      if (!parsed.ok) throw new UsageError(say.badLine(reader.lineNumber, quoted(parsed.why)), say.scriptedHint);
      return parsed.positions;
    },
  };
}

/** The reason as it may be shown: no control character or escape from the line, and bounded. */
function quoted(why: string): string {
  const clean = sanitizeLine(why);
  return clean.length > QUOTED ? `${clean.slice(0, QUOTED)}…` : clean;
}
