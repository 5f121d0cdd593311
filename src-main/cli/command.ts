import type { CommandSpec, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

/** Exit statuses of gax-token: 0 success, 1 the token/login/config was rejected, 2 usage or unreadable input. */
export const EXIT = { OK: 0, REJECTED: 1, USAGE: 2 } as const;

export interface CliCommand {
  spec: CommandSpec;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
  /** --help for commands with subcommands (`lab start --help`); default: the help of `spec` */
  helpFor?(args: ParsedArgs): string;
}

/** Aligned "label  value" lines for people. */
export function formatFields(rows: [string, string][], indent = '  '): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}
