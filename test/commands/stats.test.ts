// What `mot stats` prints for a person: every line within the screen's width.
import { describe, expect, it } from 'vitest';
import { progressText } from '../../src/commands/stats.js';
import type { Question } from '../../src/core/model.js';
import type { ProgressReport } from '../../src/core/progress.js';
import { progressMessages } from '../../src/messages/progress.js';
import { plainPaint } from '../../src/ui/paint.js';
import { displayWidth } from '../../src/ui/text.js';

const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);

const report: ProgressReport = {
  learner: 'sam',
  answered: 420,
  mean_score: 0.72,
  due_today: 14,
  due_now: 9,
  due_not_loaded: { now: 1, today: 2 },
  due_by_bank: { 'sample-clinic': { now: 6, today: 10 }, review: { now: 3, today: 4 } },
  next_reviews: days(5).map((date, i) => ({ date, count: 10 + i })),
  sessions: days(30).map((date, i) => ({ id: `s${i}`, mode: i % 2 ? 'drill' : 'exam', started: `${date}T09:00:00Z`, finished: true, answered: 14, questions: 14, score: 0.7 })),
  trend: { exam: days(30).map((date) => ({ date, score: 0.6, finished: true })), drill: days(30).map((date) => ({ date, score: 0.9, finished: true })) },
  breakdown: { industry: { healthcare: 0.7 }, moment: { second: 0.6, third: 0.8 }, stage: { delivery: 0.5, 'follow-up': 0.9 } },
  weakest: [{ id: 'sample-clinic/waiting-room-delay', answered: 12, mean_score: 0.25, last_score: 0.5, retired: false }],
  retired: [],
};

const questions = new Map<string, Question>([
  [
    'sample-clinic/waiting-room-delay',
    { id: 'sample-clinic/waiting-room-delay', bankId: 'sample-clinic', industry: 'healthcare', prompt: 'A patient has waited forty minutes past the appointment time and asks, sharply, how much longer it will be. What do you say?' } as Question,
  ],
  ['review/q1', { id: 'review/q1', bankId: 'review', industry: 'general', prompt: 'What is a moment of truth?' } as Question],
]);

describe('progressText', () => {
  it.each([40, 60, 78])('keeps every line within %i columns', (width) => {
    const lines = progressText(report, questions, { paint: plainPaint(), width }).flatMap((l) => l.split('\n'));
    expect(lines.filter((l) => displayWidth(l) > width)).toEqual([]);
    // Nothing is lost to the wrapping: the due sentence and the forecast are there in full.
    const flat = lines.join(' ').replace(/\s+/g, ' ');
    expect(flat).toContain(progressMessages.due({ now: 9, today: 14 }));
    expect(flat).toContain(progressMessages.nextReviews(report.next_reviews));
  });

  it('wraps a long line under its own indent', () => {
    const lines = progressText(report, questions, { paint: plainPaint(), width: 40 }).flatMap((l) => l.split('\n'));
    const due = lines.findIndex((l) => l.startsWith('  Due for review'));
    expect(lines[due + 1]).toMatch(/^ {4}\S/);
  });

  it('puts the dates of a trend under its sparkline when both do not fit on one line', () => {
    const lines = progressText(report, questions, { paint: plainPaint(), width: 60 }).flatMap((l) => l.split('\n'));
    const exam = lines.findIndex((l) => l.startsWith('  exam '));
    expect(lines[exam]!.trimEnd()).toBe(`  exam   ${'▅'.repeat(30)}`);
    expect(lines[exam + 1]).toBe('         2026-11-01 60% → 2026-11-30 60%  (30 sessions)');
  });
});
