// The report as one self-contained HTML file: inline CSS, inline SVG charts (facility against
// discrimination, one point per question; a bar per choice), a table that sorts when a heading
// is clicked, and a print style. It loads nothing: a Content-Security-Policy forbids any fetch.
import { MOMENT_NAMES, type Moment } from '../core/model.js';
import type { ReportDocument } from '../core/report/document.js';
import { THRESHOLDS, type Flag, type ItemRow } from '../core/report/items.js';
import type { RollupRow } from '../core/report/rollup.js';
import { ATTEMPTS_EXPLAINED, FIGURES_EXPLAINED, FLAG_MEANINGS, reportSay as say } from '../messages/report.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Control characters (other than tab and newline) are not allowed in HTML text.
// eslint-disable-next-line no-control-regex
const esc = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const corr = (x: number | null) => (x === null ? '–' : x.toFixed(2));
const num = (x: number | null) => (x === null ? '' : String(x));

export interface HtmlOptions {
  generated: string;
  title?: string;
}

export function renderHtml(report: ReportDocument, options: HtmlOptions): string {
  const title = options.title ?? 'mot: item analysis';
  const learners = report.learners.length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${esc(say.policy(report.attempts, report.modes))} · ${report.questions.length} questions answered · ${learners} learner${learners === 1 ? '' : 's'} · generated ${esc(options.generated)}</p>
</header>
<main>
${report.questions.length === 0 ? `<p class="empty">${esc(say.noAnswers)} ${esc(say.noAnswersHint(report.modes))}</p>` : ''}
<section class="charts">
<figure>
${scatter(report.questions)}
<figcaption>Facility against discrimination, one point per question. Shaded: too easy (facility above ${THRESHOLDS.tooEasy}), too hard (below ${THRESHOLDS.tooHard}), low discrimination (below ${THRESHOLDS.lowDiscrimination}). Questions whose discrimination is undefined sit on the band below the axis.</figcaption>
</figure>
</section>
<section>
<h2>Questions</h2>
<p class="hint">Click a heading to sort. ${esc(FIGURES_EXPLAINED)}</p>
${itemsTable(report.questions)}
${report.unanswered.length ? `<p class="hint">${esc(say.unanswered(report.unanswered.length))}</p>` : ''}
${report.retired.length ? `<p class="hint">${esc(say.retired(report.retired.length))}</p>` : ''}
</section>
<section class="rollups">
<h2>Roll-ups</h2>
${rollupTable('Bank', report.rollups.bank, (k) => k)}
${rollupTable('Moment', report.rollups.moment, (k) => MOMENT_NAMES[k as Moment] ?? k)}
${rollupTable('Stage', report.rollups.stage, (k) => k)}
</section>
<section>
<h2>Learners</h2>
${learnersTable(report)}
</section>
<section class="legend">
<h2>Flags</h2>
<dl>${(Object.keys(FLAG_MEANINGS) as Flag[]).map((f) => `<dt>${badge(f)}</dt><dd>${esc(FLAG_MEANINGS[f])}</dd>`).join('')}</dl>
<p class="hint">${esc(ATTEMPTS_EXPLAINED)}</p>
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function badge(flag: Flag): string {
  return `<span class="flag flag-${flag}">${flag}</span>`;
}

/** x: facility 0..1; y: discrimination -1..1, with a band below for the undefined ones. */
function scatter(questions: readonly ItemRow[]): string {
  const W = 560;
  const H = 360;
  const left = 48;
  const right = 16;
  const top = 16;
  const plotH = 280;
  const band = 24;
  const x = (f: number) => left + f * (W - left - right);
  const y = (d: number) => top + ((1 - d) / 2) * plotH;
  const grid = [-1, -0.5, 0, 0.5, 1]
    .map((d) => `<line class="grid" x1="${x(0)}" x2="${x(1)}" y1="${y(d)}" y2="${y(d)}"/><text class="tick" x="${left - 6}" y="${y(d) + 4}" text-anchor="end">${d}</text>`)
    .join('');
  const xticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => `<line class="grid" x1="${x(f)}" x2="${x(f)}" y1="${y(1)}" y2="${y(-1)}"/><text class="tick" x="${x(f)}" y="${top + plotH + band + 18}" text-anchor="middle">${f * 100}%</text>`)
    .join('');
  const zones = [
    `<rect class="zone" x="${x(THRESHOLDS.tooEasy)}" y="${y(1)}" width="${x(1) - x(THRESHOLDS.tooEasy)}" height="${plotH}"/>`,
    `<rect class="zone" x="${x(0)}" y="${y(1)}" width="${x(THRESHOLDS.tooHard) - x(0)}" height="${plotH}"/>`,
    `<rect class="zone" x="${x(0)}" y="${y(THRESHOLDS.lowDiscrimination)}" width="${x(1) - x(0)}" height="${y(-1) - y(THRESHOLDS.lowDiscrimination)}"/>`,
  ].join('');
  const points = questions
    .map((q) => {
      const cx = x(q.facility ?? 0).toFixed(1);
      const undefinedD = q.discrimination === null;
      const cy = (undefinedD ? top + plotH + band / 2 : y(q.discrimination!)).toFixed(1);
      const flagged = q.flags.some((f) => f !== 'few-answers');
      const cls = `point${flagged ? ' flagged' : ''}${undefinedD ? ' undefined' : ''}`;
      return `<a href="#q-${esc(anchor(q.id))}"><circle class="${cls}" data-id="${esc(q.id)}" cx="${cx}" cy="${cy}" r="5"><title>${esc(q.id)}: facility ${pct(q.facility)}, discrimination ${corr(q.discrimination)}${q.flags.length ? ` (${q.flags.join(', ')})` : ''}</title></circle></a>`;
    })
    .join('');
  return `<svg class="scatter" viewBox="0 0 ${W} ${H}" role="img" aria-label="Facility against discrimination, one point per question">
<rect class="plot" x="${x(0)}" y="${y(1)}" width="${x(1) - x(0)}" height="${plotH}"/>${zones}${grid}${xticks}
<rect class="band" x="${x(0)}" y="${top + plotH}" width="${x(1) - x(0)}" height="${band}"/><text class="tick" x="${left - 6}" y="${top + plotH + band / 2 + 4}" text-anchor="end">n/a</text>
<text class="axis" x="${(x(0) + x(1)) / 2}" y="${H - 2}" text-anchor="middle">facility (mean score)</text>
<text class="axis" transform="translate(12 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">discrimination</text>
${points}
</svg>`;
}

