// The report's renderers: text, CSV and HTML from one hand-made report.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/document.js';
import { itemsCsv, learnersCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderItemsText, renderLearnersText } from '../../src/report/text.js';
import { plainPaint } from '../../src/ui/paint.js';
import { History, question } from '../core/report/fixtures.js';

const hostile = question('b/q-hostile', 'choice', [
  { text: '<script>alert(1)</script> & "quotes"', score: 1 },
  { text: '=HYPERLINK("http://x")', score: 0 },
  { text: 'Plain, with a comma', score: 0.5 },
]);
const easy = question('b/q-easy');
const allRight = question('b/q-all-right');

function sample() {
  const h = new History();
  for (let i = 0; i < 20; i++)
    h.exam(i === 0 ? '=cmd|calc' : `learner-${i}`, { 'b/q-easy': i === 0 ? 0.5 : 1, 'b/q-hostile': i % 2 ? [1, [0]] : [0, [1]], 'b/q-all-right': 1 });
  return buildReport({
    sessions: h.sessions,
    answers: h.answers,
    questions: new Map([easy, hostile, allRight].map((q) => [q.id, q])),
    shown: () => true,
    bankSizes: new Map([['b', 3]]),
    attempts: 'first',
    modes: ['exam'],
  });
}

describe('the text report', () => {
  const report = sample();
  const text = renderItemsText(report, { paint: plainPaint(true), width: 80 });

  it('shows every question with its flags, a dash for an undefined discrimination, and a legend', () => {
    expect(text).toMatch(/b\/q-easy\s+choice\s+20\s+98%\s+[-0-9.]+\s+too-easy unused-choice/);
    expect(text).toMatch(/b\/q-all-right\s+choice\s+20\s+100%\s+-\s+too-easy/);
    expect(text).toContain('too-easy: facility above 0.9');
    expect(text).not.toContain('NaN');
  });

  it('spreads the answers of flagged questions over their choices, in written order', () => {
    expect(text).toContain('Flagged questions: how the answers spread');
    expect(text).toMatch(/✔ {2}1\. [█░]+ +19 +95% {2}Right/);
  });

  it('draws the roster', () => {
    const roster = renderLearnersText(report, { paint: plainPaint(true), width: 80 });
    expect(roster).toMatch(/learner-1\s+1\s+1\s+1\s+100%\s+100%\s+3\/3/);
  });
});

describe('the CSV tables', () => {
  const report = sample();
  it('quotes commas and quotes, and defuses cells a spreadsheet would run as formulas', () => {
    const items = itemsCsv(report).split('\n');
    expect(items[0]).toMatch(/^question,bank,type,moment,stage,n,facility,discrimination,flags,picked_1,share_1,/);
    const hostileRow = items.find((l) => l.startsWith('b/q-hostile'))!;
    expect(hostileRow).toContain(',20,0.5,');
    const learners = learnersCsv(report).split('\n');
    expect(learners[0]).toBe('learner,bank,finished,score,passed,exams,exams_passed,first_score,best_score,seen,of,last_activity');
    expect(learners.find((l) => l.includes('cmd'))).toMatch(/^'=cmd\|calc,b,/);
  });

  it('has one HR row per learner and bank: finished date, score, passed', () => {
    const row = learnersCsv(report).split('\n').find((l) => l.startsWith('learner-1,'))!.split(',');
    expect(row.slice(0, 5)).toEqual(['learner-1', 'b', row[2], '1', 'true']);
    expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('the HTML report', () => {
  const report = sample();
  const html = renderHtml(report, { generated: '2026-12-02 10:00 UTC' });

  it('escapes text from banks and the store', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('is one self-contained file: no external address, and a policy that forbids fetching', () => {
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('draws one point per question, and a flag badge on each flagged row', () => {
    expect(html.match(/<circle class="point/g)).toHaveLength(report.questions.length);
    expect(html).toMatch(/<tr id="q-b_q-easy" class="flagged"[\s\S]*?<span class="flag flag-too-easy">too-easy<\/span>/);
  });
});
