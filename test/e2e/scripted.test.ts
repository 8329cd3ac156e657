// The built binary with stdin not a terminal: scripted answers, the JSON result, filters, banks,
// validate, and what reaches the user when things go wrong.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { driveSession, type ShownQuestion } from '../helpers/drive-session.js';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { FIXTURES, ROOT, runMot, sandbox, type RunResult } from '../helpers/run-mot.js';

const GOOD = join(FIXTURES, 'good');
const BROKEN = join(FIXTURES, 'broken');
const HOSTILE = join(FIXTURES, 'hostile');
const SAMPLE = ['--content', GOOD, '-b', 'sample-clinic', '--no-shuffle'];

interface JsonResult {
  mode: string;
  learner: string;
  finished: boolean;
  score: number;
  pass_mark: number;
  passed: boolean;
  answers: { id: string; type: string; response: string[]; score: number }[];
  breakdown: { industry: Record<string, number>; moment: Record<string, number>; stage: Record<string, number> };
}

interface StatsJson {
  learner: string;
  answered: number;
  sessions: { id: string; mode: string; started: string; finished: boolean; answered: number; score: number | null }[];
}

interface BankSummary {
  id: string;
  title: string;
  industry: string;
  questions: number;
  types: Record<string, number>;
  moments: Record<string, number>;
  stages: Record<string, number>;
  file: string;
}

let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const mot = (args: string[], input = '', env: Record<string, string | undefined> = {}) => runMot(args, { input, env: { ...box.env, ...env } });



async function stats(): Promise<StatsJson> {
  const run = await mot(['stats', '--json']);
  expect(run.code).toBe(0);
  return jsonOf<StatsJson>(run);
}

// The sample bank, written order: q1 choice (a 0, b 1, c 0.5); q2 multi (a, c correct of four);
// q3 rank (expert order a, b, c, d). The expected scores follow the bank format's formulas.
const multiScore = (picks: string[]) => {
  const correct = ['a', 'c'];
  const hits = picks.filter((p) => correct.includes(p)).length;
  const wrong = picks.length - hits;
  return Math.max(0, hits / 2 - wrong / 2);
};
const rankScore = (order: string[]) => {
  const displacement = order.reduce((sum, letter, position) => sum + Math.abs(position - (letter.charCodeAt(0) - 97)), 0);
  return 1 - displacement / Math.floor((order.length * order.length) / 2);
};

