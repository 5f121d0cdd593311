/**
 * gax-token serve: run the mock Configuration Server (csmock/1) until SIGINT/SIGTERM, printing one
 * `listening on HOST:PORT` line per listener, then one CS-style log line per event (or JSON lines).
 * Options come from --config (a JSON file of the spec's options), then the flags, which win.
 */
import { join } from 'node:path';
import { dataFolderHelp } from '../../host/data-folder.js';
import { maskTokenUuid, parseTokenUuid } from '../../core/index.js';
import { GENESYS_MAX_INT } from '../../core/options/catalog.js';
import { CLASSROOM_LIMITS } from '../../ipc/contract/labs.js';
import { TOKEN_UUID_FILE, type MockCs } from '../../mockcs/index.js';
import { defineCommand } from '../command.js';
import { UUID_ENV, uuidOptions } from '../secrets.js';
import { optionsOf, type UuidSource } from './serve-options.js';
import { dataDirOf, serveUntilStopped } from './serve-loop.js';

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
    return serveUntilStopped(
      {
        command: 'serve',
        owner: 'user',
        name: 'your mock CS',
        dataDir,
        options,
        json: args.options['json-log'] === true,
        announce: (cs) => summary(cs, uuidSource, dataDir),
      },
      io,
    );
  },
});

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
