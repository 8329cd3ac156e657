// Moodle keeps question text as HTML, Moodle auto-format, Markdown or plain text; mot keeps plain
// text. These turn one into the other, both ways, without a browser.

export type TextFormat = 'html' | 'moodle' | 'markdown' | 'plain';

// The named entities Moodle's editors write; anything else named is left as written.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', sbquo: '\u201a', bdquo: '\u201e',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', bull: '\u2022', middot: '\u00b7', shy: '',
  laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0',
  euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2', sect: '\u00a7', para: '\u00b6',
  times: '\u00d7', divide: '\u00f7', plusmn: '\u00b1', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  le: '\u2264', ge: '\u2265', ne: '\u2260', minus: '\u2212', rarr: '\u2192', larr: '\u2190', harr: '\u2194',
  iexcl: '\u00a1', iquest: '\u00bf', szlig: '\u00df', agrave: '\u00e0', aacute: '\u00e1', acirc: '\u00e2',
  atilde: '\u00e3', auml: '\u00e4', aring: '\u00e5', aelig: '\u00e6', ccedil: '\u00e7', egrave: '\u00e8',
  eacute: '\u00e9', ecirc: '\u00ea', euml: '\u00eb', igrave: '\u00ec', iacute: '\u00ed', icirc: '\u00ee',
  iuml: '\u00ef', ntilde: '\u00f1', ograve: '\u00f2', oacute: '\u00f3', ocirc: '\u00f4', otilde: '\u00f5',
  ouml: '\u00f6', oslash: '\u00f8', ugrave: '\u00f9', uacute: '\u00fa', ucirc: '\u00fb', uuml: '\u00fc',
  yacute: '\u00fd', yuml: '\u00ff', Agrave: '\u00c0', Aacute: '\u00c1', Acirc: '\u00c2', Auml: '\u00c4',
  Aring: '\u00c5', AElig: '\u00c6', Ccedil: '\u00c7', Egrave: '\u00c8', Eacute: '\u00c9', Ecirc: '\u00ca',
  Ouml: '\u00d6', Uuml: '\u00dc', Ntilde: '\u00d1', Oslash: '\u00d8', oelig: '\u0153', OElig: '\u0152',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : all;
    }
    return NAMED[name] ?? all;
  });
}

/** HTML to plain text: paragraphs become blank lines, breaks and list items new lines, entities decoded. */
export function htmlToText(html: string, newlinesBreak = false): string {
  const text = (newlinesBreak ? html.replace(/\r?\n/g, '<br>') : html)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<img\b[^>]*?\balt\s*=\s*("([^"]*)"|'([^']*)')[^>]*>/gi, (_all, _q, a?: string, b?: string) => ((a ?? b ?? '').trim() ? `[image: ${(a ?? b)!.trim()}]` : ''))
    .replace(/\s*\n\s*/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/?(p|div|h[1-6]|ul|ol|table|tr|blockquote|pre)\b[^>]*>/gi, '\n\n')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    // Only what a browser takes for a tag goes: `a < b` and `<>` are text.
    .replace(/<\/?[a-z!?][^>]*>/gi, '');
  return tidy(decodeEntities(text));
}

/** Markdown to plain text: emphasis, code marks and headings go; a link keeps its words and address. */
export function markdownToText(markdown: string): string {
  const text = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, (_all, alt: string) => (alt ? `[image: ${alt}]` : ''))
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, '$1 ($2)')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([^*_\n]*?\S)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s*[*+]\s+/gm, '- ');
  return tidy(text);
}

export function toPlainText(text: string, format: TextFormat): string {
  switch (format) {
    case 'html':
      return htmlToText(text);
    case 'moodle':
      // Moodle's auto-format: HTML is allowed and a new line is a line break.
      return htmlToText(text, true);
    case 'markdown':
      return markdownToText(text);
    case 'plain':
      return tidy(text);
  }
}

/** Moodle XML's format attribute, as Moodle 4 writes it. */
export function xmlTextFormat(attribute: string | undefined): TextFormat {
  switch ((attribute ?? 'html').toLowerCase()) {
    case 'plain_text':
      return 'plain';
    case 'markdown':
      return 'markdown';
    case 'moodle_auto_format':
      return 'moodle';
    default:
      return 'html';
  }
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text to HTML that htmlToText reads back as the same text: paragraphs and line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** A name made into an id: lowercase words joined by hyphens, at most `max` characters, cut at a word. */
export function slug(text: string, max = 48): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > max) break;
    id = next;
  }
  return id || (words[0] ?? '').slice(0, max);
}
