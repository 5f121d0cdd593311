/**
 * A server's refusal in words a field engineer can act on. The message quotes the server's code
 * and message as sent; the fix is the server's own `detail.hint` when it sends one (teaching
 * mode), else what this client knows: the token it minted, the clocks it measured, and the
 * core's explanation of each token code.
 */
import {
  CODE_SUMMARY,
  DECISION_SOURCE,
  explainDecision,
  genesysSource,
  modelSource,
  humanDuration,
  isDecisionCode,
  longestUsernameBytes,
  validityWindow,
  type DecodedToken,
  type Source,
} from '../core/index.js';
import { describeOffset } from './server-time.js';
import type { ServerError } from './types.js';

export interface RejectionContext {
  userName: string;
  /** what the Password field held */
  sent: 'token' | 'password';
  preamble?: string;
  /** the token as minted, when one was sent (held in memory only, never shown whole) */
  token?: DecodedToken;
  tokenLifeMinutes?: number;
  /** server clock − ours, ms, when measured */
  serverOffsetMs?: number;
  /** the simulated GAX clock error, seconds */
  gaxClockOffsetSeconds?: number;
  /** our clock now, ms */
  nowMs: number;
}

export interface Explained {
  message: string;
  fix: string;
  /** whose word the explanation is */
  source: Source;
}

export function explainServerError(err: ServerError, ctx: RejectionContext): Explained {
  const said = err.message || CODE_SUMMARY[err.code as keyof typeof CODE_SUMMARY] || 'no reason given';
  const message = `the server refused the login: ${err.code} — ${said}`;
  const hint = err.detail?.hint;
  const source = rejectionSource(err.code, ctx);
  if (typeof hint === 'string' && hint.trim() !== '') return { message, fix: hint.trim(), source };
  return { message, fix: fixFor(err.code, ctx), source };
}

const CSMOCK = modelSource('CSMOCK-1');

/**
 * Whose word a refusal's explanation is. The token codes follow the core's decision; the other codes
 * and texts are csmock/1's (a real CS's protocol and error texts are not published), except what
 * Genesys does say: a token is looked for only at the start of the Password field once token
 * authentication is enabled, and must fit the GAX interface's Password field.
 */
export function rejectionSource(code: string, ctx: Pick<RejectionContext, 'sent'>): Source {
  if (isDecisionCode(code)) return DECISION_SOURCE[code];
  if (code === 'BAD_PASSWORD' && ctx.sent === 'token') return genesysSource('GAX-SECURE');
  if (code === 'PASSWORD_TOO_LONG' && ctx.sent === 'token') return modelSource('PXZ-1');
  return CSMOCK;
}

function fixFor(code: string, ctx: RejectionContext): string {
  switch (code) {
    case 'EXPIRED':
      return ctx.token ? expiredFix(ctx, ctx.token) : tokenFix(code, ctx);
    case 'NOT_YET_VALID':
      return ctx.token ? notYetValidFix(ctx, ctx.token) : tokenFix(code, ctx);
    case 'UNKNOWN_USER':
      return `No Person with UserName "${ctx.userName}" exists on the server. Check the spelling (the mock CS compares UserNames byte for byte, case included; Genesys does not publish whether a real CS does) or create the Person.`;
    case 'USER_DISABLED':
      return `The Person "${ctx.userName}" exists but is disabled: enable the account in the configuration, or log in as another user.`;
    case 'BAD_PASSWORD':
      return ctx.sent === 'token'
        ? `The server took the token for a plain password: CS [system] token-authentication-mode is not enable, or its token-preambula is not ${ctx.preamble ?? 'the preamble GAX uses'}. Token authentication is off until it is enabled on the CS (Genesys); in the tool's model GAX uses the preamble of the CS it is configured against, so check this CS against that one. Set token-authentication-mode=enable.`
        : 'Check the password: it is compared exactly, case included.';
    case 'PASSWORD_TOO_LONG':
      return ctx.sent === 'token' && ctx.preamble
        ? `The token (${ctx.token?.length ?? '?'} chars) is longer than the server's Password field: in the tool's reference format (PXZ-1) with the preamble ${ctx.preamble} a username of at most ${longestUsernameBytes(ctx.preamble)} bytes fits 64 (Genesys publishes only "approximately 64 bytes" for the GAX interface's Password field). Use a shorter UserName or a shorter token-preambula, or raise the mock CS's passwordFieldLimit.`
        : "The password is longer than the server's Password field (64 by default, passwordFieldLimit): use a shorter one.";
    case 'AUTH_FAILED':
      return authFailedFix(ctx);
    case 'SERVER_BUSY':
      return 'The server already holds its maximum of connections (maxConnections): close idle clients or raise the limit, then try again.';
    case 'TOO_MANY_ATTEMPTS':
      return 'Too many failed registrations on one connection, so the server closed it: fix the cause of the earlier failures, then connect again.';
    case 'IDLE_TIMEOUT':
      return "The server's registerTimeoutSeconds passed before RegisterClient arrived: raise it, or find what delays the client.";
    case 'ALREADY_REGISTERED':
      return 'This connection is already registered: open a new connection for another login.';
    case 'FRAME_TOO_LARGE':
      return "A request was longer than the server's maxLineBytes: use a shorter UserName or password, or raise maxLineBytes.";
    case 'BAD_FRAME':
    case 'BAD_REQUEST':
    case 'UNKNOWN_REQUEST':
      return "The server did not understand this client's request: check that both speak csmock/1, and read the server's log.";
    default:
      return isDecisionCode(code) ? tokenFix(code, ctx) : `The server refused with ${code}; its message says why. Read the server's log for more.`;
  }
}

