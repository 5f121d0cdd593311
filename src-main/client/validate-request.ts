/**
 * A LoginRequest arrives from IPC, the CLI or a test: check every field before any socket is
 * opened, and turn it into the plan the login follows. A bad field gives one line saying what
 * is wrong and one saying what to do; a secret is never quoted back.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { checkPreamble, checkUsername, hasControlCharacter, parseTokenUuid, pasteMistakeBehind } from '../core/index.js';
import { normalizeFingerprint } from './certificate.js';
import { DEFAULT_TIMEOUTS_MS, type LoginRequest, type TimedStepId, type TlsTarget } from './types.js';

export interface TlsPlan {
  /** 64 lower-case hex digits */
  pinned: string | null;
  caPem: string | null;
  /** the name the certificate must hold */
  name: string;
}

export type SecretPlan =
  | {
      kind: 'token';
      tokenUuid: string;
      preamble: string;
      lifeMinutes: number;
      gaxClockOffsetSeconds: number;
      /** a token minted earlier, sent instead of a fresh one */
      presetToken?: string;
    }
  | { kind: 'password'; password: string; why: 'password' | 'confserv_trusted=false' };

export interface LoginPlan {
  host: string;
  port: number;
  tls: TlsPlan | null;
  userName: string;
  clientName: string;
  secret: SecretPlan;
  timeouts: Record<TimedStepId, number>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; fix: string };

const MAX_TIMEOUT_MS = 600_000;
/** far above any real token (64 bytes is the Password field); only a bound on what is held */
const MAX_PRESET_TOKEN_CHARS = 4096;

function bad<T>(message: string, fix: string): Checked<T> {
  return { ok: false, message: `invalid input: ${message}`, fix };
}

/** "[::1]" as people write an IPv6 host next to a port → "::1"; anything else trimmed */
export function normalizeHost(host: string): string {
  const h = host.trim();
  const inner = /^\[(.+)\]$/.exec(h)?.[1];
  return inner !== undefined && isIP(inner) === 6 ? inner : h;
}

export function checkTarget(host: unknown, port: unknown): string | null {
  if (typeof host !== 'string' || host.trim() === '') return 'the host is empty';
  if (/\s/.test(host.trim()) || hasControlCharacter(host)) return 'the host holds a space or a control character';
  if (host.length > 253) return 'the host is longer than 253 characters';
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return 'the port must be a whole number from 1 to 65535';
  return null;
}

export function checkTls(tls: TlsTarget | null | undefined, host: string): Checked<TlsPlan | null> {
  if (tls === null || tls === undefined) return { ok: true, value: null };
  if (typeof tls !== 'object')
    return bad('tls must be an object or null', 'Give { fingerprint256 } to pin, { caPem } to verify against a CA, or null for plain TCP.');
  if (tls.fingerprint256 && tls.caPem)
    return bad('both a fingerprint and a CA were given', 'Pin the fingerprint or verify against the CA, not both.');
  let pinned: string | null = null;
  if (tls.fingerprint256 !== undefined && tls.fingerprint256 !== '') {
    pinned = typeof tls.fingerprint256 === 'string' ? normalizeFingerprint(tls.fingerprint256) : null;
    if (!pinned)
      return bad(
        'the fingerprint is not a SHA-256 fingerprint (64 hex digits)',
        'Copy the SHA-256 fingerprint the server shows, as AB:CD:… or plain hex.',
      );
  }
  let caPem: string | null = null;
  if (tls.caPem !== undefined && tls.caPem !== '') {
    if (typeof tls.caPem !== 'string' || !isCertificate(tls.caPem))
      return bad('the CA is not a PEM certificate', 'Give the CA certificate in PEM form (-----BEGIN CERTIFICATE-----).');
    caPem = tls.caPem;
  }
  let name = host;
  if (tls.servername !== undefined && tls.servername !== '') {
    if (typeof tls.servername !== 'string' || /\s/.test(tls.servername) || hasControlCharacter(tls.servername))
      return bad('the TLS server name holds a space or a control character', 'Give the host name the certificate was issued for.');
    name = tls.servername;
  }
  return { ok: true, value: { pinned, caPem, name } };
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

export function checkTimeouts(t: unknown): Checked<Record<TimedStepId, number>> {
  const timeouts = { ...DEFAULT_TIMEOUTS_MS };
  if (t === undefined || t === null) return { ok: true, value: timeouts };
  if (typeof t !== 'object') return bad('timeoutsMs must be an object', 'Give milliseconds per step, e.g. { connect: 5000 }.');
  for (const [step, ms] of Object.entries(t as Record<string, unknown>)) {
    if (!(step in timeouts)) return bad(`there is no step "${step}" to time`, 'Time resolve, connect, tls, hello or register.');
    if (ms === undefined) continue;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > MAX_TIMEOUT_MS)
      return bad(`the ${step} timeout must be from 1 to ${MAX_TIMEOUT_MS} ms`, 'Give a positive number of milliseconds.');
    timeouts[step as TimedStepId] = ms;
  }
  return { ok: true, value: timeouts };
}

