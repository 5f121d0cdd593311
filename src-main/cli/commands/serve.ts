/**
 * gax-token serve: run the mock Configuration Server (csmock/1) until SIGINT/SIGTERM, printing one
 * `listening on HOST:PORT` line per listener, then one CS-style log line per event (or JSON lines).
 * Options come from --config (a JSON file of the spec's options), then the flags, which win.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { HOME_ENV, dataFolder, dataFolderHelp, ensureDataFolder } from '../../host/data-folder.js';
import { maskTokenUuid, parseTokenUuid } from '../../core/index.js';
import {
  MockCs,
  parseMockCsOptions,
  TOKEN_UUID_FILE,
  type ListenerInfo,
  type MockCsEvent,
  type MockCsListener,
  type MockCsOptions,
  type MockCsUser,
} from '../../mockcs/index.js';
import { CLASSROOM_LIMITS } from '../../ipc/contract/labs.js';
import { isLoopbackHost } from '../../shared/loopback.js';
import { printable } from '../../shared/zod-issues.js';
import { GENESYS_MAX_INT } from '../../core/options/catalog.js';
import { UsageError, type ArgsWith, type ParsedArgs } from '../args.js';
import { EXIT, defineCommand } from '../command.js';
import { describeFsError, readTextArgument, type CliIo } from '../io.js';
import { UUID_ENV, resolveTokenUuid, uuidOptions } from '../secrets.js';
import { safeWriter } from './log-output.js';

const C = CLASSROOM_LIMITS;
const TEN_YEARS_SECONDS = 10 * 366 * 86400;

export const serve = defineCommand({
  spec: {
    name: 'serve',
    summary: 'run the mock Configuration Server (csmock/1) until Ctrl-C',
    options: {
      config: { type: 'string', value: 'FILE', description: "a JSON file of the mock CS's options; the flags below override it" },
      host: { type: 'string', value: 'H', description: 'listen on this address (default 127.0.0.1; beyond loopback needs --allow-network)' },
      'allow-network': { type: 'boolean', description: 'allow a non-loopback --host: anyone who reaches it can try to log in; class limits apply' },
      port: { type: 'integer', value: 'P', min: 0, max: 65535, description: 'listen on this port (default 2020; 0 picks a free one)' },
      tls: { type: 'boolean', description: 'a TLS listener, with a self-signed certificate for localhost and 127.0.0.1 (kept)' },
      mode: { type: 'string', value: 'enable|disable', description: 'CS [system] token-authentication-mode (default disable)' },
      ...uuidOptions,
      preamble: { type: 'string', value: 'P', description: 'CS [system] token-preambula (default {PXZ})' },
      tolerance: { type: 'integer', value: 'S', min: 0, max: GENESYS_MAX_INT, description: 'CS [system] token-tolerance in seconds (default 60)' },
      ttl: { type: 'integer', value: 'MIN', min: 0, max: GENESYS_MAX_INT, description: 'CS [system] token-ttl in minutes (default unset)' },
      'gax-life': {
        type: 'integer',
        value: 'MIN',
        min: 0,
        max: GENESYS_MAX_INT,
        description: 'GAX [general] token_life_in_minutes as the CS reads it',
      },
      'clock-offset': {
        type: 'integer',
        value: 'S',
        min: -TEN_YEARS_SECONDS,
        max: TEN_YEARS_SECONDS,
        description: 'simulate a CS clock S seconds off (negative: behind)',
      },
      realistic: { type: 'boolean', description: 'answer every authentication failure as AUTH_FAILED, as a production CS would' },
      user: {
        type: 'list',
        value: 'NAME[:PASSWORD]',
        description: 'a Person (repeatable; without a password: token logins only); replaces the users',
      },
      'max-connections': {
        type: 'integer',
        value: 'N',
        min: 1,
        max: 100000,
        description: 'connections at once, in all (default 1000; beyond loopback 200)',
      },
      'max-connections-per-address': {
        type: 'integer',
        value: 'N',
        min: 1,
        max: 100000,
        description: 'connections at once from one remote address (default 100; beyond loopback 50)',
      },
      'max-line-bytes': { type: 'integer', value: 'N', min: 128, max: 16777216, description: 'longest request line (default 16384)' },
      'register-timeout': {
        type: 'integer',
        value: 'S',
        min: 1,
        max: 86400,
        description: 'seconds to register after connecting (default 30; beyond loopback 15)',
      },
      'max-failed-attempts': {
        type: 'integer',
        value: 'N',
        min: 1,
        max: GENESYS_MAX_INT,
        description: 'failed registrations per connection, then it is closed (default 5)',
      },
      'password-field-limit': { type: 'integer', value: 'N', min: 1, max: 65536, description: 'longest Password in bytes (default 64)' },
      'json-log': { type: 'boolean', description: 'print the events as JSON lines instead of log lines' },
    },
    notes: `Without a token-uuid (--uuid, --uuid-file, the config or $${UUID_ENV}) the server generates one and keeps it in
the data folder (${dataFolderHelp()}) — the app's own — so tokens minted against it survive a restart; so is the TLS certificate.
The default Person is "default" with password "password".

Limits, so that no client locks out the others: maxConnections in all (default 1000), per remote
address (default 100; 127.0.0.2 and 127.0.0.3 count as two clients), a register timeout (30 s) and
failed attempts per connection (5). The last tenth of maxConnections is kept for 127.0.0.1 (you, on
this machine), and when the server is full a client from a less busy address takes the place of an
idle, unregistered connection of the busiest one. Listening beyond loopback (--host with
--allow-network) applies the class limits unless set by a flag or --config: ${C.maxConnections} connections,
${C.maxConnectionsPerAddress} per address, ${C.registerTimeoutSeconds} s to register, ${C.maxFailedAttempts} failed attempts.

The log is the mock's own (the tool's model), in the style of a CS log: Genesys publishes only the
forms "Trc 04541 Message MSGCFG_… received from …" and "Trc 04542 Message MSGCFG_… sent to …";
lines with "-----" have no published number. Client text in it is escaped (as \\x9b, \\u202e). If
the reader of the log stops reading, lines are dropped and then counted ("N log lines dropped").

examples:
  gax-token serve --port 0 --mode enable --user alice
  gax-token serve --config lab.json --realistic --clock-offset 300
  gax-token serve --tls --port 2021 --mode enable --uuid-file cs-token-uuid.txt
  gax-token serve --host 0.0.0.0 --allow-network --mode enable

Exit: 0 stopped by SIGINT/SIGTERM, 1 could not listen, 2 bad arguments or config.`,
  },
  async run(args, io) {
    const dataDir = dataDirOf(io);
    const { options, uuidSource } = await optionsOf(args, io);
    const cs = new MockCs({ options, dataDir });
    const json = args.options['json-log'] === true;
    const write = safeWriter(io);
    cs.onEvent((e) => write(eventLine(e, json)));
    let listeners;
    try {
      listeners = await cs.start();
    } catch (err) {
      io.stderr.write(`gax-token serve: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT.REJECTED;
    }
    for (const l of listeners) write(listeningLine(l));
    io.stderr.write(summary(cs, uuidSource, dataDir));
    const signal = await io.stopSignal;
    await cs.stop();
    io.stderr.write(`stopped (${signal})\n`);
    return EXIT.OK;
  },
});

/** "listening on HOST:PORT" (with the TLS fingerprint): the line scripts wait for. Shared with `lab start`. */
export function listeningLine(l: ListenerInfo): string {
  return `listening on ${l.host.includes(':') ? `[${l.host}]` : l.host}:${l.port}${l.tls ? ` (tls, sha256 ${l.fingerprint256})` : ''}\n`;
}

