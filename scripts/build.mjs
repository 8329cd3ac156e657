// Bundles src/ into dist/ with esbuild: one small entry chunk (commander and the command table)
// and a chunk per command, loaded when that command runs, as CommonJS files whose compiled code
// is kept between runs (src/boot/code-cache.ts). Also writes content/bank.schema.json.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { textWidthPlugin } from './text-width-patch.mjs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The bank cache is keyed by this: a build with other validation rules misses the old entries.
const hash = createHash('sha1');
for (const dir of ['src/core', 'src/banks'])
  for (const file of readdirSync(join(root, dir), { recursive: true }).sort())
    if (/\.ts$/.test(file)) hash.update(readFileSync(join(root, dir, file)));
const buildId = `${pkg.version}-${hash.digest('hex').slice(0, 12)}`;

// commander loads node:child_process at start-up for executable subcommands, which mot has none
// of; loading it only if one is ever run saves ~1.5 ms on every command, `--help` included.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) return undefined;
      return { contents: source.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
    });
  },
};

// How the merge steps below rebuild already-built chunks: in memory, as the main build writes them.
const REBUNDLE = { write: false, bundle: true, format: 'esm', platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, sourcemap: 'linked', logLevel: 'warning' };

// Built beside dist/ and swapped in at the end, so a mot (or a test) running meanwhile never
// finds dist/ half-written (see swapIn).
const staging = join(root, `.dist-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(root, 'src/cli.ts')],
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled; its compiled addon is loaded from node_modules (see store.ts).
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { MOT_VERSION: JSON.stringify(pkg.version), MOT_BUILD_ID: JSON.stringify(buildId) },
  logLevel: 'warning',
  metafile: true,
  plugins: [lazyChildProcess, textWidthPlugin],
});
// MOT_BUILD_NO_MERGE=1 leaves the chunks as esbuild split them, to measure what merging saves.
if (process.env.MOT_BUILD_NO_MERGE !== '1') {
  await mergeCommandChunks(result.metafile);
  await mergeSharedChunks(result.metafile);
}
await toCommonJs(staging);
// The entry point loads this first, on its own: it is CommonJS from the start and uses only builtins.
await build({ entryPoints: [join(root, 'src/boot/code-cache.ts')], outfile: join(staging, 'code-cache.js'), bundle: true, format: 'cjs', platform: 'node', target: 'node20', minifySyntax: true, logLevel: 'warning' });
swapIn(staging, join(root, 'dist'));

const { execFileSync, spawnSync } = await import('node:child_process');
const mot = join(root, 'bin/mot.js');
// Entries of an earlier build name files that are gone or changed; each run below leaves fresh ones.
rmSync(join(root, 'dist/code-cache'), { recursive: true, force: true });
const uncached = { ...process.env, MOT_CODE_CACHE: 'off' };

// The editor schema is generated from the validator's schema, through the built CLI itself.
const schema = execFileSync(process.execPath, [mot, 'schema'], { encoding: 'utf8', env: uncached });
writeFileSync(join(root, 'content/bank.schema.json'), schema);

// The built-in banks must be valid for a build to count; checking them also fills the bank cache,
// so the first session after an install starts as fast as every later one.
const check = spawnSync(process.execPath, [mot, 'validate', join(root, 'content')], { encoding: 'utf8', env: uncached });
if (check.status !== 0) {
  process.stderr.write(check.stdout + check.stderr + 'build: the built-in banks in content/ are not valid.\n');
  process.exit(1);
}

// The code cache (src/boot/code-cache.ts) is written by the first run that loads a file, and
// holds what that run compiled: a scripted one-question session first (every session's path, to
// its summary), then --help. Other commands leave theirs the first time they run.
const warm = mkdtempSync(join(tmpdir(), 'mot-build-'));
try {
  const env = { ...process.env, MOT_STORE: join(warm, 'warm-up.db'), MOT_LEARNER: 'build', XDG_DATA_HOME: warm };
  for (const name of ['MOT_CONTENT', 'MOT_CODE_CACHE']) delete env[name];
  // A choice question, so one letter answers it.
  for (const args of [['train', '-b', 'retail', '-n', '1', '--seed', '1'], ['--help']]) {
    const run = spawnSync(process.execPath, [mot, ...args], { encoding: 'utf8', env, input: 'a\n' });
    // Only the start-up is slower without it, so a failed warm-up is said, not fatal.
    if (run.status !== 0) process.stderr.write(`build: the warm-up run \`mot ${args.join(' ')}\` failed (exit ${run.status}); those files compile on first use.\n${run.stderr}`);
  }
} finally {
  rmSync(warm, { recursive: true, force: true });
}

