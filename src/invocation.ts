// How the person started mot, so that a hint ("run `mot resume`") is one they can type: before
// `npm link` there is no `mot` on their PATH, only `node bin/mot.js` in the clone.
import { basename, isAbsolute, relative } from 'node:path';

export interface Invocation {
  /** The script node ran (process.argv[1]). */
  script?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** `mot` when run as mot (npm link, a global install), `npx mot` under npx, else `node <script>`. */
export function commandName(invocation: Invocation = {}): string {
  const script = invocation.script ?? process.argv[1];
  const env = invocation.env ?? process.env;
  if (!script) return 'mot';
  if (!/\.[cm]?js$/.test(basename(script))) return 'mot';
  const cwd = invocation.cwd ?? process.cwd();
  const near = relative(cwd, script);
  // A path from far away reads better whole than as a ladder of ../
  const shown = near.startsWith('..') || isAbsolute(near) ? script : near;
  return `node ${/^[\w./@+-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`}`;
}
