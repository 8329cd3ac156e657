// Reads GIFT with gift-pegjs, one question at a time: the parser stops at the first construct it
// cannot read, and GIFT separates questions by blank lines, so each block is parsed on its own and
// one unreadable question is listed while the rest still import.
import giftPegjs from 'gift-pegjs';
import type { GIFTQuestion, TextChoice, TextFormat as GiftText } from 'gift-pegjs';
import { lms } from '../messages/lms.js';
import type { DraftQuestion, ReadQuiz } from './draft.js';
import { toPlainText, type TextFormat } from './text.js';

interface Block {
  line: number;
  text: string;
}

const KIND_NAMES: Record<string, string> = {
  Numerical: 'numeric',
  Short: 'short-answer',
  Essay: 'essay',
  Matching: 'matching',
  Description: 'description',
};

export function readGift(source: string): ReadQuiz {
  const quiz: ReadQuiz = { questions: [], leftOut: [], warnings: [], total: 0 };
  let category: string | undefined;
  for (const block of giftBlocks(source)) {
    let parsed: GIFTQuestion[];
    try {
      parsed = giftPegjs.parse(block.text + '\n');
    } catch (err) {
      quiz.total++;
      const e = err as { message?: string; location?: { start?: { line?: number } } };
      const line = block.line + (e.location?.start?.line ?? 1) - 1;
      quiz.leftOut.push({ where: `line ${line}`, reason: lms.unreadableGift(String(e.message ?? err).slice(0, 120)) });
      continue;
    }
    for (const question of parsed) {
      if (question.type === 'Category') {
        category = question.title.trim();
        continue;
      }
      quiz.total++;
      const where = `line ${questionLine(block)}`;
      let draft: DraftQuestion | string;
      try {
        draft = toDraft(question, where, category);
      } catch (err) {
        draft = lms.unreadableGift(String((err as Error)?.message ?? err).slice(0, 120));
      }
      if (typeof draft === 'string') quiz.leftOut.push({ where, reason: draft });
      else quiz.questions.push(draft);
    }
  }
  return quiz;
}

/**
 * Splits the file at blank lines, keeping a block whose braces are still open together with the
 * next one (a blank line inside an answer set), and a `$CATEGORY:` line on its own.
 */
export function giftBlocks(source: string): Block[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const blocks: Block[] = [];
  let current: { line: number; lines: string[]; depth: number; blank?: boolean } | undefined;
  const flush = () => {
    if (current && current.lines.some((l) => l.trim() && !isPlainComment(l))) blocks.push({ line: current.line, text: current.lines.join('\n') });
    current = undefined;
  };
  lines.forEach((text, i) => {
    if (!text.trim()) {
      if (current && current.depth <= 0) flush();
      else if (current) {
        current.lines.push(text);
        current.blank = true;
      }
      return;
    }
    // An answer set left open is closed by nothing that follows: a new title or comment after a
    // blank line starts the next question, so one typo costs one question.
    if (current?.blank && /^\s*(::|\/\/)/.test(text)) flush();
    if (current) current.blank = false;
    if (/^\s*\$CATEGORY:/i.test(text) && (!current || current.depth <= 0)) {
      flush();
      blocks.push({ line: i + 1, text: text.trim() });
      return;
    }
    current ??= { line: i + 1, lines: [], depth: 0 };
    current.lines.push(text);
    if (!/^\s*\/\//.test(text)) current.depth += braceDepth(text);
  });
  flush();
  return blocks;
}

function isPlainComment(line: string): boolean {
  return /^\s*\/\//.test(line) && !/\[(id|tag):/.test(line);
}

function braceDepth(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  return depth;
}

/** The first line of the block that is not a comment: where the question itself starts. */
function questionLine(block: Block): number {
  const offset = block.text.split('\n').findIndex((l) => l.trim() && !/^\s*\/\//.test(l));
  return block.line + Math.max(0, offset);
}

function plain(text: GiftText | null | undefined): string {
  if (!text) return '';
  return toPlainText(text.text, text.format as TextFormat);
}

function toDraft(question: Exclude<GIFTQuestion, { type: 'Category' }>, where: string, category: string | undefined): DraftQuestion | string {
  const common = {
    where,
    text: plain(question.stem),
    tags: question.tags ?? [],
    ...(question.title ? { name: question.title } : question.id ? { name: question.id } : {}),
    ...(category ? { category } : {}),
  };
  switch (question.type) {
    case 'MC': {
      const choices = question.choices.map((c: TextChoice) => ({
        text: plain(c.text),
        fraction: c.weight ?? (c.isCorrect ? 100 : 0),
        ...(c.feedback && plain(c.feedback) ? { feedback: plain(c.feedback) } : {}),
      }));
      // As Moodle reads GIFT: an answer marked `=` makes it single-answer; with none it allows several.
      const single = question.choices.some((c) => c.isCorrect);
      return withExplanation({ ...common, kind: single ? 'single' : 'multi', choices }, plain(question.globalFeedback));
    }
    case 'TF': {
      // Moodle's GIFT: the first feedback is for a wrong answer, the second for a right one.
      const wrong = plain(question.trueFeedback);
      const right = plain(question.falseFeedback);
      const choice = (value: boolean) => ({
        text: value ? 'True' : 'False',
        fraction: value === question.isTrue ? 100 : 0,
        ...((value === question.isTrue ? right : wrong) ? { feedback: value === question.isTrue ? right : wrong } : {}),
      });
      return withExplanation({ ...common, kind: 'single', choices: [choice(true), choice(false)], shuffle: false }, plain(question.globalFeedback));
    }
    default:
      return lms.unsupportedType(KIND_NAMES[question.type] ?? question.type);
  }
}

function withExplanation(draft: DraftQuestion, explanation: string): DraftQuestion {
  return explanation ? { ...draft, explanation } : draft;
}