describe('a scripted exam', () => {
  const cases: { input: string; scores: [number, number, number]; responses: string[][] }[] = [
    { input: 'b\na,c\na,b,c,d\n', scores: [1, 1, 1], responses: [['b'], ['a', 'c'], ['a', 'b', 'c', 'd']] },
    { input: 'c\na,b\na,c,b,d\n', scores: [0.5, multiScore(['a', 'b']), rankScore(['a', 'c', 'b', 'd'])], responses: [['c'], ['a', 'b'], ['a', 'c', 'b', 'd']] },
    { input: 'B\n a , c \nd,c,b,a\n', scores: [1, 1, 0], responses: [['b'], ['a', 'c'], ['d', 'c', 'b', 'a']] },
    { input: 'a\n\nb,a,d,c\n', scores: [0, 0, rankScore(['b', 'a', 'd', 'c'])], responses: [['a'], [], ['b', 'a', 'd', 'c']] },
    { input: 'b\nc,a,d\nacbd\n', scores: [1, multiScore(['c', 'a', 'd']), rankScore(['a', 'c', 'b', 'd'])], responses: [['b'], ['c', 'a', 'd'], ['a', 'c', 'b', 'd']] },
    { input: 'c\na\nb,a,c,d\n', scores: [0.5, 0.5, 0.75], responses: [['c'], ['a'], ['b', 'a', 'c', 'd']] },
  ];

  for (const { input, scores, responses } of cases) {
    const mean = (scores[0] + scores[1] + scores[2]) / 3;
    it(`scores the answers ${JSON.stringify(input)} as ${mean.toFixed(4)} by the spec's formulas and says ${mean >= 0.75 ? 'passed' : 'not passed'}`, async () => {
      const run = await mot(['exam', ...SAMPLE, '--json'], input);
      expect(run.code).toBe(0);
      const result = jsonOf<JsonResult>(run);
      expect(result.mode).toBe('exam');
      expect(result.learner).toBe('tester');
      expect(result.finished).toBe(true);
      expect(result.pass_mark).toBeCloseTo(0.75, 9);
      expect(result.score).toBeCloseTo(mean, 4);
      expect(result.passed).toBe(mean >= 0.75 - 1e-9);
      expect(result.answers.map((a) => a.id)).toEqual([
        'sample-clinic/waiting-room-delay',
        'sample-clinic/discharge-call',
        'sample-clinic/angry-relative',
      ]);
      expect(result.answers.map((a) => a.type)).toEqual(['choice', 'multi', 'rank']);
      result.answers.forEach((a, i) => expect(a.score).toBeCloseTo(scores[i]!, 4));
      expect(result.answers.map((a) => a.response)).toEqual(responses);
    });
  }

  it('gives each breakdown group the mean score of its answered questions', async () => {
    const result = jsonOf<JsonResult>(await mot(['exam', ...SAMPLE, '--json'], 'c\na,b\na,c,b,d\n'));
    expect(result.breakdown.industry.healthcare).toBeCloseTo((0.5 + 0 + 0.75) / 3, 4);
    expect(result.breakdown.moment).toEqual({ second: expect.closeTo(0.625, 4), third: 0 });
    expect(result.breakdown.stage).toEqual({ delivery: 0.5, 'follow-up': 0, recovery: 0.75 });
  });

  it('lets --pass-mark decide pass or fail instead of the bank', async () => {
    const lenient = jsonOf<JsonResult>(await mot(['exam', ...SAMPLE, '--json', '--pass-mark', '0.5'], 'c\na\nb,a,c,d\n'));
    expect(lenient.pass_mark).toBe(0.5);
    expect(lenient.score).toBeCloseTo(0.583333, 4);
    expect(lenient.passed).toBe(true);
    const strict = jsonOf<JsonResult>(await mot(['exam', ...SAMPLE, '--json', '--pass-mark', '0.6'], 'c\na\nb,a,c,d\n'));
    expect(strict.passed).toBe(false);
  });

  it('a failed exam still exits 0 and reviews every miss', async () => {
    const run = await mot(['exam', ...SAMPLE], 'a\na,b\nd,c,b,a\n');
    expect(run.code).toBe(0);
    expectNoStackTrace(run);
    expect(run.stdout).toMatch(/not passed/i);
    expect(run.stdout).toMatch(/Review of 3 misses/);
    expect(run.stdout).toContain('Best: Apologise, give an honest estimate');
    // A multi and a rank miss are reviewed in words: what was chosen and what is best.
    const flat = run.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Best: Asking how the patient is recovering and whether anything worries them / Confirming the next appointment');
    expect(flat).toContain('Best: 1. Listen without interrupting');
  });

  it('records the response as the letters displayed, when the choices are shuffled', async () => {
    // With a seed the choices are shuffled; pick the best answers by their text on screen.
    const best = ['Apologise, give an honest estimate', 'Asking how the patient is recovering', 'Confirming the next appointment'];
    const expert = ['Listen without interrupting', 'Apologise and promise a call back', 'Explain that results often', 'Ask them to lower'];
    const letterOf = (q: ShownQuestion, start: string) => [...q.choices].find(([, text]) => text.startsWith(start))![0];
    const sent: string[][] = [];
    const run = await driveSession(['exam', '--content', GOOD, '-b', 'sample-clinic', '--seed', '5', '--json'], {
      env: box.env,
      answer: (q) => {
        const letters =
          q.type === 'choice' ? [letterOf(q, best[0]!)]
          : q.type === 'multi' ? [letterOf(q, best[2]!), letterOf(q, best[1]!)]
          : expert.map((text) => letterOf(q, text));
        sent.push(letters);
        return letters.join(',');
      },
    });
    expect(run.code).toBe(0);
    const result = jsonOf<JsonResult>(run);
    expect(result.score).toBe(1);
    expect(result.answers.map((a) => a.response)).toEqual(sent);
    // The seed did shuffle something, or this test would prove nothing.
    expect(sent.flat().join('')).not.toBe('bcaabcd');
    expect(sent).not.toEqual([['b'], ['c', 'a'], ['a', 'b', 'c', 'd']]);
  });
});

