// What a learner reads after an answer and at the end of a session, and how problems are shown.
import { describe, expect, it } from 'vitest';
import type { Choice, Moment, Question, QuestionType, Stage } from '../../src/core/model.js';
import type { LocatedProblem } from '../../src/core/problems.js';
import { scoreResponse } from '../../src/core/scoring.js';
import { buildResult, type GivenAnswer } from '../../src/core/session.js';
import { banksMessages } from '../../src/messages/banks.js';
import { sessionMessages as say } from '../../src/messages/session.js';
import { plainPaint } from '../../src/ui/paint.js';
import { renderBanks, renderChoices, renderFeedback, renderProblems, renderQuestion, renderSummary, type BankListing, type Layout } from '../../src/ui/render.js';
import { displayWidth } from '../../src/ui/text.js';

const layout: Layout = { paint: plainPaint(), width: 78 };
const ascii: Layout = { paint: plainPaint(false), width: 78 };

interface Spec {
  id: string;
  type?: QuestionType;
  industry?: string;
  moment?: Moment;
  stage?: Stage;
  prompt?: string;
  scenario?: string;
  tags?: string[];
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
    tags: spec.tags ?? [],
    prompt: spec.prompt ?? 'What do you say?',
    shuffle: true,
    choices: spec.choices,
  };
  if (spec.moment) q.moment = spec.moment;
  if (spec.stage) q.stage = spec.stage;
  if (spec.explanation) q.explanation = spec.explanation;
  if (spec.scenario) q.scenario = spec.scenario;
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
  tags: ['waiting', 'honesty'],
  scenario: 'The clinic is running forty minutes late. A patient asks how much longer.',
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

const pickTwo = question({
  id: 'late-for-work',
  type: 'best-worst',
  moment: 'second',
  stage: 'delivery',
  prompt: 'Which is the most and which the least effective response?',
  choices: [
    { text: 'Say how long the wait is and offer a phone call when the doctor is free', best: true },
    { text: 'Tell them everybody has to wait', worst: true },
    { text: 'Offer a magazine' },
  ],
});

/** The lines of a text, and the last ones that are not blank. */
const lastLines = (text: string, n: number) => text.split('\n').filter((l) => l.trim() !== '').slice(-n);

describe('renderQuestion', () => {
  const planned = { question: delay, order: [0, 1, 2] };

  it('heads the question with its number and its bank, and nothing about moment, stage or tags', () => {
    const text = renderQuestion(planned, 2, 10, layout, 'Clinic front desk');
    expect(text.split('\n')[1]).toBe(`${say.questionNumber(3, 10)} · Clinic front desk`);
    expect(text).toContain('The clinic is running forty minutes late.');
    expect(text).toContain('What do you say?');
    expect(text).not.toMatch(/SMOT|second moment|delivery|waiting|honesty|healthcare/);
  });

  it('names the bank by its id when no title is given, with a plain dash when Unicode cannot be drawn', () => {
    expect(renderQuestion(planned, 0, 3, layout).split('\n')[1]).toBe('Question 1 of 3 · clinic');
    expect(renderQuestion(planned, 0, 3, ascii).split('\n')[1]).toBe('Question 1 of 3 - clinic');
  });

  it('keeps a long bank title within the width', () => {
    const text = renderQuestion(planned, 0, 3, { paint: plainPaint(), width: 40 }, 'The training bank of the clinic front desk and its waiting room');
    expect(text.split('\n')[1]!.startsWith('Question 1 of 3 · The training bank')).toBe(true);
    expect(Math.max(...text.split('\n').map(displayWidth))).toBeLessThanOrEqual(40);
  });
});