const anchor = (id: string) => id.replace(/[^a-z0-9-]/gi, '_');

/** Horizontal bars, one per choice in written order; the key in green, an unused distractor marked. */
function distractorBars(q: ItemRow): string {
  const rowH = 16;
  const W = 220;
  const bars = q.choices
    .map((c, i) => {
      const share = c.share ?? 0;
      const unused = !c.key && q.flags.includes('unused-choice') && share < THRESHOLDS.unusedChoice;
      const cls = c.key ? 'bar key' : unused ? 'bar unused' : 'bar';
      const worst = c.worst === undefined ? '' : `<rect class="bar worst" x="24" y="${i * rowH + 10}" width="${((c.worst_share ?? 0) * (W - 70)).toFixed(1)}" height="3"/>`;
      return `<text class="tick" x="0" y="${i * rowH + 11}">${c.written}</text><rect class="track" x="24" y="${i * rowH + 2}" width="${W - 70}" height="11"/><rect class="${cls}" x="24" y="${i * rowH + 2}" width="${(share * (W - 70)).toFixed(1)}" height="11"><title>${esc(`${c.written}. ${c.text}`)}: ${c.picked} (${pct(c.share)})${c.worst === undefined ? '' : `; worst ${c.worst} (${pct(c.worst_share ?? null)})`}</title></rect>${worst}<text class="tick" x="${W - 40}" y="${i * rowH + 11}">${pct(c.share)}</text>`;
    })
    .join('');
  return `<svg class="bars" viewBox="0 0 ${W} ${q.choices.length * rowH + 2}" width="${W}" height="${q.choices.length * rowH + 2}" role="img" aria-label="Choices of ${esc(q.id)}">${bars}</svg>`;
}

