// The item analysis: per question, how many answers count, how easy it was (facility), how well
// it separates stronger from weaker learners (discrimination), how the answers spread over the
// choices, and the flags a trainer should look at.
import type { Moment, Question, QuestionType, Stage } from '../model.js';
import { forEachCounted, type Attempt, type AttemptsPolicy } from './attempts.js';
import { TALLIES } from './choices.js';
import { pearson, round } from './statistics.js';

export const FLAGS = ['too-easy', 'too-hard', 'negative-discrimination', 'low-discrimination', 'unused-choice', 'few-answers'] as const;
export type Flag = (typeof FLAGS)[number];

/** The thresholds of the flags, as Moodle-using trainers know them. */
export const THRESHOLDS = {
  /** Below this many counted answers the figures are noise: only `few-answers` is raised. */
  minAnswers: 20,
  tooEasy: 0.9,
  tooHard: 0.3,
  lowDiscrimination: 0.2,
  unusedChoice: 0.05,
} as const;

export interface ChoiceRow {
  /** 1-based position in the file. */
  written: number;
  text: string;
  key: boolean;
  picked: number;
  share: number | null;
  /** best-worst questions: how many named it least effective. */
  worst?: number;
  worst_share?: number | null;
}

export interface ItemRow {
  id: string;
  bank: string;
  type: QuestionType;
  moment?: Moment;
  stage?: Stage;
  prompt: string;
  n: number;
  facility: number | null;
  discrimination: number | null;
  choices: ChoiceRow[];
  flags: Flag[];
}

/**
 * One row per question given, in the order given. `attempts` come from `attemptsOf`; the rest
 * score of an answer is the mean of the other questions answered in the same attempt, whatever
 * their bank, so a filter on the rows never changes a figure.
 */
export function itemTable(questions: readonly Question[], attempts: readonly Attempt[], policy: AttemptsPolicy): ItemRow[] {
  const wanted = new Map(questions.map((q) => [q.id, { scores: [] as number[], xs: [] as number[], rests: [] as number[], responses: [] as (readonly number[])[] }]));
  forEachCounted(attempts, policy, (attempt, answer) => {
    const tally = wanted.get(answer.questionId);
    if (!tally) return;
    tally.scores.push(answer.score);
    tally.responses.push(answer.response);
    const others = attempt.answers.size - 1;
    if (others > 0) {
      tally.xs.push(answer.score);
      tally.rests.push((attempt.total - answer.score) / others);
    }
  });
  return questions.map((q) => {
    const t = wanted.get(q.id)!;
    const n = t.scores.length;
    const facility = n === 0 ? null : round(t.scores.reduce((a, b) => a + b, 0) / n);
    const discrimination = round(pearson(t.xs, t.rests));
    const choices = choiceRows(q, t.responses);
    const row: ItemRow = { id: q.id, bank: q.bankId, type: q.type, prompt: q.prompt, n, facility, discrimination, choices, flags: [] };
    if (q.moment) row.moment = q.moment;
    if (q.stage) row.stage = q.stage;
    row.flags = flagsFor(row);
    return row;
  });
}

function choiceRows(question: Question, responses: readonly (readonly number[])[]): ChoiceRow[] {
  const tally = TALLIES[question.type];
  const n = responses.length;
  const share = (count: number) => (n === 0 ? null : round(count / n));
  return question.choices.map((choice, written) => {
    let picked = 0;
    let worst = 0;
    for (const response of responses) {
      if (tally.picks(response, written)) picked++;
      if (tally.picksWorst?.(response, written)) worst++;
    }
    const row: ChoiceRow = { written: written + 1, text: choice.text, key: tally.isKey(question, written), picked, share: share(picked) };
    if (tally.picksWorst) {
      row.worst = worst;
      row.worst_share = share(worst);
    }
    return row;
  });
}

/** Each flag on its own condition, so a negative discrimination is also a low one. */
export function flagsFor(row: Pick<ItemRow, 'n' | 'facility' | 'discrimination' | 'choices'>): Flag[] {
  if (row.n < THRESHOLDS.minAnswers) return ['few-answers'];
  const flags: Flag[] = [];
  const f = row.facility!;
  const d = row.discrimination;
  if (f > THRESHOLDS.tooEasy) flags.push('too-easy');
  if (f < THRESHOLDS.tooHard) flags.push('too-hard');
  if (d !== null && d < 0) flags.push('negative-discrimination');
  if (d !== null && d < THRESHOLDS.lowDiscrimination) flags.push('low-discrimination');
  if (row.choices.some((c) => !c.key && (c.share ?? 0) < THRESHOLDS.unusedChoice)) flags.push('unused-choice');
  return flags;
}