export function planLogin(req: LoginRequest): Checked<LoginPlan> {
  if (!req || typeof req !== 'object') return bad('no login request', 'Give host, port, userName and credentials.');
  const targetProblem = checkTarget(req.host, req.port);
  if (targetProblem) return bad(targetProblem, "Give the Configuration Server's host and its listening port (customarily 2020).");
  const host = normalizeHost(req.host);
  if (typeof req.userName !== 'string' || req.userName === '' || hasControlCharacter(req.userName))
    return bad('the UserName is empty or holds a control character', "Give the Person's UserName as the CS knows it.");
  const clientName = req.clientName ?? 'GAX';
  if (typeof clientName !== 'string' || clientName === '' || clientName.length > 255 || hasControlCharacter(clientName))
    return bad('the client name must be 1–255 characters without control characters', 'Leave it unset for "GAX".');
  const tls = checkTls(req.tls, host);
  if (!tls.ok) return tls;
  const timeouts = checkTimeouts(req.timeoutsMs);
  if (!timeouts.ok) return timeouts;
  const secret = checkCredentials(req);
  if (!secret.ok) return secret;
  if (req.signal !== undefined && !(req.signal instanceof AbortSignal))
    return bad('signal is not an AbortSignal', "Pass an AbortController's signal, or nothing.");
  if (req.clock !== undefined && typeof req.clock !== 'function')
    return bad('clock is not a function', 'Pass a function that returns milliseconds since the epoch, or nothing.');
  return {
    ok: true,
    value: { host, port: req.port, tls: tls.value, userName: req.userName, clientName, secret: secret.value, timeouts: timeouts.value },
  };
}

function checkCredentials(req: LoginRequest): Checked<SecretPlan> {
  const c = req.credentials as LoginRequest['credentials'] | undefined;
  if (!c || typeof c !== 'object') return bad('no credentials', "Give a password, or GAX's token settings.");
  if (c.kind === 'password') {
    if (typeof c.password !== 'string') return bad('the password is missing', "Give the Person's password.");
    return { ok: true, value: { kind: 'password', password: c.password, why: 'password' } };
  }
  if (c.kind !== 'gax') return bad('credentials.kind must be "password" or "gax"', "Give a password, or GAX's token settings.");
  if (typeof c.confservTrusted !== 'boolean')
    return bad('confservTrusted must be true or false', 'Copy GAX [general] confserv_trusted (true to use tokens).');
  if (!c.confservTrusted) {
    if (typeof c.password === 'string') return { ok: true, value: { kind: 'password', password: c.password, why: 'confserv_trusted=false' } };
    return bad(
      "GAX [general] confserv_trusted is false, so GAX sends the user's password, not a token",
      'Set confserv_trusted=true to log in with a token (and token-authentication-mode=enable on the CS), or log in with the password.',
    );
  }
  if (typeof c.tokenLifeMinutes !== 'number' || !Number.isInteger(c.tokenLifeMinutes) || c.tokenLifeMinutes < 1)
    return bad('token_life_in_minutes must be a whole number of minutes, at least 1', 'Copy GAX [general] token_life_in_minutes.');
  const uuid = parseTokenUuid(typeof c.tokenUuid === 'string' ? c.tokenUuid : '');
  if (!uuid.ok)
    return bad(`the token-uuid is not a UUID: ${uuid.reason}`, 'Copy CS [system] token-uuid exactly: 8-4-4-4-12 hex digits, optionally in {braces}.');
  const preambleProblem = checkPreamble(c.preamble);
  if (preambleProblem) return bad(preambleProblem, 'Use CS [system] token-preambula (default {PXZ}).');
  const userProblem = checkUsername(req.userName);
  if (userProblem) return bad(`the UserName cannot go in a token: ${userProblem}`, "Use the Person's UserName as the CS knows it.");
  const offset = c.gaxClockOffsetSeconds ?? 0;
  if (typeof offset !== 'number' || !Number.isFinite(offset))
    return bad('the GAX clock offset must be a number of seconds', 'Leave it unset for a GAX clock in step with this machine.');
  const preset = c.token;
  if (preset !== undefined) {
    // Never quote it back: it is a whole token.
    // A badly copied token (a space or line break around it, {pxz}, no preamble) is named for that.
    const mistake =
      typeof preset === 'string' && preset.length <= MAX_PRESET_TOKEN_CHARS ? pasteMistakeBehind('NOT_A_TOKEN', preset, c.preamble) : null;
    // A cut token starts right: it is read (and named) when the run decodes it.
    if (mistake && mistake.kind !== 'truncated' && mistake.kind !== 'too-long')
      return bad(`the given token: ${mistake.message.charAt(0).toLowerCase()}${mistake.message.slice(1).replace(/\.$/, '')}`, mistake.hint);
    if (typeof preset !== 'string' || preset.length > MAX_PRESET_TOKEN_CHARS || hasControlCharacter(preset))
      return bad(
        `the given token must be text of at most ${MAX_PRESET_TOKEN_CHARS} characters without control characters`,
        'Give a token as GAX puts it in the Password field, or leave it out to mint one.',
      );
    if (!preset.startsWith(c.preamble))
      return bad(
        `the given token does not start with the preamble ${c.preamble}`,
        'Give a token minted with this preamble, or leave it out to mint one.',
      );
  }
  return {
    ok: true,
    value: {
      kind: 'token',
      tokenUuid: c.tokenUuid,
      preamble: c.preamble,
      lifeMinutes: c.tokenLifeMinutes,
      gaxClockOffsetSeconds: offset,
      ...(preset !== undefined ? { presetToken: preset } : {}),
    },
  };
}

/** For doors (CLI, IPC) that want to refuse a request before showing anything: the same checks runLogin makes. */
export function validateLoginRequest(req: LoginRequest): { ok: true } | { ok: false; message: string; fix: string } {
  const plan = planLogin(req);
  return plan.ok ? { ok: true } : plan;
}
