// What a learner reads after an answer and at the end of a session, and how problems are shown.
import { describe, expect, it } from 'vitest';
import type { Choice, Moment, Question, QuestionType, Stage } from '../../src/core/model.js';
import type { LocatedProblem } from '../../src/core/problems.js';
import { scoreResponse } from '../../src/core/scoring.js';
import { buildResult, type GivenAnswer } from '../../src/core/session.js';
import { plainPaint } from '../../src/ui/paint.js';
import { renderChoices, renderFeedback, renderProblems, renderQuestion, renderSummary, type Layout } from '../../src/ui/render.js';

const layout: Layout = { paint: plainPaint(), width: 78 };
const ascii: Layout = { paint: plainPaint(false), width: 78 };

interface Spec {
  id: string;
  type?: QuestionType;
  industry?: string;
  moment?: Moment;
  stage?: Stage;
  prompt?: string;
  choices: Choice[];
  explanation?: string;
}

function question(spec: Spec): Question {
  const industry = spec.industry ?? 'healthcare';
  const q: Question = {
    id: `clinic/${spec.id}`,
    localId: spec.id,
    bankId: 'clinic',
    industry,
    type: spec.type ?? 'choice',
    tags: [],
    prompt: spec.prompt ?? 'What do you say?',
    shuffle: true,
    choices: spec.choices,
  };
  if (spec.moment) q.moment = spec.moment;
  if (spec.stage) q.stage = spec.stage;
  if (spec.explanation) q.explanation = spec.explanation;
  return q;
}

/** An answer given in shown letters' written indices; the score comes from the real formulas. */
function answer(q: Question, order: number[], response: number[]): GivenAnswer {
  return { planned: { question: q, order }, response, score: scoreResponse(q, response) };
}

const delay = question({
  id: 'waiting-room-delay',
  moment: 'second',
  stage: 'delivery',
  choices: [
    { text: 'It will not be long now.', score: 0, feedback: 'A vague promise that is likely to be broken makes the next moment worse.' },
    { text: 'Apologise, give an honest estimate, and offer to rebook.', score: 1, feedback: 'Honesty plus a choice gives the patient back some control.' },
    { text: 'Apologise and explain that the doctor had an emergency.', score: 0.5, feedback: 'The apology helps, but there is no estimate.' },
  ],
  explanation: 'Waiting is part of the service itself.',
});

const followUp = question({
  id: 'discharge-call',
  type: 'multi',
  moment: 'third',
  stage: 'follow-up',
  prompt: 'Which of these make a follow-up call a positive moment of truth?',
  choices: [
    { text: 'Asking how the patient is recovering', correct: true },
    { text: 'Reading the billing policy aloud', correct: false, feedback: 'Billing can wait.' },
    { text: 'Confirming the next appointment', correct: true },
    { text: 'Asking for an online rating first', correct: false },
  ],
  explanation: 'The call is about recovery first.',
});

const relative = question({
  id: 'angry-relative',
  type: 'rank',
  moment: 'second',
  stage: 'recovery',
  prompt: 'Rank these responses from most to least effective.',
  choices: [{ text: 'Listen and check the results' }, { text: 'Promise a call back' }, { text: 'Explain the delays' }, { text: 'Ask them to leave' }],
  explanation: 'Service recovery starts with listening.',
});