describe('a scripted training session', () => {
  it('prints the verdict, the feedback, the best answer and the explanation after each answer', async () => {
    const run = await mot(['train', ...SAMPLE], 'c\na,b\nb,a,c,d\n');
    expect(run.code).toBe(0);
    expectNoStackTrace(run);
    const out = run.stdout;
    // Question 1: c scores 0.5; its feedback, the best answer (b) with its feedback, and why.
    expect(out).toMatch(/Partly right.*50%/);
    expect(out).toContain('The apology helps, but the patient still has no estimate and no options.');
    expect(out).toMatch(/Best answer[\s\S]*Apologise, give an honest estimate/);
    expect(out).toContain('Honesty plus a choice gives the patient back some control.');
    expect(out).toContain('Waiting is part of the service itself');
    // Question 2: a and b score max(0, 1/2 - 1/2) = 0.
    expect(out).toMatch(/Wrong.*0%/);
    expect(out).toContain("The call is about the patient's recovery first");
    // Question 3: b, a, c, d scores 1 - 2/8.
    expect(out).toMatch(/Partly right.*75%/);
    expect(out).toMatch(/expert order/i);
    expect(out).toContain('Service recovery starts with listening');
    expect(out).toMatch(/Result[\s\S]*Score 42%/);
  });

  it('with --json puts only the JSON result on stdout and the session on stderr', async () => {
    const run = await mot(['train', ...SAMPLE, '--json'], 'b\na,c\na,b,c,d\n');
    expect(run.code).toBe(0);
    const result = jsonOf<JsonResult>(run);
    expect(result.mode).toBe('train');
    expect(run.stdout.trim().startsWith('{')).toBe(true);
    expect(run.stdout.trim().endsWith('}')).toBe(true);
    expect(run.stdout).not.toContain('Question 1 of 3');
    expect(run.stderr).toContain('Question 1 of 3');
    expect(run.stderr).toContain('Right');
    expect(run.stderr).toContain('Waiting is part of the service itself');
  });
});

describe('scripted answers that stop early', () => {
  it('stops at an answer line that does not fit, exits 2 naming the line, and keeps the answers before it', async () => {
    const run = await mot(['exam', ...SAMPLE, '--json'], 'b\nz\na,b,c,d\n');
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stderr).toMatch(/line 2:/);
    const s = await stats();
    expect(s.answered).toBe(1);
    expect(s.sessions).toHaveLength(1);
    expect(s.sessions[0]).toMatchObject({ mode: 'exam', finished: false, answered: 1, score: 1 });
  });

  it('rejects a rank line that leaves a choice out, naming its line', async () => {
    const run = await mot(['exam', ...SAMPLE], 'b\na,c\na,b,c\n');
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stderr).toMatch(/line 3:/);
    expect((await stats()).answered).toBe(2);
  });

  it('rejects two letters for a choice question', async () => {
    const run = await mot(['exam', ...SAMPLE], 'a,b\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 1:/);
    expect((await stats()).answered).toBe(0);
  });

  it('ends at the end of input with exit 0, finished false, a clear message, and the session saved unfinished', async () => {
    const run = await mot(['exam', ...SAMPLE, '--json'], 'b\n');
    expect(run.code).toBe(0);
    const result = jsonOf<JsonResult>(run);
    expect(result.finished).toBe(false);
    expect(result.answers).toHaveLength(1);
    expect(result.score).toBe(1);
    expect(run.stderr).toMatch(/ran out after 1 of 3 questions/);
    expect(run.stderr).toContain('`node bin/mot.js resume`');
    const s = await stats();
    expect(s.answered).toBe(1);
    expect(s.sessions[0]).toMatchObject({ finished: false, answered: 1 });
  });
});

