// A seeded fuzz test of parseBank: hundreds of broken variants of a good bank, each of which must
// load as a bank or give located problems, and never throw. Set MOT_FUZZ_SEED to replay a run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBank, type ParsedBank } from '../../src/banks/parse-bank.js';

const GOOD = readFileSync(new URL('../fixtures/good/sample-clinic.yaml', import.meta.url), 'utf8');
const SEED = Number(process.env.MOT_FUZZ_SEED ?? 20270117);
const CASES = 600;

/** mulberry32, written out here so the test does not depend on the code it tests. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

const SCALARS = [
  '0', '1', '-1', '2', '0.5', '1.5', '1e400', '.nan', '.inf', 'true', 'false', 'null', '~', '', '""', "''",
  '[]', '{}', '[a, b]', '{text: x}', 'yes', 'choice', 'multi', 'rank', 'first', 'aftercare', 'Bad Id', 'x'.repeat(300),
  '"\\e[31mred\\e[0m"', '"\\e]0;title\\a"', '"\\u009b2J"', '|', '>', '!!binary aGVsbG8=', '!custom x', '*nowhere', '&anchor x',
  '- a', ': :', '"unterminated', '{a: [b, {c: d}]}', '2027-01-17', '0x1F', '__proto__',
];

const JUNK = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\r', '\u000b', '\u000c', '\u001b', '\u001b[2J', '\u001b]0;x\u0007', '\u007f', '\u0085', '\u009b', '\u00a0', '\u2028', '\u202e', '\ufeff', '\ud800', '\uffff', '🙂', ':', '-', '#', '&', '*', '!', '|', '>', '%', '@', '`', '"', "'", '{', '}', '[', ']', ',', '?', '\n', ' '];

type Mutation = (text: string, random: Random) => string;

const lineMutation = (change: (lines: string[], random: Random) => void): Mutation => (text, random) => {
  const lines = text.split('\n');
  change(lines, random);
  return lines.join('\n');
};

const MUTATIONS: Record<string, Mutation> = {
  'delete a line': lineMutation((lines, random) => void lines.splice(int(random, lines.length), 1)),
  'duplicate a line': lineMutation((lines, random) => {
    const i = int(random, lines.length);
    lines.splice(i, 0, lines[i]!);
  }),
  'swap two lines': lineMutation((lines, random) => {
    const i = int(random, lines.length);
    const j = int(random, lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }),
  'change an indentation': lineMutation((lines, random) => {
    const i = int(random, lines.length);
    const line = lines[i]!;
    const indent = pick(random, ['', ' ', '  ', '   ', '      ', '\t', ' \t']);
    lines[i] = random() < 0.5 ? indent + line.trimStart() : indent + line;
  }),
  'insert junk characters': (text, random) => {
    let out = text;
    for (let n = 1 + int(random, 4); n > 0; n--) {
      const at = int(random, out.length + 1);
      out = out.slice(0, at) + pick(random, JUNK) + out.slice(at);
    }
    return out;
  },
  'insert random bytes': (text, random) => {
    const at = int(random, text.length + 1);
    const bytes = Buffer.from(Array.from({ length: 1 + int(random, 16) }, () => int(random, 256)));
    return text.slice(0, at) + bytes.toString('latin1') + text.slice(at);
  },
  truncate: (text, random) => text.slice(0, int(random, text.length)),
  'replace a value': lineMutation((lines, random) => {
    const candidates = lines.map((line, i) => [line, i] as const).filter(([line]) => /:\s*\S/.test(line));
    if (candidates.length === 0) return;
    const [line, i] = pick(random, candidates);
    lines[i] = line.replace(/:\s.*$/, `: ${pick(random, SCALARS)}`);
  }),
  'rename a key': lineMutation((lines, random) => {
    const i = int(random, lines.length);
    lines[i] = lines[i]!.replace(/^(\s*-?\s*)([a-z_]+):/, (_m, lead: string) => `${lead}${pick(random, ['scroe', 'texts', 'Prompt', 'type', 'id', 'moment', 'x', '<<', '__proto__', 'constructor'])}:`);
  }),
  'add anchors and aliases': lineMutation((lines, random) => {
    const values = lines.map((line, i) => [line, i] as const).filter(([line]) => /:\s*\S/.test(line) && !line.includes('|'));
    if (values.length < 2) return;
    const [first, i] = pick(random, values);
    const name = `a${int(random, 3)}`;
    lines[i] = first.replace(/:\s/, `: &${name} `);
    for (let n = 1 + int(random, 3); n > 0; n--) {
      const [line, j] = pick(random, values);
      if (j !== i) lines[j] = line.replace(/:\s.*$/, `: *${pick(random, [name, name, 'missing'])}`);
    }
  }),
  'alias a whole question': (text, random) => {
    const out = text.replace('  - id: waiting-room-delay', '  - &q\n    id: waiting-room-delay');
    return out + (random() < 0.5 ? '  - *q\n' : '  - *q\n  - *q\n  - *undefined\n');
  },
  'nest a little': (text, random) => {
    const depth = 1 + int(random, 40);
    const at = int(random, text.length + 1);
    return text.slice(0, at) + '['.repeat(depth) + (random() < 0.5 ? ']'.repeat(depth) : '') + text.slice(at);
  },
};

const NAMES = Object.keys(MUTATIONS);

/** One fuzz case: a good bank with one to four mutations, or now and then pure noise. */
function fuzzCase(random: Random): { source: string; steps: string[] } {
  if (random() < 0.04) {
    const bytes = Buffer.from(Array.from({ length: int(random, 400) }, () => int(random, 256)));
    return { source: bytes.toString(random() < 0.5 ? 'utf8' : 'latin1'), steps: ['random bytes'] };
  }
  let source = GOOD;
  const steps: string[] = [];
  for (let n = 1 + int(random, 4); n > 0; n--) {
    const name = pick(random, NAMES);
    steps.push(name);
    source = MUTATIONS[name]!(source, random);
  }
  return { source, steps };
}

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** What is wrong with one result, or nothing. */
function faultsOf(parsed: ParsedBank, source: string): string[] {
  const faults: string[] = [];
  const lines = source.split('\n').length;
  if (!parsed.bank && !parsed.problems.some((p) => p.severity === 'error')) faults.push('no bank and no error');
  if (parsed.bank && parsed.problems.some((p) => p.severity === 'error')) faults.push('a bank despite errors');
  for (const p of parsed.problems) {
    if (!(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1)) faults.push(`line ${p.line} of ${lines}`);
    if (!(Number.isInteger(p.col) && p.col >= 1)) faults.push(`col ${p.col}`);
    if (typeof p.message !== 'string' || p.message.trim() === '') faults.push('an empty message');
    else if (UNSAFE.test(p.message)) faults.push(`a control character in ${JSON.stringify(p.message)}`);
    if (p.file !== 'fuzz.yaml') faults.push(`file ${p.file}`);
    // parseBank's last-resort catch: an internal error dressed as a problem is still a crash.
    if (p.message.startsWith('it could not be read as a bank (')) faults.push(`an internal error: ${p.message}`);
  }
  if (parsed.bank && stringsIn(parsed.bank).some((text) => UNSAFE.test(text))) faults.push('a control character in the bank');
  return faults;
}

