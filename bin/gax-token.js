#!/usr/bin/env node
// The gax-token command. The TypeScript is compiled to dist/main by `npm ci` (the prepare script) or
// `npm run build`, which also bundles the command into dist/cli (a few files to load, not twenty
// modules one by one); without the bundle the compiled modules run as they are.
const entries = ['../dist/cli/main.js', '../dist/main/cli/main.js'].map((p) => new URL(p, import.meta.url));
let cli;
for (const entry of entries) {
  try {
    cli = await import(entry.href);
    break;
  } catch (err) {
    if (!(err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(entry.pathname.replace(/^.*\/dist\//, 'dist/')))) throw err;
  }
}
if (!cli) {
  process.stderr.write('gax-token: the command is not built yet; run `npm run build` in the project folder\n');
  process.exit(2);
}
// exitCode, not exit(): pending output on a pipe is flushed before the process ends. A reader that
// stopped reading (a paused terminal, `| less` left open) would keep a stopped server alive for
// ever: what still waits for it gets two seconds.
const code = await cli.main(process.argv.slice(2));
process.exitCode = code;
if (process.stdout.writableLength > 0) setTimeout(() => process.exit(code), 2000).unref();
