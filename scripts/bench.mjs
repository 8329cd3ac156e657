// The benchmark: start-up, time to the first question and a whole one-question session,
// validating 10,000 questions, hostile files that must parse in bounded time (P), and the
// progress store at 1,000,000 answers on SQLite and on PostgreSQL (an embedded server the bench
// starts itself), all measured in one run on this machine, as ratios against plain Node where that
// makes sense. It reports; it never fails (exit code 0).
//
//   npm run bench                      build, then run every section
//   node scripts/bench.mjs --only A,D  some sections only (expects a built dist/)
//
// Every timing is the median of several runs after a warm-up, processes run one at a time and
// are timed from spawn with performance.now(). Temporary files go to the OS temp folder; the
// generated stores of 1,000,000 answers (an SQLite file, a PostgreSQL data folder) are kept there
// between runs, keyed by the generator's version and the stores' migrations.
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
const STORE_GEN_VERSION = 'store-gen-4';
const BENCH_LEARNER = 'learner-250';

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
function run(args, { cmd = NODE, env: e = env(), input, until, untilStream = 'stdout', memory = false, timeoutMs = 120_000, cwd = ROOT, exitCodes = [0] } = {}) {
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
      resolve({ ms: ms ?? NaN, exitMs, code, signal, out, err, rssKb, timedOut, ok: !timedOut && (until === undefined ? exitCodes.includes(code) : hit !== undefined) });
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
  progress('B: time to the first question (train -b retail -n 10 --seed 1), and a one-question session');
  const dir = join(WORK, 'b');
  mkdirSync(dir, { recursive: true });
  warmCacheHome = join(dir, 'cache-warm');
  const args = [MOT, 'train', '-b', 'retail', '-n', '10', '--seed', '1'];
  const common = { until: 'Question 1 of', timeoutMs: 30_000 };
  const store = join(dir, 'train.db');
  // The warm-up run fills the bank cache (and creates the store).
  // node -e 0 runs again here, interleaved with the runs it is compared with.
  // The same without V8's code cache (src/boot/code-cache.ts), to show what it saves.
  const [base, warm, uncompiled] = await timeInterleaved(
    [
      { args: ['-e', '0'] },
      { args, options: { ...common, env: env({ MOT_STORE: store, XDG_CACHE_HOME: warmCacheHome }) } },
      { args, options: { ...common, env: env({ MOT_STORE: store, XDG_CACHE_HOME: warmCacheHome, MOT_CODE_CACHE: 'off' }) } },
    ],
    { warmup: 2, runs: 15 },
  );
  const baseline = base.time;
  row('B', 'node -e 0 (interleaved with B)', fmtMs(baseline.median), { spread: fmtSpread(baseline) });
  let coldN = 0;
  const [cold] = await timeInterleaved(
    [{ args, options: () => ({ ...common, env: env({ MOT_STORE: store, XDG_CACHE_HOME: join(dir, `cache-cold-${coldN++}`) }) }) }],
    { warmup: 1, runs: 7 },
  );
  // A whole session of one question, scripted, to its exit: the store opened, the session and the
  // answer written, the card scheduled, the summary printed. Same warm cache and store as above.
  const sessionArgs = [MOT, 'train', '-b', 'retail', '-n', '1', '--seed', '1'];
  const [base2, session] = await timeInterleaved(
    [
      { args: ['-e', '0'] },
      {
        args: sessionArgs,
        options: { input: 'a\n', timeoutMs: 30_000, env: env({ MOT_STORE: store, XDG_CACHE_HOME: warmCacheHome }) },
        check: (r) => (/Question 1 of 1/.test(stripAnsi(r.out)) && /Score/.test(stripAnsi(r.out)) ? undefined : 'no question and score in the output'),
      },
    ],
    { warmup: 2, runs: 15 },
  );
  firstQuestionWarm = warm.time;
  for (const [label, s, limit, against] of [
    ['first question, warm bank cache', warm, 1.3, baseline],
    ['first question, warm bank cache, no code cache (info)', uncompiled, undefined, baseline],
    ['first question, cold bank cache (info)', cold, undefined, baseline],
    ['one-question scripted session, to exit', session, 1.5, base2.time],
  ]) {
    const target = limit ? `≤ ${limit.toFixed(2)}×` : '';
    if (s.time.n === 0) {
      row('B', label, 'error', { target, pass: limit ? false : undefined });
      note(`B: ${label}: ${describeFailure(s.failures.at(-1))}`);
      continue;
    }
    const ratio = s.time.median / against.median;
    row('B', label, fmtMs(s.time.median), { spread: fmtSpread(s.time), ratio: fmtRatio(ratio), target, pass: limit ? ratio <= limit : undefined });
  }
  row('B', 'node -e 0 (interleaved with the session)', fmtMs(base2.time.median), { spread: fmtSpread(base2.time) });
}

