// Export: Moodle's fixed fractions, the questions each format leaves out, and the text written.
import { describe, expect, it } from 'vitest';
import type { Bank, Question } from '../../src/core/model.js';
import { planExport } from '../../src/lms/export-plan.js';
import { MOODLE_FRACTIONS, nearestFraction } from '../../src/lms/fractions.js';
import { escapeGift, writeGift } from '../../src/lms/gift-export.js';
import { writeMoodleXml } from '../../src/lms/moodle-xml-export.js';

function question(localId: string, type: string, choices: object[], extra: Partial<Question> = {}): Question {
  return { id: `b/${localId}`, localId, bankId: 'b', industry: 'general', type, tags: [], prompt: `Prompt of ${localId}?`, shuffle: true, choices, ...extra } as Question;
}

const bank: Bank = {
  id: 'b',
  title: 'A/B bank',
  industry: 'general',
  passMark: 0.8,
  file: 'b.yaml',
  questions: [
    question('pick', 'choice', [{ text: 'Best', score: 1, feedback: 'Yes: {right}' }, { text: 'Some', score: 0.45 }, { text: 'Third', score: 1 / 3 }, { text: 'None', score: 0 }], {
      scenario: 'You are at the desk.\nIt is late.',
      explanation: 'Because #1.',
      moment: 'first',
      tags: ['desk'],
    }),
    question('many', 'multi', [{ text: 'A', correct: true }, { text: 'B', correct: true }, { text: 'C', correct: true }, { text: 'D', correct: false }]),
    question('order', 'rank', [{ text: 'First' }, { text: 'Second' }, { text: 'Third' }]),
    question('bw', 'best-worst', [{ text: 'X', best: true }, { text: 'Y' }, { text: 'Z', worst: true }]),
  ],
};

describe("Moodle's fractions", () => {
  it('holds the 21 values and their negatives', () => {
    expect(MOODLE_FRACTIONS).toHaveLength(41);
  });

  it('maps a score to the nearest and says when it moved', () => {
    expect(nearestFraction(45)).toEqual({ fraction: 50, moved: true });
    expect(nearestFraction(100 / 3)).toEqual({ fraction: 33.33333, moved: false });
    expect(nearestFraction(87)).toEqual({ fraction: 90, moved: true });
    expect(nearestFraction(-100 / 7)).toEqual({ fraction: -14.28571, moved: false });
  });
});

describe('planning an export', () => {
  it('leaves rank out of GIFT and best-worst out of both, one line each', () => {
    const gift = planExport(bank, 'gift');
    expect(gift.questions.map((q) => q.question.localId)).toEqual(['pick', 'many']);
    expect(gift.warnings).toEqual([
      "b/pick: choice b scores 0.45 in mot; Moodle's nearest fraction is 50%, so it scores 0.5 there.",
      'b/order: left out: GIFT has no ordering question; export to Moodle XML to keep rank questions.',
      'b/bw: left out: best-worst questions have no Moodle equivalent.',
    ]);
    const xml = planExport(bank, 'moodle-xml');
    expect(xml.questions.map((q) => q.question.localId)).toEqual(['pick', 'many', 'order']);
    expect(xml.leftOut).toBe(1);
  });

  it('gives multi +100/C for correct choices and -100/W for wrong ones', () => {
    expect(planExport(bank, 'gift').questions[1]!.choices.map((c) => c.fraction)).toEqual([33.33333, 33.33333, 33.33333, -100]);
  });
});

describe('the written files', () => {
  it('GIFT: a category, tags, the scenario above the prompt, weights, feedback and general feedback, all escaped', () => {
    const text = writeGift(planExport(bank, 'gift'));
    expect(text).toContain('$CATEGORY: $course$/top/A//B bank\n');
    expect(text).toContain('// [tag:desk] [tag:moment-first]\n::pick::[html]<p>You are at the desk.<br>It is late.</p><p>Prompt of pick?</p> {\n');
    expect(text).toContain('\t=Best#Yes\\: \\{right\\}\n\t~%50%Some\n\t~%33.33333%Third\n\t~None\n\t####Because \\#1.\n}');
    expect(text).toContain('\t~%33.33333%A\n\t~%33.33333%B\n\t~%33.33333%C\n\t~%-100%D\n}');
    expect(escapeGift('a\\b~c=d#e{f}g:h')).toBe('a\\\\b\\~c\\=d\\#e\\{f\\}g\\:h');
  });

  it('Moodle XML: multichoice single and multiple, ordering with positions, CDATA text, tags', () => {
    const text = writeMoodleXml(planExport(bank, 'moodle-xml'));
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')).toBe(true);
    expect(text).toContain('<question type="category">');
    expect(text).toContain('<single>true</single>');
    expect(text).toContain('<single>false</single>');
    expect(text).toContain('<question type="ordering">');
    expect(text).toMatch(/<answer fraction="3\.0000000" format="html">\s*<text><!\[CDATA\[<p>Third<\/p>\]\]><\/text>/);
    expect(text).toContain('<answer fraction="50" format="html">');
    expect(text).toMatch(/<tags>\s*<tag>\s*<text>desk<\/text>/);
    expect(text).not.toContain('best-worst');
  });
});
