// `best-worst`: the learner picks the most and the least effective response, as in many
// situational judgement tests. Half the credit for each; naming the worst as most effective, or
// the best as least effective, scores nothing at all.
import { error, type Problem } from '../problems.js';
import type { QuestionKind } from './kind.js';

declare module '../model.js' {
  interface ChoiceMarks {
    /** `best-worst` questions: the most effective response (exactly one choice). */
    best?: boolean;
    /** `best-worst` questions: the least effective response (exactly one choice). */
    worst?: boolean;
  }
}

const marked = (field: 'best' | 'worst', choices: readonly { best?: unknown; worst?: unknown }[]) =>
  choices.flatMap((c, i) => (c[field] === true ? [i] : []));

export const bestWorst: QuestionKind = {
  type: 'best-worst',
  summary: 'pick the most and the least effective response',
  minChoices: 3,
  choiceFieldNames: ['best', 'worst'],
  choiceFields: (z) => ({
    best: z.boolean().meta({ description: '`best-worst` questions: true on the one most effective response.' }),
    worst: z.boolean().meta({ description: '`best-worst` questions: true on the one least effective response.' }),
  }),
  requiredChoiceFields: [],
  check(choices, path) {
    const problems: Problem[] = [];
    const at = [...path, 'choices'];
    if (choices.length > 0 && choices.length < 3)
      problems.push(error(at, `a best-worst question needs 3 to 8 choices, so that one can be neither best nor worst; this one has ${choices.length}.`, 'key', 'choice-count'));
    for (const field of ['best', 'worst'] as const) {
      const found = marked(field, choices);
      if (found.length === 0)
        problems.push(error(at, `no choice has "${field}: true": a best-worst question marks exactly one ${field === 'best' ? 'most' : 'least'} effective response.`, 'key', 'missing-best-choice'));
      else if (found.length > 1)
        problems.push(
          error([...path, 'choices', found[1]!, field], `choices ${found.map((i) => i + 1).join(' and ')} both have "${field}: true"; mark exactly one.`, 'key', 'best-worst-marks'),
        );
    }
    choices.forEach((c, i) => {
      if (c.best === true && c.worst === true)
        problems.push(error([...path, 'choices', i], 'this choice is marked both best and worst; one response cannot be both.', undefined, 'best-worst-marks'));
    });
    return problems;
  },
  score(question, response) {
    const [best] = marked('best', question.choices);
    const [worst] = marked('worst', question.choices);
    const [pickedBest, pickedWorst] = response;
    if (pickedBest === worst || pickedWorst === best) return 0;
    return (pickedBest === best ? 0.5 : 0) + (pickedWorst === worst ? 0.5 : 0);
  },
  best: (question) => [marked('best', question.choices)[0]!, marked('worst', question.choices)[0]!],
  hint: () => 'Pick the most effective response, then the least effective one.',
  checkScripted: (positions) =>
    positions.length === 2 ? undefined : `give two different letters, the most effective first and the least effective second (like b,d); got ${positions.length}`,
  async ask(kit) {
    const most = await kit.pickOne('The most effective response:');
    const least = await kit.pickOne('The least effective response:', [most]);
    return [most, least];
  },
  feedback(question, response) {
    const [best, worst] = bestWorst.best(question) as [number, number];
    const [pickedBest, pickedWorst] = response as [number, number];
    return [
      { heading: 'Your most effective', items: [{ written: pickedBest, mark: pickedBest === best ? 'picked-right' : 'picked-wrong' }] },
      { heading: 'Your least effective', items: [{ written: pickedWorst, mark: pickedWorst === worst ? 'picked-right' : 'picked-wrong' }] },
      ...(pickedBest === best && pickedWorst === worst
        ? []
        : [{ heading: 'The expert view: most effective, then least effective', items: [{ written: best }, { written: worst }] }]),
    ];
  },
  keys: (question) => marked('best', question.choices),
  singleKey: true,
  picks: (response, written) => response[0] === written,
  picksWorst: (response, written) => response[1] === written,
  keyNote: (question, written) =>
    question.choices[written]?.best === true ? 'most effective' : question.choices[written]?.worst === true ? 'least effective' : 'neither',
  // Moodle and xAPI have no most-and-least format.
  xapiInteraction: 'other',
  review(question, response) {
    const pair = ([most, least]: readonly number[]) => `most: ${question.choices[most!]!.text} / least: ${question.choices[least!]!.text}`;
    return { yours: pair(response), best: pair(bestWorst.best(question)) };
  },
};
