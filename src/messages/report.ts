// What the trainer's desk says: the report, show, new and certificate commands.
import type { Flag } from '../core/report/items.js';
import { commandName } from '../invocation.js';

/** How the learner started mot, so that every hint is a command they can type as it is. */
const MOT = commandName();

export const ATTEMPTS_EXPLAINED =
  "An attempt is a session. By default each learner's first exam attempt at each bank counts: their earliest exam session " +
  "with an answer to one of that bank's questions (finished or not), as Moodle's quiz statistics count first attempts. " +
  '--attempts all counts every session; --modes widens the sessions considered (the first is then the earliest of those).';

export const FIGURES_EXPLAINED =
  'facility: the mean score of the counted answers. discrimination: the Pearson correlation, across the counted attempts, of the ' +
  "question's score with the mean score of the other questions answered in the same attempt (attempts with no other question " +
  'are left out); undefined ("-", null in JSON) when either side has no variance, as when everyone got it right.';

export const FLAG_MEANINGS: Record<Flag, string> = {
  'too-easy': 'facility above 0.9: it tells learners apart little',
  'too-hard': 'facility below 0.3: check the key and the wording',
  'negative-discrimination': 'stronger learners do worse on it than weaker ones: often a wrong key',
  'low-discrimination': 'discrimination below 0.2: it barely separates stronger from weaker learners',
  'unused-choice': 'a wrong choice picked by under 5%: it distracts nobody; rewrite or drop it',
  'few-answers': 'fewer than 20 counted answers: the other flags wait until there are more',
};

export const reportSay = {
  policy: (attempts: string, modes: readonly string[]) =>
    attempts === 'first' ? `first ${modes.join('/')} attempt of each learner at each bank` : `every ${modes.join('/')} session`,
  noAnswers: 'No counted answers yet: nothing to analyse.',
  noAnswersHint: (modes: readonly string[]) =>
    modes.length === 1 && modes[0] === 'exam'
      ? 'The report counts exams by default; `--modes exam,train,drill` counts practice too.'
      : 'Loosen --since, --learner or the question filters.',
  noLearners: 'No learner has a session in scope yet.',
  badModes: (value: string) => `--modes "${value}" is not a list of train, exam, drill.`,
  badSince: (value: string) => `--since "${value}" is not a date mot can read.`,
  badSinceHint: 'Use ISO 8601: 2026-12-01, or 2026-12-01T09:00:00Z.',
  badTable: (value: string) => `the table "${value}" is not one of: items, learners.`,
  tableMismatch: (argument: string, option: string) => `the table is named twice, as "${argument}" and --table "${option}".`,
  csvFolder: (path: string) => `${path} is a folder: the CSV of every table goes there as items.csv and learners.csv.`,
  wrote: (path: string) => `wrote ${path}`,
  htmlNeedsFile: 'an HTML report is a file: give it one with -o report.html, or redirect stdout into one.',
  retired: (n: number) => `${n} answered question${n === 1 ? ' is' : 's are'} in no loaded bank any more and ${n === 1 ? 'is' : 'are'} left out.`,
  unanswered: (n: number) => `${n} question${n === 1 ? '' : 's'} in scope had no counted answer.`,
  cannotWrite: (path: string, why: string) => `cannot write ${path}: ${why}.`,
  noStore: (path: string) => `there is no progress store at ${path}: nobody has trained with it yet.`,
  noStoreHint: 'Point --store (or MOT_STORE) at the file or postgres:// URL your learners use.',
} as const;

export const showSay = {
  noSuchQuestion: (id: string) => `no question "${id}" is loaded.`,
  noSuchQuestionHint: (similar: readonly string[]) =>
    similar.length ? `Did you mean ${similar.join(', ')}?` : `Write it as bank/question; \`${MOT} banks\` lists the banks.`,
  ambiguous: (id: string, matches: readonly string[]) => `"${id}" is a question of several banks: ${matches.join(', ')}.`,
  ambiguousHint: 'Write it as bank/question.',
  reportLine: (attempts: string, modes: readonly string[]) => `In the report (${reportSay.policy(attempts, modes)})`,
  notAnswered: 'No counted answer yet.',
} as const;

