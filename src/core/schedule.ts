// Spaced repetition, through ts-fsrs and nothing else: this module is the only one that knows it.
//
// How an answer's score becomes an FSRS rating:
//   score 1 (the best answer) answered within FAST_SECONDS  -> Easy
//   score 1                                                  -> Good
//   score 0.5 or more (partly right)                         -> Hard
//   below 0.5                                                -> Again
// A scripted answer has no reading time, so a right one is Good, never Easy.
// Short-term (same-day) learning steps are off: a session is a sitting, and what was missed
// comes back on a later day rather than minutes later.
//
// ts-fsrs itself is loaded on the first card scheduled, not with this module: a session imports
// this module before its first question, and ts-fsrs (34 KB, and a scheduler to set up) cost ~4 ms
// of that; the first card is scheduled only once an answer is stored.
import { createRequire } from 'node:module';
import type { Card, FSRS, Grade } from 'ts-fsrs';
import { reaches } from './scoring.js';

export const FAST_SECONDS = 15;

/** ts-fsrs's ratings, as its `Rating` enum numbers them (a test holds them to it). */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const satisfies Record<string, Grade>;

// In mot's bundle `require` exists (dist/ is CommonJS) and esbuild bundles what it names, to be
// evaluated on this call. Run from source (the tests), or bundled as an ES module (the bench's
// helpers, where it throws "Dynamic require"), the package is required from node_modules.
declare const require: ((id: string) => unknown) | undefined;

function requireFsrs(): typeof import('ts-fsrs') {
  if (typeof require === 'function')
    try {
      return require('ts-fsrs') as typeof import('ts-fsrs');
    } catch {
      // Not mot's bundle: see above.
    }
  return createRequire(import.meta.url)('ts-fsrs') as typeof import('ts-fsrs');
}
let fsrsLib: { lib: typeof import('ts-fsrs'); scheduler: FSRS } | undefined;

function fsrsOnce(): { lib: typeof import('ts-fsrs'); scheduler: FSRS } {
  if (fsrsLib) return fsrsLib;
  const lib = requireFsrs();
  const scheduler = lib.fsrs({ enable_fuzz: false, enable_short_term: false, maximum_interval: 365, request_retention: 0.9 });
  fsrsLib = { lib, scheduler };
  return fsrsLib;
}

/** A card as stored: plain JSON, dates as ISO strings. */
export interface CardData {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string;
}

export type RatingName = 'Again' | 'Hard' | 'Good' | 'Easy';

export function ratingFor(score: number, seconds?: number): Grade {
  if (reaches(score, 1)) return seconds !== undefined && seconds <= FAST_SECONDS ? Rating.Easy : Rating.Good;
  if (score >= 0.5) return Rating.Hard;
  return Rating.Again;
}

export function ratingName(rating: Grade): RatingName {
  return (Object.keys(Rating) as RatingName[]).find((name) => Rating[name] === rating)!;
}

/**
 * The card after a review at `now`. A review timed before the card's last one (the clock moved
 * back: MOT_NOW, a terminal whose clock is wrong) counts as given at the last review's time;
 * ts-fsrs refuses a negative interval ("Invalid delta_t") and the answer must not be lost.
 */
export function nextCard(previous: CardData | undefined, now: Date, rating: Grade): CardData {
  const { lib, scheduler } = fsrsOnce();
  const card = previous ? fromData(previous) : lib.createEmptyCard(now);
  const last = card.last_review ? new Date(card.last_review) : undefined;
  const at = last && last.getTime() > now.getTime() ? last : now;
  return toData(scheduler.next(card, at, rating).card);
}

function fromData(data: CardData): Card {
  const card: Card = { ...data, due: new Date(data.due), last_review: data.last_review ? new Date(data.last_review) : undefined } as Card;
  return card;
}

function toData(card: Card): CardData {
  const data: CardData = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) data.last_review = new Date(card.last_review).toISOString();
  return data;
}
