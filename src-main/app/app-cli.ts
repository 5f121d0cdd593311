/**
 * The CLI inside the installed app. Packaged builds turn the runAsNode fuse off, so the app binary
 * cannot run bin/gax-token.js as Node would; instead it runs the same CLI itself when it is given a
 * command (`gax-token-lab mint …`, `--help`, `--version`), printing to stdout/stderr with the CLI's
 * exit status and never opening a window. Without a command it is the desktop app.
 */
import { app } from 'electron';
import { COMMANDS } from '../cli/commands/index.js';

/** The flags that mean "the command line" rather than a Chromium switch (`--no-sandbox` opens the window). */
const CLI_FLAGS = new Set(['--help', '-h', '--version', '-V']);

/**
 * The CLI's arguments when the app was started as the CLI, else undefined (open the window).
 * `electron .` in development puts the app's path before them (`defaultApp`); a packaged app does not.
 * A first word that is no command still goes to the CLI, which answers "no command 'x'" (exit 2):
 * a mistyped command must not open a window.
 */
export function cliArgumentsOf(argv: readonly string[], defaultApp: boolean): string[] | undefined {
  const args = argv.slice(defaultApp ? 2 : 1);
  const first = args[0];
  if (first === undefined) return undefined;
  if (CLI_FLAGS.has(first) || first === 'help' || Object.hasOwn(COMMANDS, first) || !first.startsWith('-')) return [...args];
  return undefined;
}

export interface AppCliOptions {
  /** the CLI (default: the real one, loaded only now so the window's start-up does not pay for it) */
  readonly run?: (argv: readonly string[]) => Promise<number>;
}

/** Runs the CLI, then ends the app with its exit status once stdout and stderr have taken the output. */
export async function runCliInApp(argv: readonly string[], options: AppCliOptions = {}): Promise<void> {
  // No Dock icon for a command on macOS.
  app.dock?.hide();
  let code: number;
  try {
    const run = options.run ?? (await import('../cli/main.js')).main;
    code = await run(argv);
  } catch (error) {
    // runCli turns every failure into a line and a status; this is only the loading of the CLI itself.
    process.stderr.write(`gax-token: the command line could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    code = 2;
  }
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  app.exit(code);
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    try {
      if (!stream.write('', () => resolve())) stream.once('drain', () => resolve());
    } catch {
      resolve();
    }
    // A closed stream never calls back: do not hold the exit for it.
    setTimeout(resolve, 500).unref();
  });
}
