// Preloaded (-r) into both the CLI and the bare `node -e 0` by cli.bench.js: prints the process's own
// CPU time (user + system, ms) on stderr as it exits, a figure a busy machine disturbs far less than wall time.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${(u.user + u.system) / 1000}\n`);
});
