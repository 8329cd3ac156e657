// What every ProgressStore promises, run against both engines: SQLite in a file, and PostgreSQL
// on a real server. A behaviour either engine lacks fails here, under that engine's name.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CardData } from '../../src/core/schedule.js';
import { openProgressStore } from '../../src/store/open.js';
import type { AnswerRecord, ProgressStore, SessionRecord, StoredAnswer } from '../../src/store/progress-store.js';
import { TEST_PASSWORD } from '../helpers/postgres.js';
import { postgresFixture, sqliteFixture, type EngineFixture } from './engines.js';

const fixtures: EngineFixture[] = [sqliteFixture(), postgresFixture()];

const T0 = Date.parse('2027-01-10T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function session(over: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: randomUUID(),
    learner: 'sam',
    mode: 'exam',
    filters: { banks: ['retail'] },
    seed: 4_000_000_000,
    plan: [
      { id: 'retail/greet', order: [1, 0, 2] },
      { id: 'retail/till', order: [0, 1] },
      { id: 'clinic/wait', order: [2, 1, 0] },
    ],
    passMark: 0.8,
    started: at(0),
    ...over,
  };
}

function answer(s: SessionRecord, questionId: string, score: number, minutes: number, over: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    id: randomUUID(),
    sessionId: s.id,
    learner: s.learner,
    questionId,
    questionHash: `hash-of-${questionId}`,
    response: [1, 0],
    score,
    answeredAt: at(minutes),
    ...over,
  };
}

/** A card whose due date is the answer's time plus `days`, counting reviews in `reps`. */
const cardFor =
  (answeredAt: string, days: number) =>
  (previous: CardData | undefined): CardData => ({
    due: new Date(Date.parse(answeredAt) + days * 86_400_000).toISOString(),
    stability: 1,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: days,
    learning_steps: 0,
    reps: (previous?.reps ?? 0) + 1,
    lapses: 0,
    state: 2,
    last_review: answeredAt,
  });

async function record(store: ProgressStore, a: AnswerRecord, days = 1): Promise<void> {
  await store.recordAnswer(a, cardFor(a.answeredAt, days));
}

