// What both exporters share: which questions a format can hold, each choice's Moodle fraction,
// and one line for every question left out or score moved.
import { kindOf } from '../core/kinds/index.js';
import type { Bank, Question } from '../core/model.js';
import { lms } from '../messages/lms.js';
import { nearestFraction } from './fractions.js';

export type ExportFormat = 'gift' | 'moodle-xml';

/** A choice as the exporters read it, whatever marks its kind gives it. */
export interface ChoiceView {
  text: string;
  score?: number;
  correct?: boolean;
  feedback?: string;
}

export interface PlannedChoice {
  text: string;
  feedback?: string;
  /** Percent, from Moodle's list (choice and multi); the right position, 1-based (rank). */
  fraction: number;
}

export interface PlannedQuestion {
  question: Question;
  kind: 'single' | 'multi' | 'ordering';
  choices: PlannedChoice[];
  tags: string[];
}

export interface ExportPlan {
  bank: Bank;
  questions: PlannedQuestion[];
  /** One line each: questions left out, scores moved to Moodle's fractions. */
  warnings: string[];
  leftOut: number;
}

export function planExport(bank: Bank, format: ExportFormat): ExportPlan {
  const plan: ExportPlan = { bank, questions: [], warnings: [], leftOut: 0 };
  for (const question of bank.questions) {
    const moodle = kindOf(question).moodle;
    const choices = question.choices as readonly ChoiceView[];
    const tags = [...question.tags, ...(question.moment ? [`moment-${question.moment}`] : []), ...(question.stage ? [`stage-${question.stage}`] : [])];
    const leave = (line: string) => {
      plan.warnings.push(line);
      plan.leftOut++;
    };
    if (moodle === 'single') {
      const planned = choices.map((c, i) => {
        const percent = (c.score ?? 0) * 100;
        const { fraction, moved } = nearestFraction(percent);
        if (moved) plan.warnings.push(lms.scoreMoved(question.id, i, c.score ?? 0, fraction));
        return withFeedback({ text: c.text, fraction }, c);
      });
      plan.questions.push({ question, kind: 'single', choices: planned, tags });
    } else if (moodle === 'multi') {
      // +100/C for each correct choice and -100/W for each wrong one: Moodle's sum, clamped to
      // 0..1, is then exactly max(0, h/C - w/W).
      const correct = choices.filter((c) => c.correct === true).length;
      const wrong = choices.length - correct;
      const planned = choices.map((c) =>
        withFeedback({ text: c.text, fraction: c.correct ? nearestFraction(100 / correct).fraction : wrong ? nearestFraction(-100 / wrong).fraction : 0 }, c),
      );
      plan.questions.push({ question, kind: 'multi', choices: planned, tags });
    } else if (moodle === 'ordering') {
      if (format === 'gift') leave(lms.noRankInGift(question.id));
      else plan.questions.push({ question, kind: 'ordering', choices: choices.map((c, i) => withFeedback({ text: c.text, fraction: i + 1 }, c)), tags });
    } else leave(lms.noMoodleKind(question.id, question.type));
  }
  return plan;
}

function withFeedback(choice: PlannedChoice, from: ChoiceView): PlannedChoice {
  return from.feedback ? { ...choice, feedback: from.feedback } : choice;
}

/** The question text Moodle shows: the scenario above the prompt, as paragraphs. */
export function questionText(question: Question): string {
  return question.scenario ? `${question.scenario.trim()}\n\n${question.prompt.trim()}` : question.prompt.trim();
}

/** A Moodle category path for the bank; `/` inside a name is doubled, as Moodle escapes it. */
export function categoryPath(bank: Bank): string {
  return `$course$/top/${bank.title.replace(/\//g, '//')}`;
}