/** One event as a CS-style log line, or as a JSON line (--json-log). Shared with `lab start`. */
export function eventLine(e: MockCsEvent, json: boolean): string {
  return json ? `${JSON.stringify(e)}\n` : `${e.logLine}\n`;
}

/** The data folder every door shares (host/data-folder.ts), created readable by its owner only. */
export function dataDirOf(io: CliIo): string {
  const dir = dataFolder(io.env, process.platform, homedir());
  try {
    ensureDataFolder(dir);
  } catch (err) {
    throw new UsageError(`cannot use the data directory ${dir}: ${describeFsError(err)} (set $${HOME_ENV} to another folder)`);
  }
  return dir;
}

type ServeArgs = ParsedArgs<typeof serve.spec.options>;

type UuidSource = 'flag' | 'config' | 'env' | 'generated';

async function optionsOf(args: ServeArgs, io: CliIo): Promise<{ options: MockCsOptions; uuidSource: UuidSource }> {
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

function summary(cs: MockCs, source: UuidSource, dataDir: string): string {
  const o = cs.getOptions();
  const parsed = parseTokenUuid(cs.tokenUuid());
  const masked = parsed.ok ? maskTokenUuid(parsed.canonical) : '(unreadable)';
  const where =
    source === 'generated'
      ? `generated, kept in ${join(dataDir, TOKEN_UUID_FILE)} (mint with --uuid-file ${join(dataDir, TOKEN_UUID_FILE)})`
      : source === 'env'
        ? `from $${UUID_ENV}`
        : source === 'config'
          ? 'from --config'
          : 'from the command line';
  const users = o.users.map((u) => `${u.userName}${u.password === undefined ? ' (token only)' : ''}${u.enabled ? '' : ' (disabled)'}`).join(', ');
  return (
    `mock CS: token-authentication-mode=${o.tokenAuthenticationMode}, token-preambula=${o.tokenPreambula}, ` +
    `token-uuid ${masked} ${where}; ${o.diagnostics} diagnostics` +
    `${o.clockOffsetSeconds ? `, clock ${o.clockOffsetSeconds > 0 ? '+' : ''}${o.clockOffsetSeconds} s` : ''}; users: ${users}; ` +
    `limits: ${o.maxConnections} connections, ${o.maxConnectionsPerAddress} per address, ${o.registerTimeoutSeconds} s to register, ${o.maxFailedAttempts} failed attempts. Ctrl-C stops.\n`
  );
}
