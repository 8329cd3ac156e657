// Which questions a session asks, and in which order: filters, seeds and shuffling.
import { describe, expect, it } from 'vitest';
import type { Bank, Moment, Question, Stage } from '../../src/core/model.js';
import { drawQuestions, filterQuestions, type PlannedQuestion } from '../../src/core/selection.js';

interface Spec {
  id: string;
  moment?: Moment;
  stage?: Stage;
  tags?: string[];
  shuffle?: boolean;
  choices?: number;
}

function bank(id: string, industry: string, specs: Spec[]): Bank {
  return {
    id,
    title: id,
    industry,
    passMark: 0.8,
    file: `${id}.yaml`,
    questions: specs.map((s) => {
      const q: Question = {
        id: `${id}/${s.id}`,
        localId: s.id,
        bankId: id,
        industry,
        type: 'choice',
        tags: s.tags ?? [],
        prompt: `${s.id}?`,
        shuffle: s.shuffle ?? true,
        choices: Array.from({ length: s.choices ?? 6 }, (_, i) => ({ text: `${s.id} ${i}`, score: i === 0 ? 1 : 0 })),
      };
      if (s.moment) q.moment = s.moment;
      if (s.stage) q.stage = s.stage;
      return q;
    }),
  };
}

// Written out of id order on purpose: selection sorts banks by id.
const banks: Bank[] = [
  bank('retail', 'retail', [
    { id: 'greet', moment: 'first', stage: 'first-contact', tags: ['greeting'] },
    { id: 'till', moment: 'second', stage: 'delivery', tags: ['payment', 'busy-period'] },
    { id: 'refund', moment: 'third', stage: 'recovery' },
  ]),
  bank('clinic', 'healthcare', [
    { id: 'wait', moment: 'second', stage: 'delivery', tags: ['busy-period'] },
    { id: 'call', moment: 'third', stage: 'follow-up' },
  ]),
  bank('hotel', 'hospitality', [
    { id: 'review', moment: 'zero', tags: ['online'] },
    { id: 'checkin', moment: 'first', stage: 'first-contact' },
    { id: 'late', stage: 'recovery' },
  ]),
];

const ids = (questions: readonly Question[]) => questions.map((q) => q.id);
const planIds = (plan: readonly PlannedQuestion[]) => plan.map((p) => p.question.id);

describe('filterQuestions', () => {
  it('with no filters returns every question, banks in id order, questions as written', () => {
    expect(ids(filterQuestions(banks, {}))).toEqual([
      'clinic/wait', 'clinic/call',
      'hotel/review', 'hotel/checkin', 'hotel/late',
      'retail/greet', 'retail/till', 'retail/refund',
    ]);
  });

  it.each<[string, Parameters<typeof filterQuestions>[1], string[]]>([
    ['one bank', { banks: ['hotel'] }, ['hotel/review', 'hotel/checkin', 'hotel/late']],
    ['two banks', { banks: ['retail', 'clinic'] }, ['clinic/wait', 'clinic/call', 'retail/greet', 'retail/till', 'retail/refund']],
    ['an industry', { industries: ['healthcare'] }, ['clinic/wait', 'clinic/call']],
    ['a moment', { moments: ['second'] }, ['clinic/wait', 'retail/till']],
    ['two moments', { moments: ['zero', 'third'] }, ['clinic/call', 'hotel/review', 'retail/refund']],
    ['a stage', { stages: ['first-contact'] }, ['hotel/checkin', 'retail/greet']],
    ['a tag', { tags: ['busy-period'] }, ['clinic/wait', 'retail/till']],
    ['any of two tags', { tags: ['greeting', 'online'] }, ['hotel/review', 'retail/greet']],
    ['a bank and a moment together', { banks: ['retail'], moments: ['first', 'third'] }, ['retail/greet', 'retail/refund']],
    ['an industry and a stage together', { industries: ['hospitality'], stages: ['recovery'] }, ['hotel/late']],
    ['a bank that does not exist', { banks: ['nowhere'] }, []],
    ['empty lists, as no filter', { banks: [], moments: [], tags: [] }, ids(filterQuestions(banks, {}))],
  ])('keeps only %s', (_case, filters, expected) => {
    expect(ids(filterQuestions(banks, filters))).toEqual(expected);
  });

  it('leaves out a question with no moment when moments are asked for', () => {
    expect(ids(filterQuestions(banks, { moments: ['first', 'second', 'third', 'zero'] }))).not.toContain('hotel/late');
  });

  it('does not reorder the banks it is given', () => {
    const before = banks.map((b) => b.id);
    filterQuestions(banks, {});
    expect(banks.map((b) => b.id)).toEqual(before);
  });
});

