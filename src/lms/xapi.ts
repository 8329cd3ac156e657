// Stored answers and sessions as xAPI 1.0.3 statements, as a pure function: the same answers,
// sessions and questions always give the same statements, ids included (UUID v5 of the answer
// id), so sending twice never duplicates anything in a learning record store.
import { kindOf } from '../core/kinds/index.js';
import type { Bank, Question } from '../core/model.js';
import { bestResponse, reaches, roundScore } from '../core/scoring.js';
import type { SessionRecord, StoredAnswer } from '../store/progress-store.js';
import { isUuid, uuidV5 } from './uuid.js';

export const VERBS = {
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
} as const;

const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
const COURSE = 'http://adlnet.gov/expapi/activities/course';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export interface Agent {
  objectType: 'Agent';
  name: string;
  mbox?: string;
  account?: { homePage: string; name: string };
}

/** A statement as mot writes it; `Record` leaves room for what an LRS adds (stored, authority). */
export type Statement = {
  id: string;
  actor: Agent;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition?: Record<string, unknown> };
  result?: Record<string, unknown>;
  context?: Record<string, unknown>;
  timestamp: string;
  version: '1.0.3';
};

export interface XapiInput {
  answers: readonly StoredAnswer[];
  sessions: readonly SessionRecord[];
  /** Questions by global id; an answer to a question no longer loaded keeps a bare object. */
  questions: ReadonlyMap<string, Question>;
  banks: ReadonlyMap<string, Bank>;
}

export interface XapiSettings {
  /** Activity ids are made under this IRI (`<base>/questions/<bank>/<question>`). */
  activityBase: string;
  /** Learners as accounts on this home page; without it, a learner name must be an e-mail address. */
  homepage?: string;
}

export class ActorError extends Error {
  override name = 'ActorError';
  constructor(readonly learner: string) {
    super(learner);
  }
}

export function actorFor(learner: string, settings: XapiSettings): Agent {
  if (settings.homepage) return { objectType: 'Agent', name: learner, account: { homePage: settings.homepage, name: learner } };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(learner)) return { objectType: 'Agent', name: learner, mbox: `mailto:${learner}` };
  throw new ActorError(learner);
}

function iri(base: string, ...parts: string[]): string {
  return `${base.replace(/\/+$/, '')}/${parts.map(encodeURIComponent).join('/')}`;
}

function bankOf(questionId: string): string {
  return questionId.slice(0, Math.max(0, questionId.indexOf('/')));
}

/** ISO 8601 duration of a number of seconds: PT1H2M3.5S. */
export function isoDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 100) / 100);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

const letters = (indices: readonly number[]) => indices.map((i) => LETTERS[i] ?? String(i)).join('[,]');

function interactionType(question: Question): string {
  return kindOf(question).xapiInteraction;
}

/** Every response that scores 1: each key on its own where one key is enough, else the whole best response. */
function correctPatterns(question: Question): string[] {
  const kind = kindOf(question);
  if (kind.singleKey && kind.xapiInteraction === 'choice') return kind.keys(question).map((i) => letters([i]));
  return [letters(bestResponse(question))];
}

/** The learner's response in xAPI's form: choice letters by written index, in the order given (a set in written order). */
function responseText(question: Question | undefined, response: readonly number[]): string {
  if (question && kindOf(question).responseIsSet) return letters([...new Set(response)].sort((a, b) => a - b));
  return letters(response);
}

function questionActivity(questionId: string, question: Question | undefined, base: string): Statement['object'] {
  const bank = bankOf(questionId);
  const local = questionId.slice(bank.length + 1);
  const object: Statement['object'] = { objectType: 'Activity', id: iri(base, 'questions', bank, local) };
  if (!question) return { ...object, definition: { type: INTERACTION } };
  const definition: Record<string, unknown> = {
    name: { 'en-US': question.prompt },
    ...(question.scenario ? { description: { 'en-US': question.scenario.trim() } } : {}),
    type: INTERACTION,
    interactionType: interactionType(question),
    correctResponsesPattern: correctPatterns(question),
  };
  const components = question.choices.map((c, i) => ({ id: LETTERS[i]!, description: { 'en-US': c.text } }));
  if (definition.interactionType === 'sequencing') definition.choices = components;
  else if (definition.interactionType === 'choice') definition.choices = components;
  return { ...object, definition };
}