describe('renderFeedback', () => {
  it('after a wrong choice shows the verdict, the choice with its feedback, the best answer and the explanation', () => {
    // Shown order: a = written 2, b = written 0, c = written 1.
    const text = renderFeedback(answer(delay, [2, 0, 1], [0]), layout);
    expect(text).toContain('✘ Wrong (score 0%)');
    expect(text).toMatch(/You chose\n\s+b\) It will not be long now\.\n\s+A vague promise/);
    expect(text).toMatch(/Best answer\n\s+c\) Apologise, give an honest estimate, and offer to rebook\.\n\s+Honesty plus a choice/);
    expect(text).toMatch(/Why\n\s+Waiting is part of the service itself\./);
  });

  it('after a partly right choice says so, with its score', () => {
    const text = renderFeedback(answer(delay, [0, 1, 2], [2]), layout);
    expect(text).toContain('◐ Partly right (score 50%)');
    expect(text).toContain('c) Apologise and explain that the doctor had an emergency.');
    expect(text).toContain('Best answer');
  });

  it('after the best choice shows no separate best answer', () => {
    const text = renderFeedback(answer(delay, [0, 1, 2], [1]), layout);
    expect(text).toContain('✔ Right (score 100%)');
    expect(text).toContain('Honesty plus a choice');
    expect(text).not.toContain('Best answer');
  });

  it('marks each multi response as a right pick, a wrong pick or a miss', () => {
    const text = renderFeedback(answer(followUp, [0, 1, 2, 3], [0, 1]), layout);
    expect(text).toContain('✘ Wrong (score 0%)');
    expect(text).toMatch(/✔ a\) Asking how the patient is recovering/);
    expect(text).toMatch(/✘ b\) Reading the billing policy aloud\n\s+Billing can wait\./);
    expect(text).toMatch(/○ c\) Confirming the next appointment/);
    expect(text).toMatch(/ {4}d\) Asking for an online rating first/);
    expect(text).toContain('The call is about recovery first.');
  });

  it('uses ASCII marks when the terminal cannot draw Unicode', () => {
    const text = renderFeedback(answer(followUp, [0, 1, 2, 3], [0, 1]), ascii);
    expect(text).toContain('x Wrong (score 0%)');
    expect(text).toMatch(/\+ a\) Asking how/);
    expect(text).toMatch(/x b\) Reading the billing/);
    expect(text).toMatch(/o c\) Confirming/);
    expect(text).not.toMatch(/[✔✘○◐•·]/);
  });

  it('shows the expert order of a rank question and where the learner put each response', () => {
    const text = renderFeedback(answer(relative, [0, 1, 2, 3], [1, 0, 2, 3]), layout);
    expect(text).toContain('◐ Partly right (score 75%)');
    expect(text).toMatch(/1\. a\) Listen and check the results\s+\(you: 2\)/);
    expect(text).toMatch(/2\. b\) Promise a call back\s+\(you: 1\)/);
    expect(text).toMatch(/3\. c\) Explain the delays\s+\(you: 3\)/);
    expect(text).toContain('Service recovery starts with listening.');
  });
});

describe('renderSummary', () => {
  const answers = [answer(delay, [0, 1, 2], [0]), answer(followUp, [0, 1, 2, 3], [0, 2]), answer(relative, [0, 1, 2, 3], [1, 0, 2, 3])];
  const result = buildResult({ mode: 'exam', learner: 'sam', finished: true, total: 3, passMark: 0.75, answers });
  const text = renderSummary(result, answers, layout);

  it('shows the score, how many questions, pass or fail and the pass mark', () => {
    // (0 + 1 + 0.75) / 3 = 58%
    expect(text).toMatch(/Score 58% on 3 questions/);
    expect(text).toContain('Not passed');
    expect(text).toContain('pass mark 75%');
    expect(text).toContain('1 right, 1 partly right, 1 wrong');
  });

  it('says passed when the score reaches the pass mark', () => {
    const right = [answer(delay, [0, 1, 2], [1])];
    const passed = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: true, total: 1, passMark: 0.8, answers: right }), right, layout);
    expect(passed).toContain('✔ Passed');
    expect(passed).toContain('Every answer was the best one.');
    expect(passed).not.toContain('Review of');
  });

  it('breaks the score down by moment, stage and industry', () => {
    expect(text).toMatch(/By moment[\s\S]*second \(SMOT\)\s+\S+ 38%\s+2 questions[\s\S]*third \(TMOT\)\s+\S+ 100%\s+1 question\b/);
    const byStage = text.slice(text.indexOf('By stage'), text.indexOf('By industry'));
    expect(byStage).toMatch(/delivery\s+\S+ 0%\s+1 question\b/);
    expect(byStage).toMatch(/follow-up\s+\S+ 100%\s+1 question\b/);
    expect(byStage).toMatch(/recovery\s+\S+ 75%\s+1 question\b/);
    expect(text).toMatch(/By industry[\s\S]*healthcare\s+\S+ 58%\s+3 questions/);
  });

  it('reviews every miss with what was chosen, the best answer and the explanation, and skips the right ones', () => {
    expect(text).toContain('Review of 2 misses');
    const review = text.slice(text.indexOf('Review of'));
    expect(review).toContain('What do you say?');
    expect(review).toContain('You: It will not be long now.');
    expect(review).toContain('Best: Apologise, give an honest estimate, and offer to rebook.');
    expect(review).toContain('Waiting is part of the service itself.');
    // A rank question's review names the responses in both orders, not letters only.
    expect(review).toMatch(/You: 1\. Promise a call back 2\. Listen and check the results/);
    expect(review).toMatch(/Best: 1\. Listen and check the results 2\. Promise a call back/);
    expect(review).not.toContain('follow-up call a positive moment');
  });

  it('says there is no score when nothing was answered', () => {
    const empty = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: false, total: 3, passMark: 0.8, answers: [] }), [], layout);
    expect(empty).toContain('No question was answered, so there is no score.');
    expect(empty).not.toContain('Passed');
  });

  it('marks an unfinished session', () => {
    const some = answers.slice(0, 1);
    const unfinished = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: false, total: 3, passMark: 0.8, answers: some }), some, layout);
    expect(unfinished).toContain('1 of 3 questions (unfinished)');
  });
});

