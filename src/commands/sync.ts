// `mot sync --to URL`: copies the sessions and answers of this store (all learners, or one) to
// another, usually the organisation's PostgreSQL. Answer ids decide what is new, so running it
// again (after a terminal was offline, or after an interruption) copies only what is missing.
import { existsSync } from 'node:fs';
import { UsageError, UserError } from '../errors.js';
import { syncMessages as say } from '../messages/store.js';
import { defaultStorePath } from '../store/location.js';
import { checkStoreLocation, engineOf, openProgressStore, safeLocation } from '../store/open.js';
import type { ProgressStore, SessionRecord } from '../store/progress-store.js';
import { makeOutput, type Output } from '../ui/output.js';

export interface SyncOptions {
  to: string;
  store?: string;
  learner?: string;
  format?: 'text' | 'json';
}

export interface SyncResult {
  from: string;
  to: string;
  learners: number;
  sessions: { sent: number; new: number };
  answers: { sent: number; new: number };
}

/** Sessions copied per round trip; their answers follow them in the same round. */
const SESSIONS_PER_BATCH = 200;
const ANSWERS_PER_BATCH = 2000;

export async function sync(options: SyncOptions, output: Output = makeOutput()): Promise<SyncResult> {
  const fromLocation = options.store || defaultStorePath();
  if (!options.to) throw new UsageError(say.noTarget, say.noTargetHint);
  if (options.to === fromLocation) throw new UsageError(say.sameStore(safeLocation(fromLocation)));
  // A missing local file is a mistaken path, not a store to create and then find empty.
  if (engineOf(fromLocation) === 'sqlite' && !existsSync(fromLocation)) throw new UserError(say.noSource(fromLocation), say.noSourceHint);
  checkStoreLocation(fromLocation);
  checkStoreLocation(options.to);
  const source = await openProgressStore(fromLocation);
  let target: ProgressStore | undefined;
  try {
    target = await openProgressStore(options.to);
    const learners = options.learner !== undefined ? [options.learner] : await source.learners();
    const sessions: SessionRecord[] = [];
    for (const learner of learners) sessions.push(...(await source.sessions({ learner })));
    const bar = progressBar(output, sessions.length);
    const result: SyncResult = {
      from: source.location,
      to: target.location,
      learners: learners.length,
      sessions: { sent: 0, new: 0 },
      answers: { sent: 0, new: 0 },
    };
    for (let i = 0; i < sessions.length; i += SESSIONS_PER_BATCH) {
      const batch = sessions.slice(i, i + SESSIONS_PER_BATCH);
      // Sessions first: an answer refers to its session. A session finished since the last sync is updated.
      result.sessions.new += await target.putSessions(batch);
      result.sessions.sent += batch.length;
      const answers = await source.allAnswers({ sessionIds: batch.map((s) => s.id) });
      for (let j = 0; j < answers.length; j += ANSWERS_PER_BATCH) {
        const chunk = answers.slice(j, j + ANSWERS_PER_BATCH);
        result.answers.new += await target.putAnswers(chunk);
        result.answers.sent += chunk.length;
      }
      bar.update(i + batch.length);
    }
    bar.done();
    if (options.format === 'json') output.json(result);
    else output.print(say.done(result));
    return result;
  } finally {
    await target?.close();
    await source.close();
  }
}

/** A bar on stderr, redrawn in place: only at a terminal, so logs and pipes stay clean. */
function progressBar(output: Output, total: number): { update(done: number): void; done(): void } {
  const stream = output.stderr;
  if (!stream.isTTY || total === 0) return { update() {}, done() {} };
  let last = -1;
  const draw = (done: number) => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30));
    const filled = Math.round((done / total) * width);
    const percent = Math.floor((done / total) * 100);
    if (percent === last) return;
    last = percent;
    stream.write(`\r${say.progress}  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${done}/${total}`);
  };
  draw(0);
  return {
    update: draw,
    done: () => void stream.write('\r\u001b[2K'),
  };
}
