// Plain-text layout helpers for the renderers.

/**
 * Wraps text to `width` columns, indenting every line by `indent`. Lines of a paragraph are
 * joined first (authors break lines in YAML `|` blocks wherever their editor did); blank lines
 * and list items ("- ", "* ", "1. ") keep their breaks.
 */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string {
  const room = Math.max(20, width - indent.length);
  const out: string[] = [];
  let first = true;
  for (const paragraph of paragraphs(text)) {
    if (paragraph === '') {
      out.push('');
      continue;
    }
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > room) {
        out.push((first ? firstIndent : indent) + line);
        first = false;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) {
      out.push((first ? firstIndent : indent) + line);
      first = false;
    }
  }
  return out.join('\n');
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

export function padEnd(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