/**
 * Splitting leaves a command's code spread over a score of small chunks (each shared by a
 * different set of commands), and Node resolves, reads and compiles each one on its own: ~8 ms of
 * `mot train`'s first question went there. So each command that cli.js imports gets a copy with
 * its chunks inlined, under a name of the same length (cli.js's source map stays true), and only
 * cli.js points at it. A chunk stays a separate, shared file when anything else in that command's
 * process can load it too (cli.js itself, or a module the command imports lazily: a store engine,
 * the prompts, the YAML parser), so no module is ever evaluated twice in one process; the command's
 * original file is kept for the other places that import it (the menu imports train and drill).
 */
async function mergeCommandChunks(metafile) {
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js')).map(([file, out]) => [join(root, file), out]));
  const edges = (file, kind) => (outputs[file]?.imports ?? []).filter((i) => i.kind === kind && !i.external).map((i) => join(root, i.path));
  const closure = (files, kinds) => {
    const seen = new Set();
    const stack = [...files];
    while (stack.length) {
      const file = stack.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      for (const kind of kinds) stack.push(...edges(file, kind));
    }
    return seen;
  };
  const statically = (file) => closure([file], ['import-statement']);
  const cli = join(staging, 'cli.js');
  const shared = statically(cli);
  let cliText = readFileSync(cli, 'utf8');
  for (const command of new Set(edges(cli, 'dynamic-import'))) {
    const reachable = closure([command], ['import-statement', 'dynamic-import']);
    const lazy = [...reachable].flatMap((file) => edges(file, 'dynamic-import')).filter((file) => file !== command);
    if (lazy.length !== new Set(lazy).size && lazy.includes(command)) continue;
    const keep = new Set([...shared, ...lazy.flatMap((file) => [...statically(file)])]);
    const inline = new Set([...statically(command)].filter((file) => file !== command && !keep.has(file)));
    if (inline.size === 0 || keep.has(command)) continue;
    const merged = await build({
      entryPoints: [command],
      ...REBUNDLE,
      outfile: command,
      allowOverwrite: true,
      plugins: [
        {
          name: 'inline-own-chunks',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              if (args.kind === 'entry-point') return undefined;
              const target = args.path.startsWith('.') ? join(args.resolveDir, args.path) : undefined;
              if (args.kind === 'import-statement' && target && inline.has(target)) return { path: target };
              // Everything else keeps the path it had: it is resolved from the same folder at run time.
              return { path: args.path, external: true };
            });
          },
        },
      ],
    });
    const js = merged.outputFiles.find((f) => f.path.endsWith('.js'));
    const map = merged.outputFiles.find((f) => f.path.endsWith('.js.map'));
    const name = basename(command);
    const hash = createHash('sha1').update(js.contents).digest('base64url').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
    const mergedName = name.replace(/-([A-Z0-9]+)\.js$/, (_, old) => `-${hash.slice(0, old.length)}.js`);
    if (mergedName === name || outputs[join(dirname(command), mergedName)]) continue;
    const reference = `./${relative(staging, command)}`;
    if (!cliText.includes(JSON.stringify(reference))) continue;
    const mergedFile = join(dirname(command), mergedName);
    writeFileSync(mergedFile, Buffer.from(js.text.replace(`//# sourceMappingURL=${name}.map`, `//# sourceMappingURL=${mergedName}.map`)));
    writeFileSync(`${mergedFile}.map`, map.contents);
    cliText = cliText.replaceAll(JSON.stringify(reference), JSON.stringify(`./${relative(staging, mergedFile)}`));
  }
  writeFileSync(cli, cliText);
}

