/**
 * gax-token login: log in to a CS (or the mock CS) as GAX would and print the step trace, one
 * line per step as it ends, then the outcome and the fix. The password and the token-uuid come
 * from the environment or a file, so they need not sit in shell history; neither is ever printed.
 */
import { DEFAULT_PREAMBLE, checkPreamble } from '../../core/index.js';
import {
  runLogin,
  validateLoginRequest,
  type LoginRequest,
  type LoginResult,
  type TimedStepId,
  type TlsTarget,
  type TraceStep,
} from '../../client/index.js';
import { GENESYS_MAX_INT } from '../../core/options/catalog.js';
import { UsageError, type ArgsWith, type OptionSpecs } from '../args.js';
import { EXIT, defineCommand } from '../command.js';
import { printJson, readTextArgument, type CliIo } from '../io.js';
import { UUID_ENV, resolveTokenUuid, uuidOptions } from '../secrets.js';
import { checkReportTarget, reportOption, writeReport } from '../report-file.js';
import { loginReport } from '../login-report.js';
import { sourceJson, sourceTag } from '../source-tag.js';

const DEFAULT_LIFE_MINUTES = 60;
const TEN_YEARS_SECONDS = 10 * 366 * 86400;

/** The target options login and time share. */
export const targetOptions = {
  host: { type: 'string', value: 'H', description: 'the Configuration Server host (required)' },
  port: { type: 'integer', value: 'P', min: 1, max: 65535, description: 'its port (required; customarily 2020)' },
  tls: { type: 'boolean', description: 'TLS; with --fingerprint or --ca, else the system CAs' },
  fingerprint: { type: 'string', value: 'SHA256', description: 'with --tls: pin this certificate (AB:CD:… or hex)' },
  ca: { type: 'string', value: 'FILE', description: 'with --tls: verify against this CA certificate (PEM)' },
  servername: { type: 'string', value: 'NAME', description: 'with --tls: the name the certificate must hold (default the host)' },
  timeout: { type: 'integer', value: 'MS', min: 1, max: 600000, description: 'timeout of each step in ms (default 3000 resolve, 5000 others)' },
} satisfies OptionSpecs;

export function targetOf(args: ArgsWith<{ host: 'string'; port: 'integer' }>, command: string): { host: string; port: number } {
  const host = args.options['host'];
  const port = args.options['port'];
  if (host === undefined) throw new UsageError(`'${command}' needs --host H`);
  if (port === undefined) throw new UsageError(`'${command}' needs --port P`);
  return { host, port };
}

export async function tlsOf(
  args: ArgsWith<{ tls: 'boolean'; fingerprint: 'string'; ca: 'string'; servername: 'string' }>,
): Promise<TlsTarget | null> {
  const fingerprint = args.options['fingerprint'];
  const caFile = args.options['ca'];
  const servername = args.options['servername'];
  if (!args.options['tls']) {
    const stray = fingerprint !== undefined ? '--fingerprint' : caFile !== undefined ? '--ca' : servername !== undefined ? '--servername' : null;
    if (stray) throw new UsageError(`${stray} needs --tls`);
    return null;
  }
  if (fingerprint !== undefined && caFile !== undefined) throw new UsageError('give --fingerprint or --ca, not both');
  return {
    ...(fingerprint !== undefined ? { fingerprint256: fingerprint } : {}),
    ...(caFile !== undefined ? { caPem: await readTextArgument(caFile, '--ca', 256 * 1024) } : {}),
    ...(servername !== undefined ? { servername } : {}),
  };
}

export function timeoutsOf(args: ArgsWith<{ timeout: 'integer' }>): Partial<Record<TimedStepId, number>> | undefined {
  const ms = args.options['timeout'];
  return ms === undefined ? undefined : { resolve: ms, connect: ms, tls: ms, hello: ms, register: ms };
}

