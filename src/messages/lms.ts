// What mot says while moving banks to and from Moodle and results to a learning record store.
import { commandName } from '../invocation.js';

/** How the learner started mot, so that every hint is a command they can type as it is. */
const MOT = commandName();

export const lms = {
  // Import: why a question is left out.
  unsupportedType: (kind: string) =>
    kind === 'description' ? 'a description is text with no question' : `${kind} questions have no equivalent in mot (it holds choice, multi and rank)`,
  unreadableGift: (detail: string) => `it could not be read as GIFT (${detail})`,
  noFullMarks: 'no answer is worth full marks, and a mot choice question needs one that scores 1',
  noCorrectChoice: 'no answer is worth any marks, so there is no correct choice',
  choiceCount: (n: number) => `it has ${n} answer${n === 1 ? '' : 's'}; mot holds 2 to 8 choices`,
  emptyText: 'its text is empty once formatting is removed',
  emptyChoice: 'an answer is empty once formatting is removed',
  sameChoices: (text: string) => `two answers read "${text.slice(0, 40)}" once formatting is removed`,
  orderingUnreadable: 'its answers could not be put in order',

  // Import: what changed on the way in.
  negativeScores: 'negative marks became 0: a mot choice scores 0 to 1',
  multiWeights: (weights: string) =>
    `Moodle's weights (${weights}) cannot be kept exactly: mot scores a multi question max(0, h/C - w/W), so every correct choice now counts the same and every wrong one takes off the same`,
  idRenamed: (from: string, to: string) => `the id "${from}" is used twice; the second is now "${to}"`,

  // Import: the summary.
  imported: (file: string, imported: number, total: number) =>
    total === 0
      ? `${file}: no questions in it (only categories or comments).`
      : `${file}: ${imported} of ${total} question${total === 1 ? '' : 's'} imported${imported < total ? `; ${total - imported} left out:` : '.'}`,
  leftOutLine: (where: string, reason: string) => `  ${where}: left out: ${reason}.`,
  warningLine: (where: string, message: string) => `  ${where}: ${message}.`,
  wrote: (file: string, questions: number) => `Wrote ${file} (${questions} question${questions === 1 ? '' : 's'}); check it with \`${MOT} validate ${file}\`.`,
  nothingImported: (files: string) => `nothing in ${files} could be imported.`,
  nothingImportedHint: 'Every question was of a kind mot cannot hold, or unreadable; the list above says why.',
  unknownFormat: (file: string) => `cannot tell the format of ${file}.`,
  unknownFormatHint: 'Name it .gift or .xml, or say --format gift or --format moodle-xml.',
  unreadableFile: (file: string, why: string) => `cannot read ${file}: ${why}.`,
  readAs: (file: string, encoding: string) => `note: ${file} was read as ${encoding}.`,
  notMoodleXml: (file: string, why: string) => `${file} is not Moodle XML: ${why}.`,
  xmlEntities: 'it declares XML entities, which Moodle never writes; mot does not read them',
  tooLarge: (file: string, mb: number) => `${file} is larger than ${mb} MB.`,
  badId: (option: string, value: string) => `${option} "${value}" is not a usable id.`,
  badIdHint: 'Use lowercase words joined by hyphens, such as front-desk.',
  badIndustry: (value: string) => `--industry "${value}" is not a lowercase word.`,
  badValidation: (problem: string) => `the imported bank does not pass validation (${problem}); this is a bug in mot import.`,

  // Export.
  exportFormatHint: 'Say --format gift or --format moodle-xml.',
  noRankInGift: (id: string) => `${id}: left out: GIFT has no ordering question; export to Moodle XML to keep rank questions.`,
  noMoodleKind: (id: string, kind: string) => `${id}: left out: ${kind} questions have no Moodle equivalent.`,
  scoreMoved: (id: string, choice: number, from: number, to: number) =>
    `${id}: choice ${String.fromCharCode(97 + choice)} scores ${from} in mot; Moodle's nearest fraction is ${to}%, so it scores ${to / 100} there.`,
  orderingGrades:
    'note: Moodle grades ordering questions with its own formula (relative to the correct position), which is close to but not the same as mot\'s rank score.',
  exported: (file: string, questions: number, left: number) =>
    `Wrote ${file} (${questions} question${questions === 1 ? '' : 's'}${left ? `, ${left} left out` : ''}).`,
  noBank: (id: string, loaded: string) => ({ message: `no bank "${id}" is loaded.`, hint: `Loaded banks: ${loaded || 'none'}. Add a folder with --content DIR.` }),
  nothingToExport: (id: string) => `no question of the bank "${id}" can be written in this format.`,

  // xAPI.
  noActivityBase: 'xAPI activity ids need a base IRI.',
  noActivityBaseHint: 'Give --activity-base https://your.org/mot (or set MOT_XAPI_BASE); activity ids are made under it.',
  badActivityBase: (value: string) => `--activity-base "${value}" is not an absolute http(s) IRI.`,
  badHomepage: (value: string) => `--homepage "${value}" is not an absolute http(s) URL.`,
  badSince: (value: string) => `--since "${value}" is not a date.`,
  badSinceHint: 'Use an ISO 8601 date or time, such as 2026-11-01 or 2026-11-01T09:00:00Z.',
  notAnAddress: (learner: string) => `the learner "${learner}" is not an e-mail address, so it cannot be an xAPI mbox.`,
  notAnAddressHint: 'Give --homepage https://your.lms.example to send learners as accounts on that site.',
  badLrs: (value: string) => `--lrs "${value}" is not an http or https URL.`,
  badAuth: '--auth must be user:secret (or set MOT_XAPI_AUTH).',
  badNumber: (option: string, value: string) => `${option} "${value}" is not a whole number of at least 1.`,
  nothingStored: 'no stored answer matches; nothing to send.',
  unknownQuestions: (n: number) =>
    `note: ${n} answer${n === 1 ? ' is' : 's are'} to questions no longer loaded; ${n === 1 ? 'its statement names' : 'their statements name'} the question without describing it (add the bank with --content to describe it).`,
  allSent: (n: number, endpoint: string) => `all ${n} statement${n === 1 ? '' : 's'} were sent to ${endpoint} before; nothing to send.`,
  retrying: (attempt: number, why: string, ms: number) => `the LRS did not take the batch (${why}); try ${attempt + 1} in ${ms / 1000} s.`,
  sent: (n: number, endpoint: string, batches: number, before: number) =>
    `Sent ${n} statement${n === 1 ? '' : 's'} to ${endpoint} in ${batches} batch${batches === 1 ? '' : 'es'}${before ? ` (${before} sent before)` : ''}.`,
  alreadyThere: (n: number) => `${n} statement${n === 1 ? ' was' : 's were'} already in the LRS; counted as sent.`,
  unavailable: (endpoint: string, why: string, sent: number, left: number) =>
    `the LRS at ${endpoint} kept failing (${why}); ${sent} statement${sent === 1 ? '' : 's'} sent, ${left} not yet.`,
  unavailableHint: 'What was sent is remembered; run the same command again to send the rest.',
  refused: (endpoint: string, why: string, sent: number, left: number) => `the LRS at ${endpoint} refused the statements (${why}); ${sent} sent, ${left} not.`,
  refusedHint: 'Check --auth and the LRS address; nothing is sent twice when you run it again.',
};
