// Drill planning from values: what is asked, in which order, and the figures the drill prints.
import { describe, expect, it } from 'vitest';
import { drillClosing, planDrill, startOfDrillDay, type DrillInput } from '../../src/core/drill-plan.js';
import type { Question } from '../../src/core/model.js';
import type { CardDue } from '../../src/core/progress.js';

const NOW = new Date('2027-01-17T09:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

function question(id: string, industry = 'retail'): Question {
  const [bankId, localId] = id.split('/') as [string, string];
  return {
    id,
    localId,
    bankId,
    industry,
    type: 'choice',
    tags: [],
    prompt: `${localId}?`,
    shuffle: true,
    choices: ['a', 'b', 'c', 'd'].map((text, i) => ({ text, score: i === 0 ? 1 : 0 })),
  } as unknown as Question;
}

const retail = ['shop/a', 'shop/b', 'shop/c', 'shop/d', 'shop/e'].map((id) => question(id));
const review = ['review/x', 'review/y'].map((id) => question(id, 'general'));
const loaded = new Map([...retail, ...review].map((q) => [q.id, q]));
const card = (questionId: string, hours: number): CardDue => ({ questionId, due: at(hours) });

function input(over: Partial<DrillInput> = {}): DrillInput {
  const cards = over.cards ?? [];
  return {
    questions: retail,
    loaded,
    cards,
    seen: new Set(cards.map((c) => c.questionId)),
    newPerDay: 10,
    newToday: 0,
    count: 20,
    now: NOW,
    offset: 0,
    seed: 7,
    shuffle: false,
    ...over,
  };
}

const ids = (plan: { question: Question }[]) => plan.map((p) => p.question.id);

describe('planDrill: what is asked', () => {
  it.each([
    {
      name: 'due cards first, most overdue first, then new ones in written order',
      over: { cards: [card('shop/c', -1), card('shop/a', -48), card('shop/e', 5)] },
      plan: ['shop/a', 'shop/c', 'shop/b', 'shop/d'],
      reviews: 2,
      fresh: 2,
    },
    {
      name: 'cards due at the same time by question id',
      over: { cards: [card('shop/d', -2), card('shop/b', -2)], newPerDay: 0 },
      plan: ['shop/b', 'shop/d'],
      reviews: 2,
      fresh: 0,
    },
    {
      name: 'a card due exactly now is due',
      over: { cards: [card('shop/b', 0)], newPerDay: 0 },
      plan: ['shop/b'],
      reviews: 1,
      fresh: 0,
    },
    {
      name: 'a card due later today waits, and a seen question is never new',
      over: { cards: [card('shop/a', 3)], newPerDay: 1 },
      plan: ['shop/b'],
      reviews: 0,
      fresh: 1,
    },
    {
      name: 'new ones up to what is left of the day',
      over: { newPerDay: 3, newToday: 1 },
      plan: ['shop/a', 'shop/b'],
      reviews: 0,
      fresh: 2,
    },
    {
      name: 'no new ones once the day allowance is used',
      over: { cards: [card('shop/a', -1)], newPerDay: 3, newToday: 5 },
      plan: ['shop/a'],
      reviews: 1,
      fresh: 0,
    },
    {
      name: 'count cuts the new ones before the due ones',
      over: { cards: [card('shop/c', -1), card('shop/d', -2)], count: 3 },
      plan: ['shop/d', 'shop/c', 'shop/a'],
      reviews: 2,
      fresh: 1,
    },
    {
      name: 'cards outside the filters are never asked',
      over: { cards: [card('review/x', -5), card('shop/e', -1)], newPerDay: 0 },
      plan: ['shop/e'],
      reviews: 1,
      fresh: 0,
    },
    {
      name: 'nothing due and nothing new',
      over: { cards: retail.map((q) => card(q.id, 30)) },
      plan: [],
      reviews: 0,
      fresh: 0,
    },
  ])('$name', ({ over, plan, reviews, fresh }) => {
    const drill = planDrill(input(over));
    expect(ids(drill.plan)).toEqual(plan);
    expect(drill.reviews).toBe(reviews);
    expect(drill.fresh).toBe(fresh);
  });

  it.each([
    { name: 'seen as given', seen: undefined },
    { name: 'a due card missing from seen', seen: new Set<string>() },
  ])('asks each question at most once: $name', ({ seen }) => {
    const cards = [card('shop/a', -1), card('shop/b', -3)];
    const drill = planDrill(input({ cards, ...(seen ? { seen } : {}), shuffle: true }));
    expect(new Set(ids(drill.plan)).size).toBe(drill.plan.length);
    expect(drill.plan).toHaveLength(5);
    expect(drill.reviews + drill.fresh).toBe(5);
  });

  it('gives the same plan for the same seed, choices included', () => {
    const a = planDrill(input({ shuffle: true, seed: 42 }));
    const b = planDrill(input({ shuffle: true, seed: 42 }));
    expect(a.plan).toEqual(b.plan);
    expect(a.plan.map((p) => [...p.order].sort())).toEqual(a.plan.map(() => [0, 1, 2, 3]));
  });

  it('draws new questions in another order for another seed', () => {
    const orders = new Set([1, 2, 3, 4, 5, 6].map((seed) => ids(planDrill(input({ shuffle: true, seed, newPerDay: 5 })).plan).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps written choice order without shuffling', () => {
    expect(planDrill(input()).plan.every((p) => p.order.join() === '0,1,2,3')).toBe(true);
  });
});

describe('planDrill: the figures it prints', () => {
  it.each([
    {
      name: 'due now, due later today, due tomorrow',
      cards: [card('shop/a', -30), card('shop/b', 0), card('shop/c', 10), card('shop/d', 20)],
      due: { now: 2, today: 3 },
    },
    { name: 'nothing due', cards: [card('shop/a', 24 * 3)], due: { now: 0, today: 0 } },
    {
      name: 'cards outside the filters and of retired questions are not counted',
      cards: [card('review/x', -1), card('gone/q', -1), card('shop/a', -1)],
      due: { now: 1, today: 1 },
    },
  ])('$name', ({ cards, due }) => {
    expect(planDrill(input({ cards })).due).toEqual(due);
  });

  it('counts what --count leaves due', () => {
    const drill = planDrill(input({ cards: [card('shop/a', -1), card('shop/b', -2), card('shop/c', -3)], count: 2 }));
    expect(drill.leftOver).toBe(1);
    expect(drill.due.now).toBe(3);
  });

  it('names the banks outside the filters with questions due now', () => {
    const drill = planDrill(input({ cards: [card('review/x', -1), card('review/y', -2), card('review/y', 5), card('gone/q', -1)] }));
    expect(drill.elsewhere).toEqual({ review: 2 });
  });

  it('forecasts the next reviews of the filtered questions only', () => {
    const cards = [card('shop/a', 24), card('review/x', 24), card('review/y', 48), card('shop/b', 49)];
    expect(planDrill(input({ cards })).next).toEqual([
      { date: '2027-01-18', count: 1 },
      { date: '2027-01-19', count: 1 },
    ]);
    expect(planDrill(input({ cards, questions: review })).next).toEqual([
      { date: '2027-01-18', count: 1 },
      { date: '2027-01-19', count: 1 },
    ]);
    expect(planDrill(input({ cards, questions: [...retail, ...review] })).next).toEqual([
      { date: '2027-01-18', count: 2 },
      { date: '2027-01-19', count: 2 },
    ]);
  });

  it('tells how many never-answered questions are in scope and how many new ones are left today', () => {
    const drill = planDrill(input({ cards: [card('shop/a', 30)], newPerDay: 4, newToday: 1 }));
    expect(drill.unseen).toBe(4);
    expect(drill.newLeft).toBe(3);
  });
});

describe('drillClosing', () => {
  it('counts a question asked twice (missed, then asked again) once, and not as due now', () => {
    // After the drill the store holds one card per question: shop/a was missed twice and is due tomorrow.
    const after = [card('shop/a', 24), card('shop/b', -1), card('shop/c', 5)];
    expect(drillClosing({ questions: retail, loaded, cards: after, now: NOW })).toEqual({
      due: { now: 1, today: 2 },
      elsewhere: {},
      next: [
        { date: '2027-01-17', count: 1 },
        { date: '2027-01-18', count: 1 },
      ],
    });
  });

  it('agrees with the plan figures for the same cards', () => {
    const cards = [card('shop/a', -1), card('shop/b', 3), card('review/x', -1)];
    const plan = planDrill(input({ cards }));
    const closing = drillClosing({ questions: retail, loaded, cards, now: NOW });
    expect(closing.due).toEqual(plan.due);
    expect(closing.elsewhere).toEqual(plan.elsewhere);
    expect(closing.next).toEqual(plan.next);
  });
});

describe('startOfDrillDay', () => {
  it.each([
    { offset: 0, start: '2027-01-17T00:00:00.000Z' },
    { offset: 600, start: '2027-01-16T14:00:00.000Z' },
    { offset: -600, start: '2027-01-16T10:00:00.000Z' },
  ])("starts the learner's day at offset $offset at $start", ({ offset, start }) => {
    expect(startOfDrillDay(NOW, offset).toISOString()).toBe(start);
  });
});
