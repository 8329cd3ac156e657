// Spaced repetition: how a score becomes a rating, and how ratings move a card's due date.
import { describe, expect, it } from 'vitest';
import { FAST_SECONDS, nextCard, Rating, ratingFor, ratingName } from '../../src/core/schedule.js';

const NOW = new Date('2027-01-17T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('ratingFor', () => {
  it.each<[number, number | undefined, string]>([
    [1, 5, 'Easy'],
    [1, FAST_SECONDS, 'Easy'],
    [1, FAST_SECONDS + 1, 'Good'],
    [1, undefined, 'Good'],
    [1 - 1e-12, 3, 'Easy'],
    [0.99, 3, 'Hard'],
    [0.75, undefined, 'Hard'],
    [0.5, 2, 'Hard'],
    [0.49, 2, 'Again'],
    [0.25, undefined, 'Again'],
    [0, 1, 'Again'],
  ])('rates a score of %f answered in %s seconds as %s', (score, seconds, name) => {
    expect(ratingName(ratingFor(score, seconds))).toBe(name);
  });
});

describe('nextCard', () => {
  it('creates a card for a question never answered', () => {
    const card = nextCard(undefined, NOW, ratingFor(1));
    expect(card.state).not.toBe(0); // no longer New
    expect(card.reps).toBe(1);
    expect(card.last_review).toBe(NOW.toISOString());
    expect(new Date(card.due).getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('stores the card as plain JSON that survives a round trip', () => {
    const card = nextCard(undefined, NOW, ratingFor(0.5));
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(typeof card.due).toBe('string');
  });

  it('brings a missed question (Again) back before one answered right (Good)', () => {
    const missed = nextCard(undefined, NOW, ratingFor(0));
    const right = nextCard(undefined, NOW, ratingFor(1));
    expect(new Date(missed.due).getTime()).toBeLessThan(new Date(right.due).getTime());
  });

  it('orders the first due dates Again < Hard < Good < Easy', () => {
    const due = [ratingFor(0), ratingFor(0.5), ratingFor(1), ratingFor(1, 2)].map((r) => new Date(nextCard(undefined, NOW, r).due).getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(new Set(due).size).toBe(4);
  });

  it('brings a missed question back on a later day, not within the same sitting', () => {
    const missed = nextCard(undefined, NOW, ratingFor(0));
    expect(new Date(missed.due).getTime() - NOW.getTime()).toBeGreaterThanOrEqual(DAY - 1000);
  });

  it('moves the due date further forward after each Good answer on time', () => {
    let card = nextCard(undefined, NOW, ratingFor(1));
    let previousInterval = new Date(card.due).getTime() - NOW.getTime();
    for (let i = 0; i < 4; i++) {
      const reviewedAt = new Date(card.due);
      card = nextCard(card, reviewedAt, ratingFor(1));
      const interval = new Date(card.due).getTime() - reviewedAt.getTime();
      expect(interval).toBeGreaterThan(previousInterval);
      previousInterval = interval;
    }
    expect(card.reps).toBe(5);
  });

  it('shortens the interval when a known question is missed, and counts the lapse', () => {
    const learned = nextCard(nextCard(undefined, NOW, ratingFor(1)), new Date(NOW.getTime() + 3 * DAY), ratingFor(1));
    const at = new Date(learned.due);
    const lapsed = nextCard(learned, at, ratingFor(0));
    const kept = nextCard(learned, at, ratingFor(1));
    expect(new Date(lapsed.due).getTime()).toBeLessThan(new Date(kept.due).getTime());
    expect(lapsed.lapses).toBe(learned.lapses + 1);
  });

  it('takes an answer timed before the last review (the clock moved back) as given at the last review', () => {
    const reviewed = nextCard(undefined, NOW, ratingFor(1));
    const earlier = new Date(NOW.getTime() - 2 * DAY);
    const card = nextCard(reviewed, earlier, ratingFor(1));
    expect(card).toEqual(nextCard(reviewed, NOW, ratingFor(1)));
    expect(card.last_review).toBe(NOW.toISOString());
    expect(card.reps).toBe(2);
  });

  it('takes a review a millisecond before the last one without throwing', () => {
    const reviewed = nextCard(undefined, NOW, ratingFor(0));
    expect(() => nextCard(reviewed, new Date(NOW.getTime() - 1), ratingFor(0))).not.toThrow();
  });
});

describe('the ratings', () => {
  it('are numbered as ts-fsrs numbers them', async () => {
    const fsrs = await import('ts-fsrs');
    expect(Rating).toEqual({ Again: fsrs.Rating.Again, Hard: fsrs.Rating.Hard, Good: fsrs.Rating.Good, Easy: fsrs.Rating.Easy });
    for (const name of ['Again', 'Hard', 'Good', 'Easy'] as const) expect(ratingName(Rating[name])).toBe(name);
  });
});
