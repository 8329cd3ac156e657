// Which industries a session draws from when it names no bank and no industry.
import { describe, expect, it } from 'vitest';
import { defaultIndustries, REVIEW_INDUSTRY } from '../../src/core/scope.js';

describe('defaultIndustries', () => {
  it.each([
    { name: 'the built-in mix', industries: ['retail', 'general', 'healthcare', 'hospitality'], expected: ['healthcare', 'hospitality', 'retail'] },
    { name: 'a trainer’s own industry', industries: ['general', 'airline', 'retail', 'airline'], expected: ['airline', 'retail'] },
    { name: 'scenario banks only', industries: ['retail'], expected: ['retail'] },
    { name: 'only general banks: everything, so there is still something to ask', industries: ['general', 'general'], expected: undefined },
    { name: 'no banks', industries: [], expected: undefined },
  ])('$name', ({ industries, expected }) => {
    expect(defaultIndustries(industries.map((industry) => ({ industry })))).toEqual(expected);
  });

  it('leaves out the review industry', () => {
    expect(REVIEW_INDUSTRY).toBe('general');
    expect(defaultIndustries([{ industry: 'general' }, { industry: 'retail' }])).not.toContain('general');
  });
});
