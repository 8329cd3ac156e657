// The benchmark: start-up, time to the first question, validating 10,000 questions, and the
// progress store at 1,000,000 answers, all measured in one run on this machine, as ratios against
// plain Node where that makes sense. It reports; it never fails (exit code 0).
//
//   npm run bench                      build, then run every section
//   node scripts/bench.mjs --only A,D  some sections only (expects a built dist/)
//
// Every timing is the median of several runs after a warm-up, processes run one at a time and
// are timed from spawn with performance.now(). Temporary files go to the OS temp folder; the
// generated store of 1,000,000 answers is kept there between runs (keyed by a version string).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus as cpuList, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MOT = join(ROOT, 'bin', 'mot.js');
const NODE = process.execPath;
const requireHere = createRequire(join(ROOT, 'package.json'));
const TIME_BIN = '/usr/bin/time';
const MOT_NOW = '2027-01-17T09:00:00.000Z';
const STORE_GEN_VERSION = 'store-gen-3';
const BENCH_LEARNER = 'learner-250';
const LEARNERS = 500;
const SESSIONS_PER_LEARNER = 200; // 10 answers each: 500 × 200 × 10 = 1,000,000 answers
const ANSWERS_PER_SESSION = 10;

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 && process.argv[i + 1] ? new Set(process.argv[i + 1].toUpperCase().split(',')) : undefined;
})();
const want = (section) => !only || only.has(section);

const WORK = mkdtempSync(join(tmpdir(), 'mot-bench-'));
const CACHE_ROOT = join(tmpdir(), 'mot-bench-cache'); // survives between runs: the generated store

// ------------------------------------------------------------------ helpers

/** A clean environment: none of the caller's MOT_* settings, and no real home folders touched. */
function env(extra = {}) {
  const e = { ...process.env };
  for (const k of Object.keys(e)) if (k.startsWith('MOT_')) delete e[k];
  delete e.FORCE_COLOR;
  e.XDG_DATA_HOME = join(WORK, 'data');
  e.XDG_CACHE_HOME = join(WORK, 'cache-unused');
  e.MOT_LEARNER = 'bench';
  return { ...e, ...extra };
}

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07]*\x07/g, '');

let timeWorks;
function haveTime() {
  if (timeWorks !== undefined) return timeWorks;
  timeWorks = false;
  try {
    if (existsSync(TIME_BIN)) {
      // Checked for real: some `time` programs do not know -f / -o.
      const out = join(WORK, 'time-check');
      const r = spawnSync(TIME_BIN, ['-f', '%M', '-o', out, 'true']);
      timeWorks = r.status === 0 && /^\d+\s*$/m.test(readFileSync(out, 'utf8'));
    }
  } catch {
    timeWorks = false;
  }
  return timeWorks;
}

/**
 * Runs one process and times it. `input`: written to stdin and closed (undefined: stdin is a pipe
 * left open). `until`: stop the clock when stdout (or stderr, with `untilStream`) first contains
 * this text, then kill the process. `memory`: run under /usr/bin/time to read the peak RSS.
 */
