/**
 * `serve`'s options: --config (a JSON file of the spec's options), then the flags, which win; the
 * class limits beyond loopback; each error names the flag or the file the person gave.
 */
import { CLASSROOM_LIMITS } from '../../ipc/contract/labs.js';
import { parseMockCsOptions, type MockCsListener, type MockCsOptions, type MockCsUser } from '../../mockcs/index.js';
import { isLoopbackHost } from '../../shared/loopback.js';
import { printable } from '../../shared/zod-issues.js';
import { UsageError, type ArgsWith } from '../args.js';
import { readTextArgument, type CliIo } from '../io.js';
import { UUID_ENV, resolveTokenUuid } from '../secrets.js';

/** The flags `serve` reads, by name and type (serve.ts's spec has each). */
type ServeArgs = ArgsWith<{
  config: 'string';
  host: 'string';
  'allow-network': 'boolean';
  port: 'integer';
  tls: 'boolean';
  mode: 'string';
  uuid: 'string';
  'uuid-file': 'string';
  preamble: 'string';
  tolerance: 'integer';
  ttl: 'integer';
  'gax-life': 'integer';
  'clock-offset': 'integer';
  realistic: 'boolean';
  user: 'list';
  'max-connections': 'integer';
  'max-connections-per-address': 'integer';
  'max-line-bytes': 'integer';
  'register-timeout': 'integer';
  'max-failed-attempts': 'integer';
  'password-field-limit': 'integer';
}>;

export type UuidSource = 'flag' | 'config' | 'env' | 'generated';

export async function optionsOf(args: ServeArgs, io: CliIo): Promise<{ options: MockCsOptions; uuidSource: UuidSource }> {
  const config = await configOf(args);
  const input: Record<string, unknown> = { ...config };
  const o = args.options;
  const listener = (input['listeners'] as MockCsListener[] | undefined)?.[0];
  if (o['host'] !== undefined || o['port'] !== undefined || o['tls'] !== undefined)
    input['listeners'] = [
      {
        host: o['host'] ?? listener?.host ?? '127.0.0.1',
        port: o['port'] ?? listener?.port ?? 2020,
        ...(o['tls'] === true || listener?.tls ? { tls: true } : {}),
      },
    ];
  const mode = o['mode'];
  if (mode !== undefined) {
    if (mode !== 'enable' && mode !== 'disable') throw new UsageError(`--mode must be enable or disable, not "${mode.slice(0, 20)}"`);
    input['tokenAuthenticationMode'] = mode;
  }
  let uuidSource: UuidSource = input['tokenUuid'] != null ? 'config' : 'generated';
  if (o['uuid'] !== undefined || o['uuid-file'] !== undefined) {
    input['tokenUuid'] = await resolveTokenUuid(args, io, true);
    uuidSource = 'flag';
  } else if (uuidSource === 'generated' && io.env[UUID_ENV]) {
    input['tokenUuid'] = await resolveTokenUuid(args, io, true);
    uuidSource = 'env';
  }
  /** option name → the flag that set it, so an error names what the person typed */
  const fromFlag = new Map<string, string>();
  const set = (flag: keyof typeof o & string, option: keyof MockCsOptions) => {
    if (o[flag] === undefined) return;
    input[option] = o[flag];
    fromFlag.set(option, `--${flag}`);
  };
  set('preamble', 'tokenPreambula');
  set('tolerance', 'tokenToleranceSeconds');
  set('ttl', 'tokenTtlMinutes');
  set('gax-life', 'gaxTokenLifeMinutes');
  set('clock-offset', 'clockOffsetSeconds');
  set('max-connections', 'maxConnections');
  set('max-connections-per-address', 'maxConnectionsPerAddress');
  set('max-line-bytes', 'maxLineBytes');
  set('register-timeout', 'registerTimeoutSeconds');
  set('max-failed-attempts', 'maxFailedAttempts');
  set('password-field-limit', 'passwordFieldLimit');
  if (o['realistic'] === true) input['diagnostics'] = 'realistic';
  const users = o['user'];
  if (users !== undefined) {
    input['users'] = users.map(userOf);
    fromFlag.set('users', '--user');
  }
  if (input['listeners'] !== config['listeners']) fromFlag.set('listeners', '--host');
  const checked = parseMockCsOptions(input);
  const parsed = checked.ok ? parseMockCsOptions(withClassLimits(input, checked.options.listeners, args)) : checked;
  if (!parsed.ok) {
    // "tokenPreambula: …" → "--preamble: …" when a flag set it (the config was already checked alone).
    const option = /^([A-Za-z]+)/.exec(parsed.message)?.[1] ?? '';
    const flag = fromFlag.get(option);
    throw new UsageError(flag ? `${flag}${parsed.message.slice(option.length).replace(/^\[\d+\](\.\w+)?/, '')}` : parsed.message);
  }
  return { options: parsed.options, uuidSource };
}

/**
 * Beyond loopback (needs --allow-network) the server is a class's: the class limits apply where
 * neither a flag nor --config set a limit.
 */
function withClassLimits(
  input: Record<string, unknown>,
  listeners: readonly MockCsListener[],
  args: ArgsWith<{ 'allow-network': 'boolean'; host: 'string' }>,
): Record<string, unknown> {
  const beyond = listeners.map((l) => l.host).find((h) => !isLoopbackHost(h));
  if (beyond === undefined) return input;
  if (args.options['allow-network'] !== true)
    throw new UsageError(
      `${args.options['host'] !== undefined ? '--host ' : 'the listener '}${printable(beyond)} is not a loopback address: add --allow-network to serve beyond this machine (anyone who reaches it can try to log in)`,
    );
  const out = { ...input };
  for (const [k, v] of Object.entries(CLASSROOM_LIMITS)) if (out[k] === undefined) out[k] = v;
  return out;
}

async function configOf(args: ArgsWith<{ config: 'string' }>): Promise<Record<string, unknown>> {
  const file = args.options['config'];
  if (file === undefined) return {};
  const text = await readTextArgument(file, '--config', 1 << 20);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // The parser's message may quote the file (a password, a token-uuid): keep only where it broke.
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    throw new UsageError(`--config ${file} is not valid JSON${at ? ` (at character ${Number(at[1]) + 1})` : ''}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(`--config ${file} must hold a JSON object of options, e.g. {"tokenAuthenticationMode":"enable"}`);
  const checked = parseMockCsOptions(value);
  if (!checked.ok) throw new UsageError(`--config ${file}: ${checked.message}`);
  return { ...(value as Record<string, unknown>) };
}

/** NAME, or NAME:PASSWORD (split at the first colon). */
function userOf(spec: string): MockCsUser {
  const colon = spec.indexOf(':');
  if (colon === -1) return { userName: spec, enabled: true };
  const userName = spec.slice(0, colon);
  const password = spec.slice(colon + 1);
  if (userName === '') throw new UsageError('--user needs a NAME before the colon (NAME or NAME:PASSWORD)');
  if (password === '') throw new UsageError(`--user ${userName}: the password after the colon is empty (leave out the colon for a token-only user)`);
  return { userName, password, enabled: true };
}
