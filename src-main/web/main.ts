/**
 * The web-mode entry: `node dist/main/web/main.js [--port N]` (`npm run web`). Serves the app on
 * 127.0.0.1 and prints the URL to open; Ctrl+C stops it. The sequence is in web-mode.ts, loaded
 * only after the arguments are checked — and loaded with a catch, so that even a broken or
 * half-written build is reported in one line rather than a stack trace.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cannotStartLine, parseWebArgs, WEB_USAGE } from './web-args.js';

// dist/main/web/main.js → the folder holding dist/ and package.json.
const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const argv = process.argv.slice(2);

const args = parseWebArgs(argv);
if (!args.ok) exit(1, cannotStartLine(args.message));
if (args.ok && args.help) {
  process.stdout.write(`${WEB_USAGE}\n`);
  process.exit(0);
}

let loaded: [typeof import('./web-mode.js'), typeof import('../host/crash-report.js')];
try {
  loaded = await Promise.all([import('./web-mode.js'), import('../host/crash-report.js')]);
} catch (error) {
  const first = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!.slice(0, 300);
  exit(1, cannotStartLine(`the build in dist/ is incomplete or out of date (${first}); run "npm run build" and start again`));
}
const [{ runWebMode }, { crashSummary }] = loaded;

// From here an unexpected error is reported (stderr and the window's banner) by runWebMode's handlers.
try {
  process.exit(await runWebMode(argv, { appRoot }));
} catch (error) {
  exit(1, cannotStartLine(crashSummary(error)));
}

function exit(code: number, line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(code);
}