function run(args, { cmd = NODE, env: e = env(), input, until, untilStream = 'stdout', memory = false, timeoutMs = 120_000, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    let file = cmd;
    let argv = args;
    let rssFile;
    if (memory && haveTime()) {
      rssFile = join(WORK, `rss-${process.hrtime.bigint()}`);
      file = TIME_BIN;
      argv = ['-f', '%M', '-o', rssFile, cmd, ...args];
    }
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd, env: e, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let hit;
    let exitMs;
    let timedOut = false;
    child.stdin.on('error', () => {});
    const check = () => {
      if (until === undefined || hit !== undefined) return;
      if (stripAnsi(untilStream === 'stdout' ? out : err).includes(until)) {
        hit = performance.now() - t0;
        child.kill('SIGTERM');
      }
    };
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      check();
    });
    child.stderr.on('data', (d) => {
      err += d;
      check();
    });
    if (input !== undefined) child.stdin.end(input);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', () => {
      exitMs = performance.now() - t0;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ms: NaN, code: null, out, err: err + String(error), ok: false });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let rssKb;
      if (rssFile) {
        try {
          // GNU time writes "Command terminated by signal" lines first when killed; the figure is last.
          const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
          rssKb = Number(lines[lines.length - 1]);
          rmSync(rssFile, { force: true });
        } catch {
          rssKb = undefined;
        }
      }
      const ms = until !== undefined ? hit : exitMs ?? performance.now() - t0;
      resolve({ ms: ms ?? NaN, exitMs, code, signal, out, err, rssKb, timedOut, ok: !timedOut && (until === undefined ? code === 0 : hit !== undefined) });
    });
  });
}

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** One measured series: its runs' figures and their median. */
function series(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return { values: v, median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

/**
 * Times several commands in turn, interleaved (a, b, a, b, ...) so that drift on the machine hits
 * each alike. Returns a series per command, and the last failure of each (if any).
 */
async function timeInterleaved(specs, { warmup = 1, runs = 7 } = {}) {
  const results = specs.map(() => ({ ms: [], rss: [], failures: [] }));
  for (let i = 0; i < warmup + runs; i++) {
    for (let s = 0; s < specs.length; s++) {
      const spec = specs[s];
      const r = await run(spec.args, typeof spec.options === 'function' ? spec.options(i) : spec.options);
      if (!r.ok) {
        results[s].failures.push(r);
        continue;
      }
      if (spec.check) {
        const problem = spec.check(r);
        if (problem) {
          results[s].failures.push({ ...r, problem });
          continue;
        }
      }
      if (i < warmup) continue;
      results[s].ms.push(r.ms);
      if (r.rssKb !== undefined) results[s].rss.push(r.rssKb);
    }
  }
  specs.forEach((spec, s) => {
    const f = results[s].failures;
    if (f.length && results[s].ms.length)
      note(`${spec.args.slice(spec.args[0] === MOT ? 1 : 0, 4).join(' ')}: ${f.length} of ${warmup + runs} runs failed and were left out; last: ${describeFailure(f.at(-1))}`);
  });
  return results.map((r) => ({ time: series(r.ms), rss: r.rss.length ? series(r.rss) : undefined, failures: r.failures }));
}

function describeFailure(f) {
  if (!f) return '';
  const why = f.problem ?? (f.timedOut ? 'timed out' : `exit code ${f.code}${f.signal ? ` (${f.signal})` : ''}`);
  const tail = stripAnsi((f.err || f.out || '').trim()).split('\n').slice(-4).join(' | ');
  return `${why}${tail ? `: ${tail.slice(0, 300)}` : ''}`;
}

// Pseudo-random numbers with a seed, so generated data is the same on every run.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pickWith = (rand) => (list) => list[Math.floor(rand() * list.length)];
function shuffleWith(rand, list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const fmtMs = (ms) => (!Number.isFinite(ms) ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
const fmtMb = (kb) => (!Number.isFinite(kb) ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const fmtRatio = (r) => (!Number.isFinite(r) ? 'n/a' : `${r.toFixed(2)}×`);
const fmtSpread = (s) => (!s || !s.n ? '' : s.n === 1 ? '1 run' : `${s.n} runs, ${fmtMs(s.min)}–${fmtMs(s.max)}`);

// ------------------------------------------------------------------ the report

const rows = []; // { section, label, figure, spread, ratio, target, result }
const notes = [];
const summary = []; // { label, figure, target, result }

function row(section, label, figure, { spread = '', ratio = '', target = '', pass, summaryFigure } = {}) {
  const result = pass === undefined ? (target ? 'n/a' : '') : pass ? 'pass' : 'MISS';
  rows.push({ section, label, figure, spread, ratio, target, result });
  summary.push({ section, label: `${section}. ${label}`, figure: summaryFigure ?? (ratio && ratio !== 'n/a' ? `${figure} (${ratio})` : figure), target, result: result || 'info' });
}
const note = (text) => notes.push(text);

const bySection = (list) => [...list].sort((a, b) => a.section.localeCompare(b.section)); // stable: keeps each section's order

function printTable() {
  const head = ['', 'Measure', 'Median', 'Spread', 'Ratio / beyond', 'Target', 'Result'];
  const body = bySection(rows).map((r) => [r.section, r.label, r.figure, r.spread, r.ratio, r.target, r.result]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  let last;
  for (const b of body) {
    if (last !== undefined && b[0] !== last) console.log('');
    last = b[0];
    console.log(line(b));
  }
}

function printSummary(meta) {
  console.log('\n## mot benchmark, ' + meta);
  console.log('');
  console.log('| Measure | Figure | Target | Result |');
  console.log('|---|---|---|---|');
  for (const s of bySection(summary)) console.log(`| ${s.label} | ${s.figure} | ${s.target || '—'} | ${s.result} |`);
}

const progress = (text) => process.stderr.write(`  … ${text}\n`);

// ------------------------------------------------------------------ A. start-up


async function sectionA() {
  progress('A: start-up (node -e 0 against mot --help)');
  const [base, help] = await timeInterleaved(
    [
      { args: ['-e', '0'] },
      { args: [MOT, '--help'], check: (r) => (r.out.includes('Usage') ? undefined : 'no usage text in the output') },
    ],
    { warmup: 3, runs: 15 },
  );
  row('A', 'node -e 0 (baseline)', fmtMs(base.time.median), { spread: fmtSpread(base.time) });
  if (help.time.n === 0) {
    row('A', 'mot --help', 'error', { target: '≤ 1.30×', pass: false });
    note(`A: mot --help failed: ${describeFailure(help.failures.at(-1))}`);
    return;
  }
  const ratio = help.time.median / base.time.median;
  row('A', 'mot --help', fmtMs(help.time.median), { spread: fmtSpread(help.time), ratio: fmtRatio(ratio), target: '≤ 1.30×', pass: ratio <= 1.3 });
}

// ------------------------------------------------------------------ B. time to the first question

let firstQuestionWarm; // series, for D
let warmCacheHome; // an XDG_CACHE_HOME holding the built-in banks, for D

async function sectionB() {
  progress('B: time to the first question (train -b retail -n 10 --seed 1)');
  const dir = join(WORK, 'b');
  mkdirSync(dir, { recursive: true });
  warmCacheHome = join(dir, 'cache-warm');
  const args = [MOT, 'train', '-b', 'retail', '-n', '10', '--seed', '1'];
  const common = { until: 'Question 1 of', timeoutMs: 30_000 };
  const store = join(dir, 'train.db');
  // The warm-up run fills the bank cache (and creates the store).
  // node -e 0 runs again here, interleaved with the runs it is compared with.
  const [base, warm] = await timeInterleaved(
    [{ args: ['-e', '0'] }, { args, options: { ...common, env: env({ MOT_STORE: store, XDG_CACHE_HOME: warmCacheHome }) } }],
    { warmup: 2, runs: 15 },
  );
  const baseline = base.time;
  row('B', 'node -e 0 (interleaved with B)', fmtMs(baseline.median), { spread: fmtSpread(baseline) });
  let coldN = 0;
  const [cold] = await timeInterleaved(
    [{ args, options: () => ({ ...common, env: env({ MOT_STORE: store, XDG_CACHE_HOME: join(dir, `cache-cold-${coldN++}`) }) }) }],
    { warmup: 1, runs: 7 },
  );
  firstQuestionWarm = warm.time;
  for (const [label, s, target] of [
    ['first question, warm bank cache', warm, '≤ 1.60×'],
    ['first question, cold bank cache (info)', cold, ''],
  ]) {
    if (s.time.n === 0) {
      row('B', label, 'error', { target, pass: target ? false : undefined });
      note(`B: ${label}: ${describeFailure(s.failures.at(-1))}`);
      continue;
    }
    const ratio = s.time.median / baseline.median;
    row('B', label, fmtMs(s.time.median), { spread: fmtSpread(s.time), ratio: fmtRatio(ratio), target, pass: target ? ratio <= 1.6 : undefined });
  }
}

// ------------------------------------------------------------------ C. validate 10,000 questions

const WORDS = {
  where: ['at the front desk', 'at the till', 'on the phone line', 'in the waiting area', 'at the returns counter', 'in the lobby', 'on the ward', 'at the pharmacy counter', 'in the restaurant', 'at the check-in desk', 'on the shop floor', 'at the click-and-collect point'],
  when: ['on a busy Saturday morning', 'just before closing time', 'during the lunch rush', 'on a quiet Tuesday afternoon', 'at the start of your shift', 'while a colleague is on a break', 'on the first day of the sale', 'late on a Sunday evening'],
  who: ['A regular customer', 'An elderly man with a walking stick', 'A parent with two tired children', 'A visitor who has never been here before', 'A guest who booked online', 'A patient who is clearly anxious', 'A delivery driver in a hurry', 'A customer holding a receipt', 'A couple celebrating an anniversary', 'A business traveller on a tight schedule'],
  does: ['asks where to find something you know is out of stock', 'says they were promised a call back that never came', 'points out that the price on the shelf does not match the screen', 'explains that their booking has disappeared from the system', 'wants to return an item without the original packaging', 'complains that they have been waiting for twenty minutes', 'asks for a manager before you have said a word', 'mentions that this is the third time it has happened', 'asks whether you can make an exception just this once', 'tells you that a friend had a bad experience here last week'],
  extra: ['The queue behind them is growing.', 'Your manager is in a meeting until the afternoon.', 'The card machine has just gone offline.', 'Two other people are listening to the conversation.', 'The policy on the wall says something different from what they were told.', 'You have not been trained on this system yet.', 'A colleague gave them the wrong information earlier.', 'They have a loyalty card and have shopped here for years.'],
  act: ['Apologise sincerely', 'Listen without interrupting', 'Explain the policy calmly', 'Call a colleague over', 'Offer a practical alternative', 'Write down their details', 'Check the system again', 'Tell them honestly what you can and cannot do', 'Promise to look into it later', 'Ask them to come back tomorrow', 'Refer them to the website', 'Offer a small goodwill gesture'],
  how: ['and give them a clear time for the next step', 'before doing anything else', 'while keeping an eye on the queue', 'and thank them for raising it', 'then leave the rest to your manager', 'so that they do not have to repeat themselves', 'without taking any ownership of the problem', 'and make sure the follow-up actually happens'],
  verdict: ['This is the strongest response.', 'This helps, but only partly.', 'This is likely to make things worse.', 'This misses what the customer needs most.', 'This is reasonable, but it leaves a gap.', 'This turns a bad moment into a good one.'],
  why: ['The customer judges the whole organisation by how this moment is handled.', 'People remember how a problem was resolved more than the problem itself.', 'Passing the problem on without an owner leaves the customer to chase it.', 'A clear next step gives the customer back a sense of control.', 'Being honest about limits builds more trust than an empty promise.', 'Other people in the queue are watching and forming their own view.', 'Fixing the cause prevents the same complaint from coming back next week.'],
  lesson: ['Moments of truth are decided in seconds, and the first response sets the tone for the rest of the encounter.', 'Service recovery done well can leave a customer more loyal than before the problem happened.', 'The person in front of you is the priority, but the people waiting are forming impressions too.', 'Ownership means the customer leaves knowing who will do what, and by when.', 'Policies exist to serve customers; explaining the reason behind one makes it easier to accept.', 'A small gesture offered early is worth more than a large one offered after an argument.'],
  tags: ['queue', 'complaint', 'booking', 'returns', 'phone', 'online', 'waiting', 'pricing', 'loyalty', 'recovery', 'greeting', 'stock', 'billing', 'privacy'],
};

function wrapBlock(text, indent, width = 96) {
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out.join('\n');
}

/** One bank file of `count` questions, valid per spec/bank-format.md; deterministic for a seed. */
function generateBank(bankNo, count) {
  const rand = prng(1000 + bankNo);
  const pick = pickWith(rand);
  const q = JSON.stringify;
  const lines = [
    'format: 1',
    `bank: bench-bank-${String(bankNo).padStart(2, '0')}`,
    `title: ${q(`Benchmark bank ${bankNo}`)}`,
    `industry: ${pick(['retail', 'healthcare', 'hospitality', 'general'])}`,
    'description: >',
    '  Generated for the benchmark: realistic sizes, not realistic content.',
    'pass_mark: 0.8',
    'questions:',
  ];
  for (let i = 1; i <= count; i++) {
    const type = rand() < 0.7 ? 'choice' : rand() < 0.5 ? 'multi' : 'rank';
    const tags = [...new Set([pick(WORDS.tags), pick(WORDS.tags)])];
    const scenario = `You are working ${pick(WORDS.where)} ${pick(WORDS.when)}. ${pick(WORDS.who)} ${pick(WORDS.does)}.${rand() < 0.6 ? ' ' + pick(WORDS.extra) : ''}`;
    const prompt =
      type === 'multi' ? 'Which of these responses help to make this a good moment of truth? Select all that apply.'
      : type === 'rank' ? 'Put these responses in order, from the most to the least effective.'
      : 'What is the best thing to do next?';
    lines.push(
      `  - id: q-${String(i).padStart(4, '0')}`,
      `    type: ${type}`,
      `    moment: ${pick(['zero', 'first', 'second', 'third'])}`,
      `    stage: ${pick(['first-contact', 'delivery', 'recovery', 'follow-up'])}`,
      `    tags: [${tags.join(', ')}]`,
      '    scenario: |',
      wrapBlock(scenario, '      '),
      `    prompt: ${q(prompt)}`,
      '    choices:',
    );
    const texts = new Set();
    const scores = shuffleWith(rand, [1, 0.5, 0.25, 0]);
    const correct = shuffleWith(rand, [true, true, false, rand() < 0.5]);
    for (let c = 0; c < 4; c++) {
      let text;
      do text = `${pick(WORDS.act)} ${pick(WORDS.how)}.`;
      while (texts.has(text));
      texts.add(text);
      lines.push(`      - text: ${q(text)}`);
      if (type === 'choice') lines.push(`        score: ${scores[c]}`);
      if (type === 'multi') lines.push(`        correct: ${correct[c]}`);
      lines.push(`        feedback: ${q(`${pick(WORDS.verdict)} ${pick(WORDS.why)}`)}`);
    }
    lines.push('    explanation: |', wrapBlock(`${pick(WORDS.lesson)} ${pick(WORDS.why)}`, '      '));
  }
  return lines.join('\n') + '\n';
}

const BARE_PARSE = `
const { readFileSync } = await import('node:fs');
const YAML = (await import(process.argv[1])).default;
let questions = 0;
for (const file of process.argv.slice(2)) questions += YAML.parse(readFileSync(file, 'utf8')).questions.length;
console.log(questions);
`;

async function sectionC() {
  progress('C: validate 10,000 questions (20 files of 500)');
  const dir = join(WORK, 'banks');
  mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0;
  for (let b = 1; b <= 20; b++) {
    const text = generateBank(b, 500);
    const file = join(dir, `bench-${String(b).padStart(2, '0')}.yaml`);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  note(`C: generated 20 files, 10,000 questions, ${(bytes / 1048576).toFixed(1)} MB (${Math.round(bytes / 10000)} bytes a question; mix ≈ 70% choice, 15% multi, 15% rank).`);
  if (!haveTime()) note(`C: ${TIME_BIN} is missing or does not take -f %M, so peak memory is shown as n/a.`);
  const yamlUrl = pathToFileURL(requireHere.resolve('yaml')).href;
  const valid = (r) => (/all valid/.test(stripAnsi(r.out)) ? undefined : `mot validate did not report "all valid": ${stripAnsi(r.out).trim().split('\n').slice(0, 3).join(' | ')}`);
  const [mot, bare] = await timeInterleaved(
    [
      { args: [MOT, 'validate', dir], options: { env: env({ MOT_CACHE: 'off' }), memory: true }, check: valid },
      {
        args: ['--input-type=module', '-e', BARE_PARSE, yamlUrl, ...files],
        options: { memory: true },
        check: (r) => (r.out.trim() === '10000' ? undefined : `bare parse counted ${r.out.trim()} questions`),
      },
    ],
    { warmup: 1, runs: 5 },
  );
  // Warm: the cache filled by the warm-up run.
  const [warm] = await timeInterleaved(
    [{ args: [MOT, 'validate', dir], options: { env: env({ XDG_CACHE_HOME: join(WORK, 'cache-validate') }) }, check: valid }],
    { warmup: 1, runs: 5 },
  );
  if (bare.time.n === 0) note(`C: the bare parse failed: ${describeFailure(bare.failures.at(-1))}`);
  row('C', 'bare YAML.parse of the 20 files', fmtMs(bare.time.median), { spread: fmtSpread(bare.time) });
  row('C', 'bare parse, peak RSS', fmtMb(bare.rss?.median));
  if (mot.time.n === 0) {
    row('C', 'mot validate, cold (MOT_CACHE=off)', 'error', { target: '≤ 1.30×', pass: false });
    note(`C: mot validate failed: ${describeFailure(mot.failures.at(-1))}`);
  } else {
    const tr = mot.time.median / bare.time.median;
    row('C', 'mot validate, cold (MOT_CACHE=off)', fmtMs(mot.time.median), { spread: fmtSpread(mot.time), ratio: fmtRatio(tr), target: '≤ 1.30×', pass: Number.isFinite(tr) ? tr <= 1.3 : undefined });
    const mr = mot.rss && bare.rss ? mot.rss.median / bare.rss.median : NaN;
    row('C', 'mot validate, cold, peak RSS', fmtMb(mot.rss?.median), { ratio: fmtRatio(mr), target: '≤ 1.50×', pass: Number.isFinite(mr) ? mr <= 1.5 : undefined });
  }
  if (warm.time.n === 0) {
    row('C', 'mot validate, warm cache (info)', 'error');
    note(`C: warm validate failed: ${describeFailure(warm.failures.at(-1))}`);
  } else {
    row('C', 'mot validate, warm cache (info)', fmtMs(warm.time.median), { spread: fmtSpread(warm.time), ratio: bare.time.n ? fmtRatio(warm.time.median / bare.time.median) : '' });
  }
}

// ------------------------------------------------------------------ D. the store at 1,000,000 answers

/** The migrations' SQL, read from src/store/schema.ts (falls back to a copy of migration 1). */
function migrationsSql() {
  try {
    const src = readFileSync(join(ROOT, 'src/store/schema.ts'), 'utf8');
    const id = Number(/APPLICATION_ID\s*=\s*(0x[0-9a-f]+|\d+)/i.exec(src)[1]);
    const body = /MIGRATIONS[^=]*=\s*\[([\s\S]*)\];/.exec(src)[1];
    const sql = [...body.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
    if (sql.length && /CREATE TABLE answers/.test(sql[0])) return { sql, applicationId: id, from: 'src/store/schema.ts' };
  } catch {}
  return {
    applicationId: 0x6d6f7431,
    from: 'a copy in scripts/bench.mjs (src/store/schema.ts could not be read)',
    sql: [
      `CREATE TABLE sessions (id TEXT PRIMARY KEY, learner TEXT NOT NULL, mode TEXT NOT NULL, filters TEXT NOT NULL, seed INTEGER NOT NULL,
         plan TEXT NOT NULL, pass_mark REAL NOT NULL, started TEXT NOT NULL, finished TEXT);
       CREATE INDEX sessions_by_learner ON sessions (learner, started);
       CREATE TABLE answers (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, position INTEGER NOT NULL,
         learner TEXT NOT NULL, question_id TEXT NOT NULL, question_hash TEXT NOT NULL, response TEXT NOT NULL, score REAL NOT NULL, seconds REAL,
         answered_at TEXT NOT NULL, UNIQUE (session_id, position));
       CREATE INDEX answers_by_learner ON answers (learner, question_id);
       CREATE TABLE cards (learner TEXT NOT NULL, question_id TEXT NOT NULL, due TEXT NOT NULL, card TEXT NOT NULL, PRIMARY KEY (learner, question_id)) WITHOUT ROWID;
       CREATE INDEX cards_by_due ON cards (learner, due);`,
    ],
  };
}

/** The SQL a Store method prepares, read from src/store/store.ts (falls back to the given copy). */
function storeSql(method, fallback) {
  try {
    const src = readFileSync(join(ROOT, 'src/store/store.ts'), 'utf8');
    const at = src.search(new RegExp(`\\n\\s+${method}\\(`));
    const m = /\.prepare\(\s*(['`])([\s\S]*?)\1\s*,?\s*\)/.exec(src.slice(at));
    if (at >= 0 && m) return { sql: m[2], copied: true };
  } catch {}
  return { sql: fallback, copied: false };
}

/** Every built-in question: global id, type and number of choices. */
function builtInQuestions() {
  const YAML = requireHere('yaml');
  const out = [];
  const dir = join(ROOT, 'content');
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const doc = YAML.parse(readFileSync(join(dir, f), 'utf8'));
    for (const q of doc?.questions ?? []) out.push({ id: `${doc.bank}/${q.id}`, type: q.type ?? 'choice', n: q.choices?.length ?? 4 });
  }
  return out;
}

function generateStore(file, questions, schema) {
  const Database = requireHere('better-sqlite3');
  const rand = prng(42);
  const hex = (n) => {
    let s = '';
    while (s.length < n) s += ((rand() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return s.slice(0, n);
  };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
  const hashes = new Map(questions.map((q) => [q.id, createHash('sha1').update(q.id).digest('hex').slice(0, 16)]));
  const now = Date.parse(MOT_NOW);
  const DAY = 86_400_000;

  rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma(`application_id = ${schema.applicationId}`);
  for (const sql of schema.sql) db.exec(sql);
  db.pragma(`user_version = ${schema.sql.length}`);
  const insSession = db.prepare(
    'INSERT INTO sessions (id, learner, mode, filters, seed, plan, pass_mark, started, finished) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insAnswer = db.prepare(
    'INSERT INTO answers (session_id, position, learner, question_id, question_hash, response, score, seconds, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insCard = db.prepare('INSERT INTO cards (learner, question_id, due, card) VALUES (?, ?, ?, ?)');
  const modes = ['train', 'train', 'exam', 'drill'];
  const oneLearner = db.transaction((learner) => {
    const seen = new Map(); // question id → { reps, last }
    const span = 365 * DAY;
    for (let s = 0; s < SESSIONS_PER_LEARNER; s++) {
      const start = now - span + Math.floor(((s + rand() * 0.8) / SESSIONS_PER_LEARNER) * span);
      const picked = shuffleWith(rand, questions).slice(0, ANSWERS_PER_SESSION);
      const plan = picked.map((q) => ({ id: q.id, order: shuffleWith(rand, [...Array(q.n).keys()]) }));
      const id = uuid();
      const finishedAt = new Date(start + (ANSWERS_PER_SESSION + 1) * 40_000).toISOString();
      insSession.run(id, learner, modes[s % 4], '{}', Math.floor(rand() * 2 ** 31), JSON.stringify(plan), 0.8, new Date(start).toISOString(), finishedAt);
      picked.forEach((q, position) => {
        let response;
        let score;
        if (q.type === 'rank') {
          response = shuffleWith(rand, [...Array(q.n).keys()]);
          score = Math.round(rand() * 4) / 4;
        } else if (q.type === 'multi') {
          response = [...Array(q.n).keys()].filter(() => rand() < 0.5);
          if (response.length === 0) response = [0];
          score = Math.round(rand() * 4) / 4;
        } else {
          response = [Math.floor(rand() * q.n)];
          score = [0, 0.25, 0.5, 1, 1][Math.floor(rand() * 5)];
        }
        const at = new Date(start + (position + 1) * 40_000).toISOString();
        insAnswer.run(id, position, learner, q.id, hashes.get(q.id), JSON.stringify(response), score, 5 + Math.round(rand() * 550) / 10, at);
        const card = seen.get(q.id) ?? { reps: 0, lapses: 0 };
        card.reps++;
        if (score < 0.5) card.lapses++;
        card.last = at;
        seen.set(q.id, card);
      });
    }
    for (const [questionId, c] of seen) {
      // Due dates spread around MOT_NOW: a month overdue to two months ahead.
      const due = new Date(now + Math.floor((rand() * 90 - 30) * DAY)).toISOString();
      const stability = Math.round((1 + rand() * 40) * 100) / 100;
      const card = {
        due,
        stability,
        difficulty: Math.round((3 + rand() * 5) * 100) / 100,
        elapsed_days: Math.floor(rand() * 30),
        scheduled_days: Math.max(1, Math.round(stability)),
        learning_steps: 0,
        reps: c.reps,
        lapses: c.lapses,
        state: 2,
        last_review: c.last,
      };
      insCard.run(learner, questionId, due, JSON.stringify(card));
    }
  });
  for (let l = 1; l <= LEARNERS; l++) oneLearner(`learner-${String(l).padStart(3, '0')}`);
  db.pragma('journal_mode = WAL');
  const counts = db.prepare('SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM cards) AS cards').get();
  db.close();
  return counts;
}

/** The cached store (generating it when its version is not there yet) and a fresh working copy. */
function prepareStore() {
  const schema = migrationsSql();
  const questions = builtInQuestions();
  const key = createHash('sha1')
    .update(JSON.stringify([STORE_GEN_VERSION, MOT_NOW, LEARNERS, SESSIONS_PER_LEARNER, schema, questions]))
    .digest('hex')
    .slice(0, 12);
  mkdirSync(CACHE_ROOT, { recursive: true });
  const cached = join(CACHE_ROOT, `store-${key}.db`);
  let generated;
  if (!existsSync(cached)) {
    for (const f of readdirSync(CACHE_ROOT)) if (/^store-/.test(f)) rmSync(join(CACHE_ROOT, f), { force: true });
    progress(`D: generating a store of ${(LEARNERS * SESSIONS_PER_LEARNER * ANSWERS_PER_SESSION).toLocaleString('en')} answers (once; kept in ${CACHE_ROOT})`);
    const t0 = performance.now();
    const tmp = `${cached}.${process.pid}.tmp`;
    const counts = generateStore(tmp, questions, schema);
    renameSync(tmp, cached);
    generated = { ms: performance.now() - t0, counts };
  }
  const copy = join(WORK, 'store.db');
  copyFileSync(cached, copy); // the drill writes a session: keep the cached file as it was
  return { file: copy, cached, key, schema, questions, generated };
}

async function sectionD() {
  progress('D: progress store of 1,000,000 answers');
  const store = prepareStore();
  const size = statSync(store.file).size;
  if (store.generated)
    note(`D: generated the store in ${fmtMs(store.generated.ms)}: ${store.generated.counts.answers.toLocaleString('en')} answers, ${store.generated.counts.sessions.toLocaleString('en')} sessions, ${store.generated.counts.cards.toLocaleString('en')} cards; ${(size / 1048576).toFixed(0)} MB. Schema from ${store.schema.from}.`);
  else note(`D: reused the generated store ${store.cached} (${(size / 1048576).toFixed(0)} MB; delete it to regenerate).`);
  note(`D: ${store.questions.length} built-in questions, ${LEARNERS} learners × ${SESSIONS_PER_LEARNER} sessions × ${ANSWERS_PER_SESSION} answers; MOT_NOW=${MOT_NOW}; learner ${BENCH_LEARNER}.`);

  // A warm bank cache, as a learner's second run would have (B's, or a new one here).
  const cacheHome = warmCacheHome ?? join(WORK, 'cache-d');
  const dEnv = (extra = {}) => env({ MOT_NOW, XDG_CACHE_HOME: cacheHome, ...extra });
  await run([MOT, 'banks', '--json'], { env: dEnv() });

  const statsArgs = (learner) => [MOT, 'stats', '--json', '--learner', learner, '--store', store.file];
  const checkStats = (r) => {
    try {
      const j = JSON.parse(r.out);
      return typeof j.answered === 'number' ? undefined : 'stats --json printed no "answered"';
    } catch {
      return 'stats --json printed no JSON';
    }
  };
  const [version, stats, statsNobody] = await timeInterleaved(
    [
      { args: [MOT, '--version'], options: { env: dEnv() } },
      { args: statsArgs(BENCH_LEARNER), options: { env: dEnv() }, check: checkStats },
      { args: statsArgs('nobody-here'), options: { env: dEnv() }, check: checkStats },
    ],
    { warmup: 1, runs: 15 },
  );
  const statsLast = await run(statsArgs(BENCH_LEARNER), { env: dEnv() });
  try {
    const j = JSON.parse(statsLast.out);
    note(`D: stats for ${BENCH_LEARNER}: ${j.answered} answers, ${j.sessions?.length} sessions, ${j.due_today} due today.`);
  } catch {}

  row('D', 'mot --version (start-up)', fmtMs(version.time.median), { spread: fmtSpread(version.time) });
  if (stats.time.n === 0) {
    row('D', 'stats --json, beyond start-up', 'error', { target: '≤ 300 ms', pass: false });
    note(`D: stats failed: ${describeFailure(stats.failures.at(-1))}`);
  } else {
    const beyond = stats.time.median - version.time.median;
    row('D', `stats --json (${BENCH_LEARNER})`, fmtMs(stats.time.median), { spread: fmtSpread(stats.time) });
    row('D', 'stats, beyond start-up', fmtMs(beyond), { ratio: `${fmtMs(beyond)} beyond --version`, target: '≤ 300 ms', pass: beyond <= 300, summaryFigure: fmtMs(beyond) });
    if (statsNobody.time.n)
      row('D', 'stats, learner with no answers (info)', fmtMs(statsNobody.time.median), {
        spread: fmtSpread(statsNobody.time),
        ratio: `${fmtMs(stats.time.median - statsNobody.time.median)} less`,
      });
  }

  // The drill: stdin at end of input, so it selects the due cards, shows question 1 and stops.
  const drillArgs = (learner) => [MOT, 'drill', '--json', '-n', '20', '--learner', learner, '--store', store.file];
  const checkDrill = (r) => (/Question 1 of/.test(stripAnsi(r.err)) ? undefined : 'the drill showed no first question');
  if (!firstQuestionWarm) await sectionB(); // the drill is compared with B's warm first question
  const [drill, drillFirst, drillNew] = await timeInterleaved(
    [
      { args: drillArgs(BENCH_LEARNER), options: { env: dEnv(), input: '' }, check: checkDrill },
      { args: drillArgs(BENCH_LEARNER), options: { env: dEnv(), input: '', until: 'Question 1 of', untilStream: 'stderr', timeoutMs: 30_000 } },
      { args: drillArgs('nobody-here'), options: { env: dEnv(), input: '' }, check: checkDrill },
    ],
    { warmup: 1, runs: 15 },
  );
  const drillLast = await run(drillArgs(BENCH_LEARNER), { env: dEnv(), input: '' });
  const drillLine = /Drill: [^\n]*/.exec(stripAnsi(drillLast.err))?.[0];
  if (drillLine) note(`D: drill for ${BENCH_LEARNER} says "${drillLine.trim()}"`);
  if (drill.time.n === 0) {
    row('D', 'drill (stdin at end), beyond first question', 'error', { target: '≤ 100 ms', pass: false });
    note(`D: drill failed: ${describeFailure(drill.failures.at(-1))}`);
  } else {
    row('D', `drill -n 20 to exit (${BENCH_LEARNER})`, fmtMs(drill.time.median), { spread: fmtSpread(drill.time) });
    if (firstQuestionWarm?.n) {
      const beyond = drill.time.median - firstQuestionWarm.median;
      row('D', 'drill exit, beyond B warm first question', fmtMs(beyond), { ratio: `B warm: ${fmtMs(firstQuestionWarm.median)}`, target: '≤ 100 ms', pass: beyond <= 100, summaryFigure: fmtMs(beyond) });
      if (drillFirst.time.n) {
        const first = drillFirst.time.median - firstQuestionWarm.median;
        row('D', 'drill first question, beyond B warm (info)', fmtMs(first), { ratio: `drill to Q1: ${fmtMs(drillFirst.time.median)}`, summaryFigure: fmtMs(first) });
      }
    }
    if (drillNew.time.n) {
      const beyond = drill.time.median - drillNew.time.median;
      row('D', 'drill, beyond a learner with no cards (info)', fmtMs(beyond), { ratio: `new learner: ${fmtMs(drillNew.time.median)}` });
    }
  }

  // The due-card choice in-process, with the SQL of Store.dueCards (and the other drill queries).
  const due = storeSql('dueCards', 'SELECT question_id, due FROM cards WHERE learner = ? AND due <= ? ORDER BY due LIMIT ?');
  const seen = storeSql('seenQuestions', 'SELECT question_id FROM cards WHERE learner = ?');
  const fresh = storeSql(
    'newSince',
    'SELECT count(*) AS n FROM (SELECT question_id, min(answered_at) AS first FROM answers WHERE learner = ? GROUP BY question_id) WHERE first >= ?',
  );
  if (!due.copied || !seen.copied || !fresh.copied) note('D: some SQL could not be read from src/store/store.ts; the bench used its own copy.');
  const Database = requireHere('better-sqlite3');
  const startOfDay = MOT_NOW.slice(0, 10) + 'T00:00:00.000Z';
  const queries = (db) => {
    const rows = db.prepare(due.sql).all(BENCH_LEARNER, MOT_NOW, 100_000);
    db.prepare(seen.sql).all(BENCH_LEARNER);
    db.prepare(fresh.sql).get(BENCH_LEARNER, startOfDay);
    return rows.length;
  };
  const onlyDue = [];
  const withOpen = [];
  let dueRows = 0;
  {
    const db = new Database(store.file);
    db.pragma('journal_mode = WAL');
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      dueRows = db.prepare(due.sql).all(BENCH_LEARNER, MOT_NOW, 100_000).length;
      if (i >= 10) onlyDue.push(performance.now() - t0);
    }
    db.close();
  }
  for (let i = 0; i < 23; i++) {
    const t0 = performance.now();
    const db = new Database(store.file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    queries(db);
    db.close();
    if (i >= 3) withOpen.push(performance.now() - t0);
  }
  const q1 = series(onlyDue);
  const q2 = series(withOpen);
  note(`D: in-process: ${dueRows} due cards for ${BENCH_LEARNER}; SQL of Store.dueCards: ${due.sql.replace(/\s+/g, ' ')}`);
  row('D', 'due-card query, in-process', fmtMs(q1.median), { spread: fmtSpread(q1), target: '≤ 100 ms', pass: q1.median <= 100 });
  row('D', 'open + due + seen + new-today, in-process', fmtMs(q2.median), { spread: fmtSpread(q2), target: '≤ 100 ms', pass: q2.median <= 100 });
}

// ------------------------------------------------------------------ R. the report at 100,000 answers

const REPORT_LEARNERS = 1000;
const REPORT_QUESTIONS = 100;

/** A bank of 100 choice questions, and 1,000 learners' exams of all of them, with abilities and difficulties. */
function reportData() {
  const rand = prng(11);
  const questions = Array.from({ length: REPORT_QUESTIONS }, (_, i) => `q-${String(i + 1).padStart(3, '0')}`);
  const bank = [
    'bank: bench-report',
    'title: Report benchmark',
    'industry: general',
    'questions:',
    ...questions.flatMap((id, i) => [
      `  - id: ${id}`,
      `    moment: ${['zero', 'first', 'second', 'third'][i % 4]}`,
      `    stage: ${['first-contact', 'delivery', 'recovery', 'follow-up'][i % 4]}`,
      `    prompt: Benchmark question ${i + 1}, what do you do?`,
      '    choices:',
      `      - { text: The best response to situation ${i + 1}, score: 1 }`,
      `      - { text: A partly right response to situation ${i + 1}, score: 0.5 }`,
      `      - { text: A wrong response to situation ${i + 1}, score: 0 }`,
      `      - { text: Another wrong response to situation ${i + 1}, score: 0 }`,
    ]),
  ].join('\n');
  const scores = [1, 0.5, 0, 0];
  const difficulty = questions.map(() => rand() * 2 - 1);
  const sessions = [];
  const answers = [];
  const start = Date.parse('2026-11-01T08:00:00Z');
  for (let l = 0; l < REPORT_LEARNERS; l++) {
    const learner = `learner-${String(l).padStart(4, '0')}`;
    const ability = rand() * 2 - 1;
    const id = `bench-session-${l}`;
    const started = new Date(start + l * 60_000).toISOString();
    sessions.push({ id, learner, mode: 'exam', filters: {}, seed: l, plan: questions.map((q) => ({ id: `bench-report/${q}`, order: [0, 1, 2, 3] })), passMark: 0.8, started, finished: new Date(start + l * 60_000 + 50_000).toISOString() });
    questions.forEach((q, position) => {
      const p = 1 / (1 + Math.exp(-(ability - difficulty[position]) * 2));
      const picked = rand() < p ? 0 : 1 + Math.floor(rand() * 3);
      answers.push({ id: `bench-answer-${l}-${position}`, sessionId: id, learner, position, questionId: `bench-report/${q}`, questionHash: 'bench', response: [picked], score: scores[picked], seconds: 10, answeredAt: new Date(start + l * 60_000 + position * 400).toISOString() });
    });
  }
  return { bank, sessions, answers };
}

/** The store and the embedded PostgreSQL of the tests, bundled from src/ with esbuild for this run. */
async function reportHelpers() {
  const dir = join(ROOT, 'node_modules', '.cache', 'mot-bench');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'report-helpers-entry.ts');
  writeFileSync(entry, `export { openProgressStore } from ${JSON.stringify(join(ROOT, 'src/store/open.ts'))};\nexport { startPostgres } from ${JSON.stringify(join(ROOT, 'test/helpers/postgres.ts'))};\n`);
  const outfile = join(dir, 'report-helpers.mjs');
  const { build } = await import(pathToFileURL(requireHere.resolve('esbuild')).href);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}

async function sectionR() {
  progress('R: mot report over 1,000 learners × 100 questions (100,000 answers), SQLite and PostgreSQL');
  const dir = join(WORK, 'r');
  const content = join(dir, 'content');
  mkdirSync(content, { recursive: true });
  const data = reportData();
  writeFileSync(join(content, 'bench-report.yaml'), data.bank);
  const helpers = await reportHelpers();
  const fill = async (location) => {
    const t0 = performance.now();
    const store = await helpers.openProgressStore(location);
    try {
      await store.putSessions(data.sessions);
      for (let i = 0; i < data.answers.length; i += 10_000) await store.putAnswers(data.answers.slice(i, i + 10_000));
    } finally {
      await store.close();
    }
    return performance.now() - t0;
  };
  const engines = [['SQLite', join(dir, 'report.db')]];
  let pg;
  try {
    pg = await helpers.startPostgres();
    engines.push(['PostgreSQL', await pg.createDatabase('mot_bench_report')]);
  } catch (err) {
    note(`R: PostgreSQL could not start: ${String(err?.message ?? err).split('\n')[0]}`);
    row('R', 'report, PostgreSQL', 'error', { target: '≤ 1 s', pass: false });
  }
  const cacheHome = join(dir, 'cache');
  const rEnv = env({ XDG_CACHE_HOME: cacheHome, MOT_NOW });
  const checkReport = (r) => {
    try {
      const j = JSON.parse(r.out);
      if (j.questions?.length !== REPORT_QUESTIONS) return `${j.questions?.length} questions in the report, not ${REPORT_QUESTIONS}`;
      if (j.learners?.length !== REPORT_LEARNERS) return `${j.learners?.length} learners in the report, not ${REPORT_LEARNERS}`;
      if (j.questions[0].n !== REPORT_LEARNERS) return `n = ${j.questions[0].n}, not ${REPORT_LEARNERS}`;
      return undefined;
    } catch {
      return 'report --format json printed no JSON';
    }
  };
  try {
    for (const [name, location] of engines) {
      const ms = await fill(location);
      note(`R: filled the ${name} store with ${data.sessions.length.toLocaleString('en')} sessions and ${data.answers.length.toLocaleString('en')} answers in ${fmtMs(ms)} (putSessions/putAnswers).`);
      const args = [MOT, 'report', '--format', 'json', '--content', content, '-b', 'bench-report', '--store', location];
      const [version, report] = await timeInterleaved(
        [{ args: [MOT, '--version'], options: { env: rEnv } }, { args, options: { env: rEnv, memory: true, timeoutMs: 60_000 }, check: checkReport }],
        { warmup: 1, runs: 7 },
      );
      if (report.time.n === 0) {
        row('R', `report, ${name}`, 'error', { target: '≤ 1 s', pass: false });
        note(`R: ${name}: ${describeFailure(report.failures.at(-1))}`);
        continue;
      }
      const beyond = report.time.median - version.time.median;
      row('R', `report --format json, ${name}`, fmtMs(report.time.median), {
        spread: fmtSpread(report.time),
        ratio: `${fmtMs(beyond)} beyond --version${report.rss ? `, ${fmtMb(report.rss.median)}` : ''}`,
        target: '≤ 1 s',
        pass: report.time.median <= 1000,
      });
    }
  } finally {
    await pg?.stop();
  }
}

// ------------------------------------------------------------------ main

const started = performance.now();
let motVersion = '?';
try {
  motVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
} catch {}
const meta = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, mot ${motVersion}, Node ${process.versions.node}, ${cpuList().length} × ${cpuList()[0]?.model?.trim() ?? 'cpu'}`;
console.log(`mot benchmark — ${meta}`);
if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  console.log('dist/cli.js is missing: run `npm run bench` (it builds first).');
  process.exit(0);
}
process.stderr.write(`  (temp folder ${WORK})\n`);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    rmSync(WORK, { recursive: true, force: true });
    process.exit(130);
  });

for (const [name, fn] of [
  ['A', sectionA],
  ['B', sectionB],
  ['C', sectionC],
  ['D', sectionD],
  ['R', sectionR],
]) {
  if (!want(name)) continue;
  const t0 = performance.now();
  try {
    await fn();
  } catch (err) {
    row(name, 'section failed', 'error');
    note(`${name}: ${err?.stack ?? err}`);
  }
  note(`${name}: section took ${fmtMs(performance.now() - t0)}.`);
}

console.log('');
printTable();
if (notes.length) {
  console.log('\nNotes');
  for (const n of notes) console.log(`  - ${n}`);
}
printSummary(meta);
console.log(`\nBench took ${fmtMs(performance.now() - started)}; peak RSS by ${haveTime() ? TIME_BIN + ' -f %M' : 'n/a (no ' + TIME_BIN + ')'}.`);
try {
  rmSync(WORK, { recursive: true, force: true });
} catch {}
process.exit(0);