/**
 * What mergeCommandChunks leaves still costs a score of files before the first question: the
 * small chunks shared with lazily loaded modules (the store engine, the prompts, the YAML parser)
 * and the half-dozen cli.js imports, each resolved, read and compiled on its own (~0.25 ms a file
 * here). So two groups of shared chunks become one file each: those cli.js loads (every command
 * needs them), and the rest of what a session loads before its first answer is stored (the
 * train command and the SQLite store). Each merged file exports every member's exports under a
 * prefixed name, and every file that imported a member is rebuilt to import from the merged file
 * instead, so no module is ever evaluated twice in one process. A member imports only members of
 * its own group or of the cli group (static imports of shared chunks never lead back to entry
 * chunks), so a merged file never imports its own importers.
 */
async function mergeSharedChunks(metafile) {
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js')).map(([file, out]) => [join(root, file), out]));
  const isShared = (file) => basename(file).startsWith('chunk-');
  const staticClosure = (roots) => {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length) {
      const file = stack.pop();
      if (!file || seen.has(file)) continue;
      seen.add(file);
      for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) stack.push(join(root, i.path));
    }
    return seen;
  };
  const entry = (source) => Object.keys(outputs).find((file) => outputs[file].entryPoint === source);
  const cliGroup = [...staticClosure([join(staging, 'cli.js')])].filter(isShared);
  const sessionGroup = [...staticClosure([entry('src/commands/practise.ts'), entry('src/store/sqlite-store.ts')])].filter((file) => isShared(file) && !cliGroup.includes(file));
  for (const [name, group] of [['chunk-core', cliGroup], ['chunk-session', sessionGroup]]) if (group.length > 1) await mergeGroup(name, group, outputs);
}