describe('--seed', () => {
  const seeded = (seed: string) =>
    driveSession(['exam', '-n', '10', '--seed', seed, '--json'], { env: box.env }).then((run) => {
      expect(run.code).toBe(0);
      return { run, result: jsonOf<JsonResult>(run) };
    });

  it('draws the same questions with the same choice order twice, and another seed draws others', async () => {
    const first = await seeded('42');
    const again = await seeded('42');
    const other = await seeded('43');
    expect(first.result.answers).toHaveLength(10);
    expect(first.run.questions).toHaveLength(10);
    expect(again.result.answers.map((a) => a.id)).toEqual(first.result.answers.map((a) => a.id));
    // The block holds the scenario, prompt and every choice in the order shown.
    expect(again.run.questions.map((q) => q.block)).toEqual(first.run.questions.map((q) => q.block));
    expect(other.result.answers.map((a) => a.id)).not.toEqual(first.result.answers.map((a) => a.id));
    expect(other.run.questions.map((q) => q.block)).not.toEqual(first.run.questions.map((q) => q.block));
  });
});

describe('filters', () => {
  const bankSummaries = async () => jsonOf<BankSummary[]>(await mot(['banks', '--json']));
  const sum = (banks: BankSummary[], pick: (b: BankSummary) => number | undefined) => banks.reduce((n, b) => n + (pick(b) ?? 0), 0);
  const drive = async (args: string[]) => {
    const run = await driveSession(['exam', '--json', ...args], { env: box.env });
    expect(run.code).toBe(0);
    return jsonOf<JsonResult>(run);
  };

  it('--count asks that many questions, and all of them when fewer exist', async () => {
    expect((await drive(['-n', '4', '--seed', '1'])).answers).toHaveLength(4);
    expect((await drive(['--count', '10', '--content', GOOD, '-b', 'sample-clinic'])).answers).toHaveLength(3);
  });

  it('--bank draws from that bank only', async () => {
    const result = await drive(['-b', 'retail', '-n', '6', '--seed', '3']);
    expect(result.answers).toHaveLength(6);
    for (const a of result.answers) expect(a.id.startsWith('retail/')).toBe(true);
  });

  it('--industry and --stage together draw exactly the matching questions', async () => {
    const expected = (await bankSummaries()).filter((b) => b.industry === 'retail').reduce((n, b) => n + (b.stages['follow-up'] ?? 0), 0);
    expect(expected).toBeGreaterThan(0);
    const result = await drive(['-i', 'retail', '--stage', 'follow-up', '-n', '100']);
    expect(result.answers).toHaveLength(expected);
    expect(Object.keys(result.breakdown.industry)).toEqual(['retail']);
    expect(Object.keys(result.breakdown.stage)).toEqual(['follow-up']);
  });

  it('--moment draws only questions of that moment, from every scenario bank (the review bank only when asked for)', async () => {
    const expected = sum((await bankSummaries()).filter((b) => b.industry !== 'general'), (b) => b.moments.zero);
    expect(expected).toBeGreaterThan(0);
    const result = await drive(['--moment', 'zero', '-n', '100']);
    expect(result.answers).toHaveLength(expected);
    expect(Object.keys(result.breakdown.moment)).toEqual(['zero']);
  });

  it('--tag draws only questions carrying that tag', async () => {
    const tagged = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'content')).filter((f) => f.endsWith('.yaml'))) {
      const bank = parse(readFileSync(join(ROOT, 'content', file), 'utf8')) as { bank: string; questions: { id: string; tags?: string[] }[] };
      for (const q of bank.questions) if (q.tags?.includes('phone')) tagged.add(`${bank.bank}/${q.id}`);
    }
    expect(tagged.size).toBeGreaterThan(0);
    const result = await drive(['--tag', 'phone', '-n', '100']);
    expect(new Set(result.answers.map((a) => a.id))).toEqual(tagged);
  });

  it('a filter that matches nothing is a clear error, not an empty session', async () => {
    const run = await mot(['exam', '--content', GOOD, '-b', 'sample-clinic', '--moment', 'zero'], '');
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toMatch(/no question matches/i);
  });
});

