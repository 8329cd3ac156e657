// The item analysis on hand-made data: every figure below is worked out in the comment above it.
import { describe, expect, it } from 'vitest';
import { attemptsOf } from '../../../src/core/report/attempts.js';
import { flagsFor, itemTable, type ItemRow } from '../../../src/core/report/items.js';
import { History, question } from './fixtures.js';

const q1 = question('b/q1');
const q2 = question('b/q2');
const q3 = question('b/q3');

function table(history: History, questions = [q1, q2, q3], policy: 'first' | 'all' = 'first', modes = ['exam']) {
  const rows = itemTable(questions, attemptsOf(history.sessions, history.answers, modes), policy);
  return Object.fromEntries(rows.map((r) => [r.id, r])) as Record<string, ItemRow>;
}

describe('facility and discrimination', () => {
  // q1 = 1,1,0,0   q2 = 1,1,1,0   q3 = 1,1,1,1 (everyone right)
  // q1's rest = mean(q2, q3) = 1,1,1,0.5; q2's rest = mean(q1, q3) = 1,1,0.5,0.5: both r = 1/√3.
  const history = new History();
  history.exam('ana', { 'b/q1': 1, 'b/q2': 1, 'b/q3': 1 });
  history.exam('ben', { 'b/q1': 1, 'b/q2': 1, 'b/q3': 1 });
  history.exam('cy', { 'b/q1': 0, 'b/q2': 1, 'b/q3': 1 });
  history.exam('dee', { 'b/q1': 0, 'b/q2': 0, 'b/q3': 1 });
  const rows = table(history);

  it('counts one answer per learner and gives the mean score as facility', () => {
    expect(rows['b/q1']).toMatchObject({ n: 4, facility: 0.5 });
    expect(rows['b/q2']).toMatchObject({ n: 4, facility: 0.75 });
    expect(rows['b/q3']).toMatchObject({ n: 4, facility: 1 });
  });

  it('correlates each question with the mean of the other questions of the same attempt', () => {
    expect(rows['b/q1']!.discrimination).toBeCloseTo(1 / Math.sqrt(3), 6);
    expect(rows['b/q2']!.discrimination).toBeCloseTo(1 / Math.sqrt(3), 6);
  });

  it('says a question everyone got right has no discrimination (null, not NaN)', () => {
    expect(rows['b/q3']!.discrimination).toBeNull();
    expect(JSON.stringify(rows['b/q3'])).not.toContain('NaN');
  });

  it('leaves out of the correlation an attempt that answered one question only', () => {
    const h = new History();
    h.exam('ana', { 'b/q1': 1, 'b/q2': 1 });
    h.exam('ben', { 'b/q1': 0, 'b/q2': 0 });
    h.exam('cy', { 'b/q1': 0 }); // counted in n and facility, not in the correlation
    const r = table(h, [q1, q2]);
    expect(r['b/q1']).toMatchObject({ n: 3, facility: 0.333333, discrimination: 1 });
    // Only ana and ben remain for q2: 1 and 0 against rests 1 and 0.
    expect(r['b/q2']).toMatchObject({ n: 2, facility: 0.5, discrimination: 1 });
  });

  it('finds a negative discrimination when the strong learners miss the question', () => {
    const h = new History();
    h.exam('ana', { 'b/q1': 0, 'b/q2': 1, 'b/q3': 1 });
    h.exam('ben', { 'b/q1': 1, 'b/q2': 0, 'b/q3': 0 });
    h.exam('cy', { 'b/q1': 0, 'b/q2': 1, 'b/q3': 0.5 });
    // q1 = 0,1,0 against rests 1, 0, 0.75: sxy = -7/12, sxx = 2/3, syy = 13/24, r = -0.970725
    const r = table(h);
    expect(r['b/q1']!.discrimination).toBeCloseTo(-(7 / 12) / Math.sqrt((2 / 3) * (13 / 24)), 6);
    expect(r['b/q1']!.discrimination).toBeCloseTo(-0.970725, 6);
  });
});

describe('which attempts count', () => {
  // ana sits the exam twice: 0 then 1 on q1. She trained first, scoring 0.5.
  const history = new History();
  history.add('ana', 'train', { 'b/q1': 0.5, 'b/q2': 0.5 });
  history.exam('ana', { 'b/q1': 0, 'b/q2': 1 });
  history.exam('ana', { 'b/q1': 1, 'b/q2': 1 });
  history.exam('ben', { 'b/q1': 1, 'b/q2': 0 });

  it('counts only each learner\u2019s first exam by default', () => {
    expect(table(history, [q1, q2])['b/q1']).toMatchObject({ n: 2, facility: 0.5 });
  });

  it('counts every exam with --attempts all', () => {
    expect(table(history, [q1, q2], 'all')['b/q1']).toMatchObject({ n: 3, facility: 0.666667 });
  });

  it('takes the earliest session of the widened modes as the first attempt', () => {
    // ana's first attempt is now her training session (0.5), ben's his exam (1).
    expect(table(history, [q1, q2], 'first', ['exam', 'train'])['b/q1']).toMatchObject({ n: 2, facility: 0.75 });
  });

  it('keeps the order the store gave for sessions started at the same instant (a tie)', () => {
    const h = new History();
    const at = '2026-12-01T09:00:00.000Z';
    h.exam('ana', { 'b/q1': 0 }, { started: at });
    h.exam('ana', { 'b/q1': 1 }, { started: at });
    expect(table(h, [q1])['b/q1']).toMatchObject({ n: 1, facility: 0 });
  });

  it('takes the first attempt per bank: a later session is still the first at another bank', () => {
    const other = question('c/q1');
    const h = new History();
    h.exam('ana', { 'b/q1': 0 });
    h.exam('ana', { 'b/q1': 1, 'c/q1': 1 }); // ana's first attempt at c, her second at b
    h.exam('ben', { 'b/q1': 1, 'c/q1': 0 });
    const r = table(h, [q1, other]);
    expect(r['b/q1']).toMatchObject({ n: 2, facility: 0.5 });
    // c/q1: ana 1 (rest: her b/q1 answer in the same session, 1), ben 0 (rest 1): no variance in the rests.
    expect(r['c/q1']).toMatchObject({ n: 2, facility: 0.5, discrimination: null });
  });

  it('counts a question asked twice in one session once, by its first answer', () => {
    const h = new History();
    h.add('ana', 'drill', { 'b/q1': 0 });
    h.answers.push({ sessionId: 's1', learner: 'ana', questionId: 'b/q1', response: [0], score: 1, answeredAt: h.sessions[0]!.started, position: 1 });
    expect(table(h, [q1], 'first', ['drill'])['b/q1']).toMatchObject({ n: 1, facility: 0 });
  });

  it('counts an unfinished exam: its answers were given', () => {
    const h = new History();
    h.exam('ana', { 'b/q1': 1 }, { finished: false });
    expect(table(h, [q1])['b/q1']).toMatchObject({ n: 1, facility: 1 });
  });
});

