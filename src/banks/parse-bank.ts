// Turns the text of one bank file into a checked Bank, or into problems located at
// file:line:col. Never throws, whatever the text: broken, hostile or binary.
import { isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Bank } from '../core/model.js';
import type { LocatedProblem, Problem } from '../core/problems.js';
import { sanitizeLine } from '../core/sanitize.js';
import { checkBank } from '../core/validate.js';

export const MAX_ALIASES = 100;
/**
 * Lines, list items and brackets a file may hold before parsing: a bank of 2,000 questions has
 * about 100,000; two million "- {}" lines would take the parser's memory past Node's heap.
 */
export const MAX_STRUCTURE = 400_000;
/** Past this, a file's problems are summarised: locating each one of 40,000 costs more than it tells. */
export const MAX_PROBLEMS = 200;
/** A bank is four or five levels deep; far deeper input is an attack or an accident, refused before parsing. */
export const MAX_DEPTH = 64;

export interface ParsedBank {
  bank?: Bank;
  /** The bank id the file declares, even when the file is broken, so `--bank` can say why it is missing. */
  declaredId?: string;
  /** Where the id is written, for a problem about the id itself (used by two files). */
  idAt?: { line: number; col: number };
  problems: LocatedProblem[];
}

export function parseBank(source: string, file: string): ParsedBank {
  try {
    return parseUnguarded(source, file);
  } catch (err) {
    const why =
      err instanceof RangeError
        ? 'it is nested too deeply to read. Bank files are a few levels deep; check the indentation.'
        : `it could not be read as a bank (${sanitizeLine(String((err as Error)?.message ?? err)).slice(0, 160)}).`;
    return { problems: [{ file, line: 1, col: 1, message: why, severity: 'error' }] };
  }
}

function parseUnguarded(source: string, file: string): ParsedBank {
  if (source.includes('\u0000'))
    return { problems: [{ file, line: 1, col: 1, message: 'this is not a text file (it contains NUL bytes); a bank is YAML text.', severity: 'error', code: 'not-text' }] };
  const structure = structureCount(source);
  if (structure > MAX_STRUCTURE)
    return {
      problems: [
        {
          file,
          line: 1,
          col: 1,
          message: `it holds more than ${MAX_STRUCTURE.toLocaleString('en')} lines, list items and brackets, far more than a bank needs, so it was not parsed. Split it into several banks.`,
          severity: 'error',
          code: 'too-large',
        },
      ],
    };
  const deep = tooDeep(source);
  if (deep)
    return {
      problems: [
        {
          file,
          line: deep.line,
          col: deep.col,
          message: `it is nested more than ${MAX_DEPTH} levels deep here; a bank is a few levels deep, so check the brackets and the indentation.`,
          severity: 'error',
          code: 'too-deep',
        },
      ],
    };
  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check compares every key with every other (40,000 keys: 11 s); a Set does it in one pass.
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const lines = source.split(/\r?\n/);
  const at = (offset: number, message: string, severity: 'error' | 'warning' = 'error', code?: string): LocatedProblem => {
    const { line, col } = lineCounter.linePos(offset);
    const problem: LocatedProblem = { file, line, col, message, severity, ...(code ? { code } : {}) };
    const text = lines[line - 1];
    if (text !== undefined) problem.source = text;
    return problem;
  };
  // A tab in the indentation breaks the structure below it; everything reported after it is an echo.
  const tabbed = () => {
    const tab = indentedWithTab(source);
    return tab
      ? {
          problems: [
            {
              file,
              line: tab.line,
              col: tab.col,
              message: 'a tab is used for indentation here; YAML indents with spaces only. Replace the tab with spaces (most editors can do it for the whole file).',
              severity: 'error' as const,
              code: 'tab-indentation',
              source: tab.text,
            },
          ],
        }
      : undefined;
  };
  if (doc.errors.length > 0) {
    const tab = tabbed();
    if (tab) return tab;
  }
  if (doc.errors.length > 0)
    // After the first syntax error the parser is guessing, and what it reports next is mostly an
    // echo of the first: one cause, one error.
    return { problems: doc.errors.slice(0, 1).map((e) => at(e.pos[0], `YAML syntax: ${sanitizeLine(withoutPosition(firstLine(e.message)))}.`, 'error', 'yaml-syntax')) };
  const duplicate = firstDuplicateKey(doc);
  if (duplicate)
    return { problems: [at(duplicate.offset, `the field "${sanitizeLine(duplicate.key).slice(0, 60)}" is written twice in the same place; keep one.`, 'error', 'duplicate-key')] };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (err instanceof RangeError) throw err;
    return { problems: [at(0, `it uses too many YAML aliases (*name) for mot to expand safely: ${sanitizeLine(firstLine(String((err as Error).message)))}`, 'error', 'too-many-aliases')] };
  }
  if (data === null || data === undefined)
    return { problems: [at(0, 'the file is empty; a bank needs bank:, title:, industry: and questions:.', 'error', 'empty-file')] };

  const check = checkBank(data, file);
  if (check.problems.some((p) => p.severity === 'error')) {
    const tab = tabbed();
    if (tab) return tab;
  }
  const shown = check.problems.slice(0, MAX_PROBLEMS);
  const problems = shown
    .map((p) => at(offsetOf(doc, p), p.message, p.severity, p.code))
    .sort((a, b) => a.line - b.line || a.col - b.col);
  if (check.problems.length > shown.length)
    problems.push({
      ...at(0, `and ${check.problems.length - shown.length} more problems like these; fix the ones above first.`, 'error', 'too-many-problems'),
      line: problems[problems.length - 1]?.line ?? 1,
    });
  if (check.bank) {
    const idNode = doc.get('bank', true) as Node | undefined;
    const idAt = idNode?.range ? lineCounter.linePos(idNode.range[0]) : { line: 1, col: 1 };
    return { bank: check.bank, problems, idAt };
  }
  const declared = (data as { bank?: unknown }).bank;
  return typeof declared === 'string' ? { declaredId: sanitizeLine(declared), problems } : { problems };
}

