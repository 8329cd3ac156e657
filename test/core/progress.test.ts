// A learner's progress as numbers: group means, the weakest questions, a sparkline.
import { describe, expect, it } from 'vitest';
import type { Moment, Question, Stage } from '../../src/core/model.js';
import {
  dueFigures,
  endOfDay,
  groupMeans,
  isDueNow,
  isDueToday,
  learnerDate,
  learnerDay,
  nextReviews,
  progressReport,
  sparkline,
  trends,
  weakest,
  type CardDue,
  type QuestionRecord,
  type SessionFigures,
} from '../../src/core/progress.js';

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
    expect(groupMeans(records, questions, 'industry')).toEqual({ healthcare: 0.333333, retail: 0.8 });
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
    expect(weakest([record('retail/greet', 3, 1 / 3, 2 / 3)], questions)[0]).toMatchObject({ mean_score: 0.333333, last_score: 0.666667 });
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
  const NOW = new Date('2027-01-10T09:00:00.000Z');
  // Due now: greet (yesterday) and till (this moment); later today: wait; tomorrow: call; a retired card is never due.
  const cards: CardDue[] = [
    { questionId: 'retail/greet', due: '2027-01-09T09:00:00.000Z' },
    { questionId: 'retail/till', due: '2027-01-10T09:00:00.000Z' },
    { questionId: 'clinic/wait', due: '2027-01-10T20:00:00.000Z' },
    { questionId: 'clinic/call', due: '2027-01-11T08:00:00.000Z' },
    { questionId: 'gone/old', due: '2027-01-01T00:00:00.000Z' },
  ];
  const base = { learner: 'sam', cards, now: NOW, questions };

  it.each([
    { name: 'nothing answered', records: [], answered: 0, mean: null },
    { name: 'one question', records: [record('retail/greet', 2, 0.5)], answered: 2, mean: 0.5 },
    { name: 'weighted by answers', records: [record('retail/greet', 3, 1), record('retail/till', 1, 0)], answered: 4, mean: 0.75 },
    { name: 'rounded by the one rule, to six places', records: [record('retail/greet', 3, 1 / 3)], answered: 3, mean: 0.333333 },
  ])('gives the mean score over every answer: $name', ({ records, answered, mean }) => {
    const report = progressReport({ ...base, answered, sessions: [], records });
    expect(report.answered).toBe(answered);
    expect(report.mean_score).toBe(mean);
  });

  it('lists each session with its count of questions and a rounded score, keeping unscored ones as null', () => {
    const report = progressReport({ ...base, answered: 2, records: [record('retail/greet', 2, 0.5)], sessions: [session('a', 2 / 3, { planned: 5 }), session('b', null, { finished: false })] });
    expect(report.sessions).toEqual([
      { id: 'a', mode: 'exam', started: '2027-01-10T09:00:00.000Z', finished: true, answered: 2, questions: 5, score: 0.666667 },
      { id: 'b', mode: 'exam', started: '2027-01-10T09:00:00.000Z', finished: false, answered: 0, questions: 2, score: null },
    ]);
  });

  it('breaks the scores down by industry, moment and stage, and names the retired questions', () => {
    const records = [record('retail/greet', 1, 1), record('clinic/wait', 1, 0), record('gone/old', 2, 0.5)];
    const report = progressReport({ ...base, answered: 4, sessions: [], records });
    expect(report.breakdown).toEqual({ industry: { healthcare: 0, retail: 1 }, moment: { second: 0, first: 1 }, stage: { delivery: 0, 'first-contact': 1 } });
    expect(report.retired).toEqual(['gone/old']);
    expect(report.weakest.map((w) => w.id)).toEqual(['clinic/wait', 'gone/old']);
  });

  it('counts due now and due today over the loaded questions only, and per bank', () => {
    const report = progressReport({ ...base, answered: 0, sessions: [], records: [] });
    expect(report.due_now).toBe(2);
    expect(report.due_today).toBe(3);
    expect(report.due_by_bank).toEqual({ clinic: { now: 0, today: 1 }, retail: { now: 2, today: 2 } });
    expect(report.due_not_loaded).toEqual({ now: 1, today: 1 });
    expect(report.next_reviews).toEqual([
      { date: '2027-01-10', count: 1 },
      { date: '2027-01-11', count: 1 },
    ]);
  });

  it("moves the end of the day with the learner's offset from UTC", () => {
    // At UTC-9 the day has just begun (00:00) and ends at 09:00 UTC on the 11th: the card due at 08:00 UTC then is due today.
    const west = progressReport({ ...base, offset: -9 * 60, answered: 0, sessions: [], records: [] });
    expect(west).toMatchObject({ due_now: 2, due_today: 4 });
    // At UTC+13 it is 22:00 and the day ends at 11:00 UTC on the 10th: the card due at 20:00 UTC is tomorrow's.
    const east = progressReport({ ...base, offset: 13 * 60, answered: 0, sessions: [], records: [] });
    expect(east).toMatchObject({ due_now: 2, due_today: 2 });
  });

  it('gives a trend per mode with the dates of its sessions', () => {
    const sessions = [
      session('e1', 0.5, { started: '2027-01-03T09:00:00.000Z' }),
      session('d1', 1, { mode: 'drill', started: '2027-01-04T09:00:00.000Z' }),
      session('e2', 0.75, { started: '2027-01-05T09:00:00.000Z' }),
    ];
    expect(progressReport({ ...base, answered: 6, sessions, records: [] }).trend).toEqual({
      exam: [
        { date: '2027-01-03', score: 0.5, finished: true },
        { date: '2027-01-05', score: 0.75, finished: true },
      ],
      drill: [{ date: '2027-01-04', score: 1, finished: true }],
    });
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

describe('trends', () => {
  const at = (mode: string, started: string, score: number | null, finished = true) => ({ mode, started, score, finished });

  it.each([
    { name: 'no sessions', sessions: [], expected: {} },
    { name: 'unscored sessions left out', sessions: [at('exam', '2027-01-01T10:00:00Z', null)], expected: {} },
    {
      name: 'modes kept apart, exam then train then drill',
      sessions: [at('drill', '2027-01-01T10:00:00Z', 1), at('train', '2027-01-02T10:00:00Z', 0.5), at('exam', '2027-01-03T10:00:00Z', 0.25, false)],
      expected: {
        exam: [{ date: '2027-01-03', score: 0.25, finished: false }],
        train: [{ date: '2027-01-02', score: 0.5, finished: true }],
        drill: [{ date: '2027-01-01', score: 1, finished: true }],
      },
    },
  ])('$name', ({ sessions, expected }) => {
    expect(trends(sessions)).toEqual(expected);
    expect(Object.keys(trends(sessions))).toEqual(Object.keys(expected));
  });

  it("dates each session by the learner's day", () => {
    expect(trends([at('exam', '2027-01-01T23:30:00Z', 1)], 60).exam![0]!.date).toBe('2027-01-02');
    expect(trends([at('exam', '2027-01-01T00:30:00Z', 1)], -60).exam![0]!.date).toBe('2026-12-31');
  });

  it('keeps the last ones of each mode, oldest first', () => {
    const many = Array.from({ length: 5 }, (_, i) => at('exam', `2027-01-0${i + 1}T10:00:00Z`, i / 4));
    expect(trends(many, 0, 2).exam!.map((p) => p.score)).toEqual([0.75, 1]);
  });
});

describe('due now and due today', () => {
  const NOW = new Date('2027-01-10T09:00:00.000Z');
  const card = (due: string): CardDue => ({ questionId: 'b/q', due });

  it.each([
    { due: '2027-01-09T09:00:00.000Z', offset: 0, now: true, today: true },
    { due: '2027-01-10T09:00:00.000Z', offset: 0, now: true, today: true },
    { due: '2027-01-10T09:00:00.001Z', offset: 0, now: false, today: true },
    { due: '2027-01-10T23:59:59.999Z', offset: 0, now: false, today: true },
    { due: '2027-01-11T00:00:00.000Z', offset: 0, now: false, today: false },
    { due: '2027-01-10T14:59:59.999Z', offset: 9 * 60, now: false, today: true },
    { due: '2027-01-10T15:00:00.000Z', offset: 9 * 60, now: false, today: false },
    { due: '2027-01-11T04:59:59.999Z', offset: -5 * 60, now: false, today: true },
  ])('a card due at $due (offset $offset min) is due now: $now, due today: $today', ({ due, offset, now, today }) => {
    expect(isDueNow(card(due), NOW)).toBe(now);
    expect(isDueToday(card(due), NOW, offset)).toBe(today);
  });

  it('counts due today including what is due now', () => {
    const cards = ['2027-01-01T00:00:00Z', '2027-01-10T08:00:00Z', '2027-01-10T18:00:00Z', '2027-01-12T00:00:00Z'].map(card);
    expect(dueFigures(cards, NOW)).toEqual({ now: 2, today: 3 });
    expect(dueFigures([], NOW)).toEqual({ now: 0, today: 0 });
  });

  it('reads a due time given as a Date as well as an ISO string', () => {
    expect(isDueNow({ questionId: 'b/q', due: new Date('2027-01-10T08:00:00Z') as unknown as string }, NOW)).toBe(true);
  });
});

describe('learnerDay', () => {
  it.each([
    { now: '2027-01-10T09:00:00Z', offset: 0, date: '2027-01-10', start: '2027-01-10T00:00:00.000Z', end: '2027-01-11T00:00:00.000Z' },
    { now: '2027-01-10T09:00:00Z', offset: 600, date: '2027-01-10', start: '2027-01-09T14:00:00.000Z', end: '2027-01-10T14:00:00.000Z' },
    { now: '2027-01-10T15:00:00Z', offset: 600, date: '2027-01-11', start: '2027-01-10T14:00:00.000Z', end: '2027-01-11T14:00:00.000Z' },
    { now: '2027-01-10T03:00:00Z', offset: -300, date: '2027-01-09', start: '2027-01-09T05:00:00.000Z', end: '2027-01-10T05:00:00.000Z' },
  ])('at $now with offset $offset is the day $date, from $start to $end', ({ now, offset, date, start, end }) => {
    const day = learnerDay(new Date(now), offset);
    expect(day.start.toISOString()).toBe(start);
    expect(day.end.toISOString()).toBe(end);
    expect(learnerDate(now, offset)).toBe(date);
  });
});

describe('nextReviews', () => {
  const NOW = new Date('2027-01-10T09:00:00.000Z');
  const card = (questionId: string, due: string): CardDue => ({ questionId, due });

  it('counts the cards not yet due by date, soonest first, at most five dates', () => {
    const cards = [
      card('b/past', '2027-01-09T00:00:00Z'),
      ...['2027-01-12T10:00:00Z', '2027-01-11T10:00:00Z', '2027-01-12T11:00:00Z', '2027-01-13T00:00:00Z', '2027-01-14T00:00:00Z', '2027-01-15T00:00:00Z', '2027-01-16T00:00:00Z'].map(
        (due, i) => card(`b/q${i}`, due),
      ),
    ];
    expect(nextReviews(cards, NOW)).toEqual([
      { date: '2027-01-11', count: 1 },
      { date: '2027-01-12', count: 2 },
      { date: '2027-01-13', count: 1 },
      { date: '2027-01-14', count: 1 },
      { date: '2027-01-15', count: 1 },
    ]);
  });

  it("dates the reviews by the learner's calendar", () => {
    expect(nextReviews([card('b/q', '2027-01-11T20:00:00Z')], NOW, 300)).toEqual([{ date: '2027-01-12', count: 1 }]);
  });
});
