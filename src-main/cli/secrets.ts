/**
 * Where a command gets its secrets: the token-uuid from --uuid, --uuid-file or GAX_TOKEN_UUID, and a token
 * from an argument or stdin (`-`) — so that neither has to sit in shell history.
 */
import { parseTokenUuid } from '../core/uuid.js';
import { UsageError, type ArgsWith, type OptionSpecs, type ParsedArgs } from './args.js';
import { readStdin, readTextArgument, type CliIo } from './io.js';

export const UUID_ENV = 'GAX_TOKEN_UUID';

export const uuidOptions = {
  uuid: { type: 'string', value: 'UUID', description: `the CS [system] token-uuid (or --uuid-file, or $${UUID_ENV})` },
  'uuid-file': { type: 'string', value: 'FILE', description: 'read the token-uuid from this file (- for standard input)' },
} satisfies OptionSpecs;

/** The canonical token-uuid, or a UsageError naming where it came from and what is wrong. */
export async function resolveTokenUuid(
  args: ArgsWith<{ uuid: 'string'; 'uuid-file': 'string' }>,
  io: CliIo,
  required: boolean,
): Promise<string | undefined> {
  const flag = args.options['uuid'];
  const file = args.options['uuid-file'];
  if (flag !== undefined && file !== undefined) throw new UsageError('give the token-uuid once: --uuid or --uuid-file, not both');
  let raw: string | undefined;
  let source: string;
  if (flag !== undefined) {
    raw = flag;
    source = '--uuid';
  } else if (file === '-') {
    // Standard input can be read once: the token then has to come from the command line.
    if (args.positionals[0] === '-')
      throw new UsageError('standard input can hold the token or the token-uuid, not both: give one of them another way');
    raw = (await readStdin(io, 'the token-uuid', 4096)).trim();
    source = '--uuid-file - (standard input)';
  } else if (file !== undefined) {
    raw = await readTextArgument(file, '--uuid-file', 4096);
    source = `--uuid-file ${file}`;
  } else {
    raw = io.env[UUID_ENV];
    source = `$${UUID_ENV}`;
  }
  if (raw === undefined || raw === '') {
    if (required) throw new UsageError(`a token-uuid is needed: --uuid U, --uuid-file FILE or $${UUID_ENV}`);
    return undefined;
  }
  const parsed = parseTokenUuid(raw);
  if (!parsed.ok) throw new UsageError(`${source} is not a UUID: ${parsed.reason} (expected 8-4-4-4-12 hex digits)`);
  return parsed.canonical;
}

/** The token argument, or stdin when it is `-` (one line; surrounding white space dropped). */
export async function resolveTokenArgument(args: ParsedArgs, io: CliIo): Promise<string> {
  const arg = args.positionals[0]!;
  if (arg !== '-') return arg;
  const text = await readStdin(io, 'the token', 64 * 1024);
  const trimmed = text.trim();
  if (trimmed === '') throw new UsageError('no token on standard input');
  if (/[\r\n]/.test(trimmed)) throw new UsageError('standard input holds several lines; give one token');
  return trimmed;
}

export function preambleOf(args: ArgsWith<{ preamble: 'string' }>): string | undefined {
  return args.options['preamble'];
}
