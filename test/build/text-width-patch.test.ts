// The bundle's string-width and wrap-ansi are patched to build their segmenter and emoji pattern
// on first use, with a wider fast path (scripts/text-width-patch.mjs). Patched and original must
// measure and wrap every text alike.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript
import { NARROW_TEXT, patchTextWidth } from '../../scripts/text-width-patch.mjs';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const requireHere = createRequire(join(root, 'package.json'));
type Width = typeof stringWidth;
type Wrap = typeof wrapAnsi;
let patchedWidth: Width;
let patchedWrap: Wrap;

/** The patched index.js of a library, written where its own imports still resolve. */
async function patched(library: string): Promise<unknown> {
  const file = requireHere.resolve(library);
  const source = readFileSync(file, 'utf8');
  const dir = join(root, 'node_modules', '.cache', 'mot-test-text-width');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${library}-${process.pid}.mjs`);
  writeFileSync(out, patchTextWidth(library, source));
  return (await import(pathToFileURL(out).href)).default;
}

beforeAll(async () => {
  patchedWidth = (await patched('string-width')) as Width;
  patchedWrap = (await patched('wrap-ansi')) as Wrap;
});

describe('the patched string-width', () => {
  it('gives every character the fast path takes one column, as the original does', () => {
    const narrow = new RegExp(NARROW_TEXT);
    let taken = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (!narrow.test(char)) continue;
      taken++;
      expect(stringWidth(char), `U+${code.toString(16)}`).toBe(1);
    }
    expect(taken).toBeGreaterThan(350);
  });

  it('measures any character, and pairs around combining marks and emoji, as the original does', () => {
    for (let code = 0; code <= 0x33ff; code++) {
      const char = String.fromCodePoint(code);
      expect(patchedWidth(char), `U+${code.toString(16)}`).toBe(stringWidth(char));
    }
    const narrow = new RegExp(NARROW_TEXT);
    const everyNarrow = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) => narrow.test(c)).join('');
    const texts = [everyNarrow, [...everyNarrow].reverse().join(''), 'café — “quoted” ’s…', 'e\u0301 and é', 'ok 👍🏽 fine', '‼️ ⁉', '日本語のテキスト', 'a\u200db', '€5 · £3', '\u001b[31mred\u001b[0m — red', 'ﾊﾟ', '👩‍👩‍👧'];
    for (const text of texts) expect(patchedWidth(text), text).toBe(stringWidth(text));
  });
});

describe('the patched wrap-ansi', () => {
  it('wraps prose, styled text and wide characters exactly as the original', () => {
    const texts = [
      'You look after the self-checkouts — “Approval needed” — and she sighs: “Do I look under 25?” It’s a café… naïve façade, Øresund, Łódź.',
      '\u001b[1mBold start\u001b[22m and a very-long-word-that-must-be-broken-somewhere-in-the-middle-of-it, then 日本語 and 👍🏽 emoji.',
      'tabs\tand\nnewlines\n\nand e\u0301 marks',
      '  second (SMOT)   ███░░░░░░░░░░░░░░░░░░░░░░░░░░░ 10%   1 question  ✘ Not passed  ✔ ⚑ ❯ ◐ ○ ◉ ▁▂▃▄▅▆▇ → ≥ ↑↓ ⏎ ▶️ ◽',
    ];
    for (const text of texts)
      for (const width of [10, 20, 33, 80])
        for (const hard of [false, true]) expect(patchedWrap(text, width, { hard }), `${width} ${hard}`).toBe(wrapAnsi(text, width, { hard }));
  });
});