describe('renderProblems', () => {
  const problems: LocatedProblem[] = [
    { file: 'content/bad.yaml', line: 6, col: 12, message: 'unknown stage "aftercare".', severity: 'error', source: '    stage: aftercare' },
    { file: 'content/bad.yaml', line: 9, col: 5, message: 'shuffle: false gives the answer away.', severity: 'warning' },
  ];

  it('writes each problem as file:line:col: kind: message', () => {
    expect(renderProblems(problems, layout, false).split('\n')).toEqual([
      'content/bad.yaml:6:12: error: unknown stage "aftercare".',
      'content/bad.yaml:9:5: warning: shuffle: false gives the answer away.',
    ]);
  });

  it('adds the source line with a caret under the column when asked for a code frame', () => {
    const lines = renderProblems(problems.slice(0, 1), layout, true).split('\n');
    expect(lines[1]).toBe(' 6 |     stage: aftercare');
    expect(lines[2]!.indexOf('^')).toBe(lines[1]!.indexOf('aftercare'));
  });

  it('shows a message or source line without its escape sequences and on one line', () => {
    const hostile: LocatedProblem = { file: 'f.yaml', line: 1, col: 1, message: 'bad \u001b[2J\nvalue', severity: 'error', source: 'a: \u001b]0;x\u0007b' };
    const text = renderProblems([hostile], layout, true);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text.split('\n')[0]).toBe('f.yaml:1:1: error: bad  value');
  });
});

describe('at a width of 78', () => {
  const long = (words: number, word = 'respond') => Array.from({ length: words }, () => word).join(' ');
  // 69 characters: nearly all of the 70 columns left after a "  1. a) " prefix.
  const nearlyFull = (i: number) => `${long(13, 'word')} w${i}xx`;
  const wordy = question({
    id: 'long-choice',
    moment: 'first',
    stage: 'first-contact',
    industry: 'telecommunications',
    prompt: long(30, 'prompting'),
    choices: [
      { text: long(25), score: 1, feedback: long(25, 'feedback') },
      { text: nearlyFull(0), score: 0, feedback: long(3, 'no') },
    ],
    explanation: long(40, 'because'),
  });
  const wordyMulti = question({
    id: 'long-multi',
    type: 'multi',
    prompt: long(20, 'which'),
    choices: Array.from({ length: 8 }, (_, i) => ({ text: nearlyFull(i), correct: i % 2 === 0, feedback: long(20, 'because') })),
    explanation: long(30, 'since'),
  });
  const wordyRank = question({
    id: 'long-rank',
    type: 'rank',
    prompt: long(20, 'ranking'),
    choices: Array.from({ length: 8 }, (_, i) => ({ text: nearlyFull(i), feedback: long(15, 'placed') })),
    explanation: long(30, 'since'),
  });
  const answers = [
    answer(wordy, [1, 0], [1]),
    answer(wordyMulti, [7, 6, 5, 4, 3, 2, 1, 0], [1, 3, 5, 7]),
    answer(wordyRank, [7, 6, 5, 4, 3, 2, 1, 0], [7, 6, 5, 4, 3, 2, 1, 0]),
  ];

  const tooWide = (text: string) => text.split('\n').filter((line) => [...line].length > 80);

  it.each(answers.map((a) => [a.planned.question.type, a] as const))('keeps every line of the %s feedback within 80 columns', (_type, a) => {
    expect(tooWide(renderFeedback(a, layout))).toEqual([]);
    expect(tooWide(renderFeedback(a, ascii))).toEqual([]);
  });

  it('keeps every line of the summary within 80 columns', () => {
    const result = buildResult({ mode: 'exam', learner: 'sam', finished: true, total: 3, passMark: 0.8, answers });
    expect(tooWide(renderSummary(result, answers, layout))).toEqual([]);
  });

  it.each(answers.map((a) => [a.planned.question.type, a] as const))('keeps every line of the %s question and its choices within 80 columns', (_type, a) => {
    expect(tooWide(renderQuestion(a.planned, 0, 3, layout))).toEqual([]);
    expect(tooWide(renderChoices(a.planned, layout))).toEqual([]);
  });
});
