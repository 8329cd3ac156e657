// Shared by both engines: the card an answer copied in from another store (sync) leaves behind.
import { nextCard, ratingFor, type CardData } from '../core/schedule.js';

/**
 * The card after `answer`, or undefined to keep `previous`: an answer older than the card's last
 * review arrived late (another terminal synced first) and is already outweighed by what followed.
 */
export function cardAfter(previous: CardData | undefined, answer: { score: number; seconds: number | null; answeredAt: string }): CardData | undefined {
  if (previous?.last_review && previous.last_review > answer.answeredAt) return undefined;
  return nextCard(previous, new Date(answer.answeredAt), ratingFor(answer.score, answer.seconds ?? undefined));
}

/** A moment given in ISO 8601 (any offset), as the UTC form both engines compare and store. */
export function isoMoment(value: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new RangeError(`"${value}" is not an ISO 8601 time`);
  return at.toISOString();
}
