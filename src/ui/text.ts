// Plain-text layout helpers for the renderers. Widths are terminal columns, measured by
// string-width (a wide character takes two, an escape sequence none); wrapping is wrap-ansi's,
// so a style that spans a break is closed at the end of the line and opened again on the next.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** The fewest columns a wrapped line keeps for text, however deep its indent. */
const MIN_ROOM = 20;

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

export interface WrapOptions {
  /**
   * Break a word longer than the line (a URL, a run of letters) so that no line is wider than
   * `width`. Off for text a person copies whole, such as a file path: it then overflows instead.
   */
  hard?: boolean;
}

/**
 * Wraps text to `width` columns, the first line after `firstIndent` and every other after
 * `indent` (a hanging indent: "  a) " then "     "). Lines of a paragraph are joined first
 * (authors break lines in YAML `|` blocks wherever their editor did); blank lines and list items
 * ("- ", "* ", "1. ") keep their breaks. The text may be styled already.
 */
export function wrap(text: string, width: number, indent = '', firstIndent = indent, options: WrapOptions = {}): string {
  const indentWidth = displayWidth(indent);
  const room = Math.max(MIN_ROOM, width - indentWidth);
  // When the first indent is the wider one, a placeholder as wide as the difference takes its
  // room on the first line, and is cut off again after wrapping.
  const extra = Math.min(room - 1, Math.max(0, displayWidth(firstIndent) - indentWidth));
  const out: string[] = [];
  let first = true;
  for (const paragraph of paragraphs(text)) {
    if (paragraph === '') {
      out.push('');
      continue;
    }
    const lead = first ? extra : 0;
    const rows = wrapAnsi(PLACEHOLDER.repeat(lead) + paragraph, room, { hard: options.hard ?? true }).split('\n');
    rows.forEach((row, i) => out.push(first && i === 0 ? firstIndent + row.slice(lead) : indent + row));
    first = false;
  }
  return out.join('\n');
}

/** Any one-column character that is not a space would do: it is cut off by position, not by value. */
const PLACEHOLDER = '\u2400';

/**
 * A line built from parts (already styled, perhaps) that may be wider than the screen: wrapped,
 * its continuation lines indented by `hang` (by default two spaces deeper than the line). A line
 * that fits is returned as it is.
 */
export function fitLine(line: string, width: number, hang?: string, options: WrapOptions = {}): string {
  if (displayWidth(line) <= width) return line;
  const indent = /^ */.exec(line)![0];
  return wrap(line.slice(indent.length), width, hang ?? `${indent}  `, indent, options);
}

/** Text of several lines, each fitted to `width` (see fitLine); blank lines stay. */
export function fitLines(text: string, width: number, hang?: string, options: WrapOptions = {}): string {
  return text
    .split('\n')
    .map((line) => fitLine(line, width, hang, options))
    .join('\n');
}

/** Cuts a line to `width` columns, ending it with an ellipsis when something was cut. */
export function truncate(text: string, width: number, unicode = true): string {
  if (displayWidth(text) <= width) return text;
  const ellipsis = unicode ? '…' : '...';
  const room = Math.max(0, width - displayWidth(ellipsis));
  let out = '';
  for (const character of text) {
    if (displayWidth(out + character) > room) break;
    out += character;
  }
  return out + ellipsis;
}

const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s/;

function paragraphs(text: string): string[] {
  const result: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) result.push(current.join(' '));
    current = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      result.push('');
    } else {
      if (LIST_ITEM.test(line)) flush();
      current.push(line.trim());
    }
  }
  flush();
  return result;
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** A bar of `width` cells filled in proportion to `fraction`. */
export function bar(fraction: number, width: number, unicode: boolean): string {
  const cells = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return unicode ? '█'.repeat(cells) + '░'.repeat(width - cells) : '#'.repeat(cells) + '.'.repeat(width - cells);
}

/** Pads to `width` columns (not characters: a wide character takes two, an escape none). */
export function padEnd(text: string, width: number): string {
  const columns = displayWidth(text);
  return columns >= width ? text : text + ' '.repeat(width - columns);
}
