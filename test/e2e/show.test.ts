// `mot show`: the question as a learner sees it, the key, the feedback, the explanation, and
// with a store its report line.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoStackTrace, jsonOf } from '../helpers/output.js';
import { FIXTURES, runMot, sandbox } from '../helpers/run-mot.js';

const GOOD = ['--content', join(FIXTURES, 'good')];
let box: ReturnType<typeof sandbox>;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());
const mot = (args: string[], input = '', env: Record<string, string | undefined> = {}) => runMot(args, { input, env: { ...box.env, ...env } });

describe('mot show', () => {
  it('draws the question, then every choice with its key, its feedback and the explanation', async () => {
    const r = await mot(['show', 'sample-clinic/waiting-room-delay', ...GOOD]); // MOT_STORE names a file not made yet
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toContain('The clinic is running forty minutes late.');
    expect(out).toContain('What do you say?');
    expect(out).toMatch(/a\) "?It will not be long now/);
    expect(out).toMatch(/b\)\s+score 1\s+Apologise, give an honest estimate/);
    expect(out).toMatch(/c\)\s+score 0\.5\s+Apologise and explain/);
    expect(out).toContain('Honesty plus a choice gives the patient back some control.');
    expect(out).toContain('Waiting is part of the service itself');
    // The learner's view comes before the key.
    expect(out.indexOf('What do you say?')).toBeLessThan(out.indexOf('score 1'));
  });

  it('adds the report line when a store has answers to the question', async () => {
    for (const input of ['b\na,c\na,b,c,d\n', 'a\nb\nd,c,b,a\n'])
      expect((await mot(['exam', ...GOOD, '-b', 'sample-clinic', '--no-shuffle'], input)).code).toBe(0);
    const r = await mot(['show', 'sample-clinic/waiting-room-delay', ...GOOD]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('In the report (first exam attempt of each learner at each bank)');
    expect(r.stdout).toMatch(/n 1 · facility 100%/); // one learner (tester), first exam only
    const json = jsonOf<{ id: string; report: { n: number; facility: number } }>(await mot(['show', 'sample-clinic/waiting-room-delay', ...GOOD, '--format', 'json']));
    expect(json).toMatchObject({ id: 'sample-clinic/waiting-room-delay', report: { n: 1, facility: 1 } });
  });

  it('finds a question by its own id when only one bank has it', async () => {
    const r = await mot(['show', 'discharge-call', ...GOOD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/a\)\s+correct\s+Asking how the patient/);
    expect(r.stdout).toMatch(/b\)\s+wrong\s+Reading the billing policy/);
  });

  it('says which question is unknown, suggests near ones, and exits 1', async () => {
    const r = await mot(['show', 'sample-clinic/waiting-room', ...GOOD]);
    expectNoStackTrace(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no question "sample-clinic/waiting-room" is loaded.');
    expect(r.stderr).toContain('sample-clinic/waiting-room-delay');
  });

  it('refuses a --store that does not exist instead of creating it', async () => {
    const missing = join(box.dir, 'typo.db');
    const r = await mot(['show', 'discharge-call', ...GOOD, '--store', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`there is no progress store at ${missing}`);
    const report = await mot(['report', ...GOOD, '--store', missing]);
    expect(report.code).toBe(1);
    expect(report.stderr).toContain('there is no progress store');
  });
});
