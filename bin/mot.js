#!/usr/bin/env node
'use strict';
// mot's entry point: keeps V8's compiled code for dist/ between runs, then runs the built CLI
// (npm run build writes dist/), which ends the process once its output has drained.
const { join } = require('node:path');
const dist = join(__dirname, '..', 'dist');
let cli;
try {
  require(join(dist, 'code-cache.js')).useCodeCache(dist);
  cli = require(join(dist, 'cli.js'));
} catch (err) {
  const missing = err?.code === 'MODULE_NOT_FOUND' && /dist[\\/](cli|code-cache)\.js/.test(String(err.message).split('\n')[0]);
  const root = join(__dirname, '..');
  process.stderr.write(
    missing
      ? `mot is not built yet: ${join(dist, 'cli.js')} is missing.\n  Build it once from the clone: cd ${root} && npm ci (or npm run build, if the dependencies are installed).\n`
      : `mot could not start: ${String(err?.message ?? err).split('\n')[0]}\n  Reinstall the dependencies and build: cd ${root} && npm ci\n`,
  );
  if (process.env.MOT_DEBUG === '1' && err?.stack) process.stderr.write(err.stack + '\n');
  process.exitCode = 1;
}
if (cli) cli.run(process.argv);
