// A learner's progress as numbers: group means, the weakest questions, a sparkline.
import { describe, expect, it } from 'vitest';
import type { Moment, Question, Stage } from '../../src/core/model.js';
import { endOfDay, groupMeans, progressReport, recentScores, sparkline, weakest, type QuestionRecord, type SessionFigures } from '../../src/core/progress.js';

function question(id: string, industry: string, moment?: Moment, stage?: Stage): Question {
  const [bankId, localId] = id.split('/') as [string, string];
  const q: Question = { id, localId, bankId, industry, type: 'choice', tags: [], prompt: '?', shuffle: true, choices: [] };
  if (moment) q.moment = moment;
  if (stage) q.stage = stage;
  return q;
}

const questions = new Map(
  [
    question('retail/greet', 'retail', 'first', 'first-contact'),
    question('retail/till', 'retail', 'second', 'delivery'),
    question('clinic/wait', 'healthcare', 'second', 'delivery'),
    question('clinic/call', 'healthcare'),
  ].map((q) => [q.id, q]),
);

const record = (questionId: string, answered: number, meanScore: number, lastScore = meanScore): QuestionRecord => ({ questionId, answered, meanScore, lastScore });

describe('groupMeans', () => {
  const records = [record('retail/greet', 3, 1), record('retail/till', 1, 0.2), record('clinic/wait', 2, 0.5), record('clinic/call', 4, 0.25)];

  it('weights each question by how often it was answered', () => {
    // retail: (3*1 + 1*0.2) / 4 = 0.8, not the plain mean (1 + 0.2) / 2 = 0.6.
    expect(groupMeans(records, questions, 'industry')).toEqual({ healthcare: 0.3333, retail: 0.8 });
  });

  it('lists the groups weakest first', () => {
    expect(Object.keys(groupMeans(records, questions, 'industry'))).toEqual(['healthcare', 'retail']);
    expect(Object.keys(groupMeans(records, questions, 'moment'))).toEqual(['second', 'first']);
  });

  it('groups by moment and stage, leaving out questions without one', () => {
    expect(groupMeans(records, questions, 'moment')).toEqual({ second: 0.4, first: 1 });
    expect(groupMeans(records, questions, 'stage')).toEqual({ delivery: 0.4, 'first-contact': 1 });
  });

  it('leaves out records of questions no longer in any bank', () => {
    expect(groupMeans([record('gone/old', 5, 0), record('retail/greet', 1, 1)], questions, 'industry')).toEqual({ retail: 1 });
  });

  it('is empty when nothing was answered', () => {
    expect(groupMeans([], questions, 'industry')).toEqual({});
  });
});

describe('weakest', () => {
  it('lists the lowest mean first, then the lowest last score', () => {
    const list = weakest([record('retail/greet', 2, 0.5, 1), record('retail/till', 2, 0.5, 0), record('clinic/wait', 2, 0.25), record('clinic/call', 2, 0.75)], questions);
    expect(list.map((w) => w.id)).toEqual(['clinic/wait', 'retail/till', 'retail/greet', 'clinic/call']);
  });

  it('leaves out questions always answered right', () => {
    expect(weakest([record('retail/greet', 4, 1), record('retail/till', 1, 0.9)], questions).map((w) => w.id)).toEqual(['retail/till']);
  });

  it('marks a question no longer in any bank as retired', () => {
    const list = weakest([record('gone/old', 1, 0), record('retail/greet', 1, 0.5)], questions);
    expect(list).toEqual([
      { id: 'gone/old', answered: 1, mean_score: 0, last_score: 0, retired: true },
      { id: 'retail/greet', answered: 1, mean_score: 0.5, last_score: 0.5, retired: false },
    ]);
  });

  it('lists at most limit questions', () => {
    const many = Array.from({ length: 9 }, (_, i) => record(`b/q${i}`, 1, i / 10));
    expect(weakest(many, questions)).toHaveLength(5);
    expect(weakest(many, questions, 2).map((w) => w.id)).toEqual(['b/q0', 'b/q1']);
  });

  it('rounds the scores it reports', () => {
    expect(weakest([record('retail/greet', 3, 1 / 3, 2 / 3)], questions)[0]).toMatchObject({ mean_score: 0.3333, last_score: 0.6667 });
  });
});

describe('sparkline', () => {
  it('draws one cell per session, from the lowest block for 0 to the full block for 1', () => {
    expect(sparkline([0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1], true)).toBe('▁▂▃▄▅▆▇██');
  });

  it('uses ASCII cells when the terminal cannot draw blocks', () => {
    expect(sparkline([0, 0.5, 1], false)).toBe('_=#');
  });

  it('clamps scores outside 0..1', () => {
    expect(sparkline([-1, 2], true)).toBe('▁█');
  });

  it('is empty for no sessions', () => {
    expect(sparkline([], true)).toBe('');
  });
});