describe('drawQuestions', () => {
  const all = filterQuestions(banks, {});
  const signature = (plan: readonly PlannedQuestion[]) => plan.map((p) => `${p.question.id}:${p.order.join('')}`);

  it('gives the same plan, choice orders included, for the same seed', () => {
    const first = drawQuestions(all, { seed: 42, shuffle: true, count: 5 });
    const second = drawQuestions(all, { seed: 42, shuffle: true, count: 5 });
    expect(signature(second)).toEqual(signature(first));
  });

  it('gives different plans for different seeds', () => {
    const plans = new Set([1, 2, 3, 4, 5].map((seed) => signature(drawQuestions(all, { seed, shuffle: true })).join(' ')));
    expect(plans.size).toBeGreaterThan(1);
  });

  it('shuffles the questions and the choices with a seed', () => {
    const plan = drawQuestions(all, { seed: 7, shuffle: true });
    expect(planIds(plan)).not.toEqual(ids(all));
    expect(plan.some((p) => p.order.some((written, shown) => written !== shown))).toBe(true);
  });

  it('keeps the written order of questions and choices, banks sorted by id, without shuffling', () => {
    const plan = drawQuestions(all, { seed: 7, shuffle: false });
    expect(planIds(plan)).toEqual(ids(all));
    for (const p of plan) expect(p.order).toEqual(p.question.choices.map((_, i) => i));
  });

  it('draws the first count questions of the plan', () => {
    const plan = drawQuestions(all, { seed: 3, shuffle: true, count: 3 });
    expect(plan).toHaveLength(3);
    expect(planIds(plan)).toEqual(planIds(drawQuestions(all, { seed: 3, shuffle: true })).slice(0, 3));
  });

  it('gives every question once when count is larger than what there is', () => {
    const plan = drawQuestions(all, { seed: 3, shuffle: true, count: 100 });
    expect(plan).toHaveLength(all.length);
    expect([...planIds(plan)].sort()).toEqual([...ids(all)].sort());
  });

  it('gives every choice once in each order', () => {
    for (const p of drawQuestions(all, { seed: 11, shuffle: true })) expect([...p.order].sort()).toEqual(p.question.choices.map((_, i) => i));
  });

  it('keeps the written order of choices for a question with shuffle: false, even when shuffling', () => {
    const fixed = bank('fixed', 'general', [
      { id: 'kept', shuffle: false, choices: 8 },
      { id: 'mixed', choices: 8 },
    ]);
    for (let seed = 0; seed < 20; seed++) {
      const plan = drawQuestions(fixed.questions, { seed, shuffle: true });
      expect(plan.find((p) => p.question.localId === 'kept')!.order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
    const mixedOrders = new Set(Array.from({ length: 20 }, (_, seed) => drawQuestions(fixed.questions, { seed, shuffle: true }).find((p) => p.question.localId === 'mixed')!.order.join('')));
    expect(mixedOrders.size).toBeGreaterThan(1);
  });

  it('draws nothing from no questions', () => {
    expect(drawQuestions([], { seed: 1, shuffle: true, count: 5 })).toEqual([]);
  });
});