describe('renderFeedback', () => {
  it('says after the answer what the question was about: moment, stage and tags on one line under the verdict', () => {
    const lines = renderFeedback(answer(delay, [0, 1, 2], [1]), layout).split('\n');
    expect(lines[1]).toContain('Right');
    expect(lines[2]).toBe('second moment (SMOT) · delivery · tags: waiting, honesty');
  });

  it('leaves that line out when the question has no moment, stage or tags', () => {
    const bare = question({ id: 'bare', choices: delay.choices });
    const lines = renderFeedback(answer(bare, [0, 1, 2], [1]), layout).split('\n');
    expect(lines[2]).toBe('');
  });

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

  it('ends with the result: the counts, then the score, how many questions, pass or fail and the pass mark as the last line', () => {
    // (0 + 1 + 0.75) / 3 = 58%
    expect(lastLines(text, 2)).toEqual(['  1 right, 1 partly right, 1 wrong', '  Score 58% on 3 questions · ✘ Not passed (pass mark 75%)']);
  });

  it('puts the breakdown and the review of misses above the result', () => {
    const score = text.lastIndexOf(say.score(0.5833));
    expect(text.indexOf('By moment')).toBeGreaterThan(-1);
    expect(text.indexOf('By moment')).toBeLessThan(text.indexOf(say.reviewHeading(2)));
    expect(text.lastIndexOf('Service recovery starts with listening.')).toBeLessThan(score);
  });

  it('says passed on the last line when the score reaches the pass mark', () => {
    const right = [answer(delay, [0, 1, 2], [1])];
    const passed = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: true, total: 1, passMark: 0.8, answers: right }), right, layout);
    expect(lastLines(passed, 1)).toEqual(['  Score 100% on 1 question · ✔ Passed (pass mark 80%)']);
    expect(passed).toContain(say.noMisses);
    expect(passed).not.toContain('Review of');
    const plain = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: true, total: 1, passMark: 0.8, answers: right }), right, ascii);
    expect(lastLines(plain, 1)).toEqual(['  Score 100% on 1 question - PASSED (pass mark 80%)']);
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
    expect(text).toContain(say.reviewHeading(2));
    const review = text.slice(text.indexOf('Review of'));
    expect(review).toContain('What do you say?');
    expect(review).toContain('You:  It will not be long now.');
    expect(review).toContain('Best: Apologise, give an honest estimate, and offer to rebook.');
    expect(review).toContain('Waiting is part of the service itself.');
    // A rank question's review names the responses in both orders, not letters only.
    expect(review).toMatch(/You: {2}1\. Promise a call back {2}2\. Listen and check the results/);
    expect(review).toMatch(/Best: 1\. Listen and check the results {2}2\. Promise a call back/);
    expect(review).not.toContain('follow-up call a positive moment');
  });

  it('reviews a multi and a best-worst miss by the texts of what was chosen and of the best answer', () => {
    const misses = [answer(followUp, [0, 1, 2, 3], [1]), answer(pickTwo, [0, 1, 2], [2, 0])];
    const review = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: true, total: 2, passMark: 0.8, answers: misses }), misses, layout);
    expect(review).toContain('You:  Reading the billing policy aloud');
    expect(review).toContain('Best: Asking how the patient is recovering / Confirming the next appointment');
    expect(review).toContain('You:  most: Offer a magazine / least: Say how long the wait is');
    expect(review.replace(/\s+/g, ' ')).toContain('Best: most: Say how long the wait is and offer a phone call when the doctor is free / least: Tell them everybody has to wait');
  });

  it('wraps a long review under its own text, within the width', () => {
    const narrow: Layout = { paint: plainPaint(), width: 50 };
    const misses = [answer(relative, [0, 1, 2, 3], [3, 2, 1, 0])];
    const review = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: true, total: 1, passMark: 0.8, answers: misses }), misses, narrow);
    const lines = review.split('\n');
    const you = lines.findIndex((l) => l.startsWith('  You:  1. Ask them to leave'));
    const best = lines.findIndex((l) => l.startsWith('  Best: 1. Listen'));
    expect(you).toBeGreaterThan(-1);
    expect(best).toBeGreaterThan(you + 1);
    for (const line of lines.slice(you + 1, best)) expect(line).toMatch(/^ {8}\S/);
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(50);
  });

  it('says there is no score when nothing was answered', () => {
    const empty = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: false, total: 3, passMark: 0.8, answers: [] }), [], layout);
    expect(empty).toContain(say.nothingAnswered);
    expect(empty).not.toContain('Passed');
  });

  it('says how many of an unfinished exam were answered, and that it is not passed, never "Passed"', () => {
    const some = [answer(delay, [0, 1, 2], [1])];
    const unfinished = renderSummary(buildResult({ mode: 'exam', learner: 'sam', finished: false, total: 3, passMark: 0.8, answers: some }), some, layout);
    expect(lastLines(unfinished, 1)).toEqual([`  Score 100% · ✘ ${say.unfinished(1, 3)} (pass mark 80%)`]);
    expect(say.unfinished(12, 20)).toBe('12 of 20 answered: unfinished, so not passed');
    expect(unfinished).not.toContain('Passed');
    // Even a result that claims a pass is not shown as one while the session is unfinished.
    const claimed = { ...buildResult({ mode: 'exam', learner: 'sam', finished: false, total: 3, passMark: 0.8, answers: some }), passed: true };
    expect(renderSummary(claimed, some, ascii)).not.toMatch(/Passed|PASSED/);
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

  it('wraps a long message under itself and keeps the place whole on the first line', () => {
    const long: LocatedProblem = {
      file: 'content/retail/returns-desk.yaml',
      line: 41,
      col: 9,
      severity: 'error',
      message: 'no choice has score 1 (the highest is 0.5): a choice question needs a best answer worth 1. Give the best choice "score: 1".',
    };
    const lines = renderProblems([long], { paint: plainPaint(), width: 60 }, false).split('\n');
    expect(lines[0]!.startsWith(`content/retail/returns-desk.yaml:41:9: ${banksMessages.severity('error')}: no choice`)).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(long.message);
  });

  it('cuts a long source line to a window around the column, with the caret still under it', () => {
    const source = `    - text: ${'a'.repeat(60)} scroe: 1 ${'b'.repeat(40)}`;
    const col = source.indexOf('scroe') + 1;
    const lines = renderProblems([{ file: 'f.yaml', line: 7, col, severity: 'error', message: 'unknown field "scroe".', source }], { paint: plainPaint(), width: 60 }, true).split('\n');
    expect(displayWidth(lines[1]!)).toBeLessThanOrEqual(60);
    expect(lines[1]!.slice(lines[2]!.indexOf('^')).startsWith('scroe')).toBe(true);
  });
});

