// The statement mapping: every stored answer and finished session as xAPI 1.0.3 statements that
// Learning Locker's validator accepts, with ids that never change.
import validateStatement from '@learninglocker/xapi-validation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBank } from '../../src/banks/parse-bank.js';
import type { Bank, Question } from '../../src/core/model.js';
import { ActorError, buildStatements, isoDuration, statementIds, type XapiInput } from '../../src/lms/xapi.js';
import { uuidV5 } from '../../src/lms/uuid.js';
import type { SessionRecord, StoredAnswer } from '../../src/store/progress-store.js';

type Validate = (statement: unknown) => { path: (string | number)[]; message: string }[];
const validate = ((validateStatement as unknown as { default?: Validate }).default ?? validateStatement) as unknown as Validate;
const file = join(import.meta.dirname, '../fixtures/lms/banks/lms-sample.yaml');
const bank = parseBank(readFileSync(file, 'utf8'), file).bank as Bank;
const questions = new Map<string, Question>(bank.questions.map((q) => [q.id, q]));
const BASE = 'https://lms.example.org/mot';

const exam: SessionRecord = {
  id: '2c1f3c5e-8a0b-4c4e-9f77-0a3c1d6b2e10',
  learner: 'ana@example.org',
  mode: 'exam',
  filters: {},
  seed: 1,
  plan: [],
  passMark: 0.8,
  started: '2026-12-01T09:00:00.000Z',
  finished: '2026-12-01T09:03:30.500Z',
};
const train: SessionRecord = { ...exam, id: 'train-1', mode: 'train', finished: undefined, started: '2026-12-01T10:00:00.000Z' } as SessionRecord;

let position = 0;
const answer = (questionId: string, response: number[], score: number, sessionId = exam.id, seconds: number | null = 12.5): StoredAnswer => ({
  id: `answer-${position}`,
  sessionId,
  learner: 'ana@example.org',
  position: position++,
  questionId,
  questionHash: 'h',
  response,
  score,
  seconds,
  answeredAt: `2026-12-01T09:0${position}:00.000Z`,
});

const answers = [
  answer('lms-sample/late-breakfast', [1], 0.45),
  answer('lms-sample/apology-parts', [2, 0], 0),
  answer('lms-sample/recovery-order', [1, 0, 2, 3], 0.75, exam.id, null),
  answer('lms-sample/best-and-worst', [0, 2], 1),
  answer('lms-sample/late-breakfast', [0], 1, train.id),
  answer('gone/removed-question', [0], 1, train.id),
];
const input: XapiInput = { answers, sessions: [exam, train], questions, banks: new Map([[bank.id, bank]]) };
const statements = buildStatements(input, { activityBase: BASE });

