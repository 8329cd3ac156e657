// Bundles src/ into dist/ with esbuild: one small entry chunk (commander and the command table)
// and a chunk per command, loaded when that command runs. Also writes content/bank.schema.json.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The bank cache is keyed by this: a build with other validation rules misses the old entries.
const hash = createHash('sha1');
for (const dir of ['src/core', 'src/banks'])
  for (const file of readdirSync(join(root, dir), { recursive: true }).sort())
    if (/\.ts$/.test(file)) hash.update(readFileSync(join(root, dir, file)));
const buildId = `${pkg.version}-${hash.digest('hex').slice(0, 12)}`;

// Built beside dist/ and swapped in at the end, so a mot (or a test) running meanwhile never
// finds dist/ half-written.
const staging = join(root, `.dist-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
await build({
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
  // commander is CommonJS; inside an ES module bundle it needs a require().
  banner: { js: "import { createRequire as __motRequire } from 'node:module'; const require = __motRequire(import.meta.url);" },
  logLevel: 'warning',
});
rmSync(join(root, 'dist'), { recursive: true, force: true });
renameSync(staging, join(root, 'dist'));

// The editor schema is generated from the validator's schema, through the built CLI itself.
const { execFileSync } = await import('node:child_process');
const schema = execFileSync(process.execPath, [join(root, 'bin/mot.js'), 'schema'], { encoding: 'utf8' });
writeFileSync(join(root, 'content/bank.schema.json'), schema);

// The built-in banks must be valid for a build to count; checking them also fills the bank cache,
// so the first session after an install starts as fast as every later one.
const { spawnSync } = await import('node:child_process');
const check = spawnSync(process.execPath, [join(root, 'bin/mot.js'), 'validate', join(root, 'content')], { encoding: 'utf8' });
if (check.status !== 0) {
  process.stderr.write(check.stdout + check.stderr + 'build: the built-in banks in content/ are not valid.\n');
  process.exit(1);
}