/**
 * Places problems found after parsing (`mot lint`'s findings, by path) in the source, the same
 * way parseBank places its own: the field's name or value, or the nearest parent that exists.
 */
export function locateProblems(source: string, file: string, problems: readonly Problem[]): LocatedProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const lines = source.split(/\r?\n/);
  return problems.map((p) => {
    const { line, col } = lineCounter.linePos(offsetOf(doc, p));
    const located: LocatedProblem = { file, line, col, message: p.message, severity: p.severity };
    const text = lines[line - 1];
    if (text !== undefined) located.source = text;
    return located;
  });
}

/** Lines, list items and flow brackets: what the parser makes a node of, counted without parsing. */
function structureCount(source: string): number {
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 91 || c === 123 || (c === 45 && source.charCodeAt(i + 1) === 32)) count += 1;
  }
  return count;
}

/** The first line indented with a tab (outside block text, where a tab is only text). */
function indentedWithTab(source: string): { line: number; col: number; text: string } | undefined {
  if (!source.includes('\t')) return undefined;
  const lines = source.split(/\r?\n/);
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const indent = /^[ ]*/.exec(text)![0].length;
    if (blockIndent >= 0) {
      if (text.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    const lead = /^[ \t]*/.exec(text)![0];
    if (lead.includes('\t') && text.trim() !== '') return { line: i + 1, col: lead.indexOf('\t') + 1, text };
    if (/[|>][-+0-9]*\s*(#.*)?$/.test(text)) blockIndent = indent;
  }
  return undefined;
}

/** The first key written twice in one mapping, anywhere in the document. */
function firstDuplicateKey(doc: Document): { key: string; offset: number } | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) return { key: String(key), offset: (pair.key as Node | null)?.range?.[0] ?? 0 };
        seen.add(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The parser's message repeats the position that file:line:col already gives. */
function withoutPosition(message: string): string {
  return message.replace(/\s*at line \d+, column \d+:?\s*$/, '').replace(/[.:]\s*$/, '');
}

/**
 * Finds where flow brackets ([ {) or block nesting (indentation, stacked "- ") go deeper than
 * MAX_DEPTH. A plain count of brackets is the fast filter; only when it trips does yaml's own
 * Lexer (iterative, and it knows quoted text and comments) count again, so brackets inside text
 * are never mistaken for nesting, and no hand-written quote tracking can be fooled.
 */
export function tooDeep(source: string): { line: number; col: number } | undefined {
  let depth = 0;
  let deepest = 0;
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\n') {
      line += 1;
      lineStart = i + 1;
      atLineStart = true;
      continue;
    }
    if (atLineStart) {
      let j = i;
      let items = 0;
      while (j < source.length && (source[j] === ' ' || (source[j] === '-' && source[j + 1] === ' '))) {
        if (source[j] === '-') items += 1;
        j += 1;
      }
      if ((j - i - items) / 2 + items > MAX_DEPTH * 2) return { line, col: j - lineStart + 1 };
      atLineStart = false;
    }
    if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
  }
  return deepest > MAX_DEPTH ? flowTooDeep(source) : undefined;
}

// The Lexer's markers for the start of a document, a scalar and a flow error take no source text.
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

function flowTooDeep(source: string): { line: number; col: number } | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (MARKERS.has(token)) continue;
    if (token === '[' || token === '{') {
      if (++depth > MAX_DEPTH) {
        const before = source.slice(0, offset);
        const line = before.split('\n').length;
        return { line, col: offset - before.lastIndexOf('\n') };
      }
    } else if ((token === ']' || token === '}') && depth > 0) depth -= 1;
    offset += token.length;
  }
  return undefined;
}

/** Where a problem sits in the source: the field's name or its value, or the nearest parent that exists. */
function offsetOf(doc: Document, problem: Problem): number {
  const path = problem.path;
  if (problem.at === 'key' && path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
    const key = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return keyNode.range[0];
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
  }
  return 0;
}
