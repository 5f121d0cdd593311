import type { CommandSpec, OptionSpecs, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** Exit statuses of gax-token: 0 success, 1 the token/login/config was rejected, 2 usage or unreadable input. */
export const EXIT = { OK: 0, REJECTED: 1, USAGE: 2 } as const;

export interface CliCommand<O extends OptionSpecs = OptionSpecs> {
  spec: CommandSpec<O>;
  run(args: ParsedArgs<O>, io: CliIo): Promise<number>;
  /** --help for commands with subcommands (`lab start --help`); default: the help of `spec` */
  helpFor?(args: ParsedArgs<O>): string;
  /** commands with subcommands (`lab list`): their specs, for --help and shell completion */
  subcommands?: Readonly<Record<string, CommandSpec>>;
}

/** A command whose run() sees its options typed from its own spec (`args.options['life']` is a number). */
/** Every command by name, with its one-line summary and its module loaded on demand (commands/index.ts). */
export type CommandRegistry = Record<string, { summary: string; load: () => Promise<CliCommand> }>;

export function defineCommand<O extends OptionSpecs>(command: CliCommand<O>): CliCommand<O> {
  return command;
}

/** Aligned "label  value" lines for people. */
export function formatFields(rows: [string, string][], indent = '  '): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}
