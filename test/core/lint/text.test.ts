// How the rules read wording: steps (things a response does), stems and content words.
import { describe, expect, it } from 'vitest';
import { contentStems, shingles, stem, steps } from '../../../src/core/lint/text.js';

describe('steps', () => {
  it.each([
    ['Greet her.', 1],
    ['Greet her and offer help.', 2],
    ['Apologise, check the stock room, then call her back before closing.', 3],
    ['You check the shelf and quietly ask a colleague to cover the till.', 2],
    ['Leave it, because the listing is run by head office and shoppers will check the door.', 1],
    ['Offer a refund so that she can buy it elsewhere.', 1],
    ['Add practical details such as parking, step-free access and the hearing loop.', 1],
    ['Nothing at all.', 1],
  ])('"%s" does %i', (text, n) => {
    expect(steps(text)).toBe(n);
  });
});

describe('stem and content words', () => {
  it.each([
    ['apologises', 'apologis'],
    ['apologise', 'apologis'],
    ['pharmacists', 'pharmacist'],
    ['queries', 'query'],
    ['boxes', 'box'],
    ['checked', 'check'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('leaves out function words, everyday service words and short words', () => {
    expect([...contentStems('Tell the customer that the pharmacist is on her way.')]).toEqual(['pharmacist']);
  });

  it('makes word shingles, or one shingle of a short text', () => {
    expect([...shingles('Who coined the term?', 3)]).toEqual(['who coined the', 'coined the term']);
    expect([...shingles('Why?', 3)]).toEqual(['why']);
  });
});
