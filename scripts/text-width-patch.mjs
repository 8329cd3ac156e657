// string-width and wrap-ansi build an Intl.Segmenter and a /^\p{RGI_Emoji}$/v pattern when they
// are loaded: 20-30 ms on this machine, before any text is measured, on every command that lays
// text out (a session's first question among them). The bundle gets them built on first use
// instead, and a second fast path beside the libraries' own printable-ASCII one: text made only of
// characters that are each one column and their own grapheme (Latin-1, Latin Extended-A, the
// dashes, quotes and ellipsis of ordinary prose, mot's bars and marks) is as wide as it is long. Ordinary bank text then
// never needs the segmenter at all. test/build/text-width-patch.test.ts checks the patched
// libraries against the originals, character by character.

/**
 * Characters that string-width gives one column each and that never join a neighbour's cluster:
 * Latin-1 and Latin Extended-A (not the soft hyphen), general punctuation, the euro, arrows and
 * mathematical operators, box drawing, blocks and geometric shapes (bars, radio marks; not the two
 * that are emoji), and mot's own marks (⏎ ⚑ ⚠ ✓ ✔ ✗ ✘ ❯).
 */
export const NARROW_TEXT = String.raw`^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u017F\u2010-\u2027\u2030-\u203B\u20AC\u2190-\u22FF\u23CE\u2500-\u25FC\u25FF\u2690-\u2692\u26A0\u2713-\u2718\u276F]*$`;

const lazySegmenter = [
  'const segmenter = new Intl.Segmenter();',
  'let segmenterBuilt; const segmenter = { segment: (text) => (segmenterBuilt ??= new Intl.Segmenter()).segment(text) };',
];

// string-width's other Unicode-property patterns: esbuild writes them as `new RegExp(…, 'v')`,
// which V8 parses when it is built (~1 ms for the three at every start); built on first use
// instead, through an object that does what string-width asks of them (test, search, match).
const LAZY_REGEXP = 'const lazyRegExp = (build) => { let built; const get = () => (built ??= build()); return { test: (text) => get().test(text), [Symbol.search]: (text) => get()[Symbol.search](text), [Symbol.match]: (text) => get()[Symbol.match](text) }; };';
const lazyPattern = (name, literal) => [`const ${name} = ${literal};`, `const ${name} = lazyRegExp(() => ${literal});`];

const PATCHES = {
  'string-width': [
    lazySegmenter,
    [
      'const visibleCharacterRegex = ',
      `${LAZY_REGEXP} const visibleCharacterRegex = `,
    ],
    lazyPattern('visibleCharacterRegex', String.raw`/[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/v`),
    lazyPattern('spacingMarkRegex', String.raw`/\p{Spacing_Mark}/v`),
    lazyPattern('extendedPictographicRegex', String.raw`/\p{Extended_Pictographic}/gu`),
    [
      'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
      "let rgiEmojiBuilt; const rgiEmojiRegex = { test: (text) => (rgiEmojiBuilt ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };" +
        ` const narrowTextRegex = new RegExp(${JSON.stringify(NARROW_TEXT)});`,
    ],
    ['if (/^[\\u0020-\\u007E]*$/.test(string)) {', 'if (/^[\\u0020-\\u007E]*$/.test(string) || narrowTextRegex.test(string)) {'],
  ],
  'wrap-ansi': [lazySegmenter, ['const ASCII_PRINTABLE_REGEX = /^[ -~]*$/;', `const ASCII_PRINTABLE_REGEX = new RegExp(${JSON.stringify(NARROW_TEXT)});`]],
};

/**
 * The patched source of a library's index.js, or undefined when it is not one of them. Throws when
 * a text to replace is not there (a new version of the library): the patch must be looked at again.
 */
export function patchTextWidth(library, source) {
  const patches = PATCHES[library];
  if (!patches) return undefined;
  let out = source;
  for (const [from, to] of patches) {
    if (!out.includes(from)) throw new Error(`text-width-patch: ${library} no longer has \`${from}\`; check scripts/text-width-patch.mjs against its new version.`);
    out = out.replace(from, () => to);
  }
  return out;
}

/** The esbuild plugin. */
export const textWidthPlugin = {
  name: 'text-width-patch',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](string-width|wrap-ansi)[\\/]index\.js$/ }, async (args) => {
      const { readFileSync } = await import('node:fs');
      const library = /[\\/](string-width|wrap-ansi)[\\/]index\.js$/.exec(args.path)[1];
      return { contents: patchTextWidth(library, readFileSync(args.path, 'utf8')), loader: 'js' };
    });
  },
};
