// `mot certificate`: a one-page PDF for a learner's best passed, finished exam at a bank, with a
// verification code derived from the session id; `mot certificate verify CODE` finds the session.
import { writeFileSync } from 'node:fs';
import { clockFrom } from '../clock.js';
import { bankOf } from '../core/report/attempts.js';
import { certificateBasis, examsAtBank, normaliseCode, verificationCode } from '../core/report/certificate.js';
import { UsageError, UserError } from '../errors.js';
import { certificateSay as say } from '../messages/report.js';
import { defaultStorePath } from '../store/location.js';
import { makeOutput, type Output } from '../ui/output.js';
import { percent } from '../ui/text.js';
import { openExistingStore } from './report.js';
import { loadContent, openScreen, type ContentOptions } from './shared.js';
import { roundScore } from '../core/scoring.js';

export interface CertificateOptions extends ContentOptions {
  learner?: string;
  bank?: string;
  output?: string;
  org?: string;
  name?: string;
  store?: string;
}

interface Io {
  output?: Output;
  env?: NodeJS.ProcessEnv;
}

export async function certificate(options: CertificateOptions, io: Io = {}): Promise<void> {
  const env = io.env ?? process.env;
  const out = io.output ?? makeOutput();
  const learner = options.learner;
  const bank = Array.isArray(options.bank) ? (options.bank as string[])[0] : options.bank;
  if (!learner || !bank) throw new UsageError(say.needsLearnerAndBank, say.needsLearnerAndBankHint);
  const screen = await openScreen(false);
  const loaded = await loadContent(options, screen);
  const store = await openExistingStore(options.store || defaultStorePath(env));
  let sessions, answers;
  try {
    [sessions, answers] = await Promise.all([store.sessions({ learner, modes: ['exam'] }), store.answers({ learner, banks: [bank] })]);
  } finally {
    await store.close();
  }
  const basis = certificateBasis(examsAtBank(sessions, answers, learner, bank));
  if (!basis.ok) {
    if (basis.why === 'no-exam') throw new UserError(say.noExam(learner, bank));
    if (basis.why === 'unfinished') throw new UserError(say.unfinished(learner, bank), say.unfinishedHint);
    throw new UserError(say.failed(learner, bank, percent(basis.best!.score), percent(basis.best!.session.passMark)), say.failedHint);
  }
  const { exam } = basis;
  const code = verificationCode(exam.session.id);
  const organisation = options.org || env.MOT_ORG || undefined;
  const { certificatePdf } = await import('../report/certificate-pdf.js');
  const pdf = await certificatePdf(
    {
      name: options.name || learner,
      bankTitle: loaded.banks.find((b) => b.id === bank)?.title ?? bank,
      score: exam.score,
      passMark: exam.session.passMark,
      finished: exam.session.finished!,
      ...(organisation ? { organisation } : {}),
      code,
      sessionId: exam.session.id,
    },
    clockFrom(env)(),
  );
  const path = options.output || `certificate-${safe(learner)}-${safe(bank)}.pdf`;
  try {
    writeFileSync(path, pdf);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UserError(say.cannotWrite(path, e.code === 'ENOENT' ? 'its folder does not exist' : e.code === 'EISDIR' ? 'it is a folder' : e.message));
  }
  out.note(say.wrote(path, code));
}

const safe = (text: string) => text.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60);

export interface VerifyOptions {
  store?: string;
  format?: string;
}

export async function verifyCertificate(codeText: string, options: VerifyOptions, io: Io = {}): Promise<void> {
  const env = io.env ?? process.env;
  const out = io.output ?? makeOutput();
  const code = normaliseCode(codeText);
  if (!/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(code)) throw new UsageError(say.badCode(codeText));
  const store = await openExistingStore(options.store || defaultStorePath(env));
  let session, answers;
  try {
    session = (await store.sessions({ modes: ['exam'] })).find((s) => verificationCode(s.id) === code);
    answers = session ? await store.answersOf(session.id) : [];
  } finally {
    await store.close();
  }
  if (!session) throw new UserError(say.unknownCode(code), say.unknownCodeHint);
  const banks = [...new Set(answers.map((a) => bankOf(a.questionId)))].sort();
  const exams = banks.map((bank) => examsAtBank([session], answers.map((a) => ({ ...a, learner: session.learner })), session.learner, bank)[0]!);
  const record = {
    code,
    session: session.id,
    learner: session.learner,
    finished: session.finished ?? null,
    pass_mark: session.passMark,
    banks: exams.map((e, i) => ({ bank: banks[i], score: roundScore(e.score), passed: e.passed })),
  };
  if (options.format === 'json') return out.json(record);
  out.print(say.verified(code));
  out.print(`  learner   ${record.learner}`);
  out.print(`  finished  ${record.finished ?? 'not finished'}`);
  for (const b of record.banks) out.print(`  bank      ${b.bank}: ${percent(b.score)} (pass mark ${percent(record.pass_mark)}), ${b.passed ? 'passed' : 'not passed'}`);
  out.print(`  session   ${record.session}`);
}
