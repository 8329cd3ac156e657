// `mot resume`: continues a session that was cut off, with the same questions in the same order.
import { clockFrom } from '../clock.js';
import { questionHash } from '../core/question-hash.js';
import { seededRandom } from '../core/random.js';
import { planQuestion, type PlannedQuestion } from '../core/selection.js';
import type { GivenAnswer, Mode, SessionResult } from '../core/session.js';
import { UserError } from '../errors.js';
import { answererFor } from './practise.js';
import { runSession } from './run-session.js';
import { learnerName, loadContent, openScreen, openStore, questionIndex, type ContentOptions } from './shared.js';

export interface ResumeOptions extends ContentOptions {
  learner?: string;
  store?: string;
  json?: boolean;
  session?: string;
}

export async function resume(options: ResumeOptions): Promise<SessionResult> {
  const screen = await openScreen(options.json);
  const clock = clockFrom();
  const learner = learnerName(options.learner);
  const store = await openStore(options.store);
  try {
    const unfinished = await store.unfinishedSessions(learner);
    const record = options.session ? unfinished.find((s) => s.id.startsWith(options.session!)) : unfinished[0];
    if (!record)
      throw new UserError(
        options.session ? `${learner} has no unfinished session "${options.session}".` : `${learner} has no unfinished session to resume.`,
        'Start one with `mot train` or `mot exam`.',
      );
    const loaded = await loadContent(options, screen);
    const questions = questionIndex(loaded.banks);
    const random = seededRandom(record.seed);
    const stored = await store.answersOf(record.id);
    const answeredIds = new Set(stored.map((a) => a.questionId));
    const plan: PlannedQuestion[] = [];
    let retired = 0;
    for (const item of record.plan) {
      const question = questions.get(item.id);
      if (!question) {
        retired += 1;
        continue;
      }
      // An edited question keeps its order only while its choices still fit it.
      plan.push(item.order.length === question.choices.length ? { question, order: item.order } : planQuestion(question, true, random));
    }
    // Answers come first in the plan, in the order given, so the session continues after them.
    const given: GivenAnswer[] = [];
    for (const answer of stored) {
      const index = plan.findIndex((p) => p.question.id === answer.questionId);
      if (index < 0) continue;
      const [planned] = plan.splice(index, 1);
      const edited = questionHash(planned!.question) !== answer.questionHash;
      given.push({ planned: planned!, response: edited ? [] : answer.response, score: answer.score });
    }
    const remaining = plan.filter((p) => !answeredIds.has(p.question.id));
    if (remaining.length === 0 && retired > 0)
      throw new UserError(
        `the questions this session still has to ask are not in the loaded banks, so it cannot go on.`,
        'If it was drawn from your own folder, pass the same --content DIR (or MOT_CONTENT) to `mot resume`.',
      );
    const started = new Date(record.started).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    screen.write(
      screen.paint.dim(
        `Resuming the ${record.mode} session of ${started} UTC: ${given.length} answered, ${remaining.length} to go.` +
          (retired ? ` ${retired} question${retired === 1 ? ' has' : 's have'} since been removed from the banks and ${retired === 1 ? 'is' : 'are'} skipped.` : ''),
      ),
    );
    const answerer = await answererFor(screen);
    return await runSession(
      {
        id: record.id,
        mode: record.mode as Mode,
        learner,
        seed: record.seed,
        filters: record.filters as object,
        plan: [...given.map((g) => g.planned), ...remaining],
        passMark: record.passMark,
        given,
      },
      { store, answerer, screen, clock, json: options.json === true },
    );
  } finally {
    await store.close();
  }
}
