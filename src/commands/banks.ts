// `mot banks`: what is loaded, where from, and what it covers.
import { byId } from '../core/selection.js';
import { MOMENTS, QUESTION_TYPES, STAGES, type Bank } from '../core/model.js';
import { makeOutput, type Output } from '../ui/output.js';
import { renderBanks, type BankListing } from '../ui/render.js';
import { loadContent, openScreen, type ContentOptions } from './shared.js';

export interface BanksOptions extends ContentOptions {
  json?: boolean;
}

export type BankSummary = BankListing;

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

export async function banks(options: BanksOptions, output: Output = makeOutput()): Promise<void> {
  const screen = await openScreen(false);
  const loaded = await loadContent(options, screen);
  const summaries = [...loaded.banks].sort(byId).map(summariseBank);
  if (options.json) output.json(summaries);
  else for (const line of renderBanks(summaries, screen)) screen.write(line);
}
