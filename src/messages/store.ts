// What the progress store says to people: one voice for both engines.
import { commandName } from '../invocation.js';

/** How the learner started mot, so that every hint is a command they can type as it is. */
const MOT = commandName();

export const STORE_HINT = 'Choose another file with --store PATH (or MOT_STORE).';
export const NOT_OURS_HINT = 'Move it aside if it is yours, or choose another file with --store PATH (or MOT_STORE).';
export const DAMAGED_HINT =
  'mot has not written to it. Put back a backup if you have one; otherwise move it aside (the answers in it are lost) or choose another file with --store PATH (or MOT_STORE).';

export const storeMessages = {
  isFolder: (path: string) => `the progress store ${path} is a folder, not a file.`,
  cannotRead: (path: string, why: string) => `cannot read the progress store ${path}: ${why}.`,
  cannotOpen: (path: string, why: string) => `cannot open the progress store ${path}: ${why}.`,
  cannotUse: (path: string, why: string) => `cannot use the progress store ${path}: ${why}.`,
  cannotCreateFolder: (path: string, why: string) => `cannot create the folder for the progress store ${path}: ${why}.`,
  notOurs: (path: string) => `${path} is not a mot progress store (or it is damaged), so mot has left it untouched.`,
  otherProgram: (path: string) => `${path} is an SQLite database of another program, so mot has left it untouched.`,
  damaged: (path: string, what: string) => `the progress store ${path} is damaged (${what}), so mot has left it untouched.`,
  newerSchema: (where: string, found: number, known: number) =>
    `the progress store ${where} was written by a newer mot (schema ${found}; this mot knows up to ${known}), so mot has left it untouched.`,
  newerSchemaHint: 'Update mot on this machine to use it.',
  badUrl: (url: string) => `the store address ${url} is not a PostgreSQL URL mot can read.`,
  badUrlHint: 'Write it as postgres://USER@HOST:PORT/DATABASE (a password, if any, is best given in PGPASSWORD or ~/.pgpass).',
  unavailable: (where: string, why: string) => `the progress store ${where} cannot be reached: ${why}.`,
  unavailableHint: `Check that the PostgreSQL server is running and reachable from here, then try again; \`${MOT} resume\` continues an unfinished session.`,
  notMotDatabase: (where: string) => `the database ${where} holds tables of another program, so mot has left it untouched.`,
  notMotDatabaseHint: 'Point --store (or MOT_STORE) at an empty database, or one mot created.',
  refused: (where: string, why: string) => `the progress store ${where} refused mot: ${why}.`,
  refusedHint: 'Check the user name, password and database name in the URL (or PGUSER, PGPASSWORD, PGDATABASE).',
} as const;

export const syncMessages = {
  noTarget: 'mot sync needs --to: the store to copy to.',
  noTargetHint: 'For example: mot sync --to postgres://mot@db.example.org/mot',
  noSource: (path: string) => `there is no progress store at ${path} to sync from.`,
  noSourceHint: 'Name the store with --store PATH (or MOT_STORE): the file your sessions were kept in.',
  sameStore: (where: string) => `--to names the store being copied from (${where}); nothing to do.`,
  progress: 'Syncing',
  done: (r: { to: string; learners: number; sessions: { sent: number; new: number }; answers: { sent: number; new: number } }) =>
    r.sessions.sent === 0
      ? `Nothing to sync: this store has no sessions${r.learners === 1 ? ' of that learner' : ''}.`
      : `Synced ${r.learners} learner${r.learners === 1 ? '' : 's'} to ${r.to}: ${r.answers.new} new answer${r.answers.new === 1 ? '' : 's'} (of ${r.answers.sent}), ` +
        `${r.sessions.new} new or newly finished session${r.sessions.new === 1 ? '' : 's'} (of ${r.sessions.sent}).`,
} as const;
