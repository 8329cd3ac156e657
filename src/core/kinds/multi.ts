// `multi`: the learner picks every response that applies; credit for hits, less for wrong picks.
import { error, type Problem } from '../problems.js';
import type { QuestionKind } from './kind.js';

declare module '../model.js' {
  interface ChoiceMarks {
    /** `multi` questions: whether it belongs in the answer. */
    correct?: boolean;
  }
}

export const multi: QuestionKind = {
  type: 'multi',
  summary: 'pick all that apply',
  minChoices: 2,
  choiceFieldNames: ['correct'],
  choiceFields: (z) => ({
    correct: z.boolean().meta({ description: '`multi` questions: whether this choice belongs in the answer.' }),
  }),
  requiredChoiceFields: ['correct'],
  check(choices, path) {
    const problems: Problem[] = [];
    if (choices.length > 0 && !choices.some((c) => c.correct === true))
      problems.push(error([...path, 'choices'], 'no choice is "correct: true": a multi question needs at least one correct choice.', 'key', 'missing-best-choice'));
    return problems;
  },
  /** max(0, h/C - w/W), with the w/W term 0 when no choice is wrong. */
  score(question, response) {
    const correct = question.choices.filter((c) => c.correct === true).length;
    const wrong = question.choices.length - correct;
    const unique = [...new Set(response)];
    const hits = unique.filter((i) => question.choices[i]?.correct === true).length;
    const misses = unique.length - hits;
    return Math.max(0, hits / correct - (wrong === 0 ? 0 : misses / wrong));
  },
  best: (question) => question.choices.flatMap((c, i) => (c.correct ? [i] : [])),
  hint: (question) =>
    /all that apply|select all|choose all|which (of these )?(\w+ )?(help|are|make)/i.test(question.prompt) ? undefined : 'Choose every response that applies.',
  checkScripted: () => undefined,
  ask: (kit) => kit.pickMany('Your answer (space to tick, enter when done):'),
  feedback(question, response) {
    return [
      {
        heading: 'The responses',
        legend: true,
        inShownOrder: true,
        items: question.choices.map((c, written) => ({
          written,
          mark: response.includes(written) ? (c.correct ? 'picked-right' : 'picked-wrong') : c.correct ? 'missed' : 'none',
        })),
      },
    ];
  },
  keys: (question) => multi.best(question),
  singleKey: false,
  picks: (response, written) => response.includes(written),
  keyNote: (question, written) => (question.choices[written]?.correct === true ? 'correct' : 'wrong'),
  responseIsSet: true,
  xapiInteraction: 'choice',
  moodle: 'multi',
  review(question, response) {
    const list = (written: readonly number[]) => (written.length === 0 ? '(none)' : written.map((w) => question.choices[w]!.text).join(' / '));
    return { yours: list(response), best: list(multi.best(question)) };
  },
};