function bankActivity(bankId: string, banks: ReadonlyMap<string, Bank>, base: string): Record<string, unknown> {
  const bank = banks.get(bankId);
  return { objectType: 'Activity', id: iri(base, 'banks', bankId), definition: { type: COURSE, ...(bank ? { name: { 'en-US': bank.title } } : {}) } };
}

function registration(sessionId: string): string {
  return isUuid(sessionId) ? sessionId.toLowerCase() : uuidV5(`session:${sessionId}`);
}

/** Statement ids, stable for good: changing these names would make every LRS store everything again. */
export const statementIds = {
  answered: (answerId: string) => uuidV5(`answer:${answerId}`),
  completed: (sessionId: string) => uuidV5(`session:${sessionId}:completed`),
  verdict: (sessionId: string) => uuidV5(`session:${sessionId}:verdict`),
};

export function buildStatements(input: XapiInput, settings: XapiSettings): Statement[] {
  const statements: Statement[] = [];
  const sessions = new Map(input.sessions.map((s) => [s.id, s]));
  const bySession = new Map<string, StoredAnswer[]>();
  for (const answer of input.answers) {
    const question = input.questions.get(answer.questionId);
    const session = sessions.get(answer.sessionId);
    const result: Record<string, unknown> = {
      score: { scaled: roundScore(answer.score), raw: roundScore(answer.score), min: 0, max: 1 },
      success: reaches(answer.score, 1),
      completion: true,
      response: responseText(question, answer.response),
      ...(answer.seconds !== null && answer.seconds !== undefined ? { duration: isoDuration(answer.seconds) } : {}),
    };
    statements.push({
      id: statementIds.answered(answer.id),
      actor: actorFor(answer.learner, settings),
      verb: VERBS.answered,
      object: questionActivity(answer.questionId, question, settings.activityBase),
      result,
      context: {
        registration: registration(answer.sessionId),
        contextActivities: { parent: [bankActivity(bankOf(answer.questionId), input.banks, settings.activityBase)] },
        platform: 'mot',
        ...(session ? { extensions: { [iri(settings.activityBase, 'extensions', 'mode')]: session.mode } } : {}),
      },
      timestamp: answer.answeredAt,
      version: '1.0.3',
    });
    bySession.set(answer.sessionId, [...(bySession.get(answer.sessionId) ?? []), answer]);
  }
  for (const session of input.sessions) {
    const answers = bySession.get(session.id) ?? [];
    if (!session.finished || answers.length === 0) continue;
    const score = roundScore(answers.reduce((sum, a) => sum + a.score, 0) / answers.length);
    const banks = [...new Set(answers.map((a) => bankOf(a.questionId)))].sort();
    const object: Statement['object'] = {
      objectType: 'Activity',
      id: iri(settings.activityBase, 'sessions', session.id),
      definition: {
        type: ASSESSMENT,
        name: { 'en-US': `mot ${session.mode}: ${banks.map((b) => input.banks.get(b)?.title ?? b).join(', ')}` },
      },
    };
    const seconds = (Date.parse(session.finished) - Date.parse(session.started)) / 1000;
    const context = {
      registration: registration(session.id),
      contextActivities: { parent: banks.map((b) => bankActivity(b, input.banks, settings.activityBase)) },
      platform: 'mot',
      extensions: { [iri(settings.activityBase, 'extensions', 'mode')]: session.mode },
    };
    const passed = reaches(score, session.passMark);
    const result = {
      score: { scaled: score, raw: score, min: 0, max: 1 },
      completion: true,
      ...(Number.isFinite(seconds) ? { duration: isoDuration(seconds) } : {}),
    };
    const actor = actorFor(session.learner, settings);
    statements.push({
      id: statementIds.completed(session.id),
      actor,
      verb: VERBS.completed,
      object,
      result: session.mode === 'exam' ? { ...result, success: passed } : result,
      context,
      timestamp: session.finished,
      version: '1.0.3',
    });
    if (session.mode === 'exam')
      statements.push({
        id: statementIds.verdict(session.id),
        actor,
        verb: passed ? VERBS.passed : VERBS.failed,
        object,
        result: { ...result, success: passed },
        context,
        timestamp: session.finished,
        version: '1.0.3',
      });
  }
  return statements;
}
