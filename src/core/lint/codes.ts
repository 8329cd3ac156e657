// The codes of `mot lint`'s rules. A bank's `lint: { ignore: [...] }` may name only these, so
// the validator checks against this list; the rules themselves live beside it.
export const LINT_CODES = [
  'key-longest',
  'key-most-steps',
  'key-position',
  'multi-count',
  'cue-justification',
  'cue-absolute',
  'cue-warmth',
  'cue-echo',
  'partial-credit',
  'all-or-none',
  'negative-prompt',
  'no-feedback',
  'no-explanation',
  'near-duplicate',
  'cross-leak',
  'planted-resource',
] as const;

export type LintCode = (typeof LINT_CODES)[number];
