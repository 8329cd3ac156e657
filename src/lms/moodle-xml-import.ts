// Reads Moodle XML (as Moodle 4 exports it, and the older files Moodle still imports) with
// fast-xml-parser. Questions are read one by one: one that cannot be read is listed, not fatal.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lms } from '../messages/lms.js';
import type { DraftChoice, DraftQuestion, ReadQuiz } from './draft.js';
import { htmlToText, toPlainText, xmlTextFormat } from './text.js';

type XmlNode = Record<string, unknown>;

const KIND_NAMES: Record<string, string> = {
  cloze: 'cloze (embedded answers)',
  multianswer: 'cloze (embedded answers)',
  shortanswer: 'short-answer',
  numerical: 'numeric',
  essay: 'essay',
  matching: 'matching',
  description: 'description',
  calculated: 'calculated',
  calculatedsimple: 'calculated',
  calculatedmulti: 'calculated multiple-choice',
  ddwtos: 'drag-and-drop into text',
  ddimageortext: 'drag-and-drop onto image',
  ddmarker: 'drag-and-drop markers',
  gapselect: 'select missing words',
  randomsamatch: 'random short-answer matching',
  random: 'random',
};

export class NotMoodleXml extends Error {
  override name = 'NotMoodleXml';
}

export function readMoodleXml(source: string): ReadQuiz {
  const text = source.replace(/^\uFEFF/, '');
  // Moodle never writes a DOCTYPE; entity declarations are how XML bombs are built.
  if (/<!ENTITY/i.test(text)) throw new NotMoodleXml(lms.xmlEntities);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new NotMoodleXml(`line ${valid.err.line}: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '$',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => ['question', 'answer', 'tag', 'subquestion'].includes(name),
  });
  const root = parser.parse(text) as XmlNode;
  const holder = (root.quiz ?? root) as XmlNode;
  const questions = holder.question as XmlNode[] | undefined;
  if (!Array.isArray(questions)) throw new NotMoodleXml('it has no <quiz> of <question> elements');
  const quiz: ReadQuiz = { questions: [], leftOut: [], warnings: [], total: 0 };
  let category: string | undefined;
  questions.forEach((question, index) => {
    const type = String(attr(question, 'type') ?? '').toLowerCase();
    if (type === 'category') {
      category = textOf(child(question, 'category')).trim() || category;
      return;
    }
    quiz.total++;
    // Names are plain text in Moodle's form, but files written by hand or by tools put HTML in them.
    const name = htmlToText(textOf(child(question, 'name')));
    const where = name ? `question "${name.slice(0, 60)}"` : `question ${index + 1}`;
    try {
      const draft = toDraft(question, type, where, name, category);
      if (typeof draft === 'string') quiz.leftOut.push({ where, reason: draft });
      else quiz.questions.push(draft);
    } catch (err) {
      quiz.leftOut.push({ where, reason: `it could not be read (${String((err as Error)?.message ?? err).slice(0, 100)})` });
    }
  });
  return quiz;
}

function toDraft(question: XmlNode, type: string, where: string, name: string, category: string | undefined): DraftQuestion | string {
  const common = {
    where,
    text: formatted(child(question, 'questiontext')),
    tags: tagsOf(question),
    ...(name ? { name } : {}),
    ...(category ? { category } : {}),
  };
  const explanation = formatted(child(question, 'generalfeedback'));
  const withExplanation = (draft: DraftQuestion): DraftQuestion => (explanation ? { ...draft, explanation } : draft);
  const answers = (question.answer as XmlNode[] | undefined) ?? [];
  const choices = (): DraftChoice[] =>
    answers.map((answer) => {
      const feedback = formatted(child(answer, 'feedback'));
      return {
        text: formattedAnswer(answer),
        fraction: Number(attr(answer, 'fraction') ?? 0) || 0,
        ...(feedback ? { feedback } : {}),
      };
    });
  switch (type) {
    case 'multichoice': {
      const single = !/^(false|0)$/i.test(textOf(child(question, 'single')).trim() || 'true');
      const shuffle = !/^(false|0)$/i.test(textOf(child(question, 'shuffleanswers')).trim() || 'true');
      return withExplanation({ ...common, kind: single ? 'single' : 'multi', choices: choices(), ...(shuffle ? {} : { shuffle: false }) });
    }
    case 'truefalse': {
      const read = choices().map((c) => ({ ...c, text: /^true$/i.test(c.text) ? 'True' : /^false$/i.test(c.text) ? 'False' : c.text }));
      return withExplanation({ ...common, kind: 'single', choices: read, shuffle: false });
    }
    case 'ordering': {
      // The ordering plugin keeps each item's right position in `fraction` (1, 2, 3, ...).
      const items = choices();
      const positions = items.map((c) => c.fraction);
      const distinct = new Set(positions).size === items.length && positions.every((p) => p > 0);
      const ordered = distinct ? items.map((c, i) => ({ c, p: positions[i]! })).sort((a, b) => a.p - b.p).map((x) => x.c) : items;
      return withExplanation({ ...common, kind: 'ordering', choices: ordered.map(({ text, feedback }) => ({ text, fraction: 0, ...(feedback ? { feedback } : {}) })) });
    }
    default:
      return lms.unsupportedType(KIND_NAMES[type] ?? (type ? `"${type}"` : 'untyped'));
  }
}

function child(node: unknown, name: string): unknown {
  return node && typeof node === 'object' ? (node as XmlNode)[name] : undefined;
}

function attr(node: unknown, name: string): string | undefined {
  const attributes = child(node, '$') as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return value === undefined ? undefined : String(value);
}

/** The text of an element, or of its <text> child, as Moodle writes both. */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return String(node);
  const inner = (node as XmlNode).text ?? (node as XmlNode)['#text'];
  if (inner === undefined) return '';
  return typeof inner === 'object' ? textOf(inner) : String(inner);
}

/** An element with a format attribute and a <text> child, as plain text. */
function formatted(node: unknown): string {
  return toPlainText(textOf(node), xmlTextFormat(attr(node, 'format')));
}

function formattedAnswer(answer: XmlNode): string {
  return toPlainText(textOf(answer), xmlTextFormat(attr(answer, 'format')));
}

function tagsOf(question: XmlNode): string[] {
  const tags = child(child(question, 'tags'), 'tag') as unknown[] | undefined;
  return Array.isArray(tags) ? tags.map((t) => textOf(t).trim()).filter(Boolean) : [];
}
