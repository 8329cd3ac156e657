// Writes an export plan as Moodle XML, as Moodle 4 exports a quiz: a category, then multichoice
// and (with the qtype_ordering plugin) ordering questions, with HTML text in CDATA and tags.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { fractionText } from './fractions.js';
import { categoryPath, questionText, type ExportPlan } from './export-plan.js';
import { textToHtml } from './text.js';

function htmlText(parent: XMLBuilder, name: string, text: string | undefined): void {
  const node = parent.ele(name, { format: 'html' }).ele('text');
  if (text) node.dat(textToHtml(text));
}

export function writeMoodleXml(plan: ExportPlan): string {
  const { bank } = plan;
  const quiz = create({ version: '1.0', encoding: 'UTF-8' }).ele('quiz');
  quiz.com(' question: 0  ');
  const category = quiz.ele('question', { type: 'category' });
  category.ele('category').ele('text').txt(categoryPath(bank));
  htmlText(category, 'info', bank.description ?? `Exported by mot from the bank "${bank.id}".`);
  category.ele('idnumber');
  for (const { question, kind, choices, tags } of plan.questions) {
    const q = quiz.ele('question', { type: kind === 'ordering' ? 'ordering' : 'multichoice' });
    q.ele('name').ele('text').txt(question.localId);
    htmlText(q, 'questiontext', questionText(question));
    htmlText(q, 'generalfeedback', question.explanation);
    q.ele('defaultgrade').txt('1.0000000');
    q.ele('penalty').txt('0.3333333');
    q.ele('hidden').txt('0');
    q.ele('idnumber').txt(question.localId);
    if (kind === 'ordering') {
      q.ele('layouttype').txt('VERTICAL');
      q.ele('selecttype').txt('ALL');
      q.ele('selectcount').txt('0');
      // The closest of the plugin's grading types to mot's rank score (which is by distance).
      q.ele('gradingtype').txt('RELATIVE_TO_CORRECT');
      q.ele('showgrading').txt('SHOW');
      q.ele('numberingstyle').txt('none');
    } else {
      q.ele('single').txt(kind === 'single' ? 'true' : 'false');
      q.ele('shuffleanswers').txt(question.shuffle ? 'true' : 'false');
      q.ele('answernumbering').txt('abc');
      q.ele('showstandardinstruction').txt('0');
    }
    for (const name of ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback']) htmlText(q, name, undefined);
    if (kind === 'ordering') q.ele('shownumcorrect').txt('1');
    else q.ele('shownumcorrect');
    for (const choice of choices) {
      const a = q.ele('answer', { fraction: kind === 'ordering' ? `${choice.fraction}.0000000` : fractionText(choice.fraction), format: 'html' });
      a.ele('text').dat(textToHtml(choice.text));
      htmlText(a, 'feedback', choice.feedback);
    }
    if (tags.length) {
      const list = q.ele('tags');
      for (const tag of tags) list.ele('tag').ele('text').txt(tag);
    }
  }
  return quiz.end({ prettyPrint: true }) + '\n';
}
