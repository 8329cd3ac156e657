import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli.js';

const names = (only?: string) =>
  buildProgram(() => undefined, only)
    .commands.map((c) => c.name())
    .filter((name) => name !== 'help');

describe('the program', () => {
  it('declares exactly the commands COMMANDS names, so a first word picks one of them', () => {
    expect(names().sort()).toEqual([...COMMANDS].sort());
  });

  it('declares only the command a session starts with, with all its options', () => {
    const program = buildProgram(() => undefined, 'train');
    expect(names('train')).toEqual(['train']);
    const train = program.commands.find((c) => c.name() === 'train')!;
    expect(train.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--bank', '--count', '--seed', '--store', '--json']));
  });

  it('keeps subcommands with the command that owns them', () => {
    const certificate = buildProgram(() => undefined, 'certificate').commands.find((c) => c.name() === 'certificate')!;
    expect(certificate.commands.map((c) => c.name())).toContain('verify');
  });
});