/** Ctrl-C cancels the run (it ends as 'cancelled', its socket closed) instead of killing the process mid-write. */
export function cancelOnStop(io: CliIo): AbortSignal {
  const controller = new AbortController();
  void io.stopSignal.then(() => controller.abort());
  return controller.signal;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** one trace line: step, status, duration, detail */
export function formatStep(s: TraceStep): string {
  return `  ${s.id.padEnd(8)}  ${s.status.padEnd(7)}  ${formatDuration(s.durationMs).padStart(9)}  ${s.detail}\n`;
}

export const login = defineCommand({
  spec: {
    name: 'login',
    summary: 'log in to a Configuration Server as GAX would, step by step',
    options: {
      ...targetOptions,
      user: { type: 'string', value: 'NAME', description: 'the UserName (required)' },
      'password-env': { type: 'string', value: 'VAR', description: 'log in with the password in this environment variable' },
      'password-file': { type: 'string', value: 'FILE', description: 'log in with the password in this file (first line)' },
      ...uuidOptions,
      life: {
        type: 'integer',
        value: 'MIN',
        min: 1,
        max: GENESYS_MAX_INT,
        description: `token login: GAX token_life_in_minutes (default ${DEFAULT_LIFE_MINUTES})`,
      },
      preamble: { type: 'string', value: 'P', description: `token login: the preamble, CS token-preambula (default ${DEFAULT_PREAMBLE})` },
      'gax-clock-offset': {
        type: 'integer',
        value: 'S',
        min: -TEN_YEARS_SECONDS,
        max: TEN_YEARS_SECONDS,
        description: "token login: mint as if GAX's clock were S seconds off",
      },
      'client-name': { type: 'string', value: 'NAME', description: 'the RegisterClient clientName the CS logs (default GAX)' },
      json: { type: 'boolean', description: 'the whole result as one JSON object on stdout' },
      ...reportOption,
    },
    notes: `A token login mints the token as GAX does (confserv_trusted=true): iat = now, exp = iat + --life × 60,
signed with the token-uuid (--uuid, --uuid-file or $${UUID_ENV}). A password login sends the password.
The token is PXZ-1 and the protocol csmock/1, the tool's model: only the mock CS (gax-token serve)
can answer; a real CS is reached (TCP, TLS) but not logged in to. The fix is tagged [genesys ID],
[model] or [advice]; --json carries "source": {"kind","id"}.

examples:
  gax-token login --host 127.0.0.1 --port 2020 --user default --uuid-file cs-token-uuid.txt --life 20
  CS_PASSWORD=… gax-token login --host cs1 --port 2020 --user default --password-env CS_PASSWORD
  gax-token login --host 127.0.0.1 --port 2021 --tls --fingerprint AB:CD:… --user alice --uuid-file u.txt
  gax-token login --host cs1 --port 2020 --user default --uuid-file u.txt --report login.html

Exit: 0 accepted, 1 refused or unreachable (the trace, the reason and the fix say why), 2 bad arguments.`,
  },
  async run(args, io) {
    const { host, port } = targetOf(args, 'login');
    const userName = args.options['user'];
    if (userName === undefined) throw new UsageError("'login' needs --user NAME");
    const request: LoginRequest = {
      host,
      port,
      tls: await tlsOf(args),
      userName,
      credentials: await credentialsOf(args, io),
      signal: cancelOnStop(io),
    };
    const timeouts = timeoutsOf(args);
    if (timeouts) request.timeoutsMs = timeouts;
    const clientName = args.options['client-name'];
    if (clientName !== undefined) request.clientName = clientName;
    const valid = validateLoginRequest(request);
    if (!valid.ok) throw new UsageError(`${valid.message.replace(/^invalid input: /, '')} — ${valid.fix}`);
    const reportPath = args.options['report'];
    if (reportPath !== undefined) await checkReportTarget(reportPath);
    const startedAt = Date.now();
    const json = args.options['json'] === true;
    if (!json) {
      const how = request.credentials.kind === 'gax' ? 'token' : 'password';
      io.stdout.write(`login "${userName}" at ${host}:${port} by ${how}${request.tls ? ' over TLS' : ''}\n`);
    }
    const result = await runLogin(
      request,
      json
        ? undefined
        : (s) => {
            if (s.status !== 'running') io.stdout.write(formatStep(s));
          },
    );
    if (reportPath !== undefined) await writeReport(reportPath, loginReport(args, request, result, startedAt));
    if (json) printJson(io, result.source ? { ...result, source: sourceJson(result.source) } : result);
    else io.stdout.write(formatOutcome(result));
    return result.outcome === 'accepted' ? EXIT.OK : result.outcome === 'invalid-input' ? EXIT.USAGE : EXIT.REJECTED;
  },
});

function formatOutcome(r: LoginResult): string {
  const lines: string[] = [];
  if (r.certificate) lines.push(`certificate: ${r.certificate.subject}, SHA-256 ${r.certificate.fingerprint256}`);
  lines.push(`${r.outcome}: ${r.message}`);
  if (r.fix) lines.push(`fix: ${r.fix}${r.source ? ` ${sourceTag(r.source)}` : ''}`);
  return lines.join('\n') + '\n';
}

type LoginSecretArgs = ArgsWith<{
  'password-env': 'string';
  'password-file': 'string';
  uuid: 'string';
  'uuid-file': 'string';
  life: 'integer';
  preamble: 'string';
  'gax-clock-offset': 'integer';
}>;

async function credentialsOf(args: LoginSecretArgs, io: CliIo): Promise<LoginRequest['credentials']> {
  const passwordEnv = args.options['password-env'];
  const passwordFile = args.options['password-file'];
  const tokenFlags = args.options['uuid'] !== undefined || args.options['uuid-file'] !== undefined;
  if (passwordEnv !== undefined && passwordFile !== undefined)
    throw new UsageError('give the password once: --password-env or --password-file, not both');
  const password = passwordEnv !== undefined || passwordFile !== undefined;
  if (password && tokenFlags)
    throw new UsageError('give a password (--password-env, --password-file) or a token-uuid (--uuid, --uuid-file), not both');
  if (password) {
    for (const flag of ['life', 'preamble', 'gax-clock-offset'] as const)
      if (args.options[flag] !== undefined) throw new UsageError(`--${flag} is for a token login; a password login sends the password`);
    return { kind: 'password', password: passwordEnv !== undefined ? passwordFromEnv(passwordEnv, io) : await passwordFromFile(passwordFile!) };
  }
  if (!tokenFlags && !io.env[UUID_ENV])
    throw new UsageError(`'login' needs a secret: --password-env VAR, --password-file FILE, --uuid U or --uuid-file FILE (or $${UUID_ENV})`);
  const tokenUuid = (await resolveTokenUuid(args, io, true))!;
  const preamble = args.options['preamble'] ?? DEFAULT_PREAMBLE;
  const badPreamble = checkPreamble(preamble);
  if (badPreamble) throw new UsageError(`--preamble: ${badPreamble}`);
  return {
    kind: 'gax',
    confservTrusted: true,
    tokenLifeMinutes: args.options['life'] ?? DEFAULT_LIFE_MINUTES,
    tokenUuid,
    preamble,
    gaxClockOffsetSeconds: args.options['gax-clock-offset'] ?? 0,
  };
}

function passwordFromEnv(name: string, io: CliIo): string {
  const value = io.env[name];
  if (value === undefined) throw new UsageError(`--password-env ${name}: the environment variable ${name} is not set`);
  if (value === '') throw new UsageError(`--password-env ${name}: the environment variable ${name} is empty`);
  return value;
}

async function passwordFromFile(path: string): Promise<string> {
  const text = await readTextArgument(path, '--password-file', 64 * 1024);
  // The first line: a file written by `echo` ends with a newline that is not part of the password.
  const first = text.split(/\r?\n/)[0] ?? '';
  if (first === '') throw new UsageError(`--password-file ${path} is empty`);
  return first;
}
