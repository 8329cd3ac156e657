// Bank text is data: nothing in it may drive the terminal.
import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeOutput, sanitizeText } from '../../src/core/sanitize.js';

const ESC = '\u001b';
const BEL = '\u0007';

describe('sanitizeText', () => {
  it.each([
    ['a colour (CSI SGR)', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['a screen clear and cursor home', `before${ESC}[2J${ESC}[Hafter`, 'beforeafter'],
    ['a cursor move with parameters', `a${ESC}[10;20Hb`, 'ab'],
    ['a private mode switch', `a${ESC}[?1049hb`, 'ab'],
    ['a window title ended by BEL (OSC)', `a${ESC}]0;pwned${BEL}b`, 'ab'],
    ['a window title ended by ST (OSC)', `a${ESC}]2;pwned${ESC}\\b`, 'ab'],
    ['a hidden hyperlink (OSC 8)', `The ${ESC}]8;;http://evil.example${ESC}\\link${ESC}]8;;${ESC}\\ is hidden`, 'The link is hidden'],
    ['a device control string (DCS)', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
    ['a single-byte CSI (C1 0x9b)', 'Ignore it \u009b31m', 'Ignore it '],
    ['a two-byte escape (reset, ESC c)', `a${ESC}cb`, 'acb'],
    ['an escape cut off at the end', `a${ESC}[31`, 'a[31'],
    ['a lone ESC', `a${ESC}`, 'a'],
  ])('removes %s', (_case, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', BEL],
    ['backspace', '\u0008'],
    ['carriage return', '\r'],
    ['vertical tab', '\u000b'],
    ['form feed', '\u000c'],
    ['DEL', '\u007f'],
    ['a C1 control (NEL)', '\u0085'],
    ['a right-to-left override', '\u202e'],
    ['a left-to-right isolate', '\u2066'],
    ['a pop directional isolate', '\u2069'],
  ])('removes the control character %s', (_case, char) => {
    expect(sanitizeText(`a${char}b`)).toBe('ab');
  });

  it('keeps newlines, tabs and ordinary Unicode text', () => {
    const text = 'Line one\n\tLine two: café, 東京, emoji 🙂, “quotes” — dash';
    expect(sanitizeText(text)).toBe(text);
  });

  it('leaves no ESC, C0 (but tab and newline) or C1 character behind, whatever the input', () => {
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = [ESC, '[', ']', '\\', BEL, ';', '0', '3', '1', 'm', 'H', 'P', '\u009b', '\u009d', 'a', ' ', '\n', '\t', '\u0000', '\u007f', '?'];
    for (let i = 0; i < 2000; i++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(sanitizeText(input), JSON.stringify(input)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});

describe('sanitizeLine', () => {
  it('turns newlines and tabs into single spaces, for one-line places', () => {
    expect(sanitizeLine('one\ntwo\t\tthree\n\nfour')).toBe('one two three four');
  });

  it('removes escapes as sanitizeText does', () => {
    expect(sanitizeLine(`${ESC}[31mfourth${ESC}[0m\n`)).toBe('fourth ');
  });
});

describe('the output boundary', () => {
  it.each([
    ['LEFT-TO-RIGHT MARK', '\u200e'],
    ['RIGHT-TO-LEFT MARK', '\u200f'],
    ['ARABIC LETTER MARK', '\u061c'],
    ['an embedding (U+202A)', '\u202a'],
    ['an override (U+202E)', '\u202e'],
    ['an isolate (U+2066)', '\u2066'],
    ['a pop isolate (U+2069)', '\u2069'],
  ])('removes the bidirectional control %s', (_name, mark) => {
    expect(sanitizeOutput(`safe${mark}text`, false)).toBe('safetext');
    expect(sanitizeText(`safe${mark}text`)).toBe('safetext');
  });

  it('lets mot\'s own colour codes through when colour is on, and nothing else', () => {
    const painted = '\u001b[32mright\u001b[39m \u001b]0;title\u0007\u001b[2Jx';
    expect(sanitizeOutput(painted, true)).toBe('\u001b[32mright\u001b[39m x');
    expect(sanitizeOutput(painted, false)).toBe('right x');
  });

  it('keeps newlines and tabs, and drops other C0 and C1 controls', () => {
    expect(sanitizeOutput('a\tb\nc\u0000d\u0085e\u0090', false)).toBe('a\tb\ncde');
  });
});
