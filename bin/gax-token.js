#!/usr/bin/env node
// The gax-token command. The TypeScript is compiled to dist/ by `npm ci` (the prepare script) or `npm run build`.
const entry = new URL('../dist/main/cli/main.js', import.meta.url);
let cli;
try {
  cli = await import(entry.href);
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/main/cli/main.js')) {
    process.stderr.write('gax-token: the command is not built yet; run `npm run build` in the project folder\n');
    process.exit(2);
  }
  throw err;
}
// exitCode, not exit(): pending output on a pipe is flushed before the process ends. A reader that
// stopped reading (a paused terminal, `| less` left open) would keep a stopped server alive for
// ever: what still waits for it gets two seconds.
const code = await cli.main(process.argv.slice(2));
process.exitCode = code;
if (process.stdout.writableLength > 0) setTimeout(() => process.exit(code), 2000).unref();