describe('usage errors', () => {
  it('an unknown option exits 2 and names it', async () => {
    const run = await mot(['train', '--bogus'], '');
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('an unknown --moment value exits 2 and lists the allowed ones', async () => {
    const run = await mot(['train', '--moment', 'fourth'], '');
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stderr).toContain('fourth');
    expect(run.stderr).toMatch(/zero, first, second, third/);
  });

  it('an unknown --stage value exits 2', async () => {
    const run = await mot(['exam', '--stage', 'aftercare'], '');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/first-contact, delivery, recovery, follow-up/);
  });

  it.each([
    [['exam', '-n', 'ten']],
    [['exam', '-n', '0']],
    [['exam', '--seed', 'abc']],
    [['exam', '--pass-mark', '1.5']],
    [['validate', '--format', 'xml']],
  ])('a bad value (%j) exits 2 without a stack trace', async (args) => {
    const run = await mot(args, '');
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stderr.trim()).not.toBe('');
  });

  it('an unreadable MOT_NOW is a usage error, not a crash', async () => {
    const run = await mot(['exam', ...SAMPLE], 'b\n', { MOT_NOW: 'next tuesday' });
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stderr).toContain('MOT_NOW');
  });

  it('--bank of a bank that is not loaded is a usage error (exit 2) that lists the loaded ones', async () => {
    const run = await mot(['train', '-b', 'no-such-bank'], '');
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stderr).toContain('no-such-bank');
    expect(run.stderr).toContain('retail');
  });

  it('--industry that no bank has exits 1', async () => {
    const run = await mot(['train', '-i', 'aviation'], '');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('aviation');
  });
});

