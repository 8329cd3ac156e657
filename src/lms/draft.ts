// What GIFT and Moodle XML readers hand over: Moodle's questions in Moodle's terms (fractions in
// percent, a category path, a name), already in plain text. `toBankQuestions` decides what mot can
// hold and turns the rest into reasons, so both formats follow one set of rules.
import { MAX_CHOICES, MIN_CHOICES, MOMENTS, STAGES, TAG_PATTERN } from '../core/model.js';
import type { ChoiceDoc as ChoiceFile, QuestionDoc as QuestionFile } from './bank-doc.js';
import { sanitizeText } from '../core/sanitize.js';
import { lms } from '../messages/lms.js';
import { slug } from './text.js';

export interface DraftChoice {
  text: string;
  /** Moodle's fraction in percent (multichoice, truefalse); unused for ordering. */
  fraction: number;
  feedback?: string;
}

export interface DraftQuestion {
  /** Where it is in the file, for messages: `line 12` or `question "Late order"`. */
  where: string;
  name?: string;
  /** single: one answer (multichoice single, true/false); multi: several; ordering: choices in the right order. */
  kind: 'single' | 'multi' | 'ordering';
  text: string;
  choices: DraftChoice[];
  explanation?: string;
  category?: string;
  tags: string[];
  shuffle?: boolean;
}

export interface LeftOut {
  where: string;
  reason: string;
}

export interface Note {
  where: string;
  message: string;
}

/** What one file yields. `total` counts the questions in it (categories are not questions). */
export interface ReadQuiz {
  questions: DraftQuestion[];
  leftOut: LeftOut[];
  warnings: Note[];
  total: number;
}

export interface Converted {
  questions: QuestionFile[];
  leftOut: LeftOut[];
  warnings: Note[];
}

// Moodle stores fractions with 7 decimals (33.33333); within this, a weight counts as kept.
const WEIGHT_TOLERANCE = 0.01;

export function toBankQuestions(drafts: readonly DraftQuestion[], usedIds: Set<string> = new Set()): Converted {
  const out: Converted = { questions: [], leftOut: [], warnings: [] };
  for (const draft of drafts) {
    const made = toQuestion(draft, out.warnings);
    if (typeof made === 'string') {
      out.leftOut.push({ where: draft.where, reason: made });
      continue;
    }
    const wanted = made.id;
    let id = wanted;
    for (let n = 2; usedIds.has(id); n++) id = `${wanted.slice(0, 44)}-${n}`;
    if (id !== wanted) out.warnings.push({ where: draft.where, message: lms.idRenamed(wanted, id) });
    usedIds.add(id);
    out.questions.push({ ...made, id });
  }
  return out;
}

/** As the validator reads a text: control characters and terminal sequences gone, trimmed. */
const clean = (text: string | undefined) => sanitizeText(text ?? '').trim();

