// Writes an export plan as GIFT, in the form Moodle's GIFT importer reads: one question per
// block, HTML text so paragraphs survive, every special character escaped.
import { fractionText } from './fractions.js';
import { categoryPath, questionText, type ExportPlan, type PlannedChoice } from './export-plan.js';
import { escapeHtml, textToHtml } from './text.js';

/** GIFT's special characters, and the backslash that escapes them. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

/** A one-line HTML form of a text for a GIFT answer or feedback: no blank line may end the question. */
function inline(text: string): string {
  return escapeGift(text.trim().split(/\n/).map(escapeHtml).join('<br>'));
}

export function writeGift(plan: ExportPlan): string {
  const { bank } = plan;
  const lines = [
    `// ${bank.title.replace(/\n/g, ' ')}: exported by mot from the bank "${bank.id}".`,
    ...(bank.description ? [`// ${bank.description.trim().replace(/\s*\n\s*/g, ' ')}`] : []),
    '',
    `$CATEGORY: ${categoryPath(bank)}`,
    '',
  ];
  for (const { question, kind, choices, tags } of plan.questions) {
    if (tags.length) lines.push(`// ${tags.map((t) => `[tag:${t}]`).join(' ')}`);
    lines.push(`::${escapeGift(question.localId)}::[html]${escapeGift(textToHtml(questionText(question)))} {`);
    for (const choice of choices) lines.push(`\t${answer(choice, kind)}`);
    if (question.explanation) lines.push(`\t####${inline(question.explanation)}`);
    lines.push('}', '');
  }
  return lines.join('\n');
}

function answer(choice: PlannedChoice, kind: string): string {
  // `=` marks a single-answer question for Moodle; a multiple-answer one has only weights.
  const mark = kind === 'single' && choice.fraction === 100 ? '=' : choice.fraction === 0 ? '~' : `~%${fractionText(choice.fraction)}%`;
  return `${mark}${inline(choice.text)}${choice.feedback ? `#${inline(choice.feedback)}` : ''}`;
}