async function mergeGroup(name, group, outputs) {
  const chunksDir = join(staging, 'chunks');
  const members = new Map(group.map((file, i) => [file, { prefix: `m${i}$`, exports: outputs[file].exports }]));
  const reexports = [...members].map(([file, m]) => `export { ${m.exports.map((e) => `${e} as ${m.prefix}${e}`).join(', ')} } from ${JSON.stringify(`./${basename(file)}`)};`).join('\n');
  const merged = await build({
    stdin: { contents: reexports, resolveDir: chunksDir, sourcefile: `${name}.js`, loader: 'js' },
    ...REBUNDLE,
    outfile: join(chunksDir, `${name}.js`),
    plugins: [
      {
        name: 'inline-group',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            const target = args.path.startsWith('.') ? join(args.resolveDir, args.path) : undefined;
            if (target && members.has(target)) return { path: target };
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const js = merged.outputFiles.find((f) => f.path.endsWith('.js'));
  const map = merged.outputFiles.find((f) => f.path.endsWith('.js.map'));
  const hash = createHash('sha1').update(js.contents).digest('hex').slice(0, 8).toUpperCase();
  const mergedFile = join(chunksDir, `${name}-${hash}.js`);
  writeFileSync(mergedFile, js.text.replace(`//# sourceMappingURL=${name}.js.map`, `//# sourceMappingURL=${basename(mergedFile)}.map`));
  writeFileSync(`${mergedFile}.map`, map.contents);

  // Every other file that names a member imports the merged file instead.
  const files = [join(staging, 'cli.js'), ...readdirSync(chunksDir).filter((f) => f.endsWith('.js')).map((f) => join(chunksDir, f))];
  for (const file of files) {
    if (members.has(file) || file === mergedFile) continue;
    const text = readFileSync(file, 'utf8');
    const named = [...members.keys()].filter((member) => text.includes(JSON.stringify(`./${relative(dirname(file), member)}`)));
    if (named.length === 0) continue;
    const rebuilt = await build({
      entryPoints: [file],
      ...REBUNDLE,
      outfile: file,
      allowOverwrite: true,
      plugins: [
        {
          name: 'import-from-merged',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              if (args.kind === 'entry-point') return undefined;
              const target = args.path.startsWith('.') ? join(args.resolveDir, args.path) : undefined;
              if (target && members.has(target)) return { path: target, namespace: 'merged-member' };
              return { path: args.path, external: true };
            });
            b.onLoad({ filter: /.*/, namespace: 'merged-member' }, (args) => {
              const m = members.get(args.path);
              const from = `./${relative(dirname(file), mergedFile)}`;
              return { contents: `export { ${m.exports.map((e) => `${m.prefix}${e} as ${e}`).join(', ')} } from ${JSON.stringify(from)};`, resolveDir: dirname(file), loader: 'js' };
            });
          },
        },
      ],
    });
    const out = rebuilt.outputFiles.find((f) => f.path.endsWith('.js'));
    const outMap = rebuilt.outputFiles.find((f) => f.path.endsWith('.js.map'));
    writeFileSync(file, out.contents);
    writeFileSync(`${file}.map`, outMap.contents);
  }
  for (const member of members.keys()) {
    rmSync(member, { force: true });
    rmSync(`${member}.map`, { force: true });
  }
}

/**
 * The built ES modules become CommonJS ones, file by file, with every import() a require(): Node 20
 * keeps no compiled code between runs for ES modules, and for CommonJS mot can (see
 * src/boot/code-cache.ts), which saves compiling ~300 KB of JavaScript before every first question.
 * The files keep their names and their split; dist/package.json says they are CommonJS.
 */
async function toCommonJs(dir) {
  // Written first: esbuild then converts the files as CommonJS ones of their own package, and an
  // import() of one of them is the module itself, not one wrapped as the `default` of another.
  writeFileSync(join(dir, 'package.json'), '{ "type": "commonjs" }\n');
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
  await build({
    entryPoints: files,
    outdir: dir,
    outbase: dir,
    allowOverwrite: true,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__motModuleUrl' },
    banner: { js: '"use strict";var __motModuleUrl=require("url").pathToFileURL(__filename).href;' },
    logLevel: 'warning',
  });
}

/**
 * Moves a finished build into dist/ file by file, chunks first and cli.js last, each by a rename,
 * so dist/cli.js is always there and every chunk it names already is. Chunk names carry a hash of
 * their content, so a new chunk never replaces an old one under the same name; old files are
 * removed only once they are ten minutes old, so a mot started before this build (a test, a
 * session) can still load the chunks it asks for later.
 */
function swapIn(from, to) {
  if (!existsSync(join(to, 'cli.js'))) {
    rmSync(to, { recursive: true, force: true });
    renameSync(from, to);
    return;
  }
  const built = new Set();
  const move = (dir) => {
    mkdirSync(join(to, dir), { recursive: true });
    for (const entry of readdirSync(join(from, dir), { withFileTypes: true })) {
      const name = join(dir, entry.name);
      if (entry.isDirectory()) continue;
      built.add(name);
      renameSync(join(from, name), join(to, name));
    }
  };
  move('chunks');
  move('.');
  rmSync(from, { recursive: true, force: true });
  const old = Date.now() - 10 * 60_000;
  for (const dir of ['chunks', '.'])
    for (const entry of readdirSync(join(to, dir), { withFileTypes: true })) {
      const name = join(dir, entry.name);
      if (entry.isDirectory() || built.has(name)) continue;
      try {
        if (statSync(join(to, name)).mtimeMs < old) rmSync(join(to, name), { force: true });
      } catch {
        // Another build removed it first.
      }
    }
}