function toQuestion(raw: DraftQuestion, warnings: Note[]): QuestionFile | string {
  const draft: DraftQuestion = {
    ...raw,
    text: clean(raw.text),
    choices: raw.choices.map((c) => ({ ...c, text: clean(c.text), ...(c.feedback !== undefined ? { feedback: clean(c.feedback) } : {}) })),
    ...(raw.explanation !== undefined ? { explanation: clean(raw.explanation) } : {}),
  };
  if (!draft.text) return lms.emptyText;
  if (draft.choices.length < MIN_CHOICES || draft.choices.length > MAX_CHOICES) return lms.choiceCount(draft.choices.length);
  if (draft.choices.some((c) => !c.text)) return lms.emptyChoice;
  // The validator's own notion of two choices reading the same: case and spacing aside.
  const seen = new Set<string>();
  for (const c of draft.choices) {
    const key = c.text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) return lms.sameChoices(c.text);
    seen.add(key);
  }
  const paragraphs = draft.text.split(/\n\n+/);
  const prompt = paragraphs.pop()!;
  const meta = metaFromTags([...(draft.category ? [categoryTag(draft.category)] : []), ...draft.tags]);
  const typed = { id: slug(draft.name ?? '') || slug(prompt) || 'question' } as QuestionFile;
  if (draft.kind !== 'single') typed.type = draft.kind === 'multi' ? 'multi' : 'rank';
  if (meta.moment) typed.moment = meta.moment as QuestionFile['moment'];
  if (meta.stage) typed.stage = meta.stage as QuestionFile['stage'];
  if (meta.tags.length) typed.tags = meta.tags;
  if (paragraphs.length) typed.scenario = paragraphs.join('\n\n');
  typed.prompt = prompt;
  if (draft.shuffle === false) typed.shuffle = false;
  const withFeedback = (choice: ChoiceFile, c: DraftChoice): ChoiceFile => (c.feedback ? { ...choice, feedback: c.feedback } : choice);

  if (draft.kind === 'single') {
    const best = Math.max(...draft.choices.map((c) => c.fraction));
    if (best < 100 - WEIGHT_TOLERANCE) return lms.noFullMarks;
    if (draft.choices.some((c) => c.fraction < 0)) warnings.push({ where: draft.where, message: lms.negativeScores });
    typed.choices = draft.choices.map((c) => withFeedback({ text: c.text, score: clampScore(c.fraction) }, c));
  } else if (draft.kind === 'multi') {
    const correct = draft.choices.filter((c) => c.fraction > 0);
    const wrong = draft.choices.filter((c) => c.fraction <= 0);
    if (correct.length === 0) return lms.noCorrectChoice;
    const kept =
      correct.every((c) => Math.abs(c.fraction - 100 / correct.length) <= WEIGHT_TOLERANCE) &&
      wrong.every((c) => Math.abs(c.fraction + 100 / wrong.length) <= WEIGHT_TOLERANCE);
    if (!kept) warnings.push({ where: draft.where, message: lms.multiWeights(draft.choices.map((c) => `${round(c.fraction)}%`).join(', ')) });
    typed.choices = draft.choices.map((c) => withFeedback({ text: c.text, correct: c.fraction > 0 }, c));
  } else {
    typed.choices = draft.choices.map((c) => withFeedback({ text: c.text }, c));
  }
  if (draft.explanation) typed.explanation = draft.explanation;
  return typed;
}

function clampScore(fraction: number): number {
  return Math.round(Math.min(100, Math.max(0, fraction)) * 1e5) / 1e7;
}

function round(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

/**
 * A category path such as `$course$/top/Front desk/Escapes` becomes the tag of its last part;
 * Moodle's own levels (`$course$`, `top`, `Default for …`) say nothing about the question.
 */
export function categoryTag(path: string): string {
  const parts = path
    .split(/(?<!\/)\/(?!\/)/)
    .map((p) => p.replace(/\/\//g, '/').trim())
    .filter((p) => p && !/^\$\w+\$$/.test(p) && p.toLowerCase() !== 'top' && !/^default for\b/i.test(p));
  return parts.length ? slug(parts[parts.length - 1]!, 40) : '';
}

/**
 * Tags as mot writes them on export (`moment-first`, `stage-delivery`) become the fields again;
 * every other tag is made into a valid mot tag or dropped when nothing of it is left.
 */
export function metaFromTags(tags: readonly string[]): { moment?: string; stage?: string; tags: string[] } {
  const result: { moment?: string; stage?: string; tags: string[] } = { tags: [] };
  for (const raw of tags) {
    const tag = slug(raw, 40);
    if (!tag || !TAG_PATTERN.test(tag)) continue;
    const moment = tag.startsWith('moment-') ? tag.slice(7) : undefined;
    const stage = tag.startsWith('stage-') ? tag.slice(6) : undefined;
    if (moment && (MOMENTS as readonly string[]).includes(moment) && !result.moment) result.moment = moment;
    else if (stage && (STAGES as readonly string[]).includes(stage) && !result.stage) result.stage = stage;
    else if (!result.tags.includes(tag)) result.tags.push(tag);
  }
  return result;
}