export const newSay = {
  needsId: 'without a terminal, mot new needs --id (and --title, --industry).',
  needsIdHint: 'For example: mot new --id front-desk --title "Front desk" --industry hospitality',
  badId: (what: string, value: string) => `the ${what} "${value}" breaks the id rule: lowercase letters and digits in words joined by single hyphens (front-desk, ward-3).`,
  badIndustry: (value: string) => `the industry "${value}" must be one lowercase word (retail, healthcare, hospitality, general, or your own sector such as airline).`,
  emptyTitle: `the title is empty; give the bank a title people will recognise in \`${MOT} banks\`.`,
  exists: (path: string) => `${path} already exists; mot new never overwrites a file.`,
  existsHint: 'Choose another file name (mot new FILE) or another --id.',
  noFolder: (path: string) => `cannot write ${path}: its folder does not exist.`,
  wrote: (path: string, id: string) => `Wrote ${path}: the bank "${id}" with one question.`,
  clean: `It passes \`${MOT} validate\` and \`${MOT} lint\`.`,
  findings: (n: number) => `mot lint has ${n} remark${n === 1 ? '' : 's'} on the wording you gave (warnings, not errors):`,
  next: (path: string, dir: string, id: string) =>
    `Next: replace the placeholder text, add questions, then check with \`${MOT} validate ${path}\` and \`${MOT} lint ${path}\`; practise with \`${MOT} train --content ${dir} -b ${id}\`.`,
  placeholders: {
    description: `What this bank trains, in a sentence or two (shown by \`${MOT} banks\`).`,
    scenario: 'Tell the encounter in the second person: where you are, who arrives, and what they say or do.',
    prompt: 'What do you do first?',
    best: 'The most effective response, written as plainly as the others.',
    partial: 'A response that is partly right but has a real drawback.',
    wrong: 'A tempting response that a new colleague might well choose.',
    bestFeedback: 'Why this response works for the customer at this moment.',
    partialFeedback: 'What this response gets right, and what it still misses.',
    wrongFeedback: 'Why it feels right, and why it lets the customer down.',
    explanation: 'The principle behind the best response, in a few sentences: what a trainer would say.',
  },
} as const;

export const certificateSay = {
  needsLearnerAndBank: 'mot certificate needs --learner and -b BANK.',
  needsLearnerAndBankHint: 'For example: mot certificate --learner sam -b retail-floor -o sam.pdf',
  noExam: (learner: string, bank: string) => `${learner} has no exam at the bank "${bank}" in this store, so there is no certificate to make.`,
  unfinished: (learner: string, bank: string) => `${learner} has not finished an exam at "${bank}": a certificate needs a finished, passed exam.`,
  unfinishedHint: `An unfinished exam can be completed with \`${MOT} resume\`.`,
  failed: (learner: string, bank: string, score: string, mark: string) =>
    `${learner}'s best finished exam at "${bank}" scored ${score}, below the pass mark of ${mark}: no certificate.`,
  failedHint: `A certificate is made for a passed exam only; another attempt with \`${MOT} exam\` may pass.`,
  wrote: (path: string, code: string) => `wrote ${path} (verification code ${code})`,
  cannotWrite: (path: string, why: string) => `cannot write ${path}: ${why}.`,
  badCode: (code: string) => `"${code}" is not a verification code: it has 12 letters and digits, like 7K2Q-9XHD-M4TB.`,
  unknownCode: (code: string) => `no exam in this store has the verification code ${code}.`,
  unknownCodeHint: 'Check the code on the certificate, and that --store (or MOT_STORE) is the store the certificate came from.',
  verified: (code: string) => `${code} is genuine:`,
} as const;