describe('statements from stored answers', () => {
  it('makes one answered statement per answer, then completed and passed or failed for a finished exam', () => {
    expect(statements.map((s) => s.verb.display['en-US'])).toEqual(['answered', 'answered', 'answered', 'answered', 'answered', 'answered', 'completed', 'failed']);
  });

  it('gives statements that all validate with @learninglocker/xapi-validation', () => {
    for (const statement of statements) expect(validate(statement).map((w) => `${w.path.join('.')}: ${w.message}`), statement.id).toEqual([]);
  });

  it('describes the question as a cmi.interaction with its type, choices and correct responses', () => {
    const [choice, multi, rank, bestWorst] = statements;
    expect(choice!.object.id).toBe(`${BASE}/questions/lms-sample/late-breakfast`);
    expect(choice!.object.definition).toMatchObject({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: ['a'],
      name: { 'en-US': 'What do you say?' },
    });
    expect(multi!.object.definition).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['a[,]b'] });
    expect(rank!.object.definition).toMatchObject({ interactionType: 'sequencing', correctResponsesPattern: ['a[,]b[,]c[,]d'] });
    expect(bestWorst!.object.definition).toMatchObject({ interactionType: 'other', correctResponsesPattern: ['a[,]c'] });
  });

  it('puts the score, success, response and duration in the result, and the session and bank in the context', () => {
    const [choice, multi, rank] = statements;
    expect(choice!.result).toEqual({ score: { scaled: 0.45, raw: 0.45, min: 0, max: 1 }, success: false, completion: true, response: 'b', duration: 'PT12.5S' });
    expect(multi!.result!.response).toBe('a[,]c');
    expect(rank!.result!.response).toBe('b[,]a[,]c[,]d');
    expect(rank!.result!.duration).toBeUndefined();
    expect(choice!.context).toMatchObject({
      registration: exam.id,
      contextActivities: { parent: [{ id: `${BASE}/banks/lms-sample`, definition: { name: { 'en-US': bank.title } } }] },
    });
    expect(choice!.actor).toEqual({ objectType: 'Agent', name: 'ana@example.org', mbox: 'mailto:ana@example.org' });
    expect(choice!.timestamp).toBe(answers[0]!.answeredAt);
  });

  it('ends a finished exam with its mean score and the verdict against the pass mark, and an unfinished session with nothing', () => {
    const completed = statements[6]!;
    expect(completed.result).toMatchObject({ score: { scaled: 0.55 }, success: false, completion: true, duration: 'PT3M30.5S' });
    expect(completed.timestamp).toBe(exam.finished);
    const passing = buildStatements({ ...input, answers: answers.map((a) => ({ ...a, score: 1 })) }, { activityBase: BASE });
    expect(passing.at(-1)!.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(statements.filter((s) => s.context!.registration === uuidV5('session:train-1'))).toHaveLength(2);
  });

  it('keeps ids stable: UUID v5 of the answer id, the same on every run', () => {
    expect(statements[0]!.id).toBe(statementIds.answered('answer-0'));
    expect(statements[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(buildStatements(input, { activityBase: BASE })).toEqual(statements);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });

  it('names learners as accounts on --homepage, and refuses a name that is not an address without it', () => {
    const withHome = buildStatements({ ...input, answers: answers.map((a) => ({ ...a, learner: 'ana' })), sessions: [] }, { activityBase: BASE, homepage: 'https://lms.example.org' });
    expect(withHome[0]!.actor).toEqual({ objectType: 'Agent', name: 'ana', account: { homePage: 'https://lms.example.org', name: 'ana' } });
    for (const s of withHome) expect(validate(s)).toEqual([]);
    expect(() => buildStatements({ ...input, answers: answers.map((a) => ({ ...a, learner: 'ana' })) }, { activityBase: BASE })).toThrow(ActorError);
  });

  it('keeps a bare activity for an answer to a question no longer loaded', () => {
    expect(statements[5]!.object).toEqual({ objectType: 'Activity', id: `${BASE}/questions/gone/removed-question`, definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction' } });
  });
});

describe('helpers', () => {
  it('makes UUID v5 as RFC 9562 does (the DNS namespace example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('writes ISO 8601 durations', () => {
    expect([0, 12.5, 60, 3723.25].map(isoDuration)).toEqual(['PT0S', 'PT12.5S', 'PT1M', 'PT1H2M3.25S']);
  });
});

describe('the LRS address', () => {
  it('is the Statements resource of the endpoint, remembered without credentials or query', async () => {
    const { endpointKey, statementsUrl } = await import('../../src/lms/lrs.js');
    expect(statementsUrl('https://lrs.example.org/xapi').href).toBe('https://lrs.example.org/xapi/statements');
    expect(statementsUrl('https://lrs.example.org/xapi/').href).toBe('https://lrs.example.org/xapi/statements');
    expect(statementsUrl('https://lrs.example.org/xapi/statements').href).toBe('https://lrs.example.org/xapi/statements');
    expect(endpointKey(statementsUrl('https://key:secret@lrs.example.org:8443/data/xAPI?x=1'))).toBe('https://lrs.example.org:8443/data/xAPI/statements');
    expect(() => statementsUrl('ftp://lrs.example.org')).toThrow();
    expect(() => statementsUrl('not a url')).toThrow();
  });
});