describe('a broken bank among the content', () => {
  it('is left out with one warning naming the file and `mot validate`, within the width, while training still works', async () => {
    const run = await mot(['train', '--content', GOOD, '--content', BROKEN, '-b', 'sample-clinic', '--no-shuffle', '--json'], 'b\na,c\na,b,c,d\n');
    expect(run.code).toBe(0);
    const result = jsonOf<JsonResult>(run);
    expect(result.score).toBe(1);
    const lines = run.stderr.split('\n');
    const start = lines.findIndex((line) => /^warning: .*many-problems\.yaml was left out/.test(line));
    expect(start).toBeGreaterThanOrEqual(0);
    // The warning's continuation lines hang under it.
    let end = start + 1;
    while (end < lines.length && lines[end]!.startsWith('  ')) end++;
    const warning = lines.slice(start, end).join(' ');
    expect(warning).toContain('`node bin/mot.js validate');
    expect(warning.match(/many-problems\.yaml/g)).toHaveLength(2);
    expect(lines.filter((line) => line.includes('many-problems.yaml was left out'))).toHaveLength(1);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('asked for with --bank exits 1 and points at the file', async () => {
    const run = await mot(['train', '--content', BROKEN, '-b', 'broken-many'], '');
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr).toContain('broken-many');
    expect(run.stderr).toContain('many-problems.yaml');
  });
});

describe('mot banks', () => {
  const sum = (banks: BankSummary[], pick: (b: BankSummary) => number) => banks.reduce((n, b) => n + pick(b), 0);

  it('lists each bank with its id, title, industry, counts by type, moment and stage, and file', async () => {
    const run = await mot(['banks', '--content', GOOD]);
    expect(run.code).toBe(0);
    expectNoStackTrace(run);
    const out = run.stdout;
    expect(out).toContain('sample-clinic');
    expect(out).toContain('Sample clinic front desk');
    // The facts go under the title when both do not fit in the width.
    expect(out).toMatch(/sample-clinic\s.*\s+\(healthcare, 3 questions/);
    expect(out).toMatch(/types\s+choice 1, multi 1, rank 1/);
    expect(out).toMatch(/moments\s+second 2, third 1/);
    expect(out).toMatch(/stages\s+delivery 1, recovery 1, follow-up 1/);
    expect(out).toContain('test/fixtures/good/sample-clinic.yaml');
    for (const id of ['healthcare', 'hospitality', 'retail', 'review']) expect(out).toContain(id);
  });

  it('--json lists the same as parseable JSON', async () => {
    const banks = jsonOf<BankSummary[]>(await mot(['banks', '--json', '--content', GOOD]));
    const sample = banks.find((b) => b.id === 'sample-clinic');
    expect(sample).toMatchObject({
      title: 'Sample clinic front desk',
      industry: 'healthcare',
      questions: 3,
      types: { choice: 1, multi: 1, rank: 1 },
      moments: { second: 2, third: 1 },
      stages: { delivery: 1, recovery: 1, 'follow-up': 1 },
    });
    expect(sample!.file.endsWith('test/fixtures/good/sample-clinic.yaml')).toBe(true);
    expect(banks.map((b) => b.id)).toEqual(expect.arrayContaining(['healthcare', 'hospitality', 'retail', 'review']));
    expect(sum(banks, (b) => b.questions)).toBeGreaterThan(150);
  });
});

describe('mot validate', () => {
  it('passes a good folder with exit 0', async () => {
    const run = await mot(['validate', GOOD]);
    expect(run.code).toBe(0);
    expectNoStackTrace(run);
    expect(run.stdout).toMatch(/all valid/);
  });

  it('passes the built-in content', async () => {
    const run = await mot(['validate', join(ROOT, 'content')]);
    expect(run.code).toBe(0);
  });

  it('fails broken files with exit 1 and every problem as file:line:col: message', async () => {
    const run = await mot(['validate', BROKEN]);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    const located = run.stdout.split('\n').filter((line) => /^\S+\.ya?ml:\d+:\d+: /.test(line));
    for (const file of ['many-problems.yaml', 'bad-rank.yaml', 'yaml-syntax.yaml'])
      expect(located.some((line) => line.includes(file)), `${file} has a located problem`).toBe(true);
  });

  it('reports every problem of a file at once', async () => {
    const run = await mot(['validate', join(BROKEN, 'many-problems.yaml')]);
    expect(run.code).toBe(1);
    const out = run.stdout;
    expect(out).toMatch(/many-problems\.yaml:5:\d+: .*pass_mark/);
    expect(out).toMatch(/many-problems\.yaml:8:\d+: .*fourth/);
    expect(out).toMatch(/many-problems\.yaml:14:\d+: .*scroe/);
    expect(out).toMatch(/many-problems\.yaml:15:\d+: .*duplicate/i);
    expect(out).toMatch(/many-problems\.yaml:21:\d+: .*score/);
  });

  it('points at a YAML syntax error with the parser\'s position', async () => {
    const run = await mot(['validate', join(BROKEN, 'yaml-syntax.yaml')]);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stdout).toMatch(/yaml-syntax\.yaml:\d+:\d+: .*YAML/);
  });

  it('with --format json gives parseable JSON with located problems', async () => {
    const run = await mot(['validate', '--format', 'json', BROKEN]);
    expect(run.code).toBe(1);
    const problems = jsonOf<{ file: string; line: number; col: number; code: string; severity: string; message: string }[]>(run);
    const many = problems.filter((p) => p.file.endsWith('many-problems.yaml'));
    expect(many.length).toBeGreaterThanOrEqual(5);
    for (const p of problems) {
      expect(p.line).toBeGreaterThan(0);
      expect(p.col).toBeGreaterThan(0);
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(p.severity);
    }
    // Each rule has its own stable code.
    expect(problems.find((p) => p.file.endsWith('bad-stage.yaml'))!.code).toBe('unknown-stage');
    expect(problems.find((p) => p.file.endsWith('no-best-answer.yaml'))!.code).toBe('missing-best-choice');
    expect(problems.find((p) => p.file.endsWith('typo-field.yaml'))!.code).toBe('unknown-field');
    const good = await mot(['validate', '--format', 'json', GOOD]);
    expect(good.code).toBe(0);
    expect(jsonOf<unknown[]>(good)).toEqual([]);
  });

  it('a path that does not exist is a located problem, not a crash', async () => {
    const run = await mot(['validate', join(FIXTURES, 'no-such-folder')]);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stdout).toMatch(/no-such-folder:1:1: /);
  });
});

