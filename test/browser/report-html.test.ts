// The HTML report in a real browser: Debian's chromium, driven by playwright-core. With CI set a
// missing browser fails the run; without CI the test is skipped (a developer's machine may lack it).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/document.js';
import { renderHtml } from '../../src/report/html.js';
import { History, question } from '../core/report/fixtures.js';

const CHROMIUM = process.env.MOT_CHROMIUM ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const ci = !['', '0', 'false', undefined].includes(process.env.CI);

/** 24 learners: q-easy nearly always right (too easy, unused choice), q-fair spread, q-all right. */
function sampleReport() {
  const questions = [
    question('shop/q-easy', 'choice', undefined, { moment: 'first', stage: 'first-contact' }),
    question('shop/q-fair', 'choice', undefined, { moment: 'second', stage: 'recovery' }),
    question('shop/q-all-right', 'multi', undefined, { moment: 'second' }),
    question('shop/q-rank', 'rank'),
    question('shop/q-bw', 'best-worst'),
  ];
  const h = new History();
  for (let i = 0; i < 24; i++)
    h.exam(`learner-${String(i).padStart(2, '0')}`, {
      'shop/q-easy': i === 0 ? 0.5 : 1,
      'shop/q-fair': i % 3 === 0 ? 0 : i % 3 === 1 ? 0.5 : 1,
      'shop/q-all-right': [1, [0, 1]],
      'shop/q-rank': [i % 2 ? 1 : 0.5, i % 2 ? [0, 1, 2] : [1, 0, 2]],
      'shop/q-bw': [i % 4 ? 1 : 0, i % 4 ? [0, 2] : [2, 0]],
    });
  return buildReport({
    sessions: h.sessions,
    answers: h.answers,
    questions: new Map(questions.map((q) => [q.id, q])),
    shown: () => true,
    bankSizes: new Map([['shop', questions.length]]),
    attempts: 'first',
    modes: ['exam'],
  });
}

describe.skipIf(!present && !ci)('the HTML report in headless Chromium', () => {
  let browser: BrowserContext;
  let dir: string;
  const report = sampleReport();

  beforeAll(async () => {
    if (!present) throw new Error(`CI is set and there is no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium).`);
    dir = mkdtempSync(join(tmpdir(), 'mot-browser-'));
    // A fresh profile each run (playwright passes it to chromium as --user-data-dir).
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open() {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(report, { generated: '2026-12-02 10:00 UTC' }));
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  it('shows a flagged question with its flags', async () => {
    const { page } = await open();
    const easy = report.questions.find((q) => q.id === 'shop/q-easy')!;
    expect(easy.flags).toEqual(['too-easy', 'unused-choice']);
    const row = page.locator('tr[data-id="shop/q-easy"]');
    await expect(row.getAttribute('class')).resolves.toContain('flagged');
    const badges = await row.locator('.flag').allTextContents();
    expect(badges).toEqual(['too-easy', 'unused-choice']);
    expect(await row.locator('.flag').first().isVisible()).toBe(true);
    await page.close();
  });

  it('draws one point per question in the facility-discrimination chart', async () => {
    const { page } = await open();
    const points = page.locator('svg.scatter circle.point');
    expect(await points.count()).toBe(report.questions.length);
    const ids = await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids.sort()).toEqual(report.questions.map((q) => q.id).sort());
    // The question everyone got right has no discrimination: it sits on the band, still one point.
    expect(await page.locator('svg.scatter circle.point.undefined[data-id="shop/q-all-right"]').count()).toBe(1);
    const box = await page.locator('svg.scatter').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    await page.close();
  });

  it('draws a bar per choice and sorts the table when a heading is clicked', async () => {
    const { page } = await open();
    expect(await page.locator('tr[data-id="shop/q-rank"] svg.bars rect.track').count()).toBe(3);
    await page.locator('table.items th', { hasText: 'facility' }).click();
    const ascending = await page.locator('table.items tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    const byFacility = [...report.questions].sort((a, b) => a.facility! - b.facility!).map((q) => q.id);
    expect(ascending[0]).toBe(byFacility[0]);
    await page.locator('table.items th', { hasText: 'facility' }).click();
    const descending = await page.locator('table.items tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(descending[descending.length - 1]).toBe(byFacility[0]);
    await page.close();
  });

  it('logs no error and asks the network for nothing', async () => {
    const { page, errors, requests } = await open();
    await page.locator('table.items th', { hasText: 'question' }).click();
    await page.emulateMedia({ media: 'print' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('prints on A4 with every choice list open', async () => {
    const { page } = await open();
    await page.emulateMedia({ media: 'print' });
    // The print styles apply once the page has re-laid itself out: wait for it (a loaded machine
    // takes a moment), and fail if the closed lists never open.
    await page.locator('details ol').first().waitFor({ state: 'visible', timeout: 5000 });
    expect(await page.locator('details ol').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