// ------------------------------------------------------------------ P. hostile input: parsing bounded by its size (issue 8, 2.4)

async function sectionP() {
  progress('P: mot validate of a 40,000-key mapping, and of two 8 MB files of "- {}" in one folder');
  const dir = join(WORK, 'p');
  const big = join(dir, 'mapping');
  const lists = join(dir, 'lists');
  mkdirSync(big, { recursive: true });
  mkdirSync(lists, { recursive: true });
  // 40,000 keys of 10 bytes a line: 400,000 bytes, one mapping.
  const keys = Array.from({ length: 40_000 }, (_, i) => `k${String(i).padStart(5, '0')}: 1\n`).join('');
  writeFileSync(join(big, 'keys.yaml'), `bank: big\ntitle: Big\nindustry: retail\n${keys}`);
  // Just under the 8 MB a bank may be, so both are parsed, not refused for their size.
  const flow = '- {}\n'.repeat(Math.floor((8 * 1048576) / 5));
  for (const name of ['a.yaml', 'b.yaml']) writeFileSync(join(lists, name), flow);
  const sizes = (folder) => readdirSync(folder).map((f) => statSync(join(folder, f)).size);
  note(`P: the mapping file is ${(sizes(big)[0] / 1000).toFixed(0)} KB; the two list files are ${sizes(lists).map((b) => (b / 1048576).toFixed(2) + ' MB').join(' and ')}.`);
  const invalid = (r) => (r.code === 1 && /error|problem/i.test(stripAnsi(r.out + r.err)) ? undefined : `expected problems and exit 1, got exit ${r.code}`);
  const options = { env: env({ MOT_CACHE: 'off' }), exitCodes: [1], memory: true, timeoutMs: 60_000 };
  const [mapping, twoLists] = await timeInterleaved(
    [
      { args: [MOT, 'validate', big], options, check: invalid },
      { args: [MOT, 'validate', lists], options, check: invalid },
    ],
    { warmup: 1, runs: 5 },
  );
  for (const [label, s] of [
    ['validate, one mapping of 40,000 keys (400 KB)', mapping],
    ['validate, two 8 MB files of "- {}" in one folder', twoLists],
  ]) {
    if (s.time.n === 0) {
      row('P', label, 'error', { target: '≤ 2 s', pass: false });
      note(`P: ${label}: ${describeFailure(s.failures.at(-1))}`);
      continue;
    }
    row('P', label, fmtMs(s.time.median), { spread: fmtSpread(s.time), ratio: s.rss ? `peak ${fmtMb(s.rss.median)}` : '', target: '≤ 2 s', pass: s.time.median <= 2000 });
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

// ------------------------------------------------------------------ D. the store at 1,000,000 answers, SQLite and PostgreSQL

// One learner with 1,000,000 answers (10,000 sessions of 100), stored through the stores' own
// code (putSessions / putAnswers, cards scheduled by the real FSRS), once per schema version; the
// SQLite file and the PostgreSQL data folder are kept in CACHE_ROOT between runs.
const STORE_SESSIONS = 10_000;
const STORE_ANSWERS_PER_SESSION = 100;
const DRILL_NOW = '2027-01-24T09:00:00.000Z';
const CONCURRENT_SESSIONS = 20;
const CONCURRENT_ANSWERS = 200; // per session

/** The stores, their schemas and the test helper for an embedded server, bundled from src/ with esbuild for this run. */
async function storeHelpers() {
  const dir = join(ROOT, 'node_modules', '.cache', 'mot-bench');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'store-helpers-entry.ts');
  const from = (path) => JSON.stringify(join(ROOT, path));
  writeFileSync(
    entry,
    [
      `export { openProgressStore } from ${from('src/store/open.ts')};`,
      `export { MIGRATIONS } from ${from('src/store/schema.ts')};`,
      `export { PG_MIGRATIONS } from ${from('src/store/postgres-schema.ts')};`,
      `export { startPostgres } from ${from('test/helpers/postgres.ts')};`,
      '',
    ].join('\n'),
  );
  const outfile = join(dir, 'store-helpers.mjs');
  const { build } = await import(pathToFileURL(requireHere.resolve('esbuild')).href);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
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

/** The bench learner's sessions and answers, `batch` sessions at a time, the same on every run. */
function* learnerData(questions, batch) {
  const rand = prng(42);
  const hex = (n) => {
    let s = '';
    while (s.length < n) s += ((rand() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return s.slice(0, n);
  };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
  const hashes = new Map(questions.map((q) => [q.id, createHash('sha1').update(q.id).digest('hex').slice(0, 16)]));
  const now = Date.parse(MOT_NOW);
  const span = 3 * 365 * 86_400_000;
  const modes = ['train', 'train', 'exam', 'drill'];
  for (let first = 0; first < STORE_SESSIONS; first += batch) {
    const sessions = [];
    const answers = [];
    for (let s = first; s < Math.min(STORE_SESSIONS, first + batch); s++) {
      const start = now - span + Math.floor(((s + rand() * 0.8) / STORE_SESSIONS) * span);
      const picked = shuffleWith(rand, questions).slice(0, STORE_ANSWERS_PER_SESSION);
      const id = uuid();
      sessions.push({
        id,
        learner: BENCH_LEARNER,
        mode: modes[s % 4],
        filters: {},
        seed: Math.floor(rand() * 2 ** 31),
        plan: picked.map((q) => ({ id: q.id, order: shuffleWith(rand, [...Array(q.n).keys()]) })),
        passMark: 0.8,
        started: new Date(start).toISOString(),
        finished: new Date(start + (STORE_ANSWERS_PER_SESSION + 1) * 20_000).toISOString(),
      });
      picked.forEach((q, position) => {
        const response = q.type === 'rank' ? shuffleWith(rand, [...Array(q.n).keys()]) : q.type === 'best-worst' ? [0, 1] : [Math.floor(rand() * q.n)];
        const score = [0, 0.25, 0.5, 1, 1][Math.floor(rand() * 5)];
        answers.push({
          id: uuid(),
          sessionId: id,
          learner: BENCH_LEARNER,
          position,
          questionId: q.id,
          questionHash: hashes.get(q.id),
          response,
          score,
          seconds: 5 + Math.round(rand() * 550) / 10,
          answeredAt: new Date(start + (position + 1) * 20_000).toISOString(),
        });
      });
    }
    yield { sessions, answers };
  }
}

async function fillStore(helpers, location, questions) {
  const t0 = performance.now();
  const store = await helpers.openProgressStore(location);
  try {
    for (const { sessions, answers } of learnerData(questions, 100)) {
      await store.putSessions(sessions);
      await store.putAnswers(answers);
    }
    return { ms: performance.now() - t0, answers: await store.answeredCount(BENCH_LEARNER), sessions: (await store.sessionSummaries(BENCH_LEARNER)).length };
  } finally {
    await store.close();
  }
}

/** A bank of 200 choice questions, for the concurrent sessions: every scripted answer is `a`. */
function concurrencyBank() {
  return [
    'bank: bench-store',
    'title: Store benchmark',
    'industry: general',
    'questions:',
    ...Array.from({ length: CONCURRENT_ANSWERS }, (_, i) => [
      `  - id: q-${String(i + 1).padStart(3, '0')}`,
      `    prompt: Store benchmark situation ${i + 1}, what do you do?`,
      '    choices:',
      `      - { text: The best response to situation ${i + 1}, score: 1 }`,
      `      - { text: A partly right response to situation ${i + 1}, score: 0.5 }`,
      `      - { text: A wrong response to situation ${i + 1}, score: 0 }`,
    ]).flat(),
  ].join('\n');
}

async function sectionD() {
  progress(`D: the progress store: one learner with ${(STORE_SESSIONS * STORE_ANSWERS_PER_SESSION).toLocaleString('en')} answers, SQLite and PostgreSQL`);
  const helpers = await storeHelpers();
  const questions = builtInQuestions();
  const key = (schema) =>
    createHash('sha1')
      .update(JSON.stringify([STORE_GEN_VERSION, MOT_NOW, STORE_SESSIONS, STORE_ANSWERS_PER_SESSION, schema, questions]))
      .digest('hex')
      .slice(0, 12);
  mkdirSync(CACHE_ROOT, { recursive: true });
  const sqliteKey = key(helpers.MIGRATIONS);
  const pgKey = key(helpers.PG_MIGRATIONS);
  // Only the current generation is kept.
  for (const f of readdirSync(CACHE_ROOT))
    if ((/^store-/.test(f) && f !== `store-${sqliteKey}.db`) || (/^pg-/.test(f) && f !== `pg-${pgKey}`)) rmSync(join(CACHE_ROOT, f), { recursive: true, force: true });

  // SQLite: the cached file, copied (the drill writes a session).
  const cachedSqlite = join(CACHE_ROOT, `store-${sqliteKey}.db`);
  if (!existsSync(cachedSqlite)) {
    progress(`D: storing the answers in SQLite (once; kept in ${CACHE_ROOT})`);
    const tmp = join(CACHE_ROOT, `building-${process.pid}.db`);
    const filled = await fillStore(helpers, tmp, questions);
    renameSync(tmp, cachedSqlite);
    for (const suffix of ['-wal', '-shm']) rmSync(tmp + suffix, { force: true });
    note(`D: SQLite: stored ${filled.answers.toLocaleString('en')} answers in ${filled.sessions.toLocaleString('en')} sessions through putSessions/putAnswers in ${fmtMs(filled.ms)}.`);
  }
  const sqliteFile = join(WORK, 'store.db');
  copyFileSync(cachedSqlite, sqliteFile);

  // PostgreSQL: the bench's own embedded server, on a data folder kept between runs.
  let pg;
  let pgUrl;
  try {
    const dataDir = join(CACHE_ROOT, `pg-${pgKey}`);
    const building = !existsSync(join(dataDir, 'mot-bench-ready'));
    if (building) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const t0 = performance.now();
    pg = await helpers.startPostgres({ dataDir, keepData: true });
    note(`D: embedded PostgreSQL started in ${fmtMs(performance.now() - t0)} (port ${pg.port}).`);
    pgUrl = pg.url.replace(/\/postgres$/, '/mot_bench');
    if (building) {
      progress(`D: storing the answers in PostgreSQL (once; kept in ${dataDir})`);
      await pg.query(pg.url, 'CREATE DATABASE mot_bench');
      const filled = await fillStore(helpers, pgUrl, questions);
      await pg.query(pgUrl, 'VACUUM ANALYZE');
      writeFileSync(join(dataDir, 'mot-bench-ready'), new Date().toISOString());
      note(`D: PostgreSQL: stored ${filled.answers.toLocaleString('en')} answers in ${filled.sessions.toLocaleString('en')} sessions through putSessions/putAnswers in ${fmtMs(filled.ms)}.`);
    }
  } catch (err) {
    note(`D: PostgreSQL could not be used: ${String(err?.message ?? err).split('\n')[0]}`);
    await pg?.stop().catch(() => {});
    pg = undefined;
  }
  const engines = [['SQLite', sqliteFile], ...(pg ? [['PostgreSQL', pgUrl]] : [])];
  note(`D: ${questions.length} built-in questions; learner ${BENCH_LEARNER}: ${STORE_SESSIONS.toLocaleString('en')} sessions × ${STORE_ANSWERS_PER_SESSION} answers; MOT_NOW=${MOT_NOW}; SQLite file ${(statSync(sqliteFile).size / 1048576).toFixed(0)} MB.`);

  try {
    // A warm bank cache, as a learner's second run would have (B's, or a new one here).
    const cacheHome = warmCacheHome ?? join(WORK, 'cache-d');
    const dEnv = (extra = {}) => env({ MOT_NOW, XDG_CACHE_HOME: cacheHome, ...extra });
    await run([MOT, 'banks', '--json'], { env: dEnv() });
    const checkStats = (r) => {
      try {
        const j = JSON.parse(r.out);
        return j.answered === STORE_SESSIONS * STORE_ANSWERS_PER_SESSION || j.answered === 0 ? undefined : `stats counted ${j.answered} answers`;
      } catch {
        return 'stats --json printed no JSON';
      }
    };
    const statsArgs = (learner, location) => [MOT, 'stats', '--json', '--learner', learner, '--store', location];
    const side = [];
    for (const [name, location] of engines) {
      const [version, stats, nobody] = await timeInterleaved(
        [
          { args: [MOT, '--version'], options: { env: dEnv() } },
          { args: statsArgs(BENCH_LEARNER, location), options: { env: dEnv() }, check: checkStats },
          { args: statsArgs('nobody-here', location), options: { env: dEnv() }, check: checkStats },
        ],
        { warmup: 1, runs: 11 },
      );
      if (stats.time.n === 0) {
        row('D', `stats --json, 1,000,000 answers, ${name}`, 'error', { target: '≤ 500 ms', pass: false });
        note(`D: ${name}: stats failed: ${describeFailure(stats.failures.at(-1))}`);
        continue;
      }
      row('D', `stats --json, 1,000,000 answers, ${name}`, fmtMs(stats.time.median), {
        spread: fmtSpread(stats.time),
        ratio: `${fmtMs(stats.time.median - version.time.median)} beyond --version`,
        target: '≤ 500 ms',
        pass: stats.time.median <= 500,
      });
      if (nobody.time.n) row('D', `stats, learner with no answers, ${name} (info)`, fmtMs(nobody.time.median), { spread: fmtSpread(nobody.time) });
      side.push([name, stats.time.median]);
    }

    // The drill on SQLite: stdin at end of input, so it selects the due cards, shows question 1 and stops.
    // A week after the last session, when a good part of the learner's cards are due.
    const drillEnv = () => dEnv({ MOT_NOW: DRILL_NOW });
    const drillArgs = (learner) => [MOT, 'drill', '--json', '-n', '20', '--learner', learner, '--store', sqliteFile];
    const checkDrill = (r) => (/Question 1 of/.test(stripAnsi(r.err)) ? undefined : 'the drill showed no first question');
    if (!firstQuestionWarm) await sectionB(); // the drill is compared with B's warm first question
    const [drill, drillNew] = await timeInterleaved(
      [
        { args: drillArgs(BENCH_LEARNER), options: { env: drillEnv(), input: '' }, check: checkDrill },
        { args: drillArgs('nobody-here'), options: { env: drillEnv(), input: '' }, check: checkDrill },
      ],
      { warmup: 1, runs: 11 },
    );
    if (drill.time.n === 0) {
      row('D', 'drill (stdin at end), beyond first question', 'error', { target: '≤ 100 ms', pass: false });
      note(`D: drill failed: ${describeFailure(drill.failures.at(-1))}`);
    } else if (firstQuestionWarm?.n) {
      const beyond = drill.time.median - firstQuestionWarm.median;
      row('D', 'drill exit, beyond B warm first question, SQLite', fmtMs(beyond), { ratio: `drill ${fmtMs(drill.time.median)}, B warm ${fmtMs(firstQuestionWarm.median)}`, target: '≤ 100 ms', pass: beyond <= 100 });
      if (drillNew.time.n) row('D', 'drill, beyond a learner with no cards (info)', fmtMs(drill.time.median - drillNew.time.median), { ratio: `new learner: ${fmtMs(drillNew.time.median)}` });
    }

    // What drill asks the store, in-process, through the store's own methods.
    const startOfDay = MOT_NOW.slice(0, 10) + 'T00:00:00.000Z';
    for (const [name, location] of engines) {
      const times = [];
      let due = 0;
      for (let i = 0; i < 13; i++) {
        const t0 = performance.now();
        const store = await helpers.openProgressStore(location);
        due = (await store.dueCards(BENCH_LEARNER, DRILL_NOW, 100_000)).length;
        await store.seenQuestions(BENCH_LEARNER);
        await store.newSince(BENCH_LEARNER, startOfDay);
        await store.close();
        if (i >= 3) times.push(performance.now() - t0);
      }
      const s = series(times);
      row('D', `open + due + seen + new-today, in-process, ${name}`, fmtMs(s.median), { spread: fmtSpread(s), ratio: `${due} due`, target: '≤ 100 ms', pass: s.median <= 100 });
    }

    // Answers stored per second: 20 scripted exams at once, each answering 200 questions.
    const dir = join(WORK, 'd-concurrent');
    mkdirSync(join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, 'content', 'bench-store.yaml'), concurrencyBank());
    const answers = 'a\n'.repeat(CONCURRENT_ANSWERS);
    const targets = [['SQLite', join(dir, 'concurrent.db')]];
    if (pg) {
      // A fresh database each run: the data folder is kept, this database must not be.
      await pg.query(pg.url, 'DROP DATABASE IF EXISTS mot_bench_concurrent');
      await pg.query(pg.url, 'CREATE DATABASE mot_bench_concurrent');
      targets.push(['PostgreSQL', pg.url.replace(/\/postgres$/, '/mot_bench_concurrent')]);
    }
    const sessionArgs = (location, i) => [MOT, 'exam', '--content', join(dir, 'content'), '-b', 'bench-store', '-n', String(CONCURRENT_ANSWERS), '--no-shuffle', '--learner', `terminal-${i}`, '--store', location, '--json'];
    for (const [name, location] of targets) {
      await run(sessionArgs(location, 0), { env: dEnv(), input: 'a\n' }); // schema and bank cache in place first
      const rates = [];
      const failures = [];
      for (let round = 0; round < 3; round++) {
        const t0 = performance.now();
        const results = await Promise.all(Array.from({ length: CONCURRENT_SESSIONS }, (_, i) => run(sessionArgs(location, i), { env: dEnv(), input: answers, timeoutMs: 300_000 })));
        const ms = performance.now() - t0;
        const ok = results.filter((r) => r.ok);
        failures.push(...results.filter((r) => !r.ok));
        rates.push((ok.length * CONCURRENT_ANSWERS) / (ms / 1000));
      }
      const store = await helpers.openProgressStore(location);
      let stored = 0;
      for (let i = 0; i < CONCURRENT_SESSIONS; i++) stored += await store.answeredCount(`terminal-${i}`);
      await store.close();
      const expected = 3 * CONCURRENT_SESSIONS * CONCURRENT_ANSWERS + 1;
      if (failures.length) note(`D: ${name}: ${failures.length} concurrent sessions failed; last: ${describeFailure(failures.at(-1))}`);
      const s = series(rates);
      row('D', `answers stored/s, ${CONCURRENT_SESSIONS} concurrent sessions, ${name}`, `${Math.round(s.median)}/s`, {
        spread: `3 rounds, ${Math.round(s.min)}–${Math.round(s.max)}/s`,
        ratio: `${stored.toLocaleString('en')} of ${expected.toLocaleString('en')} stored`,
        pass: stored === expected && failures.length === 0,
        target: 'none lost',
      });
      side.push([`${name} answers/s`, s.median]);
    }
    if (side.length) note(`D: side by side: ${side.map(([n, v]) => (/answers/.test(n) ? `${n} ${Math.round(v)}` : `stats ${n} ${fmtMs(v)}`)).join(' · ')}`);
  } finally {
    await pg?.stop();
  }
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
  ['P', sectionP],
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