describe('text from a hostile bank', () => {
  const raw = /[\u001b\u0007\u009b]/;
  const expectNoEscapes = (run: RunResult) => {
    expectNoStackTrace(run);
    expect(run.stdout).not.toMatch(raw);
    expect(run.stderr).not.toMatch(raw);
  };
  const hostile = ['--content', HOSTILE, '-b', 'hostile', '--no-shuffle'];

  it('never reaches the terminal as escape sequences in training', async () => {
    const run = await mot(['train', ...hostile], 'a\na\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('red alert');
    expectNoEscapes(run);
  });

  it('never reaches the terminal as escape sequences in an exam review or its JSON', async () => {
    const review = await mot(['exam', ...hostile], 'b\nb\n');
    expect(review.code).toBe(0);
    expect(review.stdout).toMatch(/Review of 2 misses/);
    expectNoEscapes(review);
    const json = await mot(['exam', ...hostile, '--json'], 'b\nb\n');
    expectNoEscapes(json);
  });

  it('never reaches the terminal as escape sequences in banks or validate', async () => {
    const banks = await mot(['banks', '--content', HOSTILE]);
    expect(banks.stdout).toContain('Hostile');
    expectNoEscapes(banks);
    const json = await mot(['banks', '--json', '--content', HOSTILE]);
    expectNoEscapes(json);
    // Not even escaped inside the JSON, where `jq -r` would turn them back into escapes.
    expect(json.stdout).not.toMatch(/\\u001b|\\u0007|\\u009b/i);
    const validate = await mot(['validate', HOSTILE]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('hostile-invalid.yaml');
    expectNoEscapes(validate);
    const report = await mot(['validate', '--format', 'json', HOSTILE]);
    expectNoEscapes(report);
    expect(report.stdout).not.toMatch(/\\u001b|\\u0007|\\u009b/i);
  });
});

describe('the program itself', () => {
  it('`mot` without a terminal prints the help and exits 0', async () => {
    const run = await mot([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: mot/);
    expect(run.stdout).toMatch(/train/);
    expect(run.stdout).toMatch(/validate/);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await mot(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('--help works on every command', async () => {
    for (const command of ['train', 'exam', 'drill', 'resume', 'banks', 'validate', 'stats']) {
      const run = await mot([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`Usage: mot ${command}`));
    }
  });

  it('with FORCE_COLOR=1 the output has ANSI colour even without a terminal', async () => {
    const run = await mot(['exam', ...SAMPLE], 'a\na,b\nd,c,b,a\n', { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\u001b\[\d+(;\d+)*m/);
  });

  it('with NO_COLOR=1 the output has no escape sequence at all', async () => {
    const run = await mot(['exam', ...SAMPLE], 'a\na,b\nd,c,b,a\n', { NO_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stderr).not.toContain('\u001b');
    const validate = await mot(['validate', BROKEN], '', { NO_COLOR: '1' });
    expect(validate.stdout).not.toContain('\u001b');
  });

  it('without a terminal and without FORCE_COLOR there is no colour either', async () => {
    const run = await mot(['exam', ...SAMPLE], 'a\na,b\nd,c,b,a\n', { NO_COLOR: undefined });
    expect(run.stdout).not.toContain('\u001b');
  });
});
