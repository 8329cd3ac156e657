// What the command line itself says: unknown commands, options it refuses, scripted lines that
// do not fit, and output that could not be written.
import { commandName } from '../invocation.js';

export const cliMessages = {
  unknownCommand: (name: string, suggestion: string | undefined) =>
    `unknown command '${name}'${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  unknownCommandHint: (parent: string, commands: string[]) => {
    const command = parent ? `${commandName()} ${parent}` : commandName();
    return `${parent ? `The commands of \`${command}\`` : 'The commands'}: ${commands.join(', ')}; \`${command} --help\` says what each does.`;
  },
  lineTooLong: (line: number) => `line ${line}: too long (an answer is a few letters; this line is over 64 KiB).`,
  badLine: (line: number, why: string) => `line ${line}: ${why}.`,
  scriptedHint:
    'Scripted answers are one line per question: a letter (b), letters for multi (a,c) or every letter best first for rank (c,a,d,b).',
  memoryStore: (given: string) => `${given} keeps nothing: every answer would be lost when mot ends.`,
  memoryStoreHint: 'Give a file (it is created if missing) or a postgres:// URL; for a throw-away run, a file in /tmp.',
  missingContent: (folder: string) => `--content ${folder}: no such folder.`,
  missingContentHint: 'Give a folder (or a file) of bank files; the built-in banks are always loaded.',
  writeFailed: (reason: string) => `could not write the output: ${reason}.`,
  writeFailedHint: 'Check that the disk or device it goes to has room and accepts writes.',
  storeNow: (path: string, fromEnv: boolean) =>
    `Progress is kept in ${path}${fromEnv ? ' (from MOT_STORE)' : ''}; --store or MOT_STORE chooses another file or a postgres:// URL.`,
  storeDefault: (path: string, fromEnv: boolean) => `default ${fromEnv ? 'MOT_STORE: ' : ''}${path}`,
} as const;
