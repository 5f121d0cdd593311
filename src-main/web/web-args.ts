/**
 * Web mode's command line, kept free of heavy imports so that a wrong argument is answered at once,
 * before the rest of the app is loaded.
 */
export type WebArgs = { ok: true; port: number; help: boolean } | { ok: false; message: string };

export const WEB_USAGE = 'usage: node dist/main/web/main.js [--port N]   (N: 0–65535; 0, the default, picks a free port)';

/** The one line web mode prints when it cannot start. */
export function cannotStartLine(why: string): string {
  return `GAX Token Lab (web mode) cannot start: ${why}`;
}

export function parseWebArgs(argv: readonly string[]): WebArgs {
  let port = 0;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    let value: string | undefined;
    if (arg === '--port') value = argv[++i];
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length);
    else return { ok: false, message: `unknown argument "${arg.slice(0, 40)}"; ${WEB_USAGE}` };
    if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65535)
      return { ok: false, message: `--port needs a whole number from 0 to 65535, not "${(value ?? '').slice(0, 20)}"` };
    port = Number(value);
  }
  return { ok: true, port, help };
}
