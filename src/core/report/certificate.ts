// What a certificate stands on: the learner's best passed, finished exam at a bank, and a
// verification code derived from that session's id, so `mot certificate verify` finds it again.
import { createHash } from 'node:crypto';
import { bankOf, type ReportAnswer, type ReportSession } from './attempts.js';
import { bestFinished } from './roster.js';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters (60 bits) of SHA-256 of the session id, in three groups: 7K2Q-9XHD-M4TB. */
export function verificationCode(sessionId: string): string {
  const digest = createHash('sha256').update(`mot-certificate:${sessionId}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A code as typed: case, spaces and hyphens do not matter, and O/I/L read as 0/1/1. */
export function normaliseCode(text: string): string {
  const plain = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
}

export interface ExamAtBank {
  session: ReportSession;
  /** The mean score of the session's answers to this bank's questions. */
  score: number;
  answered: number;
  passed: boolean;
}

/** Every exam of the learner with answers to the bank, earliest first. */
export function examsAtBank(sessions: readonly ReportSession[], answers: readonly ReportAnswer[], learner: string, bank: string): ExamAtBank[] {
  const scores = new Map<string, number[]>();
  for (const a of answers) {
    if (a.learner !== learner || bankOf(a.questionId) !== bank) continue;
    const list = scores.get(a.sessionId);
    if (list) list.push(a.score);
    else scores.set(a.sessionId, [a.score]);
  }
  return sessions
    .filter((s) => s.learner === learner && s.mode === 'exam' && scores.has(s.id))
    .map((session) => {
      const list = scores.get(session.id)!;
      const score = list.reduce((x, y) => x + y, 0) / list.length;
      return { session, score, answered: list.length, passed: session.finished !== undefined && score >= session.passMark - 1e-9 };
    });
}

export type CertificateBasis =
  | { ok: true; exam: ExamAtBank }
  | { ok: false; why: 'no-exam' | 'unfinished' | 'failed'; best?: ExamAtBank };

/** The best passed, finished exam; or why there is none. */
export function certificateBasis(exams: readonly ExamAtBank[]): CertificateBasis {
  if (exams.length === 0) return { ok: false, why: 'no-exam' };
  const best = bestFinished(exams);
  if (!best) return { ok: false, why: 'unfinished' };
  return best.passed ? { ok: true, exam: best } : { ok: false, why: 'failed', best };
}
