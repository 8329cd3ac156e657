// What a learner reads about the questions of a session: the header, the verdict and feedback
// after an answer, and the result at the end. Marks (✔, ✘) are the renderer's; the words are here.
import type { Verdict } from '../core/scoring.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

export const sessionMessages = {
  /** The start of a question's header; the bank it comes from follows it. */
  questionNumber: (number: number, total: number) => `Question ${number} of ${total}`,
  /** After an answer, what it was about: never before, so it gives nothing away. */
  questionDetails(details: { moment?: string; stage?: string; tags: readonly string[] }, dot: string): string {
    const parts = [details.moment, details.stage, details.tags.length > 0 ? `tags: ${details.tags.join(', ')}` : undefined];
    return parts.filter(Boolean).join(` ${dot} `);
  },
  verdict: (verdict: Verdict) => (verdict === 'right' ? 'Right' : verdict === 'partly right' ? 'Partly right' : 'Wrong'),
  scoreNote: (score: number) => `(score ${percent(score)})`,
  legend: { rightPick: 'right pick', wrongPick: 'wrong pick', missed: 'missed' },
  why: 'Why',

  resultHeading: 'Result',
  nothingAnswered: 'No question was answered, so there is no score.',
  byMoment: 'By moment',
  byStage: 'By stage',
  byIndustry: 'By industry',
  questions: (n: number) => plural(n, 'question'),
  reviewHeading: (misses: number) => `Review of ${plural(misses, 'miss', 'misses')}`,
  noMisses: 'Every answer was the best one.',
  missDetails: (id: string, score: number, dot: string) => `${id} ${dot} scored ${percent(score)}`,
  /** The two lines of a miss: what the learner answered, and the best answer. */
  yours: 'You:',
  best: 'Best:',
  counts: (right: number, partly: number, wrong: number) => `${right} right, ${partly} partly right, ${wrong} wrong`,
  /** The last line starts "Score 75%", then "on 20 questions" when the session was finished. */
  score: (score: number) => `Score ${percent(score)}`,
  onQuestions: (questions: number) => `on ${plural(questions, 'question')}`,
  /** The last line of an unfinished session, after its score: it is never a pass. */
  unfinished: (answered: number, total: number) => `${answered} of ${total} answered: unfinished, so not passed`,
  passed: 'Passed',
  notPassed: 'Not passed',
  passMark: (passMark: number) => `(pass mark ${percent(passMark)})`,
};
