// `mot resume`: continues a session that was cut off, with the same questions in the same order.
import { clockFrom } from '../clock.js';
import { questionHash } from '../core/question-hash.js';
import { seededRandom } from '../core/random.js';
import { planQuestion, type PlannedQuestion } from '../core/selection.js';
import type { GivenAnswer, Mode, SessionResult } from '../core/session.js';
import { UserError } from '../errors.js';
import { runMessages } from '../messages/run.js';
import { answererFor } from './practise.js';
import { runSession } from './run-session.js';
import { learnerName, loadContent, titlesOf, openScreen, openStore, questionIndex, type ContentOptions } from './shared.js';
import { commandName } from '../invocation.js';

/** How the learner started mot, so that every hint is a command they can type as it is. */
const MOT = commandName();

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
        `Start one with \`${MOT} train\` or \`${MOT} exam\`.`,
      );
    const loaded = await loadContent(options, screen);
    const questions = questionIndex(loaded.banks);
    const random = seededRandom(record.seed);
    const stored = await store.answersOf(record.id);
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
    // Each stored answer goes back to its question's place; one whose question was edited since
    // (its choices may mean something else now) is left in the history and the question asked again.
    const given: GivenAnswer[] = [];
    let edited = 0;
    const open = [...plan];
    for (const answer of stored) {
      const index = open.findIndex((p) => p.question.id === answer.questionId);
      if (index < 0) continue;
      const [planned] = open.splice(index, 1);
      if (questionHash(planned!.question) !== answer.questionHash) {
        edited += 1;
        continue;
      }
      const old: GivenAnswer = { id: answer.id, planned: planned!, response: answer.response, score: answer.score };
      if (answer.seconds !== null) old.seconds = answer.seconds;
      given.push(old);
    }
    const remaining = plan.length - given.length;
    if (remaining === 0 && retired > 0)
      throw new UserError(
        `the questions this session still has to ask are not in the loaded banks, so it cannot go on.`,
        `If it was drawn from your own folder, pass the same --content DIR (or MOT_CONTENT) to \`${MOT} resume\`.`,
      );
    const started = new Date(record.started).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    screen.write(
      screen.paint.dim(
        `Resuming the ${record.mode} session of ${started} UTC: ${given.length} answered, ${remaining} to go.` +
          (retired ? ` ${retired} question${retired === 1 ? ' has' : 's have'} since been removed from the banks and ${retired === 1 ? 'is' : 'are'} skipped.` : ''),
      ),
    );
    if (edited > 0) screen.write(screen.paint.dim(runMessages.resumeEdited(edited)));
    const answerer = await answererFor(screen);
    return await runSession(
      {
        id: record.id,
        mode: record.mode as Mode,
        learner,
        seed: record.seed,
        filters: record.filters as object,
        plan,
        passMark: record.passMark,
        given,
        bankTitles: titlesOf(loaded.banks),
      },
      { store, answerer, screen, clock, json: options.json === true },
    );
  } finally {
    await store.close();
  }
}
