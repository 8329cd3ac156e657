// The command-line program: every command and option, and the one place that turns errors into
// exit codes and ends the process. Commands are imported only when run, so `mot --help` pays for
// commander alone.
import { existsSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { sanitizeLine, sanitizeText } from './core/sanitize.js';
import { ExitError, isPromptExit, UsageError, UserError } from './errors.js';
import { cliMessages as say } from './messages/cli.js';
import { installStopHandlers, restoreTerminal, stopRequested } from './signals.js';
import { defaultStorePath } from './store/location.js';
import { safeLocation } from './store/open.js';
import { stderr, stdinIsTTY, stdout } from './ui/stdio.js';

declare const MOT_VERSION: string | undefined;
const VERSION = typeof MOT_VERSION === 'string' ? MOT_VERSION : '0.0.0-dev';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function sessionOptions(command: Command, defaultCount: string): Command {
  return command
    .option('-b, --bank <id...>', 'draw from these banks only (the review bank: -b review)')
    .option('-i, --industry <name...>', 'draw from banks of these industries only (with neither -b nor -i: the scenario banks, every industry but general)')
    .option('--moment <m...>', 'only these moments: zero, first, second, third')
    .option('--stage <s...>', 'only these stages: first-contact, delivery, recovery, follow-up')
    .option('--tag <t...>', 'only questions with one of these tags')
    .option('-n, --count <n>', `how many questions (default ${defaultCount}; all of them if fewer exist)`)
    .option('--seed <n>', 'the same seed draws and orders the same questions and choices')
    .option('--no-shuffle', 'questions and choices in the written order')
    .option('--pass-mark <x>', 'the pass mark, 0 to 1 (default: the highest pass_mark of the banks drawn from)')
    .option('--learner <name>', 'whose progress this is (default MOT_LEARNER, else your user name)')
    .option('--store <path>', 'the progress database (a file, or a postgres:// URL)')
    .option('--content <dir>', 'another folder of banks (repeatable; also MOT_CONTENT, :-separated)', collect)
    .option('--json', 'print the result as JSON on stdout; everything else goes to stderr');
}

/** The top-level commands; any other first word (help, a typo, an option) declares them all. */
export const COMMANDS = ['train', 'exam', 'drill', 'resume', 'banks', 'validate', 'lint', 'stats', 'import', 'export', 'report', 'show', 'sync', 'xapi', 'new', 'certificate', 'schema'];

export function buildProgram(setCode: (code: number) => void, only?: string): Command {
  // `mot train …` needs train declared, not all seventeen commands: ~2 ms off every session's start.
  const wanted = (name: string) => only === undefined || only === name;
  const program = new Command('mot')
    .description('Practise the moments of truth of customer service: realistic encounters, scored with partial credit.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // commander echoes what was typed ("unknown option '…'"): through the sanitiser like every other text.
    .configureOutput({
      writeOut: (text) => void stdout().write(sanitizeText(text)),
      writeErr: (text) => void stderr().write(sanitizeText(text)),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Start here:
  mot                      a menu (at a terminal): new hire or exam student
  mot train -i retail      ten practice questions with feedback
  mot exam -n 20           a scored test; review at the end
  mot drill                spaced-repetition review of what is due
  mot drill -b review      the exam-review bank, left out unless asked for
  mot validate my-banks/   check bank files you have written

Scripted: without a terminal, answers are read one per line from stdin:
  printf 'b\\na,c\\nc\\n' | mot exam -b retail -n 3 --no-shuffle --json`,
    )
    .action(async (_options, command: Command) => {
      if (stdinIsTTY() && stdout().isTTY) {
        const { menu } = await import('./commands/menu.js');
        await menu({});
      } else command.outputHelp();
    });

  if (wanted('train')) {
    sessionOptions(program.command('train').description('practice: feedback, the best answer and why, after every answer'), '10').action(
      async (options) => {
        const { practise } = await import('./commands/practise.js');
        await practise('train', options);
      },
    );
  }
  if (wanted('exam')) {
    sessionOptions(program.command('exam').description('a test: no feedback until the end, then the score, pass or fail and a review'), '20').action(
      async (options) => {
        const { practise } = await import('./commands/practise.js');
        await practise('exam', options);
      },
    );
  }
  if (wanted('drill')) {
    sessionOptions(program.command('drill').description('spaced repetition: the questions due for review, most overdue first, then new ones'), '20')
      .addOption(new Option('--new <n>', 'new questions a day at most').default('10'))
      .action(async (options) => {
        const { drill } = await import('./commands/drill.js');
        await drill(options);
      });
  }
  if (wanted('resume')) {
    program
      .command('resume')
      .description('continue an unfinished session where it stopped')
      .option('--session <id>', 'which session (default: the newest unfinished one)')
      .option('--learner <name>', 'whose session')
      .option('--store <path>', 'the progress database')
      .option('--content <dir>', 'another folder of banks (repeatable)', collect)
      .option('--json', 'print the result as JSON on stdout')
      .action(async (options) => {
        const { resume } = await import('./commands/resume.js');
        await resume(options);
      });
  }
  if (wanted('banks')) {
    program
      .command('banks')
      .description('the loaded banks: id, title, industry, question counts, file')
      .option('--content <dir>', 'another folder of banks (repeatable)', collect)
      .option('--json', 'as JSON')
      .action(async (options) => {
        const { banks } = await import('./commands/banks.js');
        await banks(options);
      });
  }
  if (wanted('validate')) {
    program
      .command('validate')
      .description('check bank files or folders; every problem as file:line:col: message')
      .argument('[paths...]', 'files or folders (default: every loaded bank)')
      .option('--content <dir>', 'with no paths: also check this folder (repeatable)', collect)
      .addOption(new Option('--format <format>', 'text, or json for tools').choices(['text', 'json']).default('text'))
      .action(async (paths: string[], options) => {
        const { validate } = await import('./commands/validate.js');
        setCode(await validate(paths, options));
      });
  }
  if (wanted('lint')) {
    program
      .command('lint')
      .description('check the wording of banks: what lets a test-wise reader find the key without judgement')
      .argument('[paths...]', 'files or folders (default: every loaded bank)')
      .option('--content <dir>', 'with no paths: also lint this folder (repeatable)', collect)
      .addOption(new Option('--format <format>', 'text, or json for tools').choices(['text', 'json']).default('text'))
      .option('--strict', 'exit 1 when there is any warning')
      .option('--rule <codes>', 'run only these rules (comma-separated; repeatable)', collect)
      .option('--ignore <codes>', 'leave these rules out (comma-separated; repeatable)', collect)
      .option('--explain <code>', 'why a rule matters and how to fix what it finds')
      .action(async (paths: string[], options) => {
        const { lint } = await import('./commands/lint.js');
        setCode(await lint(paths, options));
      });
  }
  if (wanted('stats')) {
    program
      .command('stats')
      .description("a learner's progress: sessions, scores over time, weakest areas and questions, what is due")
      .option('--learner <name>', 'whose progress')
      .option('--store <path>', 'the progress database')
      .option('--content <dir>', 'another folder of banks (repeatable)', collect)
      .option('--json', 'as JSON')
      .action(async (options) => {
        const { stats } = await import('./commands/stats.js');
        await stats(options);
      });
  }
  if (wanted('import')) {
    program
      .command('import')
      .description('turn GIFT or Moodle XML questions into a bank file; lists what mot cannot hold')
      .argument('<files...>', '.gift or .xml files (one bank from all of them)')
      .option('-o, --output <file>', 'write the bank here (default: stdout)')
      .addOption(new Option('--format <format>', 'the input format (default: from the extension)').choices(['gift', 'moodle-xml']))
      .option('--bank <id>', 'the bank id (default: from the category or the title)')
      .option('--title <title>', 'the bank title (default: the first category, else the file name)')
      .option('--industry <name>', 'the industry (default: general)')
      .action(async (files: string[], options) => {
        const { importQuiz } = await import('./commands/import.js');
        await importQuiz(files, options);
      });
  }
  if (wanted('export')) {
    program
      .command('export')
      .description('write a bank as GIFT or Moodle XML for Moodle')
      .requiredOption('-b, --bank <id>', 'the bank to export')
      .addOption(new Option('--format <format>', 'gift or moodle-xml').choices(['gift', 'moodle-xml']).makeOptionMandatory())
      .option('-o, --output <file>', 'write it here (default: stdout)')
      .option('--content <dir>', 'another folder of banks (repeatable)', collect)
      .action(async (options) => {
        const { exportBank } = await import('./commands/export.js');
        await exportBank(options);
      });
  }
  if (wanted('report')) {
    program
      .command('report')
      .description('how the questions perform (item analysis), rolled up by bank, moment and stage; `mot report learners`: who has trained')
      .argument('[table]', 'items (the default) or learners')
      .option('--attempts <which>', "first: each learner's first attempt at each bank (default); all: every session")
      .option('--modes <list>', 'the session modes counted, comma-separated: exam (default), train, drill')
      .option('--since <date>', 'only sessions started (answers given) at or after this date, ISO 8601')
      .option('--learner <name>', 'one learner only')
      .option('-b, --bank <id...>', 'these banks only')
      .option('-i, --industry <name...>', 'banks of these industries only')
      .option('--moment <m...>', 'questions of these moments only: zero, first, second, third')
      .option('--stage <s...>', 'questions of these stages only: first-contact, delivery, recovery, follow-up')
      .option('--tag <t...>', 'questions with one of these tags only')
      .addOption(new Option('--format <format>', 'text, csv, json or html').choices(['text', 'csv', 'json', 'html']).default('text'))
      .option('--json', 'the same as --format json')
      .addOption(new Option('--table <table>', 'with csv: which table (default: the argument, else items)').choices(['items', 'learners']))
      .option('-o, --output <path>', 'write to this file (csv: a folder gets items.csv and learners.csv)')
      .option('--store <path>', 'the progress store: a file, or a postgres:// URL (default MOT_STORE)')
      .option('--content <dir>', 'another folder of banks (repeatable)', collect)
      .addHelpText(
        'after',
        `
What counts (as in Moodle's quiz statistics):
  An attempt is a session. By default each learner's FIRST exam attempt at each bank counts:
  their earliest exam session with an answer to one of that bank's questions, finished or not
  (sessions started at the same instant: the one stored first). --attempts all counts every
  session; --modes exam,train,drill widens the sessions considered, and the first attempt is
  then the earliest of those. --since and --learner narrow the sessions before the first is
  chosen; -b, -i, --moment, --stage and --tag only choose which questions are shown.

Figures per question:
  n               the counted answers
  facility        their mean score
  discrimination  Pearson's r, across the counted attempts, of the question's score with the
                  mean score of the other questions answered in the same attempt (attempts
                  with no other question are left out); "-" (JSON null) when either has no
                  variance, as when everyone got it right
  choices         in written order: how many picked each (rank: placed it first; best-worst:
                  named it best / worst) and the share
Flags (only from 20 answers; below that, few-answers): too-easy (facility > 0.9), too-hard
(< 0.3), negative-discrimination (< 0), low-discrimination (< 0.2, so a negative one has both),
unused-choice (a wrong choice picked by under 5%).

Examples:
  mot report                                 the item table in the terminal
  mot report --format html -o report.html    one self-contained page to share or print
  mot report learners --format csv > hr.csv  learner, bank, finished, score, passed, ...
  mot report --format json --attempts all --modes exam,train`,
      )
      .action(async (table: string | undefined, options) => {
        const { report } = await import('./commands/report.js');
        await report(table, options);
      });
  }
  if (wanted('show')) {
    program
      .command('show')
      .description("a question as the learner sees it, then the key, each choice's feedback, the explanation and its report line")
      .argument('<id>', 'bank/question (or the question id alone, when only one bank has it)')
      .addOption(new Option('--format <format>', 'text, or json').choices(['text', 'json']).default('text'))
      .option('--store <path>', 'the progress store for the report line (default MOT_STORE, else the default file if it exists)')
      .option('--content <dir>', 'another folder of banks (repeatable)', collect)
      .action(async (id: string, options) => {
        const { show } = await import('./commands/show.js');
        await show(id, options);
      });
  }
  if (wanted('sync')) {
    program
      .command('sync')
      .description("copy this store's sessions and answers to another (the organisation's PostgreSQL); safe to run again")
      .requiredOption('--to <store>', 'where to copy to: a postgres:// URL (or a file)')
      .option('--store <path>', 'the store to copy from (default MOT_STORE, else ~/.local/share/mot/mot.db)')
      .option('--learner <name>', 'only this learner (default: every learner in the store)')
      .addOption(new Option('--format <format>', 'text, or json').choices(['text', 'json']).default('text'))
      .action(async (options) => {
        const { sync } = await import('./commands/sync.js');
        await sync(options);
      });
  }
  if (wanted('xapi')) {
    const xapi = program.command('xapi').description('answers and sessions as xAPI statements, for a learning record store');
    const xapiFilters = (command: Command) =>
      command
        .option('--since <date>', 'only answers given (sessions started) at or after this date or time')
        .option('--learner <name>', 'one learner only')
        .option('-b, --bank <id...>', 'answers to these banks only')
        .option('--activity-base <iri>', 'activity ids are made under this IRI (default MOT_XAPI_BASE)')
        .option('--homepage <url>', 'learners as accounts on this site (default: the learner name is an e-mail address)')
        .option('--store <path>', 'the progress store: a file, or a postgres:// URL (default MOT_STORE)')
        .option('--content <dir>', 'another folder of banks (repeatable)', collect);
    xapiFilters(xapi.command('export').description('print the statements as JSON lines')).action(async (options) => {
      const { xapiExport } = await import('./commands/xapi.js');
      await xapiExport(options);
    });
    xapiFilters(xapi.command('send').description('post the statements not yet sent to an LRS, in batches; resumes after a failure'))
      .requiredOption('--lrs <url>', 'the LRS endpoint (its Statements API is <url>/statements)')
      .option('--auth <user:secret>', 'HTTP Basic credentials (default MOT_XAPI_AUTH)')
      .option('--batch <n>', 'statements per request (default 50)')
      .option('--timeout <s>', 'seconds to wait for each answer (default 30)')
      .option('--retries <n>', 'tries again after a 5xx answer, a timeout or a dropped connection (default 5)')
      .action(async (options) => {
        const { xapiSend } = await import('./commands/xapi.js');
        await xapiSend(options);
      });
  }
  if (wanted('new')) {
    program
      .command('new')
      .description('scaffold a bank file that passes `mot validate` and `mot lint` at once; asks in a terminal, flags otherwise')
      .argument('[file]', 'where to write it (default: ID.yaml here); an existing file is never overwritten')
      .option('--id <bank>', 'the bank id (lowercase words joined by hyphens)')
      .option('--title <text>', 'the title (default: from the id)')
      .option('--industry <name>', 'retail, healthcare, hospitality, general or your own word (default general)')
      .option('--question-id <id>', 'the first question id (default first-question)')
      .option('--scenario <text>', 'the first encounter, in the second person')
      .option('--prompt <text>', 'the question to the learner')
      .option('--best <text>', 'the most effective response (score 1)')
      .option('--partial <text>', 'a partly right response (score 0.5)')
      .option('--wrong <text>', 'a wrong but tempting response (score 0)')
      .action(async (file: string | undefined, options) => {
        const { newBank } = await import('./commands/new.js');
        await newBank(file, options);
      });
  }
  if (wanted('certificate')) {
    const certificate = program
      .command('certificate')
      .description("a one-page PDF for a learner's best passed, finished exam at a bank; `mot certificate verify CODE` checks one")
      .option('--learner <name>', 'whose certificate')
      .option('-b, --bank <id>', 'the bank of the exam')
      .option('-o, --output <file>', 'where to write the PDF (default: certificate-LEARNER-BANK.pdf)')
      .option('--org <name>', 'the organisation named on it (default MOT_ORG)')
      .option('--name <text>', "the learner's name as printed (default: the learner)")
      .option('--store <path>', 'the progress store: a file, or a postgres:// URL (default MOT_STORE)')
      .option('--content <dir>', 'another folder of banks, for the bank title (repeatable)', collect)
      .action(async (options) => {
        const { certificate } = await import('./commands/certificate.js');
        await certificate(options);
      });
    certificate
      .command('verify')
      .description('find the exam a verification code was made from')
      .argument('<code>', 'the code printed on the certificate, like 7K2Q-9XHD-M4TB')
      .option('--store <path>', 'the progress store (default MOT_STORE)')
      .addOption(new Option('--format <format>', 'text, or json').choices(['text', 'json']).default('text'))
      .action(async (code: string, options) => {
        const { verifyCertificate } = await import('./commands/certificate.js');
        await verifyCertificate(code, options);
      });
  }
  if (wanted('schema')) {
    program
      .command('schema')
      .description('print the JSON Schema of bank files (for editors)')
      .action(async () => {
        const { printSchema } = await import('./commands/schema.js');
        printSchema();
      });
  }
  finishDeclarations(program);
  return program;
}

/**
 * What holds for every command, whoever declared it: `--store` says which store will really be
 * used (MOT_STORE and XDG_DATA_HOME as they are now), `help` works wherever there are
 * subcommands, and a store that keeps nothing is refused before the command starts.
 */
function finishDeclarations(program: Command): void {
  const where = say.storeDefault(safeLocation(defaultStorePath()), Boolean(process.env.MOT_STORE));
  const walk = (command: Command) => {
    for (const option of command.options) {
      if (option.long !== '--store') continue;
      const [, base = option.description, old = ''] = /^(.*?)\s*(\(default[^)]*\))\s*$/.exec(option.description) ?? [];
      option.description = `${base} (${where}${/if it exists/.test(old) ? ', if it exists' : ''})`;
    }
    if (command.commands.length > 0) command.helpCommand(true);
    command.commands.forEach(walk);
  };
  walk(program);
  program.addHelpText('after', `\n${say.storeNow(safeLocation(defaultStorePath()), Boolean(process.env.MOT_STORE))}`);
  program.hook('preAction', (_program, action) => {
    refuseMemoryStore(action);
    refuseMissingContent(action);
  });
}

/** A `--content` folder that is not there is a typo to point at, not an empty shelf of banks. */
function refuseMissingContent(action: Command): void {
  const folders = action.opts<{ content?: unknown }>().content;
  if (!Array.isArray(folders)) return;
  for (const folder of folders as string[]) if (!existsSync(folder)) throw new UsageError(say.missingContent(folder), say.missingContentHint);
}

/** `:memory:` (or an SQLite URI to one) would take every answer and keep none of them. */
function refuseMemoryStore(action: Command): void {
  const options = action.opts<{ store?: string; to?: string }>();
  const takesStore = action.options.some((o) => o.long === '--store');
  const candidates: [string, string | undefined][] = [
    ['--store', options.store],
    ['MOT_STORE=', takesStore && !options.store ? process.env.MOT_STORE : undefined],
    ['--to', action.options.some((o) => o.long === '--to') ? options.to : undefined],
  ];
  for (const [where, value] of candidates)
    if (typeof value === 'string' && /^(?::memory:|file:.*(?::memory:|[?&]mode=memory))/i.test(value.trim()))
      throw new UsageError(say.memoryStore(where === 'MOT_STORE=' ? `MOT_STORE=${value}` : `${where} ${value}`), say.memoryStoreHint);
}

/** Runs mot with these arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const [first] = argv.slice(2);
  const program = buildProgram(
    (c) => {
      code = c;
    },
    first !== undefined && COMMANDS.includes(first) ? first : undefined,
  );
  try {
    const unknown = unknownCommand(program, argv.slice(2), []);
    if (unknown) throw unknown;
    await program.parseAsync(argv);
  } catch (err) {
    code = report(err);
  }
  // A session stopped by SIGTERM or SIGHUP unwinds like Ctrl-C; the code says which it was.
  return stopRequested()?.code ?? code;
}

/**
 * mot's whole run, for bin/mot.js: the command, then the end of the process once everything
 * written has left it (a pipe takes writes asynchronously, and exiting earlier cuts the output).
 * A reader that closed the pipe ends mot quietly; any other write error is a message and 1.
 */
export async function run(argv: string[]): Promise<never> {
  const streams = watchStreams();
  const end = async (code: number, within?: number) => {
    const flushed = Promise.all([drained(stdout()), drained(stderr())]);
    await (within === undefined ? flushed : Promise.race([flushed, new Promise((r) => setTimeout(r, within).unref())]));
    const final = streams.settle(code);
    await drained(stderr());
    process.exit(final);
  };
  installStopHandlers((code) => void end(code, 1000));
  process.on('uncaughtException', (err) => {
    restoreTerminal();
    void end(report(err), 1000);
  });
  return end(await main(argv)) as Promise<never>;
}

/** Resolves once what was written to the stream has been handed to the system, or cannot be. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    try {
      stream.write('', () => resolve());
    } catch {
      resolve();
    }
  });
}

/** Write errors on stdout and stderr, kept from becoming uncaught exceptions and remembered. */
function watchStreams(): { settle(code: number): number } {
  let failure: NodeJS.ErrnoException | undefined;
  let stderrFailed = false;
  const watch = (stream: NodeJS.WriteStream) =>
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (stream === stderr()) stderrFailed = true;
      // EPIPE: the reader has gone (`| head -1`), which is its right. ERR_STREAM_DESTROYED: a
      // write after an earlier error, already counted.
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
      failure ??= err;
    });
  watch(stdout());
  watch(stderr());
  return {
    settle(code) {
      if (!failure) return code;
      if (!stderrFailed) stderr().write(`mot: ${say.writeFailed(writeReason(failure))}\n  ${say.writeFailedHint}\n`);
      return code === 0 ? 1 : code;
    },
  };
}

function writeReason(err: NodeJS.ErrnoException): string {
  const text = err.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
  return err.code && !text.includes(err.code) ? `${text} (${err.code})` : text;
}

/**
 * An operand that names no command is refused here, before commander sees it: commander would
 * take `mot trian` for an argument of the menu, and `mot trian --help` for a request for help.
 */
function unknownCommand(command: Command, args: string[], path: string[]): UsageError | undefined {
  if (command.commands.length === 0) return undefined;
  let i = 0;
  while (i < args.length) {
    const arg = args[i]!;
    if (arg === '--') return undefined;
    if (!arg.startsWith('-') || arg === '-') break;
    const option = command.options.find((o) => o.long === arg.split('=')[0] || o.short === arg);
    i += option && (option.required || option.optional) && !arg.includes('=') ? 2 : 1;
  }
  const name = args[i];
  if (name === undefined) return undefined;
  const names = command.commands.map((c) => c.name());
  if (name === 'help') {
    const topic = args[i + 1];
    return topic === undefined || topic.startsWith('-') || names.includes(topic) ? undefined : refusal(topic, names, path);
  }
  const sub = command.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (sub) return unknownCommand(sub, args.slice(i + 1), [...path, name]);
  // A command with arguments of its own (`mot report learners`) reads its operands itself.
  if (command.registeredArguments.length > 0) return undefined;
  return refusal(name, names, path);
}

function refusal(name: string, names: string[], path: string[]): UsageError {
  return new UsageError(say.unknownCommand(name, closest(name, names)), say.unknownCommandHint(path.join(' '), [...names, 'help']));
}

/** The command a typo most likely meant: the fewest edits (a swap of neighbours counts one), at most 2. */
function closest(typed: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.max(1, Math.floor(typed.length / 3)));
  for (const name of names) {
    const distance = name.startsWith(typed) && typed.length >= 2 ? 0.5 : editDistance(typed.toLowerCase(), name);
    if (distance <= bestDistance) {
      if (distance === bestDistance && best !== undefined) continue;
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  return d[a.length]![b.length]!;
}

function report(err: unknown): number {
  const debug = process.env.MOT_DEBUG === '1';
  if (err instanceof CommanderError) {
    // commander has printed its message already.
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof ExitError) {
    if (err.message) stderr().write(sanitizeText(err.message) + '\n');
    return err.exitCode;
  }
  if (isPromptExit(err)) {
    stderr().write('\nStopped.\n');
    return 130;
  }
  if (err instanceof UserError) {
    // Messages quote what the user gave (option values, file names, scripted lines): no controls.
    stderr().write(`mot: ${sanitizeText(err.message)}\n`);
    if (err.hint) stderr().write(`  ${sanitizeText(err.hint)}\n`);
    if (debug && err.stack) stderr().write(err.stack + '\n');
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  stderr().write(`mot: internal error: ${sanitizeLine(message.split('\n')[0] ?? '')}\n`);
  stderr().write(debug && err instanceof Error && err.stack ? err.stack + '\n' : '  Run again with MOT_DEBUG=1 for details, and report it.\n');
  return 1;
}