function itemsTable(questions: readonly ItemRow[]): string {
  const rows = questions
    .map((q) => {
      const flagged = q.flags.some((f) => f !== 'few-answers');
      const choices = q.choices
        .map((c) => `<li class="${c.key ? 'key' : ''}"><span class="n">${c.picked}</span> ${esc(c.text)}</li>`)
        .join('');
      return `<tr id="q-${esc(anchor(q.id))}" class="${flagged ? 'flagged' : ''}" data-id="${esc(q.id)}">
<td data-sort="${esc(q.id)}"><code>${esc(q.id)}</code><div class="prompt">${esc(q.prompt)}</div><details><summary>choices</summary><ol>${choices}</ol></details></td>
<td data-sort="${esc(q.type)}">${esc(q.type)}</td>
<td data-sort="${esc(q.moment ?? '')}">${esc(q.moment ?? '')}</td>
<td data-sort="${esc(q.stage ?? '')}">${esc(q.stage ?? '')}</td>
<td class="num" data-sort="${q.n}">${q.n}</td>
<td class="num" data-sort="${num(q.facility)}">${pct(q.facility)}</td>
<td class="num" data-sort="${num(q.discrimination)}">${corr(q.discrimination)}</td>
<td>${distractorBars(q)}</td>
<td class="flags" data-sort="${esc(q.flags.join(' '))}">${q.flags.map(badge).join(' ')}</td>
</tr>`;
    })
    .join('\n');
  return `<table class="sortable items">
<thead><tr><th data-type="text">question</th><th data-type="text">type</th><th data-type="text">moment</th><th data-type="text">stage</th><th data-type="number">n</th><th data-type="number">facility</th><th data-type="number">discrimination</th><th class="nosort">choices (share picked; key in green)</th><th data-type="text">flags</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function rollupTable(title: string, rows: readonly RollupRow[], label: (key: string) => string): string {
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><td data-sort="${esc(r.key)}">${esc(label(r.key))}</td><td class="num" data-sort="${r.answered}">${r.answered}/${r.questions}</td><td class="num" data-sort="${r.n}">${r.n}</td><td class="num" data-sort="${num(r.facility)}">${pct(r.facility)}</td><td class="num" data-sort="${num(r.discrimination)}">${corr(r.discrimination)}</td><td class="num" data-sort="${r.flagged}">${r.flagged}</td></tr>`,
    )
    .join('');
  return `<table class="sortable rollup"><thead><tr><th data-type="text">${esc(title)}</th><th data-type="number">answered</th><th data-type="number">answers</th><th data-type="number">facility</th><th data-type="number">mean discrimination</th><th data-type="number">flagged</th></tr></thead><tbody>${body}</tbody></table>`;
}

function learnersTable(report: ReportDocument): string {
  if (report.learners.length === 0) return `<p class="empty">${esc(say.noLearners)}</p>`;
  const body = report.learners
    .map(
      (l) =>
        `<tr><td data-sort="${esc(l.learner)}">${esc(l.learner)}</td><td class="num" data-sort="${l.sessions}">${l.sessions}</td><td class="num" data-sort="${l.exams}">${l.exams}</td><td class="num" data-sort="${l.passed}">${l.passed}</td><td class="num" data-sort="${num(l.first_score)}">${pct(l.first_score)}</td><td class="num" data-sort="${num(l.best_score)}">${pct(l.best_score)}</td><td class="num" data-sort="${l.seen}">${l.seen}/${l.of}</td><td data-sort="${esc(l.last_activity ?? '')}">${esc(l.last_activity?.slice(0, 16).replace('T', ' ') ?? '')}</td></tr>`,
    )
    .join('');
  return `<table class="sortable learners"><thead><tr><th data-type="text">learner</th><th data-type="number">sessions</th><th data-type="number">exams</th><th data-type="number">passed</th><th data-type="number">first exam</th><th data-type="number">best exam</th><th data-type="number">questions seen</th><th data-type="text">last activity</th></tr></thead><tbody>${body}</tbody></table>`;
}