describe('progressReport', () => {
  const session = (id: string, score: number | null, over: Partial<SessionFigures> = {}): SessionFigures => ({
    id,
    mode: 'exam',
    started: '2027-01-10T09:00:00.000Z',
    finished: true,
    answered: score === null ? 0 : 2,
    planned: 2,
    score,
    ...over,
  });
  const base = { learner: 'sam', dueToday: 3, questions };

  it.each([
    { name: 'nothing answered', records: [], answered: 0, mean: null },
    { name: 'one question', records: [record('retail/greet', 2, 0.5)], answered: 2, mean: 0.5 },
    { name: 'weighted by answers', records: [record('retail/greet', 3, 1), record('retail/till', 1, 0)], answered: 4, mean: 0.75 },
    { name: 'rounded to four places', records: [record('retail/greet', 3, 1 / 3)], answered: 3, mean: 0.3333 },
  ])('gives the mean score over every answer: $name', ({ records, answered, mean }) => {
    const report = progressReport({ ...base, answered, sessions: [], records });
    expect(report.answered).toBe(answered);
    expect(report.mean_score).toBe(mean);
  });

  it('lists each session with its count of questions and a rounded score, keeping unscored ones as null', () => {
    const report = progressReport({ ...base, answered: 2, records: [record('retail/greet', 2, 0.5)], sessions: [session('a', 2 / 3, { planned: 5 }), session('b', null, { finished: false })] });
    expect(report.sessions).toEqual([
      { id: 'a', mode: 'exam', started: '2027-01-10T09:00:00.000Z', finished: true, answered: 2, questions: 5, score: 0.6667 },
      { id: 'b', mode: 'exam', started: '2027-01-10T09:00:00.000Z', finished: false, answered: 0, questions: 2, score: null },
    ]);
  });

  it('breaks the scores down by industry, moment and stage, and names the retired questions', () => {
    const records = [record('retail/greet', 1, 1), record('clinic/wait', 1, 0), record('gone/old', 2, 0.5)];
    const report = progressReport({ ...base, answered: 4, sessions: [], records });
    expect(report.breakdown).toEqual({ industry: { healthcare: 0, retail: 1 }, moment: { second: 0, first: 1 }, stage: { delivery: 0, 'first-contact': 1 } });
    expect(report.retired).toEqual(['gone/old']);
    expect(report.weakest.map((w) => w.id)).toEqual(['clinic/wait', 'gone/old']);
    expect(report.due_today).toBe(3);
  });

  it('lists at most eight weakest questions unless told otherwise', () => {
    const records = Array.from({ length: 12 }, (_, i) => record(`b/q${i}`, 1, i / 20));
    expect(progressReport({ ...base, answered: 12, sessions: [], records }).weakest).toHaveLength(8);
    expect(progressReport({ ...base, answered: 12, sessions: [], records, weakestLimit: 3 }).weakest).toHaveLength(3);
  });
});

describe('endOfDay', () => {
  it.each([
    ['2027-01-10T00:00:00.000Z', '2027-01-10T23:59:59.999Z'],
    ['2027-01-10T23:59:59.999Z', '2027-01-10T23:59:59.999Z'],
    ['2027-01-10T12:30:00+05:00', '2027-01-10T23:59:59.999Z'],
    ['2027-01-10T22:00:00-05:00', '2027-01-11T23:59:59.999Z'],
  ])('ends %s at %s (UTC)', (now, end) => {
    expect(endOfDay(new Date(now)).toISOString()).toBe(end);
  });
});

describe('recentScores', () => {
  const sessions = (scores: (number | null)[]) => ({ sessions: scores.map((score, i) => ({ id: String(i), mode: 'exam', started: '', finished: true, answered: 1, questions: 1, score })) });

  it.each([
    { scores: [], expected: undefined },
    { scores: [0.5], expected: undefined },
    { scores: [0.5, null], expected: undefined },
    { scores: [0.5, null, 1], expected: [0.5, 1] },
  ])('keeps the scored sessions, and only when there are two to compare: $scores', ({ scores, expected }) => {
    expect(recentScores(sessions(scores))).toEqual(expected);
  });

  it('keeps the last ones, oldest first', () => {
    expect(recentScores(sessions([0.1, 0.2, 0.3, 0.4]), 2)).toEqual([0.3, 0.4]);
    expect(recentScores(sessions(Array.from({ length: 40 }, (_, i) => i / 40)))).toHaveLength(30);
  });
});
