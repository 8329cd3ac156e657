// A problem found in a bank file. The core knows only where in the data it is (a path);
// the file adapter turns that into file:line:col.

export type PathSegment = string | number;

export interface Problem {
  path: PathSegment[];
  message: string;
  /** Point at the field's name rather than its value (unknown fields, misplaced fields). */
  at?: 'key' | 'value';
  severity: 'error' | 'warning';
  /** A stable rule code (`missing-field`, `unknown-moment`, ...): tools and the README refer to it. */
  code?: string;
}

export interface LocatedProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
  code?: string;
  /** The offending source line, for a code frame. */
  source?: string;
}

export function error(path: PathSegment[], message: string, at?: 'key' | 'value', code?: string): Problem {
  return { path, message, severity: 'error', ...(at ? { at } : {}), ...(code ? { code } : {}) };
}

export function warning(path: PathSegment[], message: string, at?: 'key' | 'value', code?: string): Problem {
  return { path, message, severity: 'warning', ...(at ? { at } : {}), ...(code ? { code } : {}) };
}
