// The layout helpers: widths in terminal columns, wrapping with hanging indents.
import { describe, expect, it } from 'vitest';
import { displayWidth, fitLine, fitLines, padEnd, truncate, wrap } from '../../src/ui/text.js';

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));
const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
const words = (n: number, word = 'respond') => Array.from({ length: n }, () => word).join(' ');

describe('displayWidth', () => {
  it('counts columns: a wide character takes two, an escape sequence none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth(bold('abc'))).toBe(3);
    expect(displayWidth('✔ ○ ·')).toBe(5);
  });
});

describe('wrap', () => {
  it('keeps every line within the width and every word whole', () => {
    const text = words(40);
    for (const width of [30, 41, 78]) {
      const out = wrap(text, width);
      expect(widest(out)).toBeLessThanOrEqual(width);
      expect(out.split(/\s+/)).toEqual(text.split(' '));
    }
  });

  it('indents the first line by firstIndent and the rest by indent (a hanging indent)', () => {
    const lines = wrap(words(20), 40, '     ', '  a) ').split('\n');
    expect(lines[0]!.startsWith('  a) respond')).toBe(true);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {5}respond/);
    expect(widest(lines.join('\n'))).toBeLessThanOrEqual(40);
  });

  it('leaves room on the first line for a first indent wider than the rest', () => {
    const lines = wrap(words(20), 40, '  ', 'a long first indent: ').split('\n');
    expect(lines[0]!.startsWith('a long first indent: respond')).toBe(true);
    expect(displayWidth(lines[0]!)).toBeLessThanOrEqual(40);
    expect(lines[1]).toMatch(/^ {2}respond/);
  });

  it('joins the lines of a paragraph and keeps blank lines and list items apart', () => {
    const text = 'The guest waits\nat the desk.\n\n- first item\n- second item';
    expect(wrap(text, 78, '  ')).toBe('  The guest waits at the desk.\n\n  - first item\n  - second item');
  });

  it('measures wide characters by their columns', () => {
    const out = wrap(Array.from({ length: 30 }, () => '日本語').join(' '), 40, '  ');
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out.split('\n').length).toBeGreaterThan(3);
  });

  it('breaks a word longer than the line, unless asked not to', () => {
    const url = `https://example.org/${'x'.repeat(100)}`;
    expect(widest(wrap(url, 40, '  '))).toBeLessThanOrEqual(40);
    expect(wrap(url, 40, '  ', '  ', { hard: false })).toBe(`  ${url}`);
  });

  it('wraps styled text without counting its escape sequences, and closes the style on each line', () => {
    const out = wrap(bold(words(20)), 40, '  ');
    for (const line of out.split('\n')) {
      expect(displayWidth(line)).toBeLessThanOrEqual(40);
      expect(line).toMatch(/^ {2}\u001b\[1m.*\u001b\[22m$/);
    }
  });
});

describe('fitLine', () => {
  it('returns a line that fits as it is', () => {
    expect(fitLine('  short line', 40)).toBe('  short line');
  });

  it('wraps a long line under its own indent, two deeper by default', () => {
    const lines = fitLine(`  ${bold('Due for review:')} ${words(15)}`, 40).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.startsWith('  \u001b[1mDue')).toBe(true);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(widest(lines.join('\n'))).toBeLessThanOrEqual(40);
  });

  it('fits each line of a text and keeps its blank lines', () => {
    const out = fitLines(`Title\n\n  ${words(15)}`, 40);
    expect(out.split('\n').slice(0, 2)).toEqual(['Title', '']);
    expect(widest(out)).toBeLessThanOrEqual(40);
  });
});

describe('padEnd and truncate', () => {
  it('pads to a number of columns, not of characters', () => {
    expect(padEnd('日本', 6)).toBe('日本  ');
    expect(padEnd(bold('ab'), 4)).toBe(`${bold('ab')}  `);
    expect(padEnd('toolong', 3)).toBe('toolong');
  });

  it('cuts a line to the width with an ellipsis', () => {
    expect(truncate('abcdefghij', 6)).toBe('abcde…');
    expect(truncate('abcdefghij', 6, false)).toBe('abc...');
    expect(truncate('abc', 6)).toBe('abc');
  });
});
