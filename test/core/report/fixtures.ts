// Small hand-made banks, sessions and answers for the report's table tests.
import type { Choice, Question, QuestionType } from '../../../src/core/model.js';
import type { ReportAnswer, ReportSession } from '../../../src/core/report/attempts.js';

export function question(id: string, type: QuestionType = 'choice', choices?: Choice[], extra: Partial<Question> = {}): Question {
  const [bankId, localId] = id.split('/') as [string, string];
  const fallback: Record<QuestionType, Choice[]> = {
    choice: [{ text: 'Right', score: 1 }, { text: 'Half', score: 0.5 }, { text: 'Wrong', score: 0 }],
    multi: [{ text: 'Yes 1', correct: true }, { text: 'Yes 2', correct: true }, { text: 'No', correct: false }],
    rank: [{ text: 'Best' }, { text: 'Middle' }, { text: 'Worst' }],
    'best-worst': [{ text: 'Best', best: true }, { text: 'Other' }, { text: 'Worst', worst: true }],
  };
  return { id, localId, bankId, industry: 'retail', type, tags: [], prompt: `Prompt of ${localId}`, shuffle: true, choices: choices ?? fallback[type], ...extra };
}

/** Builds sessions and answers: `exam('sam', 'b', { 'b/q1': 1, 'b/q2': 0 })` is one session. */
export class History {
  sessions: ReportSession[] = [];
  answers: ReportAnswer[] = [];
  private clock = 0;

  add(
    learner: string,
    mode: string,
    scores: Record<string, number | [number, number[]]>,
    options: { started?: string; finished?: boolean; passMark?: number } = {},
  ): string {
    const id = `s${this.sessions.length + 1}`;
    const started = options.started ?? new Date(Date.UTC(2026, 11, 1) + 3600_000 * ++this.clock).toISOString();
    const session: ReportSession = { id, learner, mode, started, passMark: options.passMark ?? 0.8 };
    if (options.finished !== false) session.finished = started;
    this.sessions.push(session);
    Object.entries(scores).forEach(([questionId, value], position) => {
      const [score, response] = Array.isArray(value) ? value : [value, [score0(value)]];
      this.answers.push({ sessionId: id, learner, questionId, response, score, answeredAt: started, position });
    });
    return id;
  }

  exam(learner: string, scores: Record<string, number | [number, number[]]>, options: { started?: string; finished?: boolean; passMark?: number } = {}) {
    return this.add(learner, 'exam', scores, options);
  }
}

/** With the default choice question: score 1 is choice 0, 0.5 choice 1, 0 choice 2. */
function score0(score: number): number {
  return score === 1 ? 0 : score === 0.5 ? 1 : 2;
}
