#!/usr/bin/env node
// `npm start`: build (main, renderer, preload), then launch Electron and stay attached to it.
// When Electron cannot start here (runtime not downloadable, no display…), say why in one line and
// serve the same app in web mode in this terminal instead. Arguments other than --skip-build go to
// web mode (e.g. `npm start -- --port 8080`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startElectron } from './electron-launch.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const skipBuild = argv.includes('--skip-build');
const webArgs = argv.filter((a) => a !== '--skip-build');

if (!skipBuild) await build();

const outcome = await startElectron({
  root: ROOT,
  env: process.env,
  platform: process.platform,
  onDownloading: () => console.log("Downloading Electron's runtime (first start only)…"),
});
if (outcome.started) {
  process.exit(await outcome.exit);
}
console.log(`Electron cannot start: ${outcome.reason}. Starting web mode instead.`);
process.exit(
  await startWebMode().catch((error) => {
    console.error(`Web mode stopped unexpectedly: ${firstLine(error)}`);
    return 1;
  }),
);

/** Web mode in this process; a missing or broken build is one line, not a stack trace. */
async function startWebMode() {
  const webMode = path.join(ROOT, 'dist', 'main', 'web', 'web-mode.js');
  if (!existsSync(webMode)) {
    console.error(`Web mode is not built (${webMode} is missing); run "npm run build" and start again.`);
    return 1;
  }
  let runWebMode;
  try {
    ({ runWebMode } = await import(pathToFileURL(webMode).href));
  } catch (error) {
    console.error(
      `Web mode cannot start: the build in dist/ is incomplete or out of date (${firstLine(error)}); run "npm run build" and start again.`,
    );
    return 1;
  }
  return runWebMode(webArgs, { appRoot: ROOT });
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error)
    .split('\n', 1)[0]
    .slice(0, 300);
}

/**
 * The three builds at once (`npm run build` runs them one after another): tsc and Vite are mostly
 * single-threaded, so on any multi-core machine this takes about as long as the slowest. Quiet when
 * all is well; on a failure the tool has said what is wrong, and we stop.
 */
async function build() {
  const started = Date.now();
  console.log('Building GAX Token Lab (main, renderer, preload)…');
  const results = await Promise.all(['build:main', 'build:renderer', 'build:preload'].map(runNpmScript));
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length > 0) {
    for (const f of failed)
      console.error(f.error ? `npm run ${f.script} could not run (${f.error.message}).` : `npm run ${f.script} failed (see above).`);
    console.error('Fix the build and run npm start again.');
    process.exit(1);
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function runNpmScript(script) {
  // Under `npm start`, npm says where it is; run directly, the npm on PATH is used.
  const npmCli = process.env.npm_execpath;
  const [command, args, shell] = npmCli
    ? [process.execPath, [npmCli, 'run', '--silent', script], false]
    : ['npm', ['run', '--silent', script], process.platform === 'win32'];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], shell });
    child.once('error', (error) => resolve({ script, code: 1, error }));
    child.once('close', (code) => resolve({ script, code: code ?? 1 }));
  });
}