describe.each(fixtures)('the $engine store', (fixture) => {
  let store: ProgressStore;
  let location: string;
  beforeAll(() => fixture.setup(), 60_000);
  afterAll(() => fixture.teardown(), 60_000);
  beforeEach(async () => {
    location = await fixture.fresh();
    store = await openProgressStore(location);
  });
  afterEach(() => store.close());

  it('says which engine it is, and where it is without any password', () => {
    expect(store.engine).toBe(fixture.engine);
    expect(store.location).not.toContain(TEST_PASSWORD);
    if (fixture.engine === 'sqlite') expect(store.location).toBe(location);
    else expect(store.location).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/mot_/);
  });

  it('gives back a session as it was created, seed and plan included', async () => {
    const s = session();
    await store.createSession(s);
    expect(await store.session(s.id)).toEqual(s);
    expect(await store.session('no-such-session')).toBeUndefined();
  });

  it('numbers the answers of a session 0, 1, 2 in the order given and gives each back whole', async () => {
    const s = session();
    await store.createSession(s);
    const given = [answer(s, 'retail/greet', 1, 1, { seconds: 12.5 }), answer(s, 'retail/till', 0.5, 2, { response: [2, 0, 1] }), answer(s, 'clinic/wait', 0, 3)];
    for (const a of given) await record(store, a);
    const back = await store.answersOf(s.id);
    expect(back.map((a) => a.position)).toEqual([0, 1, 2]);
    expect(back[0]).toEqual<StoredAnswer>({
      id: given[0]!.id,
      sessionId: s.id,
      learner: 'sam',
      position: 0,
      questionId: 'retail/greet',
      questionHash: 'hash-of-retail/greet',
      response: [1, 0],
      score: 1,
      seconds: 12.5,
      answeredAt: at(1),
    });
    expect(back[1]!.response).toEqual([2, 0, 1]);
    expect(back[2]!.seconds).toBeNull();
  });

  it('lists unfinished sessions newest first with how many were answered, and forgets finished ones', async () => {
    const older = session({ started: at(0) });
    const newer = session({ started: at(10) });
    const other = session({ learner: 'kim', started: at(20) });
    for (const s of [older, newer, other]) await store.createSession(s);
    await record(store, answer(older, 'retail/greet', 1, 1));
    await record(store, answer(older, 'retail/till', 1, 2));
    let unfinished = await store.unfinishedSessions('sam');
    expect(unfinished.map((s) => [s.id, s.answered])).toEqual([
      [newer.id, 0],
      [older.id, 2],
    ]);
    await store.finishSession(older.id, at(5));
    unfinished = await store.unfinishedSessions('sam');
    expect(unfinished.map((s) => s.id)).toEqual([newer.id]);
    expect((await store.session(older.id))!.finished).toBe(at(5));
  });

  it('forgets a session with no answer, and keeps one with an answer', async () => {
    const empty = session();
    const used = session();
    await store.createSession(empty);
    await store.createSession(used);
    await record(store, answer(used, 'retail/greet', 1, 1));
    await store.discardIfEmpty(empty.id);
    await store.discardIfEmpty(used.id);
    expect(await store.session(empty.id)).toBeUndefined();
    expect(await store.session(used.id)).toBeDefined();
  });

  it('hands the stored card to the schedule, keeps what it returns, and leaves the card when it returns nothing', async () => {
    const s = session();
    await store.createSession(s);
    const seen: (CardData | undefined)[] = [];
    await store.recordAnswer(answer(s, 'retail/greet', 1, 1), (previous) => (seen.push(previous), cardFor(at(1), 3)(previous)));
    await store.recordAnswer(answer(s, 'retail/greet', 1, 2), (previous) => (seen.push(previous), undefined));
    await store.recordAnswer(answer(s, 'retail/greet', 1, 3), (previous) => (seen.push(previous), cardFor(at(3), 7)(previous)));
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toMatchObject({ reps: 1, due: new Date(T0 + 60_000 + 3 * 86_400_000).toISOString() });
    expect(seen[2]).toEqual(seen[1]);
    expect(await store.dueCards('sam', at(8 * 24 * 60))).toEqual([{ questionId: 'retail/greet', due: new Date(T0 + 180_000 + 7 * 86_400_000).toISOString() }]);
  });

  it('tells which cards are due, most overdue first, how many, and what comes next by day', async () => {
    const s = session();
    await store.createSession(s);
    await record(store, answer(s, 'retail/greet', 1, 0), 5);
    await record(store, answer(s, 'retail/till', 0, 0), 1);
    await record(store, answer(s, 'clinic/wait', 0, 0), 2);
    await record(store, answer(s, 'clinic/call', 0, 0), 2);
    const day = (d: number) => at(d * 24 * 60);
    expect(await store.dueCards('sam', day(2))).toEqual([
      { questionId: 'retail/till', due: day(1) },
      { questionId: 'clinic/call', due: day(2) },
      { questionId: 'clinic/wait', due: day(2) },
    ]);
    expect(await store.dueCards('sam', day(2), 1)).toHaveLength(1);
    expect(await store.dueCount('sam', day(2))).toBe(3);
    expect(await store.dueCount('sam', day(0))).toBe(0);
    expect(await store.nextDue('sam', day(1))).toEqual([
      { due: day(2).slice(0, 10), count: 2 },
      { due: day(5).slice(0, 10), count: 1 },
    ]);
    expect(await store.seenQuestions('sam')).toEqual(new Set(['retail/greet', 'retail/till', 'clinic/wait', 'clinic/call']));
    expect(await store.seenQuestions('kim')).toEqual(new Set());
  });

  it('counts a learner\'s answers, sums up each session and each question', async () => {
    const first = session({ started: at(0), mode: 'exam' });
    const second = session({ started: at(100), mode: 'train', plan: [{ id: 'retail/greet', order: [0] }] });
    await store.createSession(first);
    await store.createSession(second);
    await record(store, answer(first, 'retail/greet', 0, 1));
    await record(store, answer(first, 'retail/till', 0.5, 2));
    await store.finishSession(first.id, at(3));
    await record(store, answer(second, 'retail/greet', 1, 101));
    await store.createSession(session({ started: at(200) }));
    expect(await store.answeredCount('sam')).toBe(3);
    expect(await store.answeredCount('kim')).toBe(0);
    const summaries = await store.sessionSummaries('sam');
    expect(summaries).toHaveLength(3);
    expect(summaries[0]).toEqual({ id: first.id, mode: 'exam', started: at(0), finished: true, answered: 2, planned: 3, score: 0.25 });
    expect(summaries[1]).toEqual({ id: second.id, mode: 'train', started: at(100), finished: false, answered: 1, planned: 1, score: 1 });
    expect(summaries[2]).toMatchObject({ answered: 0, score: null });
    const stats = await store.questionStats('sam');
    expect(stats.find((q) => q.questionId === 'retail/greet')).toEqual({ questionId: 'retail/greet', answered: 2, meanScore: 0.5, lastScore: 1, lastAnswered: at(101) });
    expect(stats.find((q) => q.questionId === 'retail/till')).toEqual({ questionId: 'retail/till', answered: 1, meanScore: 0.5, lastScore: 0.5, lastAnswered: at(2) });
  });

  it('takes the answer stored last as the last score when two carry the same time', async () => {
    const s = session();
    await store.createSession(s);
    await record(store, answer(s, 'retail/greet', 0, 5));
    await record(store, answer(s, 'retail/greet', 1, 5));
    expect((await store.questionStats('sam'))[0]).toMatchObject({ answered: 2, lastScore: 1 });
  });

  it('counts the questions met for the first time since a moment', async () => {
    const s = session();
    await store.createSession(s);
    await record(store, answer(s, 'retail/greet', 1, 0));
    await record(store, answer(s, 'retail/greet', 1, 60));
    await record(store, answer(s, 'retail/till', 1, 60));
    expect(await store.newSince('sam', at(30))).toBe(1);
    expect(await store.newSince('sam', at(0))).toBe(2);
    expect(await store.newSince('sam', at(61))).toBe(0);
  });

  describe('an answer changed before the exam is submitted', () => {
    it('replaces the earlier one in every read, which sync still sees with what replaced it', async () => {
      const s = session();
      await store.createSession(s);
      const first = answer(s, 'retail/greet', 0, 1);
      await record(store, first);
      await record(store, answer(s, 'retail/till', 1, 2));
      const changed = answer(s, 'retail/greet', 1, 3, { supersedes: first.id, response: [0] });
      await record(store, changed);
      const back = await store.answersOf(s.id);
      expect(back.map((a) => a.id)).toEqual(expect.not.arrayContaining([first.id]));
      expect(back.map((a) => a.questionId).sort()).toEqual(['retail/greet', 'retail/till']);
      expect(back.find((a) => a.id === changed.id)!.supersedes).toBe(first.id);
      expect((await store.answers()).map((a) => a.id)).not.toContain(first.id);
      expect(await store.answeredCount('sam')).toBe(2);
      expect((await store.sessionSummaries('sam'))[0]).toMatchObject({ answered: 2, score: 1 });
      expect((await store.questionStats('sam')).find((q) => q.questionId === 'retail/greet')).toMatchObject({ answered: 1, meanScore: 1, lastScore: 1 });
      expect((await store.unfinishedSessions('sam'))[0]!.answered).toBe(2);
      const all = await store.allAnswers({ sessionIds: [s.id] });
      expect(all).toHaveLength(3);
      expect(all.find((a) => a.id === first.id)!.supersededBy).toBe(changed.id);
    });
  });

  describe('organisation-wide reads', () => {
    let exam: SessionRecord;
    let train: SessionRecord;
    let kims: SessionRecord;
    beforeEach(async () => {
      exam = session({ started: at(0) });
      train = session({ mode: 'train', started: at(50), plan: [{ id: 'clinic/wait', order: [0, 1] }] });
      kims = session({ learner: 'kim', started: at(100) });
      for (const s of [exam, train, kims]) await store.createSession(s);
      await record(store, answer(exam, 'retail/greet', 1, 1));
      await record(store, answer(exam, 'clinic/wait', 0, 2));
      await record(store, answer(train, 'clinic/wait', 0.5, 51));
      await record(store, answer(kims, 'retail/till', 1, 101));
    });

    it('lists every learner once, in order', async () => {
      expect(await store.learners()).toEqual(['kim', 'sam']);
    });

    it('gives sessions in the order started, narrowed by learner, time, bank and mode together', async () => {
      expect((await store.sessions()).map((s) => s.id)).toEqual([exam.id, train.id, kims.id]);
      expect((await store.sessions({ learner: 'sam' })).map((s) => s.id)).toEqual([exam.id, train.id]);
      expect((await store.sessions({ since: at(50) })).map((s) => s.id)).toEqual([train.id, kims.id]);
      expect((await store.sessions({ since: '2027-01-10T10:50:00+01:00' })).map((s) => s.id)).toEqual([train.id, kims.id]);
      expect((await store.sessions({ modes: ['exam'] })).map((s) => s.id)).toEqual([exam.id, kims.id]);
      expect((await store.sessions({ banks: ['clinic'], learner: 'sam', modes: ['train'] })).map((s) => s.id)).toEqual([train.id]);
      expect(await store.sessions({ banks: ['nowhere'] })).toEqual([]);
      expect(await store.sessions({ modes: [] })).toEqual([]);
    });

    it('gives answers in the order given, narrowed the same way', async () => {
      const ids = async (q: Parameters<ProgressStore['answers']>[0]) => (await store.answers(q)).map((a) => `${a.learner}:${a.questionId}:${a.score}`);
      expect(await ids({})).toEqual(['sam:retail/greet:1', 'sam:clinic/wait:0', 'sam:clinic/wait:0.5', 'kim:retail/till:1']);
      expect(await ids({ learner: 'kim' })).toEqual(['kim:retail/till:1']);
      expect(await ids({ banks: ['clinic'] })).toEqual(['sam:clinic/wait:0', 'sam:clinic/wait:0.5']);
      expect(await ids({ banks: ['clinic', 'retail'], modes: ['exam'], since: at(2) })).toEqual(['sam:clinic/wait:0', 'kim:retail/till:1']);
      expect(await ids({ banks: ['retai'] })).toEqual([]);
    });
  });

  describe('copying in from another store', () => {
    async function sourceData() {
      const s = session({ started: at(0) });
      const answers: StoredAnswer[] = [0, 1, 2].map((i) => ({
        id: randomUUID(),
        sessionId: s.id,
        learner: 'sam',
        position: i,
        questionId: s.plan[i]!.id,
        questionHash: 'h',
        response: [i],
        score: i / 2,
        seconds: i === 0 ? 3 : null,
        answeredAt: at(i + 1),
      }));
      return { s, answers };
    }

    it('adds sessions and answers once, however often it is run, and sums them up like its own', async () => {
      const { s, answers } = await sourceData();
      expect(await store.putSessions([s])).toBe(1);
      expect(await store.putSessions([s])).toBe(0);
      expect(await store.putAnswers(answers.slice(0, 2))).toBe(2);
      expect(await store.putAnswers(answers)).toBe(1);
      expect(await store.putAnswers(answers)).toBe(0);
      expect(await store.answersOf(s.id)).toEqual(answers);
      expect(await store.answeredCount('sam')).toBe(3);
      expect((await store.sessionSummaries('sam'))[0]).toMatchObject({ answered: 3, score: 0.5, planned: 3 });
      expect(await store.seenQuestions('sam')).toEqual(new Set(s.plan.map((p) => p.id)));
      expect(await store.newSince('sam', at(0))).toBe(3);
    });

    it('marks a session finished once it is finished at the source, and counts that as a change', async () => {
      const { s } = await sourceData();
      await store.putSessions([s]);
      expect(await store.putSessions([{ ...s, finished: at(9) }])).toBe(1);
      expect(await store.putSessions([{ ...s, finished: at(9) }])).toBe(0);
      expect((await store.session(s.id))!.finished).toBe(at(9));
    });

    it('keeps a superseded answer superseded, and an answer that replaces a copied one replaces it', async () => {
      const { s, answers } = await sourceData();
      await store.putSessions([s]);
      const replacement: StoredAnswer = { ...answers[0]!, id: randomUUID(), position: 3, score: 1, answeredAt: at(5), supersedes: answers[0]!.id };
      await store.putAnswers([answers[0]!]);
      await store.putAnswers([replacement, ...answers.slice(1)]);
      expect((await store.answersOf(s.id)).map((a) => a.id)).toEqual([answers[1]!.id, answers[2]!.id, replacement.id]);
      expect((await store.sessionSummaries('sam'))[0]).toMatchObject({ answered: 3, score: (1 + 0.5 + 1) / 3 });

      const other = await fixture.fresh();
      const copy = await openProgressStore(other);
      try {
        await copy.putSessions([s]);
        expect(await copy.putAnswers(await store.allAnswers({ learner: 'sam' }))).toBe(4);
        expect(await copy.answersOf(s.id)).toEqual(await store.answersOf(s.id));
        expect(await copy.questionStats('sam')).toEqual(await store.questionStats('sam'));
      } finally {
        await copy.close();
      }
    });

    it('schedules a card from the copied answers, in the order they were given', async () => {
      const { s, answers } = await sourceData();
      await store.putSessions([s]);
      await store.putAnswers([...answers].reverse());
      const due = await store.dueCards('sam', at(400 * 24 * 60));
      expect(due.map((d) => d.questionId).sort()).toEqual(s.plan.map((p) => p.id).sort());
      // A wrong answer (score 0) is due again sooner than a right one.
      const when = new Map(due.map((d) => [d.questionId, d.due]));
      expect(when.get('retail/greet')! <= when.get('clinic/wait')!).toBe(true);
    });
  });

  it('remembers which statements each endpoint acknowledged, once each', async () => {
    expect(await store.sentStatements('https://lrs.example/xapi')).toEqual(new Set());
    await store.markSent('https://lrs.example/xapi', ['a', 'b'], at(0));
    await store.markSent('https://lrs.example/xapi', ['b', 'c'], at(1));
    await store.markSent('https://other.example/xapi', ['z'], at(1));
    await store.markSent('https://other.example/xapi', [], at(1));
    expect(await store.sentStatements('https://lrs.example/xapi')).toEqual(new Set(['a', 'b', 'c']));
    expect(await store.sentStatements('https://other.example/xapi')).toEqual(new Set(['z']));
  });

  it('keeps what was stored when opened again, and can be closed twice', async () => {
    const s = session();
    await store.createSession(s);
    await record(store, answer(s, 'retail/greet', 1, 1));
    await store.close();
    await store.close();
    store = await openProgressStore(location);
    expect(await store.answeredCount('sam')).toBe(1);
    expect(await store.session(s.id)).toEqual(s);
  });
});