/**
 * Realistic mode hides the reason, but this client still knows the clocks: when the token's
 * issue time is far from the server's clock, that is the likely cause and is said first.
 */
function authFailedFix(ctx: RejectionContext): string {
  const where =
    "The server hides the reason (realistic diagnostics, as a production CS does). Read it in the server's log (the MSGCFG_ERROR line for this client), or switch the mock CS to teaching diagnostics.";
  const usual =
    'Usual causes: token-authentication-mode not enable, a different token-uuid or preamble, clocks apart, an unknown or disabled user, a wrong password.';
  if (ctx.sent === 'token' && ctx.token) {
    const skew = serverNowSeconds(ctx) - ctx.token.iat;
    // Beyond the default token-tolerance (60 s) a clock difference alone can refuse a fresh token.
    if (Math.abs(skew) > 60) return `${where} Likely here: ${skewWords(ctx, skew)}. ${usual}`;
  }
  const clocks = ctx.serverOffsetMs !== undefined ? ` (measured: the server's clock is ${describeOffset(ctx.serverOffsetMs)})` : '';
  return `${where} ${usual.replace('clocks apart', `clocks apart${clocks}`)}`;
}

/** the server's clock now, whole seconds, as far as we measured it */
function serverNowSeconds(ctx: RejectionContext): number {
  return Math.floor((ctx.nowMs + (ctx.serverOffsetMs ?? 0)) / 1000);
}

/** The core's hint for a token code, given what the client knows of the token and the clocks. */
function tokenFix(code: string, ctx: RejectionContext): string {
  if (!isDecisionCode(code) || code === 'OK') return `The server refused with ${code}.`;
  if (!ctx.token) return CODE_SUMMARY[code];
  const life = ctx.token.exp - ctx.token.iat;
  return explainDecision({
    code,
    reason: '',
    now: serverNowSeconds(ctx),
    preamble: ctx.preamble ?? ctx.token.preamble,
    decoded: ctx.token,
    window: validityWindow(ctx.token.exp, { gaxTokenLifeMinutes: life / 60 }),
    userName: ctx.userName,
    options: {},
  }).hint;
}

/** how far the server's clock is from the clock that minted the token, in words */
function skewWords(ctx: RejectionContext, skewSeconds: number): string {
  const parts: string[] = [];
  if (ctx.serverOffsetMs !== undefined) parts.push(`the server's clock is ${describeOffset(ctx.serverOffsetMs)}`);
  if (ctx.gaxClockOffsetSeconds)
    parts.push(`GAX's clock was set ${humanDuration(ctx.gaxClockOffsetSeconds)} ${ctx.gaxClockOffsetSeconds > 0 ? 'ahead of' : 'behind'} ours`);
  const measured = parts.length ? ` (measured: ${parts.join('; ')})` : '';
  const where = skewSeconds >= 0 ? 'ahead of' : 'behind';
  return `the server's clock is ${humanDuration(skewSeconds)} ${where} the clock that minted the token${measured}`;
}

function expiredFix(ctx: RejectionContext, token: DecodedToken): string {
  const skew = serverNowSeconds(ctx) - token.iat;
  const life = humanDuration(token.exp - token.iat);
  return `The token was minted just now, valid ${life} (token_life_in_minutes), yet ${skewWords(ctx, skew)} — more than the token's life plus token-tolerance. Synchronise the CS and GAX hosts with NTP and check their time zones; a longer token_life_in_minutes only hides the error.`;
}

function notYetValidFix(ctx: RejectionContext, token: DecodedToken): string {
  const skew = serverNowSeconds(ctx) - token.iat;
  const lifeMin = Math.round((token.exp - token.iat) / 60);
  // The default token-tolerance is 60 s: a server further behind than that explains the refusal by itself.
  if (skew < -60)
    return `${capitalize(skewWords(ctx, skew))}: it sees a token from its future. Synchronise the CS and GAX hosts with NTP and check their time zones (the token carries UTC seconds); CS [system] token-tolerance widens the window but is no fix for a wrong clock.`;
  return `The clocks agree, so the server's window is shorter than the token's life (${lifeMin} min): CS [system] token-ttl, or the token_life_in_minutes the CS reads, is below GAX [general] token_life_in_minutes. Raise token-ttl to at least ${lifeMin}, or set it to 0 so the CS uses token_life_in_minutes; or lower GAX token_life_in_minutes to match.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
