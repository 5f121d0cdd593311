/**
 * gax-token: the command line over the same core as the app. Every failure that is the caller's
 * (arguments, files, values) ends in one line on stderr and exit 2; nothing prints a stack trace.
 */
import { UsageError, formatHelp, parseArgs } from './args.js';
import { EXIT } from './command.js';
import { COMMANDS } from './commands/index.js';
import { processIo, type CliIo } from './io.js';

/** The project's version. Loaded here, not at the top: node:fs costs every other command (decode above all) a few ms of its start. */
async function version(): Promise<string> {
  return (await import('./package-version.js')).packageVersion();
}

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `gax-token — mint, decode and verify GAX PXZ-1 tokens, and run or test a mock Configuration Server

usage: gax-token COMMAND [options]     (gax-token COMMAND --help for its options)

commands:
${lines.join('\n')}

Exit status: 0 success, 1 rejected (token, login or configuration), 2 usage error or unreadable input.
`;
}

/** The command of that name; own entries only, so `constructor` or `__proto__` is no command. */
function commandNamed(name: string): (typeof COMMANDS)[string] | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const topicCommand = topic ? commandNamed(topic) : undefined;
    if (topicCommand) {
      io.stdout.write(formatHelp((await topicCommand.load()).spec));
      return EXIT.OK;
    }
    if (topic) {
      io.stderr.write(`gax-token: no command '${topic}'; commands: ${Object.keys(COMMANDS).join(', ')}\n`);
      return EXIT.USAGE;
    }
    (name === undefined ? io.stderr : io.stdout).write(overview());
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`gax-token ${await version()}\n`);
    return EXIT.OK;
  }
  const entry = commandNamed(name);
  if (!entry) {
    io.stderr.write(`gax-token: no command '${name}'; commands: ${Object.keys(COMMANDS).join(', ')} (gax-token --help)\n`);
    return EXIT.USAGE;
  }
  const command = await entry.load();
  try {
    const args = parseArgs(rest, command.spec);
    if (args.help) {
      io.stdout.write(command.helpFor?.(args) ?? formatHelp(command.spec));
      return EXIT.OK;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`gax-token ${name}: ${err.message}\n`);
      return EXIT.USAGE;
    }
    // Not the caller's fault: still one line, and no secret can be in it (messages never hold one).
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`gax-token ${name}: unexpected failure: ${message.split('\n')[0]} (please report this)\n`);
    return EXIT.USAGE;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const run = processIo();
  const code = await runCli(argv, run.io);
  run.finished();
  return code;
}