const CSS = `
:root{--ink:#1d2330;--dim:#5b6475;--line:#d9dde5;--key:#2e7d32;--warn:#b26a00;--bad:#c62828;--accent:#1f5fa8;--zone:#fbeaea}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:1200px;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.meta,.hint,figcaption{color:var(--dim);font-size:12.5px}
.empty{padding:12px;border:1px dashed var(--line)}
figure{margin:0}.scatter{width:100%;max-width:640px;height:auto;display:block}
.plot{fill:#fff;stroke:var(--line)}.band{fill:#f4f5f8;stroke:var(--line)}.zone{fill:var(--zone);opacity:.7}
.grid{stroke:var(--line);stroke-width:.6}.tick{font-size:10px;fill:var(--dim)}.axis{font-size:11px;fill:var(--ink)}
.point{fill:var(--accent);fill-opacity:.75;stroke:#fff;stroke-width:1}.point.flagged{fill:var(--bad)}.point.undefined{fill-opacity:.35;stroke:var(--accent)}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f4f5f8;font-weight:600;white-space:nowrap;user-select:none}
table.sortable th:not(.nosort){cursor:pointer}
th[aria-sort=ascending]::after{content:" ▲";font-size:9px}th[aria-sort=descending]::after{content:" ▼";font-size:9px}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.flagged td:first-child{border-left:3px solid var(--bad)}
.prompt{color:var(--dim);font-size:12.5px;max-width:42ch}
details summary{cursor:pointer;color:var(--accent);font-size:12px}
details ol{margin:4px 0;padding-left:20px;font-size:12.5px}details li.key{color:var(--key);font-weight:600}
li .n{display:inline-block;min-width:2.5em;color:var(--dim)}
.track{fill:#eef0f4}.bar{fill:#8a94a6}.bar.key{fill:var(--key)}.bar.unused{fill:var(--warn)}.bar.worst{fill:var(--bad)}
.flag{display:inline-block;border-radius:10px;padding:1px 8px;font-size:11.5px;margin:1px 0;white-space:nowrap;background:#fff4e0;color:#7a4a00;border:1px solid #f0c98a}
.flag-negative-discrimination,.flag-too-hard{background:#fdecea;color:#8e1c1c;border-color:#f1a9a9}
.flag-few-answers{background:#f1f2f5;color:var(--dim);border-color:var(--line)}
.legend dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}.legend dd{margin:0}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace}
@media print{
 body{max-width:none;padding:0;font-size:11px}
 a{color:inherit;text-decoration:none}
 th[aria-sort]::after{content:""}
 tr,figure,.rollup,.legend{break-inside:avoid}
 thead{display:table-header-group}
 details{display:block}details summary{display:none}details ol{display:block}
 .flag{border:1px solid #999}
}
`;

// Sorts a table by the clicked column: numbers as numbers (empty last), text by locale.
const SCRIPT = `
(function(){
  // A closed <details> prints closed whatever the CSS: open them all for print.
  var openAll=function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});};
  window.addEventListener('beforeprint',openAll);
  var print=window.matchMedia('print');
  if(print.matches)openAll();
  print.addEventListener('change',function(e){if(e.matches)openAll();});
  document.querySelectorAll('table.sortable').forEach(function(table){
    var heads=table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads,function(th,col){
      if(th.classList.contains('nosort'))return;
      th.tabIndex=0;
      var sort=function(){
        var asc=th.getAttribute('aria-sort')!=='ascending';
        Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',asc?'ascending':'descending');
        var numeric=th.dataset.type==='number';
        var body=table.tBodies[0];
        var rows=Array.prototype.slice.call(body.rows);
        var key=function(r){var c=r.cells[col];return c?(c.dataset.sort!==undefined?c.dataset.sort:c.textContent):'';};
        rows.sort(function(a,b){
          var x=key(a),y=key(b);
          if(numeric){
            if(x===''&&y==='')return 0;if(x==='')return 1;if(y==='')return -1;
            return asc?Number(x)-Number(y):Number(y)-Number(x);
          }
          return asc?x.localeCompare(y):y.localeCompare(x);
        });
        rows.forEach(function(r){body.appendChild(r);});
      };
      th.addEventListener('click',sort);
      th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});
    });
  });
})();
`;
