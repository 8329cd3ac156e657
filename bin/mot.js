#!/usr/bin/env node
// mot's entry point: runs the built CLI (npm run build writes dist/), which ends the process
// once its output has drained.
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (err) {
  const missing = err?.code === 'ERR_MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(String(err.message));
  const root = new URL('..', import.meta.url).pathname;
  process.stderr.write(
    missing
      ? `mot is not built yet: ${root}dist/cli.js is missing.\n  Build it once from the clone: cd ${root} && npm ci (or npm run build, if the dependencies are installed).\n`
      : `mot could not start: ${String(err?.message ?? err).split('\n')[0]}\n  Reinstall the dependencies and build: cd ${root} && npm ci\n`,
  );
  if (process.env.MOT_DEBUG === '1' && err?.stack) process.stderr.write(err.stack + '\n');
  process.exitCode = 1;
}
if (cli) await cli.run(process.argv);
