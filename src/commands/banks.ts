// `mot banks`: what is loaded, where from, and what it covers.
import { byId } from '../core/selection.js';
import { MOMENTS, QUESTION_TYPES, STAGES, type Bank } from '../core/model.js';
import { loadContent, openScreen, type ContentOptions } from './shared.js';

export interface BanksOptions extends ContentOptions {
  json?: boolean;
}

export interface BankSummary {
  id: string;
  title: string;
  industry: string;
  description?: string;
  questions: number;
  pass_mark: number;
  types: Record<string, number>;
  moments: Record<string, number>;
  stages: Record<string, number>;
  file: string;
}

export function summariseBank(bank: Bank): BankSummary {
  const count = (values: readonly string[], pick: (q: Bank['questions'][number]) => string | undefined) =>
    Object.fromEntries(values.map((v) => [v, bank.questions.filter((q) => pick(q) === v).length]).filter(([, n]) => n !== 0));
  const summary: BankSummary = {
    id: bank.id,
    title: bank.title,
    industry: bank.industry,
    questions: bank.questions.length,
    pass_mark: bank.passMark,
    types: count(QUESTION_TYPES, (q) => q.type),
    moments: count(MOMENTS, (q) => q.moment),
    stages: count(STAGES, (q) => q.stage),
    file: bank.file,
  };
  if (bank.description) summary.description = bank.description;
  return summary;
}

export async function banks(options: BanksOptions): Promise<void> {
  const screen = await openScreen(false);
  const loaded = await loadContent(options, screen);
  const summaries = [...loaded.banks].sort(byId).map(summariseBank);
  if (options.json) {
    process.stdout.write(JSON.stringify(summaries, null, 2) + '\n');
    return;
  }
  const { paint } = screen;
  if (summaries.length === 0) {
    screen.write('No bank is loaded. Add a folder with --content DIR or MOT_CONTENT.');
    return;
  }
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ') || '-';
  for (const s of summaries) {
    screen.write(`${paint.bold(s.id)}  ${s.title}  ${paint.dim(`(${s.industry}, ${s.questions} questions, pass mark ${Math.round(s.pass_mark * 100)}%)`)}`);
    if (s.description) screen.write(paint.dim(`  ${s.description.replace(/\s+/g, ' ')}`));
    screen.write(`  types    ${list(s.types)}`);
    screen.write(`  moments  ${list(s.moments)}`);
    screen.write(`  stages   ${list(s.stages)}`);
    screen.write(paint.dim(`  file     ${s.file}`));
    screen.write('');
  }
  const total = summaries.reduce((n, s) => n + s.questions, 0);
  screen.write(paint.dim(`${summaries.length} bank${summaries.length === 1 ? '' : 's'}, ${total} questions.`));
}
