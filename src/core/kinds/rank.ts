// `rank`: the learner orders every response from most to least effective; choices are written in
// the expert's order, and the score falls with the total displacement.
import type { QuestionKind } from './kind.js';

export const rank: QuestionKind = {
  type: 'rank',
  summary: 'order every response, most effective first',
  minChoices: 2,
  writtenOrderIsKey: true,
  choiceFieldNames: [],
  choiceFields: () => ({}),
  requiredChoiceFields: [],
  check: () => [],
  /** 1 - sum(|p(i) - i|) / floor(n*n/2); a fully reversed order scores 0. */
  score(_question, order) {
    const n = order.length;
    if (n < 2) return 1;
    let displacement = 0;
    order.forEach((choice, position) => {
      displacement += Math.abs(position - choice);
    });
    return 1 - displacement / Math.floor((n * n) / 2);
  },
  best: (question) => question.choices.map((_, i) => i),
  hint: (question) => (/\brank\b|\border\b/i.test(question.prompt) ? undefined : 'Put every response in order, most effective first.'),
  checkScripted: (positions, n) =>
    positions.length === n
      ? undefined
      : `rank every choice, best first: ${n} letters from a to ${String.fromCharCode(96 + n)} separated by commas, got ${positions.length}`,
  ask: (kit) => kit.order('Your ranking, best first:'),
  feedback(question, response) {
    return [
      {
        heading: 'The expert order, best first  (where you put each response)',
        items: question.choices.map((_, written) => {
          const yours = response.indexOf(written);
          return { written, rank: written + 1, note: `(you: ${yours + 1})`, noteIsGood: yours === written };
        }),
      },
    ];
  },
  keys: () => [0],
  singleKey: true,
  picks: (response, written) => response[0] === written,
  keyNote: (_question, written) => `expert rank ${written + 1}`,
  xapiInteraction: 'sequencing',
  moodle: 'ordering',
  review(question, response) {
    const list = (written: readonly number[]) => written.map((w, i) => `${i + 1}. ${question.choices[w]!.text}`).join('  ');
    return { yours: list(response), best: list(rank.best(question)) };
  },
};

