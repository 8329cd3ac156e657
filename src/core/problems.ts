// A problem found in a bank file. The core knows only where in the data it is (a path);
// the file adapter turns that into file:line:col.

export type PathSegment = string | number;

export interface Problem {
  path: PathSegment[];
  message: string;
  /** Point at the field's name rather than its value (unknown fields, misplaced fields). */
  at?: 'key' | 'value';
  severity: 'error' | 'warning';
}

export interface LocatedProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
  /** The offending source line, for a code frame. */
  source?: string;
}

export function error(path: PathSegment[], message: string, at?: 'key' | 'value'): Problem {
  return at ? { path, message, at, severity: 'error' } : { path, message, severity: 'error' };
}

export function warning(path: PathSegment[], message: string, at?: 'key' | 'value'): Problem {
  return at ? { path, message, at, severity: 'warning' } : { path, message, severity: 'warning' };
}
