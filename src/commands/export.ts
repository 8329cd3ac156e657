// `mot export -b ID --format gift|moodle-xml`: a bank for Moodle. Every question left out and
// every score moved to Moodle's fractions is said, one line each, on stderr.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../banks/load-banks.js';
import { UsageError, UserError } from '../errors.js';
import { planExport, type ExportFormat } from '../lms/export-plan.js';
import { lms } from '../messages/lms.js';
import { makeOutput, type Output } from '../ui/output.js';
import { loadContent, openScreen, type ContentOptions } from './shared.js';

export interface ExportOptions extends ContentOptions {
  bank: string;
  format: string;
  output?: string;
  out?: Output;
}

export async function exportBank(options: ExportOptions): Promise<void> {
  const out = options.out ?? makeOutput();
  if (!['gift', 'moodle-xml'].includes(options.format)) throw new UsageError(`--format must be gift or moodle-xml, not "${options.format}".`, lms.exportFormatHint);
  const format = options.format as ExportFormat;
  const loaded = await loadContent(options, await openScreen(true));
  const bank = loaded.banks.find((b) => b.id === options.bank);
  if (!bank) {
    const { message, hint } = lms.noBank(options.bank, loaded.banks.map((b) => b.id).sort().join(', '));
    throw new UserError(message, hint);
  }
  const plan = planExport(bank, format);
  for (const line of plan.warnings) out.note(line);
  if (plan.questions.length === 0) throw new UserError(lms.nothingToExport(bank.id));
  if (plan.questions.some((q) => q.kind === 'ordering')) out.note(lms.orderingGrades);
  const text = format === 'gift' ? (await import('../lms/gift-export.js')).writeGift(plan) : (await import('../lms/moodle-xml-export.js')).writeMoodleXml(plan);
  if (!options.output) {
    out.raw(text);
    return;
  }
  const target = resolve(options.output);
  try {
    writeFileSync(target, text);
  } catch (err) {
    throw new UserError(`cannot write ${displayPath(target)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  out.note(lms.exported(displayPath(target), plan.questions.length, plan.leftOut));
}
