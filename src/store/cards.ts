// Shared by both engines: the card an answer copied in from another store (sync) leaves behind.
// Loaded only by putAnswers, so commands that only read never load the scheduler.
import { nextCard, ratingFor, type CardData } from '../core/schedule.js';

/**
 * The card after `answer`, or undefined to keep `previous`: an answer older than the card's last
 * review arrived late (another terminal synced first) and is already outweighed by what followed.
 */
export function cardAfter(previous: CardData | undefined, answer: { score: number; seconds: number | null; answeredAt: string }): CardData | undefined {
  if (previous?.last_review && previous.last_review > answer.answeredAt) return undefined;
  return nextCard(previous, new Date(answer.answeredAt), ratingFor(answer.score, answer.seconds ?? undefined));
}
