// Quiz files come from many editors: UTF-8 mostly, but older Moodle sites and Windows editors
// wrote Windows-1252 (or said ISO-8859-1 in the XML declaration) and some tools write UTF-16.

export interface Decoded {
  text: string;
  /** Set when the bytes were not UTF-8, so the person knows how they were read. */
  encoding?: string;
}

export function decodeQuiz(bytes: Uint8Array): Decoded | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes.includes(0)) return undefined;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(iso-8859-1|iso8859-1|latin-?1|windows-1252|cp1252)$/.test(declared))
    return { text: windows1252(bytes), encoding: declared.toUpperCase() };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: windows1252(bytes), encoding: 'Windows-1252 (it is not UTF-8)' };
  }
}

// 0x80 to 0x9F in Windows-1252 (Node's TextDecoder reads them as C1 controls, as ISO-8859-1 does).
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
