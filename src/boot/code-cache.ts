// Keeps the machine code V8 compiled for mot's own files (dist/) between runs. Node 20 compiles
// every file from its source on every start (~300 KB before a session's first question, ~10 ms
// here) and, unlike Node 22's module.enableCompileCache(), offers no cache of its own; for
// CommonJS files a vm.Script can take V8's code cache instead. The cache of a file is written when
// the process exits, after the run, so it also holds the functions that run compiled (the first
// question's whole path), not only the top level. The build fills it (scripts/build.mjs); a file
// without a usable cache compiles as usual and leaves one for the next run, when it can.
//
// An entry is named after the file, its size and modification time (as Python's .pyc files are
// keyed) and the V8 version, architecture and command-line flags it was made under: V8 itself only
// checks its version, flags and the source's length, so a rebuilt cli.js of the same length must
// not find the old entry. The entry point loads this before anything else; it uses no other
// module of mot's.
import Module from 'node:module';
import { accessSync, constants, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';

/** What Node's CommonJS loader offers that this needs: undocumented, stable since Node 0.x. */
interface LoaderModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}
interface Loader {
  prototype: LoaderModule;
  _resolveFilename(request: string, parent: LoaderModule, isMain: boolean, options?: { paths?: string[] }): string;
  _cache: unknown;
  _extensions: unknown;
}

export interface CodeCacheOptions {
  /** Where the entries go (default: `<root>/code-cache`). */
  dir?: string;
  env?: NodeJS.ProcessEnv;
}

/** What useCodeCache did, for tests and `MOT_DEBUG`: files loaded from the cache, compiled, and entries written. */
export interface CodeCacheReport {
  used: string[];
  compiled: string[];
  written: string[];
}

let installed: CodeCacheReport | undefined;

/** A file compiled without a usable entry: the entry to write for it when the process exits. */
interface Unwritten {
  entry: string;
  script: Script;
  file: string;
}

/**
 * From now on, the CommonJS files under `root` are compiled through the cache. Off with
 * MOT_CODE_CACHE=off, and when Node maps stack traces through source maps (which needs Node's own
 * compile). On Node 22 and later, Node's own compile cache is used instead.
 */
export function useCodeCache(root: string, options: CodeCacheOptions = {}): CodeCacheReport | undefined {
  const env = options.env ?? process.env;
  if (installed || env.MOT_CODE_CACHE === 'off' || process.sourceMapsEnabled) return installed;
  const dir = options.dir ?? join(root, 'code-cache');
  const nodeOwn = (Module as unknown as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (nodeOwn) {
    nodeOwn(dir);
    return (installed = { used: [], compiled: [], written: [] });
  }
  const report: CodeCacheReport = (installed = { used: [], compiled: [], written: [] });
  const loader = Module as unknown as Loader;
  const nodeCompile = loader.prototype._compile;
  const within = root.endsWith(sep) ? root : root + sep;
  const tag = `${process.versions.v8}-${process.arch}${flagsTag(env)}`;
  const unwritten: Unwritten[] = [];

  loader.prototype._compile = function compileWithCache(this: LoaderModule, content: string, filename: string): unknown {
    if (!filename.startsWith(within)) return nodeCompile.call(this, content, filename);
    let entry: string;
    try {
      const { size, mtimeMs } = statSync(filename);
      entry = join(dir, `${relative(root, filename).split(sep).join('~')}.${size}-${Math.trunc(mtimeMs)}.${tag}.bin`);
    } catch {
      return nodeCompile.call(this, content, filename);
    }
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(entry);
    } catch {
      cachedData = undefined;
    }
    // The wrapper Node's loader puts around a CommonJS file, on the file's first line.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${content}\n});`, {
      filename,
      ...(cachedData ? { cachedData } : {}),
      // mot's build turns import() into require(); anything else that imports goes through Node.
      importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER as never,
    });
    if (cachedData && !script.cachedDataRejected) report.used.push(filename);
    else {
      report.compiled.push(filename);
      if (unwritten.length === 0) process.once('exit', () => writeEntries(dir, unwritten, report));
      unwritten.push({ entry, script, file: filename });
    }
    const wrapped = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapped.call(this.exports, this.exports, requireFor(this, loader), this, filename, dirname(filename));
  };
  return report;
}

/** The `require` Node gives a module, for one compiled here. */
function requireFor(module: LoaderModule, loader: Loader): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: { paths?: string[] }) => loader._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.main = process.mainModule;
  require.cache = loader._cache as NodeJS.Require['cache'];
  require.extensions = loader._extensions as NodeJS.Require['extensions'];
  return require;
}

/** Each entry goes in whole (a temporary file, then a rename) or not at all: a read-only install simply has none. */
function writeEntries(dir: string, unwritten: Unwritten[], report: CodeCacheReport): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Checked first: making an entry costs a few milliseconds, for nothing where it cannot be kept.
    accessSync(dir, constants.W_OK);
  } catch {
    return;
  }
  for (const { entry, script, file } of unwritten) {
    const temporary = `${entry}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, entry);
      report.written.push(file);
    } catch {
      // Not writable, or the disk is full: this file compiles from source next time too.
    }
  }
}

/** Code cached under other V8 flags is refused by V8, so each set of flags keeps its own entries. */
function flagsTag(env: NodeJS.ProcessEnv): string {
  const flags = [...process.execArgv, env.NODE_OPTIONS ?? ''].join(' ').trim();
  if (!flags) return '';
  let hash = 0x811c9dc5; // FNV-1a, 32 bits: a name, not a secret
  for (let i = 0; i < flags.length; i++) hash = Math.imul(hash ^ flags.charCodeAt(i), 0x01000193) >>> 0;
  return `-f${hash.toString(36)}`;
}
