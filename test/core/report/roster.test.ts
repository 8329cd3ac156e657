// The learner roster and the roll-ups on hand-made data.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/report/document.js';
import { roster } from '../../../src/core/report/roster.js';
import { History, question } from './fixtures.js';

const sizes = new Map([['b', 4], ['c', 2]]);
const known = new Set(['b/q1', 'b/q2', 'b/q3', 'b/q4', 'c/q1', 'c/q2']);

describe('the roster', () => {
  it('gives a learner with one exam the same first and best score', () => {
    const h = new History();
    h.exam('ana', { 'b/q1': 1, 'b/q2': 0.5 });
    const [ana] = roster({ sessions: h.sessions, answers: h.answers, bankSizes: sizes, known });
    expect(ana).toMatchObject({ learner: 'ana', sessions: 1, exams: 1, passed: 0, first_score: 0.75, best_score: 0.75, seen: 2, of: 4 });
    expect(ana!.last_activity).toBe(h.sessions[0]!.started);
  });

  it('follows a learner over several sessions: first, best, passed, seen', () => {
    const h = new History();
    h.add('ben', 'train', { 'b/q3': 0 });
    h.exam('ben', { 'b/q1': 0, 'b/q2': 1 }); // 0.5
    h.exam('ben', { 'b/q1': 1, 'b/q2': 1 }); // 1, passed
    h.exam('ben', { 'b/q1': 1, 'b/q4': 1 }, { finished: false }); // unfinished: not passed, not a best
    const [ben] = roster({ sessions: h.sessions, answers: h.answers, bankSizes: sizes, known });
    expect(ben).toMatchObject({ sessions: 4, exams: 3, passed: 1, first_score: 0.5, best_score: 1, seen: 4, of: 4 });
    expect(ben!.banks).toEqual([
      { bank: 'b', exams: 3, passed: 1, first_score: 0.5, best_score: 1, finished: h.sessions[2]!.finished, score: 1, pass: true, seen: 4, of: 4 },
    ]);
  });

  it('passes an exam at exactly the pass mark, and never an unfinished one', () => {
    const h = new History();
    h.exam('cy', { 'b/q1': 1, 'b/q2': 0.6 }, { passMark: 0.8 });
    h.exam('dee', { 'b/q1': 1 }, { finished: false });
    const [cy, dee] = roster({ sessions: h.sessions, answers: h.answers, bankSizes: sizes, known });
    expect(cy).toMatchObject({ passed: 1, banks: [{ pass: true, score: 0.8 }] });
    expect(dee).toMatchObject({ exams: 1, passed: 0, first_score: 1, best_score: null, banks: [{ finished: null, score: null, pass: false }] });
  });

  it('picks the earlier of two equal best exams for the HR record (a tie)', () => {
    const h = new History();
    h.exam('eve', { 'b/q1': 1 });
    h.exam('eve', { 'b/q1': 1 });
    const [eve] = roster({ sessions: h.sessions, answers: h.answers, bankSizes: sizes, known });
    expect(eve!.banks[0]!.finished).toBe(h.sessions[0]!.finished);
  });

  it('keeps one row per bank, each with its own share of an exam that spanned both', () => {
    const h = new History();
    h.exam('fay', { 'b/q1': 1, 'c/q1': 0 });
    const [fay] = roster({ sessions: h.sessions, answers: h.answers, bankSizes: sizes, known });
    expect(fay).toMatchObject({ first_score: 0.5, seen: 2, of: 6 });
    expect(fay!.banks.map((b) => [b.bank, b.score, b.pass])).toEqual([['b', 1, true], ['c', 0, false]]);
  });

  it('leaves out banks not in scope, and retired questions from seen', () => {
    const h = new History();
    h.exam('gus', { 'b/q1': 1, 'b/gone': 1, 'x/q1': 0 });
    const [gus] = roster({ sessions: h.sessions, answers: h.answers, bankSizes: sizes, known });
    expect(gus).toMatchObject({ seen: 1, of: 4, first_score: 1 });
  });
});

describe('the whole report', () => {
  const q1 = question('b/q1', 'choice', undefined, { moment: 'first', stage: 'delivery' });
  const q2 = question('b/q2', 'choice', undefined, { moment: 'second', stage: 'delivery' });
  const q3 = question('b/q3');
  const questions = new Map([q1, q2, q3].map((q) => [q.id, q]));
  const h = new History();
  h.exam('ana', { 'b/q1': 1, 'b/q2': 0, 'b/gone': 1 });
  h.exam('ben', { 'b/q1': 0, 'b/q2': 0.5 });
  const report = buildReport({
    sessions: h.sessions,
    answers: h.answers,
    questions,
    shown: () => true,
    bankSizes: new Map([['b', 3]]),
    attempts: 'first',
    modes: ['exam'],
  });

  it('lists answered questions, the unanswered and the retired apart', () => {
    expect(report.questions.map((q) => q.id)).toEqual(['b/q1', 'b/q2']);
    expect(report.unanswered).toEqual(['b/q3']);
    expect(report.retired).toEqual(['b/gone']);
  });

  it('rolls the item table up by bank, moment and stage', () => {
    // q1: 1, 0 against rests 0.5, 0.5 (undefined); q2: 0, 0.5 against rests 1, 0 (-1): the mean of the defined ones is -1.
    expect(report.rollups.bank).toEqual([{ key: 'b', questions: 3, answered: 2, n: 4, facility: 0.375, discrimination: -1, flagged: 0 }]);
    expect(report.rollups.moment.map((r) => [r.key, r.n, r.facility])).toEqual([['first', 2, 0.5], ['second', 2, 0.25]]);
    expect(report.rollups.stage.map((r) => [r.key, r.questions, r.facility])).toEqual([['delivery', 2, 0.375]]);
  });

  it('keeps the rest score of an attempt whole when the rows are filtered', () => {
    const onlyQ1 = buildReport({ sessions: h.sessions, answers: h.answers, questions, shown: (q) => q.id === 'b/q1', bankSizes: new Map([['b', 3]]), attempts: 'first', modes: ['exam'] });
    expect(onlyQ1.questions.map((q) => [q.id, q.discrimination])).toEqual([['b/q1', report.questions[0]!.discrimination]]);
  });
});
