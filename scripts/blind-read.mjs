// Reading copies for blind readers of banks, and the scoring of what they answered (issue 9: the
// encounter must be necessary and sufficient). A reader never sees the key: the copy has no
// scores, marks, feedback or explanations, and the choices are shuffled (seeded) and lettered
// a, b, c, … so that written order gives nothing away. The answer key is written to its own file.
//
//   node scripts/blind-read.mjs --mode no-key content/retail.yaml --out reading.md --key-out key.json
//   node scripts/blind-read.mjs --mode responses-only content/*.yaml --seed 7 --out r.md --key-out k.json
//   node scripts/blind-read.mjs --score answers.json --key key.json
//
// --mode no-key          scenario, prompt and choices
// --mode responses-only  the choices only (no scenario, no prompt): can the key be found without the encounter?
// --seed N               the shuffle (default 1); the same seed gives the same copy
// --out FILE             the reading copy (default: stdout)
// --key-out FILE         the answer key (required with --mode; never give it to the reader)
// --score ANSWERS --key KEY   scores a reader's answers. ANSWERS is JSON ({ "Q1": "b", "Q2": "a,c" })
//                        or text lines ("Q1: b"); letters as in the copy: choice one letter, multi
//                        the letters picked, rank every letter best first, best-worst most then
//                        least effective ("b,d"). Prints, per bank, the hit rate on choice
//                        questions against chance and the mean session score by the bank-format
//                        formulas, as a table and (with --json) as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';

const INSTRUCTIONS = {
  choice: 'Pick the one best response (one letter).',
  multi: 'Pick every response that applies (letters separated by commas; none is allowed).',
  rank: 'Put every response in the order the prompt asks, the first one first (all letters); with no order named, from most to least effective.',
  'best-worst': 'Pick the most effective and then the least effective response (two letters).',
};

function main(argv) {
  const args = parseArgs(argv);
  if (args.score) return score(args);
  if (!args.mode) fail('give --mode no-key or --mode responses-only (or --score ANSWERS --key KEY).');
  if (!['no-key', 'responses-only'].includes(args.mode)) fail(`--mode must be no-key or responses-only, not "${args.mode}".`);
  if (!args.keyOut) fail('give --key-out FILE: the answer key is written apart from the reading copy.');
  if (args.files.length === 0) fail('give one or more bank files.');
  const { copy, key } = readingCopy(args.files, args.mode, Number(args.seed ?? 1));
  if (args.out) writeFileSync(args.out, copy);
  else process.stdout.write(copy);
  writeFileSync(args.keyOut, JSON.stringify(key, null, 2) + '\n');
  process.stderr.write(`${key.questions.length} questions; reading copy ${args.out ?? 'on stdout'}, key in ${args.keyOut}.\n`);
}

function parseArgs(argv) {
  const args = { files: [] };
  const names = { '--mode': 'mode', '--seed': 'seed', '--out': 'out', '--key-out': 'keyOut', '--score': 'score', '--key': 'key' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n') + '\n');
      process.exit(0);
    } else if (names[a]) {
      if (argv[i + 1] === undefined) fail(`${a} needs a value.`);
      args[names[a]] = argv[++i];
    } else if (a.startsWith('--')) fail(`unknown option ${a}.`);
    else args.files.push(a);
  }
  return args;
}

function fail(message) {
  process.stderr.write(`blind-read: ${message}\n`);
  process.exit(2);
}

/** A seeded generator (mulberry32), so a copy can be made again exactly. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n, next) {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function readBank(file) {
  let data;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`${file}: ${String(err.message ?? err).split('\n')[0]}`);
  }
  if (!data || !Array.isArray(data.questions)) fail(`${file}: not a bank (no questions:). Run mot validate on it.`);
  return { id: String(data.bank ?? basename(file)), title: String(data.title ?? data.bank), questions: data.questions };
}

const letter = (i) => String.fromCharCode(97 + i);
const clean = (text) => String(text ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').trim();

function readingCopy(files, mode, seed) {
  const next = random(seed);
  const lines = [
    mode === 'no-key' ? '# Reading copy: scenario, prompt and responses' : '# Reading copy: the responses only',
    '',
    mode === 'no-key'
      ? 'Answer every question as you judge best. Write one line per question, such as `Q1: b`.'
      : 'Each question shows only the possible responses of an encounter you cannot see. Answer as you judge best from the responses alone. Write one line per question, such as `Q1: b`.',
    '',
  ];
  const key = { mode, seed, questions: [] };
  let n = 0;
  for (const file of files) {
    const bank = readBank(file);
    lines.push(`## ${clean(bank.title)}`, '');
    for (const q of bank.questions) {
      if (!q || !Array.isArray(q.choices)) continue;
      const type = q.type ?? 'choice';
      const label = `Q${++n}`;
      const order = shuffled(q.choices.length, next);
      lines.push(`### ${label}`, '');
      if (mode === 'no-key') {
        if (q.scenario) lines.push(clean(q.scenario), '');
        lines.push(`**${clean(q.prompt)}**`, '');
      }
      lines.push(`_${INSTRUCTIONS[type] ?? 'Answer with letters.'}_`, '');
      order.forEach((written, shown) => lines.push(`${letter(shown)}) ${clean(q.choices[written]?.text).replace(/\s+/g, ' ')}`));
      lines.push('');
      key.questions.push({
        label,
        bank: bank.id,
        id: String(q.id),
        type,
        // shown[k] is the written index of the choice lettered k.
        shown: order,
        marks: q.choices.map((c) => ({ score: c.score, correct: c.correct, best: c.best, worst: c.worst })),
      });
    }
  }
  return { copy: lines.join('\n'), key };
}

// --- scoring, by the bank format's formulas -------------------------------------------------

function readAnswers(file) {
  const text = readFileSync(file, 'utf8');
  try {
    const data = JSON.parse(text);
    if (data && typeof data === 'object' && !Array.isArray(data)) return new Map(Object.entries(data).map(([k, v]) => [k.toUpperCase(), String(v)]));
  } catch {
    // not JSON: lines of "Q1: b"
  }
  const answers = new Map();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(Q\d+)\s*[:=)\-.]?\s*(.*)$/i.exec(line);
    if (m) answers.set(m[1].toUpperCase(), m[2]);
  }
  return answers;
}

/** Written indices, in the order given, from letters as shown; undefined when a letter does not exist. */
function written(answer, shown) {
  const letters = answer.toLowerCase().replace(/\s+/g, '').split(',').filter(Boolean);
  const out = [];
  for (const l of letters) {
    const k = l.charCodeAt(0) - 97;
    if (l.length !== 1 || k < 0 || k >= shown.length) return undefined;
    out.push(shown[k]);
  }
  return out;
}

