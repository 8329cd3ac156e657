// `mot new`: scaffolds a bank file that validates and lints clean as written. In a terminal it
// asks (id, title, industry, a first question); otherwise it takes flags. It never overwrites.
import { input, select } from '@inquirer/prompts';
import { writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { builtInContentDir } from '../banks/load-banks.js';
import { parseBank } from '../banks/parse-bank.js';
import { lintBanks } from '../core/lint/index.js';
import { BUILT_IN_INDUSTRIES, ID_PATTERN, INDUSTRY_PATTERN } from '../core/model.js';
import { UsageError, UserError } from '../errors.js';
import { newSay as say } from '../messages/report.js';
import { makeOutput, type Output } from '../ui/output.js';
import { stdinIsTTY, stdout } from '../ui/stdio.js';

export interface NewOptions {
  id?: string;
  title?: string;
  industry?: string;
  questionId?: string;
  scenario?: string;
  prompt?: string;
  best?: string;
  partial?: string;
  wrong?: string;
}

export interface BankDraft {
  id: string;
  title: string;
  industry: string;
  questionId: string;
  scenario?: string;
  prompt?: string;
  best?: string;
  partial?: string;
  wrong?: string;
}

/** What `mot new` asks in a terminal; tests and scripts stand in for it. */
export interface DraftAsker {
  (defaults: NewOptions, check: (field: keyof BankDraft, value: string) => string | undefined): Promise<BankDraft>;
}

export interface NewIo {
  output?: Output;
  interactive?: boolean;
  ask?: DraftAsker;
  cwd?: string;
}

export async function newBank(file: string | undefined, options: NewOptions, io: NewIo = {}): Promise<void> {
  const out = io.output ?? makeOutput();
  const interactive = io.interactive ?? (stdinIsTTY() && stdout().isTTY === true);
  let draft: BankDraft;
  if (interactive && !options.id) draft = await (io.ask ?? askDraft)(options, check);
  else {
    if (!options.id) throw new UsageError(say.needsId, say.needsIdHint);
    draft = {
      id: options.id,
      title: options.title ?? titleFrom(options.id),
      industry: options.industry ?? 'general',
      questionId: options.questionId ?? 'first-question',
      ...pick(options, ['scenario', 'prompt', 'best', 'partial', 'wrong']),
    };
  }
  for (const field of ['id', 'title', 'industry', 'questionId'] as const) {
    const problem = check(field, draft[field]);
    if (problem) throw new UsageError(problem);
  }
  const path = resolve(io.cwd ?? process.cwd(), file ?? `${draft.id}.yaml`);
  const source = bankSource(draft, path);
  try {
    writeFileSync(path, source, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError(say.exists(path), say.existsHint);
    if (code === 'ENOENT') throw new UserError(say.noFolder(path));
    throw new UserError(`cannot write ${path}: ${(err as Error).message}.`);
  }
  const shown = relative(process.cwd(), path) || basename(path);
  out.note(say.wrote(shown, draft.id));
  // Checked here as `mot validate` and `mot lint` would: the promise is that both pass at once.
  const parsed = parseBank(source, path);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length || !parsed.bank) throw new UserError(`internal: the new bank does not validate: ${errors[0]?.message ?? 'no bank'}`);
  const findings = lintBanks([parsed.bank]);
  if (findings.length === 0) out.note(say.clean);
  else {
    out.note(say.findings(findings.length));
    for (const f of findings) out.note(`  [${f.code}] ${f.message}`);
  }
  out.note(say.next(shown, relative(process.cwd(), dirname(path)) || '.', draft.id));
}

/** The reason a value does not fit, or undefined. */
export function check(field: keyof BankDraft, value: string): string | undefined {
  if (field === 'id' || field === 'questionId') return ID_PATTERN.test(value) ? undefined : say.badId(field === 'id' ? 'bank id' : 'question id', value);
  if (field === 'industry') return INDUSTRY_PATTERN.test(value) ? undefined : say.badIndustry(value);
  if (field === 'title') return value.trim() ? undefined : say.emptyTitle;
  return undefined;
}

export const INDUSTRY_CHOICES = BUILT_IN_INDUSTRIES;

function titleFrom(id: string): string {
  const words = id.split('-').join(' ');
  return words[0]!.toUpperCase() + words.slice(1);
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined && from[key] !== '') picked[key] = from[key];
  return picked;
}

/** The file, starting with the line that lets editors check it against mot's schema. */
export function bankSource(draft: BankDraft, path: string): string {
  const text = say.placeholders;
  const schema = relative(dirname(path), join(builtInContentDir(), 'bank.schema.json')).split('\\').join('/');
  const q = (value: string) => (/^[\w][\w ,.()'’!?-]*$/.test(value) && !/: |\s#|^(yes|no|true|false|null|on|off|~)$/i.test(value) ? value : JSON.stringify(value));
  return `# yaml-language-server: $schema=${schema}
format: 1
bank: ${draft.id}
title: ${q(draft.title)}
industry: ${draft.industry}
description: ${q(text.description)}
pass_mark: 0.8
questions:
  - id: ${draft.questionId}
    moment: first
    stage: first-contact
    scenario: ${q(draft.scenario ?? text.scenario)}
    prompt: ${q(draft.prompt ?? text.prompt)}
    choices:
      - text: ${q(draft.best ?? text.best)}
        score: 1
        feedback: ${q(text.bestFeedback)}
      - text: ${q(draft.partial ?? text.partial)}
        score: 0.5
        feedback: ${q(text.partialFeedback)}
      - text: ${q(draft.wrong ?? text.wrong)}
        score: 0
        feedback: ${q(text.wrongFeedback)}
    explanation: ${q(text.explanation)}
`;
}

/** The questions in a terminal, with inquirer; a wrong value is refused where it is typed. */
export const askDraft: DraftAsker = async (defaults, fits) => {
  const validate = (field: keyof BankDraft) => (value: string) => fits(field, value.trim()) ?? true;
  const id = (await input({ message: 'Bank id (lowercase words joined by hyphens):', default: defaults.id, validate: validate('id') })).trim();
  const title = (await input({ message: 'Title:', default: defaults.title ?? titleFrom(id), validate: validate('title') })).trim();
  let industry: string = await select<string>({
    message: 'Industry:',
    choices: [...INDUSTRY_CHOICES.map((value) => ({ value, name: value })), { value: '', name: 'another (type it)' }],
    default: defaults.industry ?? 'general',
  });
  if (!industry) industry = (await input({ message: 'Industry (one lowercase word):', validate: validate('industry') })).trim();
  const questionId = (await input({ message: 'First question id:', default: defaults.questionId ?? 'first-question', validate: validate('questionId') })).trim();
  const optional = async (message: string) => (await input({ message: `${message} (Enter: a placeholder to replace later)` })).trim() || undefined;
  const draft: BankDraft = { id, title, industry, questionId };
  const scenario = await optional('The encounter, in the second person');
  const prompt = await optional('The question to the learner');
  const best = await optional('The most effective response');
  const partial = await optional('A partly right response');
  const wrong = await optional('A wrong but tempting response');
  return { ...draft, ...pick({ scenario, prompt, best, partial, wrong }, ['scenario', 'prompt', 'best', 'partial', 'wrong']) };
};
