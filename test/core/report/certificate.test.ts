import { describe, expect, it } from 'vitest';
import { certificateBasis, examsAtBank, normaliseCode, verificationCode } from '../../../src/core/report/certificate.js';
import { History } from './fixtures.js';

describe('the verification code', () => {
  it('is derived from the session id: the same id, the same code; another id, another code', () => {
    const code = verificationCode('7f1c2a9e-0000-4000-8000-000000000001');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(verificationCode('7f1c2a9e-0000-4000-8000-000000000001')).toBe(code);
    expect(verificationCode('7f1c2a9e-0000-4000-8000-000000000002')).not.toBe(code);
  });

  it('reads a code typed in lower case, without hyphens, with O for 0', () => {
    const code = verificationCode('s1');
    expect(normaliseCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    expect(normaliseCode('0000-1111-2222'.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe('0000-1111-2222');
  });
});

describe('which exam a certificate stands on', () => {
  it('takes the best passed, finished exam at the bank', () => {
    const h = new History();
    h.exam('ana', { 'b/q1': 1, 'b/q2': 0 }); // 0.5: failed
    h.exam('ana', { 'b/q1': 1, 'b/q2': 1 }, { finished: false }); // unfinished: never
    h.exam('ana', { 'b/q1': 1, 'b/q2': 0.6 }); // 0.8: passed
    h.exam('ana', { 'c/q1': 1 }); // another bank
    const basis = certificateBasis(examsAtBank(h.sessions, h.answers, 'ana', 'b'));
    expect(basis).toMatchObject({ ok: true, exam: { session: { id: 's3' }, score: 0.8, passed: true } });
  });

  it.each([
    ['no exam at the bank', [], 'no-exam'],
    ['an unfinished exam only', [{ finished: false, scores: { 'b/q1': 1 } }], 'unfinished'],
    ['a failed exam', [{ finished: true, scores: { 'b/q1': 0 } }], 'failed'],
  ] as const)('refuses when there is %s', (_name, exams, why) => {
    const h = new History();
    for (const e of exams) h.exam('ana', e.scores, { finished: e.finished });
    expect(certificateBasis(examsAtBank(h.sessions, h.answers, 'ana', 'b'))).toMatchObject({ ok: false, why });
  });
});