describe('the choices', () => {
  it('counts picks and shares in written order, 1-based', () => {
    const h = new History();
    h.exam('ana', { 'b/q1': 1 });
    h.exam('ben', { 'b/q1': 1 });
    h.exam('cy', { 'b/q1': 0 });
    h.exam('dee', { 'b/q1': 0.5 });
    expect(table(h, [q1])['b/q1']!.choices).toEqual([
      { written: 1, text: 'Right', key: true, picked: 2, share: 0.5 },
      { written: 2, text: 'Half', key: false, picked: 1, share: 0.25 },
      { written: 3, text: 'Wrong', key: false, picked: 1, share: 0.25 },
    ]);
  });

  it('counts every pick of a multi question, so shares need not add up to 1', () => {
    const m = question('b/m', 'multi');
    const h = new History();
    h.exam('ana', { 'b/m': [1, [0, 1]] });
    h.exam('ben', { 'b/m': [0, [0, 2]] });
    expect(table(h, [m])['b/m']!.choices.map((c) => [c.picked, c.share])).toEqual([[2, 1], [1, 0.5], [1, 0.5]]);
  });

  it('counts how often each response of a rank question was placed first', () => {
    const r = question('b/r', 'rank');
    const h = new History();
    h.exam('ana', { 'b/r': [1, [0, 1, 2]] });
    h.exam('ben', { 'b/r': [0.5, [1, 0, 2]] });
    h.exam('cy', { 'b/r': [0.5, [0, 2, 1]] });
    expect(table(h, [r])['b/r']!.choices.map((c) => c.picked)).toEqual([2, 1, 0]);
  });

  it('counts picked best and picked worst of a best-worst question', () => {
    const bw = question('b/bw', 'best-worst');
    const h = new History();
    h.exam('ana', { 'b/bw': [1, [0, 2]] });
    h.exam('ben', { 'b/bw': [0.5, [1, 2]] });
    const choices = table(h, [bw])['b/bw']!.choices;
    expect(choices.map((c) => [c.picked, c.worst])).toEqual([[1, 0], [1, 0], [0, 2]]);
    expect(choices[2]).toMatchObject({ share: 0, worst_share: 1, key: false });
  });
});

describe('flags', () => {
  const base = { discrimination: 0.4, choices: [{ written: 1, text: 'a', key: true, picked: 10, share: 0.5 }, { written: 2, text: 'b', key: false, picked: 10, share: 0.5 }] };
  it.each([
    ['a fair question', { n: 20, facility: 0.6 }, []],
    ['fewer than 20 answers, whatever the figures', { n: 19, facility: 1, discrimination: null }, ['few-answers']],
    ['facility above 0.9', { n: 20, facility: 0.95 }, ['too-easy']],
    ['facility of exactly 0.9 (not above)', { n: 20, facility: 0.9 }, []],
    ['facility below 0.3', { n: 40, facility: 0.25 }, ['too-hard']],
    ['discrimination below 0.2', { n: 20, facility: 0.6, discrimination: 0.1 }, ['low-discrimination']],
    ['a negative discrimination, which is also low', { n: 20, facility: 0.6, discrimination: -0.3 }, ['negative-discrimination', 'low-discrimination']],
    ['no discrimination (undefined): neither flag', { n: 20, facility: 1, discrimination: null }, ['too-easy']],
    [
      'a wrong choice picked by under 5%',
      { n: 25, facility: 0.6, choices: [{ written: 1, text: 'a', key: true, picked: 24, share: 0.96 }, { written: 2, text: 'b', key: false, picked: 1, share: 0.04 }] },
      ['unused-choice'],
    ],
    [
      'a key choice rarely picked is no unused choice',
      { n: 25, facility: 0.6, choices: [{ written: 1, text: 'a', key: true, picked: 1, share: 0.04 }, { written: 2, text: 'b', key: false, picked: 24, share: 0.96 }] },
      [],
    ],
  ])('%s', (_name, figures, flags) => {
    expect(flagsFor({ ...base, ...figures })).toEqual(flags);
  });

  it('raises too-easy and unused-choice on 20 learners who nearly all pick the key', () => {
    const h = new History();
    for (let i = 0; i < 20; i++) h.exam(`l${i}`, { 'b/q1': i === 0 ? 0.5 : 1, 'b/q2': i % 2 });
    const row = table(h, [q1, q2])['b/q1']!;
    expect(row).toMatchObject({ n: 20, facility: 0.975 });
    expect(row.flags).toEqual(['too-easy', 'unused-choice']);
  });
});
