// `choice`: the learner picks one response; every choice carries the credit for picking it.
import { error, type Problem } from '../problems.js';
import type { QuestionKind } from './kind.js';

declare module '../model.js' {
  interface ChoiceMarks {
    /** `choice` questions: the credit for picking it, 0 to 1. */
    score?: number;
  }
}

export const choice: QuestionKind = {
  type: 'choice',
  summary: 'pick one (the default)',
  minChoices: 2,
  choiceFieldNames: ['score'],
  choiceFields: (z) => ({
    score: z.number().min(0).max(1).meta({ description: '`choice` questions: the credit for picking this choice, 0 to 1. At least one choice scores 1.' }),
  }),
  requiredChoiceFields: ['score'],
  check(choices, path) {
    const problems: Problem[] = [];
    const scores = choices.map((c) => c.score).filter((s): s is number => typeof s === 'number');
    if (scores.length > 0 && !scores.includes(1))
      problems.push(
        error([...path, 'choices'], `no choice has score 1 (the highest is ${Math.max(...scores)}): a choice question needs a best answer worth 1. Give the best choice "score: 1".`, 'key', 'missing-best-choice'),
      );
    return problems;
  },
  score: (question, response) => question.choices[response[0] ?? -1]?.score ?? 0,
  best: (question) => [question.choices.findIndex((c) => c.score === 1)],
  hint: () => undefined,
  checkScripted: (positions, n) =>
    positions.length === 1 ? undefined : `this question takes one letter from a to ${String.fromCharCode(96 + n)}`,
  ask: async (kit) => [await kit.pickOne('Your answer:')],
  feedback(question, response) {
    const picked = response[0]!;
    const best = choice.best(question)[0]!;
    const sections = [{ heading: 'You chose', items: [{ written: picked }] }];
    if (question.choices[picked]?.score !== 1) sections.push({ heading: 'Best answer', items: [{ written: best }] });
    return sections;
  },
  keys: (question) => question.choices.flatMap((c, i) => (c.score === 1 ? [i] : [])),
  singleKey: true,
  picks: (response, written) => response[0] === written,
  keyNote: (question, written) => `score ${question.choices[written]?.score ?? 0}`,
  xapiInteraction: 'choice',
  moodle: 'single',
  review(question, response) {
    return { yours: question.choices[response[0]!]?.text ?? '(none)', best: question.choices[choice.best(question)[0]!]!.text };
  },
};