describe('parseBank under fuzzing', () => {
  it(`loads a bank or gives located problems for ${CASES} broken banks, and never throws (seed ${SEED})`, () => {
    const random = prng(SEED);
    const failures: string[] = [];
    let banks = 0;
    for (let i = 0; i < CASES; i++) {
      const { source, steps } = fuzzCase(random);
      const replay = `seed ${SEED}, case ${i} (${steps.join(', ')}); replay with MOT_FUZZ_SEED=${SEED}`;
      let parsed: ParsedBank;
      try {
        parsed = parseBank(source, 'fuzz.yaml');
      } catch (err) {
        failures.push(`${replay}: threw ${String(err)}`);
        continue;
      }
      if (parsed.bank) banks += 1;
      const faults = faultsOf(parsed, source);
      if (faults.length > 0) failures.push(`${replay}: ${faults.join('; ')}\n${JSON.stringify(source.slice(0, 300))}`);
    }
    expect(failures.slice(0, 5), `${failures.length} of ${CASES} cases failed`).toEqual([]);
    // The mutations must leave some banks valid and break most, or the test proves little.
    expect(banks, `seed ${SEED}`).toBeGreaterThan(CASES * 0.02);
    expect(banks, `seed ${SEED}`).toBeLessThan(CASES * 0.8);
  });

  it('generates the same cases from the same seed, so a failure can be replayed', () => {
    const a = prng(SEED);
    const b = prng(SEED);
    for (let i = 0; i < 20; i++) expect(fuzzCase(b).source).toBe(fuzzCase(a).source);
  });
});