describe('renderBanks', () => {
  const clinic: BankListing = {
    id: 'sample-clinic',
    title: 'Sample clinic front desk',
    industry: 'healthcare',
    description: 'Waiting rooms, phone calls\nand follow-up after a visit.',
    questions: 3,
    pass_mark: 0.75,
    types: { choice: 1, multi: 1, rank: 1 },
    moments: { second: 2, third: 1 },
    stages: { delivery: 1, recovery: 1, 'follow-up': 1 },
    file: '/home/sam/banks/sample-clinic.yaml',
  };

  it('lists each bank with its title, facts, counts and file, then the totals', () => {
    expect(renderBanks([clinic], { paint: plainPaint(), width: 98 })).toEqual([
      'sample-clinic  Sample clinic front desk  (healthcare, 3 questions, pass mark 75%)',
      '  Waiting rooms, phone calls and follow-up after a visit.',
      '  types    choice 1, multi 1, rank 1',
      '  moments  second 2, third 1',
      '  stages   delivery 1, recovery 1, follow-up 1',
      '  file     /home/sam/banks/sample-clinic.yaml',
      '',
      banksMessages.total(1, 3),
    ]);
  });

  it('puts the facts under the title when both do not fit on one line, and wraps the counts under themselves', () => {
    const many: BankListing = { ...clinic, stages: { 'first-contact': 4, delivery: 10, recovery: 7, 'follow-up': 3, handover: 2, 'after-care': 5 } };
    const lines = renderBanks([many], { paint: plainPaint(), width: 50 });
    expect(lines.slice(0, 2)).toEqual(['sample-clinic  Sample clinic front desk', '  (healthcare, 3 questions, pass mark 75%)']);
    const stages = lines.findIndex((l) => l.startsWith('  stages   first-contact 4'));
    expect(lines[stages]!.split('\n')[1]).toMatch(/^ {11}\S/);
    for (const line of lines.flatMap((l) => l.split('\n'))) expect(displayWidth(line)).toBeLessThanOrEqual(50);
  });

  it('never breaks a file path, which is copied whole', () => {
    const deep: BankListing = { ...clinic, file: `/home/sam/${'very-long-folder-name/'.repeat(4)}sample-clinic.yaml` };
    const file = renderBanks([deep], { paint: plainPaint(), width: 50 }).find((l) => l.includes('sample-clinic.yaml'))!;
    expect(file.split('\n')).toHaveLength(1);
    expect(file).toContain(deep.file);
  });

  it('says how to load a bank when none is loaded', () => {
    expect(renderBanks([], layout)).toEqual([banksMessages.noBank]);
  });
});

describe('within the width of the terminal', () => {
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

  // Wide characters take two columns each: a bank written in Japanese wraps by columns too.
  const wide = question({
    id: 'wide',
    type: 'multi',
    moment: 'second',
    stage: 'delivery',
    tags: ['待ち時間', '説明'],
    prompt: Array.from({ length: 12 }, () => 'お客様への説明').join(' '),
    choices: Array.from({ length: 4 }, (_, i) => ({ text: Array.from({ length: 10 }, () => `丁寧な対応${i}`).join(' '), correct: i < 2, feedback: '説明 '.repeat(30) })),
    explanation: '理由 '.repeat(40),
  });
  answers.push(answer(wide, [3, 2, 1, 0], [2, 3]));
  const tooWide = (text: string, width: number) => text.split('\n').filter((line) => displayWidth(line) > width);
  const widths = [40, 60, 78, 98];
  const cases = widths.flatMap((width) => answers.map((a) => [a.planned.question.id, width, a] as const));

  it.each(cases)('keeps every line of the %s feedback within %i columns', (_id, width, a) => {
    expect(tooWide(renderFeedback(a, { ...layout, width }), width)).toEqual([]);
    expect(tooWide(renderFeedback(a, { ...ascii, width }), width)).toEqual([]);
  });

  it.each(widths)('keeps every line of the summary, finished or not, within %i columns', (width) => {
    for (const finished of [true, false]) {
      const result = buildResult({ mode: 'exam', learner: 'sam', finished, total: 20, passMark: 0.8, answers });
      expect(tooWide(renderSummary(result, answers, { ...layout, width }), width)).toEqual([]);
      expect(tooWide(renderSummary(result, answers, { ...ascii, width }), width)).toEqual([]);
    }
  });

  it.each(cases)('keeps every line of the %s question and its choices within %i columns', (_id, width, a) => {
    expect(tooWide(renderQuestion(a.planned, 0, 3, { ...layout, width }, 'The front desk of the telecommunications shop in the high street'), width)).toEqual([]);
    expect(tooWide(renderChoices(a.planned, { ...layout, width }), width)).toEqual([]);
  });
});
