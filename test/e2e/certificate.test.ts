// `mot certificate`: a one-page PDF for a passed, finished exam, read back with pdfjs; `verify`
// finds the session again; no certificate for an unfinished or failed exam.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { FIXTURES, ROOT, runMot, sandbox } from '../helpers/run-mot.js';

const GOOD = ['--content', join(FIXTURES, 'good')];
const EXAM = ['exam', ...GOOD, '-b', 'sample-clinic', '--no-shuffle', '--json'];
const ALL_RIGHT = 'b\na,c\na,b,c,d\n';
const ALL_WRONG = 'a\nb\nd,c,b,a\n';

let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());
const mot = (args: string[], input = '', env: Record<string, string | undefined> = {}) => runMot(args, { input, env: { ...box.env, ...env }, cwd: box.dir });

async function pdfText(file: string): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: join(ROOT, 'node_modules/pdfjs-dist/standard_fonts/') }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str : '')).join('\n');
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

describe('mot certificate', () => {
  it('writes a one-page PDF with the name, bank title, score, pass mark, date, organisation and code', async () => {
    expect((await mot(EXAM, ALL_WRONG, { MOT_NOW: '2026-12-01T09:00:00Z' })).code).toBe(0);
    expect((await mot(EXAM, ALL_RIGHT, { MOT_NOW: '2026-12-02T09:30:00Z' })).code).toBe(0);
    const file = join(box.dir, 'sam.pdf');
    const r = await mot(['certificate', '--learner', 'tester', '--name', 'Sam Müller', '-b', 'sample-clinic', ...GOOD, '-o', file], '', { MOT_ORG: 'Northside Clinic' });
    expect(r.code, r.stderr).toBe(0);
    const code = /verification code ([0-9A-Z-]+)/.exec(r.stderr)![1]!;
    const { pages, text } = await pdfText(file);
    expect(pages).toBe(1);
    expect(text).toContain('Sam Müller');
    expect(text).toContain('Sample clinic front desk');
    expect(text).toContain('with a score of 100% (pass mark 75%) on 2 December 2026.');
    expect(text).toContain('Northside Clinic');
    expect(text).toContain(`Verification code ${code}`);
  });

  it('prefers --org to MOT_ORG, and verify finds the session from the code', async () => {
    const exam = jsonOf<{ session?: string }>(await mot(EXAM, ALL_RIGHT));
    const file = join(box.dir, 'c.pdf');
    const r = await mot(['certificate', '--learner', 'tester', '-b', 'sample-clinic', ...GOOD, '-o', file, '--org', 'Ward 3'], '', { MOT_ORG: 'Ignored' });
    expect(r.code, r.stderr).toBe(0);
    const { text } = await pdfText(file);
    expect(text).toContain('Ward 3');
    expect(text).not.toContain('Ignored');
    const code = /verification code ([0-9A-Z-]+)/.exec(r.stderr)![1]!;
    const verified = jsonOf<{ learner: string; session: string; banks: { bank: string; score: number; passed: boolean }[] }>(
      await mot(['certificate', 'verify', code.toLowerCase(), '--format', 'json']),
    );
    expect(verified).toMatchObject({ learner: 'tester', banks: [{ bank: 'sample-clinic', score: 1, passed: true }] });
    if (exam.session) expect(verified.session).toBe(exam.session);
    const text2 = await mot(['certificate', 'verify', code]);
    expect(text2.stdout).toContain(`${code} is genuine`);
  });

  it('refuses a failed exam with a clear message and exit 1', async () => {
    expect((await mot(EXAM, ALL_WRONG)).code).toBe(0);
    const r = await mot(['certificate', '--learner', 'tester', '-b', 'sample-clinic', ...GOOD]);
    expectNoStackTrace(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('below the pass mark of 75%: no certificate.');
  });

  it('refuses an unfinished exam, even one whose answers so far were all right', async () => {
    const r0 = await mot(EXAM, 'b\n'); // input ends after the first question: saved as unfinished
    expect(jsonOf<{ finished: boolean }>(r0).finished).toBe(false);
    const r = await mot(['certificate', '--learner', 'tester', '-b', 'sample-clinic', ...GOOD]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has not finished an exam');
  });

  it('refuses a learner with no exam, an unknown code, a missing store and missing options', async () => {
    const noStore = await mot(['certificate', '--learner', 'tester', '-b', 'sample-clinic', ...GOOD]);
    expect(noStore.code).toBe(1);
    expect(noStore.stderr).toContain('there is no progress store at');
    expect((await mot(EXAM, ALL_RIGHT)).code).toBe(0);
    const none = await mot(['certificate', '--learner', 'nobody', '-b', 'sample-clinic', ...GOOD]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('nobody has no exam');
    const unknown = await mot(['certificate', 'verify', '0000-0000-0000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no exam in this store has the verification code 0000-0000-0000');
    const bad = await mot(['certificate', 'verify', 'hello']);
    expect(bad.code).toBe(2);
    const missing = await mot(['certificate', '-b', 'sample-clinic']);
    expect(missing.code).toBe(2);
    for (const r of [noStore, none, unknown, bad, missing]) expectNoStackTrace(r);
  });
});