export function scoreQuestion(type, marks, response) {
  const n = marks.length;
  if (type === 'multi') {
    const C = marks.filter((m) => m.correct === true).length;
    const W = n - C;
    const picked = new Set(response);
    const h = [...picked].filter((i) => marks[i].correct === true).length;
    const w = picked.size - h;
    return Math.max(0, h / C - (W === 0 ? 0 : w / W));
  }
  if (type === 'rank') {
    if (response.length !== n || new Set(response).size !== n) return 0;
    let moved = 0;
    response.forEach((writtenIndex, position) => (moved += Math.abs(position - writtenIndex)));
    return 1 - moved / Math.floor((n * n) / 2);
  }
  if (type === 'best-worst') {
    const [most, least] = response;
    const best = marks.findIndex((m) => m.best === true);
    const worst = marks.findIndex((m) => m.worst === true);
    if (most === worst || least === best) return 0;
    return 0.5 * (most === best ? 1 : 0) + 0.5 * (least === worst ? 1 : 0);
  }
  const picked = response[0];
  return picked === undefined ? 0 : Number(marks[picked]?.score ?? 0);
}

function score(args) {
  if (!args.key) fail('give --key KEY (the file written by --key-out).');
  const key = JSON.parse(readFileSync(args.key, 'utf8'));
  const answers = readAnswers(args.score);
  const banks = new Map();
  const problems = [];
  for (const q of key.questions) {
    const b = banks.get(q.bank) ?? { bank: q.bank, questions: 0, answered: 0, total: 0, choice: 0, hits: 0, chance: 0 };
    banks.set(q.bank, b);
    b.questions += 1;
    const answer = answers.get(q.label);
    if (answer === undefined) {
      problems.push(`${q.label}: no answer`);
      continue;
    }
    const response = written(answer, q.shown);
    if (!response) {
      problems.push(`${q.label}: "${answer}" has a letter that is not a choice`);
      continue;
    }
    const s = scoreQuestion(q.type, q.marks, response);
    b.answered += 1;
    b.total += s;
    if (q.type === 'choice') {
      b.choice += 1;
      const keys = q.marks.filter((m) => m.score === 1).length;
      b.chance += keys / q.marks.length;
      if (response.length > 0 && q.marks[response[0]].score === 1) b.hits += 1;
    }
  }
  const rows = [...banks.values()].map((b) => ({
    bank: b.bank,
    questions: b.questions,
    answered: b.answered,
    choice_questions: b.choice,
    hit_rate: b.choice ? round(b.hits / b.choice) : null,
    chance: b.choice ? round(b.chance / b.choice) : null,
    above_chance_points: b.choice ? round((100 * (b.hits - b.chance)) / b.choice, 1) : null,
    session_score: b.answered ? round(b.total / b.answered) : null,
  }));
  if (args.json) process.stdout.write(JSON.stringify({ mode: key.mode, seed: key.seed, banks: rows, problems }, null, 2) + '\n');
  else {
    process.stdout.write(`reading: ${key.mode}, seed ${key.seed}\n`);
    process.stdout.write('bank                 answered  choice hit rate  chance  +points  session score\n');
    for (const r of rows)
      process.stdout.write(
        `${r.bank.padEnd(20)} ${`${r.answered}/${r.questions}`.padStart(8)}  ${fmt(r.hit_rate).padStart(15)}  ${fmt(r.chance).padStart(6)}  ${fmt(r.above_chance_points).padStart(7)}  ${fmt(r.session_score).padStart(13)}\n`,
      );
    for (const p of problems) process.stderr.write(`${p}\n`);
  }
}

const round = (x, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const fmt = (x) => (x === null ? '-' : String(x));

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main(process.argv.slice(2));
