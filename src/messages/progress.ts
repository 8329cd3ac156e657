// What stats and drill say about reviews: one set of words for "due", so both commands read alike.
// "due now" is due at or before this moment; "due today" is due before the end of the learner's
// day and includes what is due now.
import type { DueFigures } from '../core/progress.js';
import { commandName } from '../invocation.js';

/** How the learner started mot, so that every hint is a command they can type as it is. */
const MOT = commandName();

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const progressMessages = {
  /** "Due for review: 3 now, 5 by the end of today." The one sentence both commands use for the figures. */
  due(due: DueFigures): string {
    if (due.today === 0) return 'Nothing is due for review today.';
    return `Due for review: ${due.now === 0 ? 'none' : due.now} now, ${due.today} by the end of today.`;
  },
  nextReviews(next: readonly { date: string; count: number }[]): string {
    if (next.length === 0) return 'No later reviews are scheduled.';
    return 'Next reviews: ' + next.map((n) => `${n.count} on ${n.date}`).join(', ') + '.';
  },
  /** Due now in banks the current selection leaves out, with the command that drills them. */
  elsewhere(byBank: Readonly<Record<string, number>>): string | undefined {
    const banks = Object.keys(byBank);
    if (banks.length === 0) return undefined;
    const n = Object.values(byBank).reduce((a, b) => a + b, 0);
    return `Not in this drill: ${plural(n, 'question')} due now in ${banks.join(', ')}: \`${MOT} drill -b ${banks.join(' ')}\`.`;
  },
  /** Which drill takes what is due today: the default one (scenario banks) and, named, the review banks. */
  drillFor(inDefault: number, review: readonly { bank: string; today: number }[]): string {
    const parts = inDefault > 0 ? [`\`${MOT} drill\`` + (review.length > 0 ? ` (${inDefault})` : '')] : [];
    for (const r of review) parts.push(`\`${MOT} drill -b ${r.bank}\` (${r.today})`);
    return `Run ${parts.join(' and ')}.`;
  },
  dueNotLoaded: (n: number) =>
    `Not counted: ${n} due today from questions not loaded (give their folder with --content; otherwise they were retired).`,
  sessions: (n: number) => plural(n, 'session'),
  drillStart: (reviews: number, fresh: number, dueNow: number) =>
    `Drill: ${reviews} due for review, ${fresh} new.` + (dueNow > reviews ? ` (${reviews} of the ${dueNow} due now: --count sets how many.)` : ''),
  /** After a drill that left questions due now (--count, or answers that ran out). */
  again: 'Run the same drill again for those due now.',
  nothingDue: (newPerDay: number, unseenLeft: boolean) =>
    !unseenLeft
      ? 'Nothing is due now, and every question here has been answered before.'
      : newPerDay === 0
        ? 'Nothing is due now, and --new 0 asks no new questions.'
        : `Nothing is due now, and today's ${newPerDay} new questions are done.`,
};
