// Text from outside mot (banks, options, file names, the store, scripted lines) is data. Terminal
// escape sequences and control characters in it could move the cursor, recolour or retitle the
// terminal, or hide and reorder text, so they never leave mot as they are.

const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 except tab and newline, DEL, C1, and the bidirectional marks, embeddings, overrides and
// isolates that can reorder what a line shows.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The colour and weight codes mot's own paint writes (SGR): the one kind of sequence let through. */
const OWN_STYLE = /\u001b\[[0-9;]*m/g;

/** Whether a text holds anything sanitizeText would remove (every escape sequence starts with ESC or CSI, both in here). */
export const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function sanitizeText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** For one-line places (messages, ids): newlines and tabs become spaces too. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/[\n\t]+/g, ' ');
}

/**
 * The output boundary: what is written to stdout or stderr. With `keepStyles` (colour is on), SGR
 * colour codes survive and nothing else does; without it, no ESC at all reaches the stream.
 */
export function sanitizeOutput(text: string, keepStyles: boolean): string {
  if (!keepStyles) return sanitizeText(text);
  const styles: string[] = [];
  const marked = text.replace(OWN_STYLE, (code) => `\u0000${styles.push(code) - 1}\u0000`);
  return marked
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\u0000(\d+)\u0000|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (all, i: string | undefined) =>
      i === undefined ? '' : styles[Number(i)] ?? '',
    );
}
