// The property of issue 12: a bank exported to GIFT or Moodle XML and imported again has every
// question the format can hold, and every possible answer scores the same, apart from the scores
// the export said it moved to Moodle's fractions.
import { describe, expect, it } from 'vitest';
import { builtInContentDir, loadBanks } from '../../src/banks/load-banks.js';
import { parseBank } from '../../src/banks/parse-bank.js';
import type { Bank, Question } from '../../src/core/model.js';
import { scoreResponse } from '../../src/core/scoring.js';
import { bankYaml } from '../../src/lms/bank-doc.js';
import { toBankQuestions } from '../../src/lms/draft.js';
import { planExport, type ExportFormat } from '../../src/lms/export-plan.js';
import { nearestFraction } from '../../src/lms/fractions.js';
import { writeGift } from '../../src/lms/gift-export.js';
import { readGift } from '../../src/lms/gift-import.js';
import { writeMoodleXml } from '../../src/lms/moodle-xml-export.js';
import { readMoodleXml } from '../../src/lms/moodle-xml-import.js';

const loaded = await loadBanks([builtInContentDir()], undefined);

/** Every response a learner can give, as written indices (a sample of orders past 6 choices). */
function everyResponse(question: Question): number[][] {
  const n = question.choices.length;
  const indices = [...Array(n).keys()];
  if (question.type === 'choice') return indices.map((i) => [i]);
  if (question.type === 'multi') return [...Array(2 ** n).keys()].map((mask) => indices.filter((i) => mask & (1 << i)));
  const orders: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) orders.push(prefix);
    rest.forEach((r, i) => permute([...prefix, r], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], indices);
  return n <= 6 ? orders : orders.filter((_, i) => i % 97 === 0);
}

/** What the original scores once Moodle's fractions are applied: the moves the export warned of. */
function expectedScore(question: Question, response: number[]): number {
  if (question.type !== 'choice') return scoreResponse(question, response);
  const score = (question.choices[response[0]!] as { score?: number }).score ?? 0;
  const { fraction, moved } = nearestFraction(score * 100);
  return moved ? Math.max(0, fraction / 100) : score;
}

async function roundTrip(bank: Bank, format: ExportFormat) {
  const plan = planExport(bank, format);
  const text = format === 'gift' ? writeGift(plan) : writeMoodleXml(plan);
  const quiz = format === 'gift' ? readGift(text) : readMoodleXml(text);
  const converted = toBankQuestions(quiz.questions);
  const yaml = await bankYaml({ format: 1, bank: bank.id, title: bank.title, industry: bank.industry, questions: converted.questions }, './bank.schema.json');
  const parsed = parseBank(yaml, 'round-trip.yaml');
  return { plan, quiz, converted, yaml, parsed };
}

describe.each(['gift', 'moodle-xml'] as const)('a round trip through %s', (format) => {
  it('starts from the built-in banks', () => {
    expect(loaded.banks.length).toBeGreaterThanOrEqual(4);
  });

  for (const bank of loaded.banks) {
    it(`keeps every question of ${bank.id} that ${format} can hold, and scores every answer the same`, async () => {
      const { plan, quiz, converted, yaml, parsed } = await roundTrip(bank, format);
      expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=./bank.schema.json');
      expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(quiz.leftOut).toEqual([]);
      expect(converted.leftOut).toEqual([]);
      const holdable = bank.questions.filter((q) => q.type === 'choice' || q.type === 'multi' || (q.type === 'rank' && format === 'moodle-xml'));
      expect(plan.questions.map((p) => p.question.id)).toEqual(holdable.map((q) => q.id));
      const back = new Map(parsed.bank!.questions.map((q) => [q.localId, q]));
      expect(back.size).toBe(holdable.length);
      let compared = 0;
      for (const original of holdable) {
        const imported = back.get(original.localId)!;
        expect(imported, original.id).toBeDefined();
        expect(imported.type).toBe(original.type);
        expect(imported.prompt).toBe(original.prompt.trim());
        expect(imported.choices.map((c) => c.text)).toEqual(original.choices.map((c) => c.text.trim()));
        for (const response of everyResponse(original)) {
          expect(scoreResponse(imported, response), `${original.id} ${response.join(',')}`).toBeCloseTo(expectedScore(original, response), 5);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(holdable.length);
    });
  }
});

describe('the fractions an export moves', () => {
  it('are exactly the scores it warns about', () => {
    for (const bank of loaded.banks) {
      const plan = planExport(bank, 'moodle-xml');
      const moved = bank.questions.flatMap((q) =>
        q.type === 'choice' ? q.choices.flatMap((c, i) => (nearestFraction(((c as { score?: number }).score ?? 0) * 100).moved ? [`${q.id}: choice ${'abcdefgh'[i]}`] : [])) : [],
      );
      const warned = plan.warnings.filter((w) => w.includes("Moodle's nearest fraction")).map((w) => w.slice(0, w.indexOf(' scores')));
      expect(warned).toEqual(moved);
    }
  });
});

describe('a round trip of generated banks', () => {
  // A small seeded generator (mulberry32), so a failure names the seed that found it.
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const SCORES = [0, 0, 0.1, 0.125, 0.2, 0.25, 0.3, 0.33, 0.333333, 0.4, 0.45, 0.5, 0.55, 0.6, 0.66, 0.7, 0.75, 0.8, 0.875, 0.9, 0.95];

  async function generated(seed: number): Promise<Bank> {
    const next = random(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const questions = [...Array(12).keys()].map((i) => {
      const n = 2 + Math.floor(next() * 7);
      const type = pick(['choice', 'multi', 'rank'] as const);
      const texts = [...Array(n).keys()].map((j) => `Choice ${j + 1} of question ${i}: say {so} #${j} = ~fine: \\ <ok> & "done"`);
      const best = Math.floor(next() * n);
      const choices = texts.map((text, j) =>
        type === 'choice' ? { text, score: j === best ? 1 : pick(SCORES) } : type === 'multi' ? { text, correct: j === best || next() < 0.4 } : { text },
      );
      return {
        id: `q-${i}`,
        ...(type === 'choice' ? {} : { type }),
        scenario: `Line one of ${i}.\nLine two: {braces} and #hash.\n\nA second paragraph.`,
        prompt: `What do you do in case ${i}?`,
        choices,
      };
    });
    const parsed = parseBank(await bankYaml({ format: 1, bank: 'generated', title: 'Generated / test', industry: 'general', questions }, './s.json'), 'gen.yaml');
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return parsed.bank!;
  }

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    for (const format of ['gift', 'moodle-xml'] as const) {
      it(`scores every answer the same after ${format}, apart from the warned moves (seed ${seed})`, async () => {
        const bank = await generated(seed);
        const { plan, parsed } = await roundTrip(bank, format);
        expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const back = new Map(parsed.bank!.questions.map((q) => [q.localId, q]));
        expect(back.size).toBe(plan.questions.length);
        for (const { question: original } of plan.questions) {
          const imported = back.get(original.localId)!;
          expect(imported.scenario).toBe(original.scenario!.trim());
          expect(imported.choices.map((c) => c.text)).toEqual(original.choices.map((c) => c.text));
          for (const response of everyResponse(original))
            expect(scoreResponse(imported, response), `${original.id} ${response.join(',')}`).toBeCloseTo(expectedScore(original, response), 5);
        }
      });
    }
  }
});
