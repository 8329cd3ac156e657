// Answers as letters, the way scripts and the review speak about choices.
import { describe, expect, it } from 'vitest';
import { letter, parseAnswer, toLetters, toWritten } from '../../src/core/answers.js';
import type { Question, QuestionType } from '../../src/core/model.js';
import type { PlannedQuestion } from '../../src/core/selection.js';

function planned(type: QuestionType, order: number[]): PlannedQuestion {
  const question: Question = {
    id: 'b/q',
    localId: 'q',
    bankId: 'b',
    industry: 'retail',
    type,
    tags: [],
    prompt: 'What do you do?',
    shuffle: true,
    choices: order.map((_, i) => (type === 'choice' ? { text: `c${i}`, score: i === 0 ? 1 : 0 } : type === 'multi' ? { text: `c${i}`, correct: i < 2 } : { text: `c${i}` })),
  };
  return { question, order };
}

const choice4 = planned('choice', [0, 1, 2, 3]);
const multi4 = planned('multi', [0, 1, 2, 3]);
const rank4 = planned('rank', [0, 1, 2, 3]);

function positions(line: string, p: PlannedQuestion): number[] {
  const parsed = parseAnswer(line, p);
  if (!parsed.ok) throw new Error(`"${line}" was refused: ${parsed.why}`);
  return parsed.positions;
}

function why(line: string, p: PlannedQuestion): string {
  const parsed = parseAnswer(line, p);
  if (parsed.ok) throw new Error(`"${line}" was accepted as ${parsed.positions}`);
  return parsed.why;
}

describe('letter', () => {
  it('names the first shown choice a and the eighth h', () => {
    expect([0, 1, 7].map(letter)).toEqual(['a', 'b', 'h']);
  });
});

describe('parseAnswer', () => {
  it.each([
    ['b', [1]],
    ['B', [1]],
    [' c ', [2]],
    ['\td\n', [3]],
  ])('reads the choice answer %j', (line, expected) => {
    expect(positions(line, choice4)).toEqual(expected);
  });

  it.each([
    ['a,c', [0, 2]],
    ['A, C', [0, 2]],
    ['ac', [0, 2]],
    ['c a', [2, 0]],
    [' d , b ', [3, 1]],
    ['', []],
    ['   ', []],
  ])('reads the multi answer %j', (line, expected) => {
    expect(positions(line, multi4)).toEqual(expected);
  });

  it.each([
    ['a,b,c,d', [0, 1, 2, 3]],
    ['D,C,B,A', [3, 2, 1, 0]],
    ['b, d, a, c', [1, 3, 0, 2]],
    ['bdac', [1, 3, 0, 2]],
  ])('reads the rank answer %j', (line, expected) => {
    expect(positions(line, rank4)).toEqual(expected);
  });

  it('refuses a choice answer of no letter or of two letters', () => {
    expect(why('', choice4)).toContain('one letter from a to d');
    expect(why('a,b', choice4)).toContain('one letter from a to d');
  });

  it.each([
    ['a,b,c', 'got 3'],
    ['a', 'got 1'],
    ['', 'got 0'],
  ])('refuses the rank answer %j, which is not every choice', (line, got) => {
    const message = why(line, rank4);
    expect(message).toContain('rank every choice');
    expect(message).toContain(got);
  });

  it.each([
    ['e', choice4],
    ['a,e', multi4],
    ['a,b,c,z', rank4],
  ])('refuses %j, a letter past the last choice', (line, p) => {
    expect(why(line, p)).toMatch(/"[ez]" is not one of the choices a to d/);
  });

  it.each([
    ['1', choice4],
    ['a;b', multi4],
    ['a,,b', multi4],
    ['é', choice4],
  ])('refuses %j, which is not letters', (line, p) => {
    expect(why(line, p)).toContain('is not one of the choices a to d');
  });

  it.each([
    ['a,a', multi4],
    ['a,b,a,c', rank4],
    ['AA', multi4],
  ])('refuses %j, a letter given twice', (line, p) => {
    expect(why(line, p)).toContain('"a" is given twice');
  });

  it('quotes at most a short part of a long wrong answer', () => {
    expect(why('x'.repeat(500), choice4).length).toBeLessThan(120);
    expect(why(`${'q'.repeat(300)},a`, multi4).length).toBeLessThan(120);
  });
});

describe('toWritten and toLetters', () => {
  // Shown order: a is written choice 2, b is 0, c is 3, d is 1.
  const shuffled = planned('rank', [2, 0, 3, 1]);

  it('turns shown letters into written indices', () => {
    expect(toWritten(shuffled, positions('a,b,c,d', shuffled))).toEqual([2, 0, 3, 1]);
    expect(toWritten(shuffled, positions('b,d,a,c', shuffled))).toEqual([0, 1, 2, 3]);
  });

  it('turns written indices back into the letters shown', () => {
    expect(toLetters(shuffled, [0, 1, 2, 3])).toEqual(['b', 'd', 'a', 'c']);
  });

  it('round-trips every answer through written indices and back', () => {
    for (const line of ['a,b,c,d', 'd,c,b,a', 'c,a,d,b', 'b,d,a,c']) {
      const written = toWritten(shuffled, positions(line, shuffled));
      expect(toLetters(shuffled, written).join(',')).toBe(line);
    }
  });
});
