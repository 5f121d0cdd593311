/**
 * The RegisterClient decision, in the spec's check order:
 *   PASSWORD_TOO_LONG → token mode and preamble decide token or password →
 *   token: decode, signature, time window, user match (core `evaluateToken()`, worded by
 *   `explainDecision()` only when needed), then user exists and enabled →
 *   password: user exists, enabled, password matches (scrypt, constant time).
 * The frame and its fields were checked before (messages.ts). This returns the truth with a
 * teaching explanation; what the client is told (teaching or realistic) is decided by the session.
 */
import {
  decide,
  evaluateToken,
  explainDecision,
  passwordFieldFit,
  type DecisionInput,
  type Explanation,
  type TokenEvaluation,
} from '../core/index.js';
import type { MockCsOptions } from './options.js';
import type { AuthFailureCode, AuthMethod, ErrorDetail } from './protocol.js';
import type { EncodedWords, RefusalWordsCache, WordsFor } from './refusal-words.js';
import type { UserDirectory } from './users.js';

export interface RegisterContext {
  options: MockCsOptions;
  users: UserDirectory;
  /** the effective token-uuid (configured or generated) */
  tokenUuid: string;
  /** the CS clock, Unix ms, offset included */
  nowMs: number;
  /** whether an accepted login needs its explanation (someone listens to events); refusals always get one */
  explainAccepted: boolean;
  /** the token options of `options`, as the core's decision takes them (built once per options) */
  decisionOptions: NonNullable<DecisionInput['options']>;
  /** words of refusals that repeat per user, for these options */
  words: RefusalWordsCache;
}

export interface RegisterAccepted {
  ok: true;
  authMethod: AuthMethod;
  /** token expiry, Unix ms (tokens only) */
  tokenExpires?: number;
  message: string;
}

export interface RegisterRejected {
  ok: false;
  code: AuthFailureCode | 'PASSWORD_TOO_LONG';
  /** how the value was judged; null when it was refused before (PASSWORD_TOO_LONG) */
  authMethod: AuthMethod | null;
  message: string;
  /** teaching detail, hint included */
  detail: ErrorDetail;
  /** the message and hint, already encoded, when they repeat for this code and user */
  words?: EncodedWords;
}

export type RegisterOutcome = RegisterAccepted | RegisterRejected;

export interface RegisterCredentials {
  userName: string;
  password: string;
}

/** Synchronous for tokens (no scrypt on that path); a Promise only when a password is checked. */
export function decideRegistration(req: RegisterCredentials, ctx: RegisterContext): RegisterOutcome | Promise<RegisterOutcome> {
  const { options } = ctx;
  const preamble = options.tokenPreambula;
  const looksLikeToken = req.password.startsWith(preamble);

  const bytes = Buffer.byteLength(req.password, 'utf8');
  if (bytes > options.passwordFieldLimit) return passwordTooLong(req, ctx, bytes, looksLikeToken);

  if (looksLikeToken && options.tokenAuthenticationMode === 'enable') return decideToken(req, ctx);
  return decidePassword(req, ctx, looksLikeToken);
}

function decideToken(req: RegisterCredentials, ctx: RegisterContext): RegisterOutcome {
  const { options, nowMs } = ctx;
  // The hot path: the core's decision without its words, which are added only when wanted.
  const e = evaluateToken({
    value: req.password,
    tokenUuid: ctx.tokenUuid,
    preamble: options.tokenPreambula,
    userName: req.userName,
    now: Math.floor(nowMs / 1000),
    options: ctx.decisionOptions,
  });
  if (e.code !== 'OK') {
    const words = explainToken(e, req, ctx);
    // NOT_A_TOKEN cannot happen (the preamble was checked) and INVALID_UUID neither (the option
    // is validated); were they to, the token is refused as not matching this server's token-uuid.
    const code: AuthFailureCode = e.code === 'NOT_A_TOKEN' || e.code === 'INVALID_UUID' ? 'BAD_SIGNATURE' : e.code;
    return { ok: false, code, authMethod: 'token', message: words.message, detail: tokenDetail(e, nowMs, words.hint) };
  }
  const user = ctx.users.get(req.userName);
  if (!user || !user.enabled) {
    // The same words for every refusal of this user: built once, not per login.
    const code = user ? 'USER_DISABLED' : 'UNKNOWN_USER';
    const words = ctx.words.get(code, req.userName, user ? disabledWords : unknownUserWords);
    return { ok: false, code, authMethod: 'token', message: words.message, detail: tokenDetail(e, nowMs, words.hint), words: words.encoded };
  }
  return {
    ok: true,
    authMethod: 'token',
    tokenExpires: e.decoded!.exp * 1000,
    message: ctx.explainAccepted ? explainToken(e, req, ctx).message : 'accepted',
  };
}

function explainToken(e: TokenEvaluation, req: RegisterCredentials, ctx: RegisterContext): Explanation {
  return explainDecision({
    code: e.code,
    reason: e.reason,
    now: e.now,
    preamble: ctx.options.tokenPreambula,
    decoded: e.decoded,
    window: e.window,
    userName: req.userName,
    options: ctx.decisionOptions,
    value: req.password,
  });
}

const unknownUserWords: WordsFor = (userName) => ({
  message: `the token is valid, but there is no user "${userName}" on this server`,
  hint: `Create a Person with UserName "${userName}" (Server view → Users → Add a user, or the users option), or log in as a user that exists.`,
});

const disabledWords: WordsFor = (userName) => ({
  message: `the token is valid, but the account "${userName}" is disabled`,
  hint: `Enable the user "${userName}" (Server view → Users → Enabled, or enabled: true in the users option).`,
});

function tokenDetail(e: TokenEvaluation, nowMs: number, hint: string): ErrorDetail {
  const detail: ErrorDetail = { serverTime: nowMs };
  if (e.window) {
    detail.validFrom = e.window.validFrom * 1000;
    detail.validUntil = e.window.validUntil * 1000;
  }
  if (e.decoded) detail.tokenExp = e.decoded.exp * 1000;
  if (hint) detail.hint = hint;
  return detail;
}

async function decidePassword(req: RegisterCredentials, ctx: RegisterContext, looksLikeToken: boolean): Promise<RegisterOutcome> {
  const { users, options, nowMs } = ctx;
  const user = users.get(req.userName);
  // One scrypt whatever the case, so the answer time does not tell an unknown user from a wrong password.
  const matches = await users.passwordMatches(user, req.password);
  const tokenDisabled = looksLikeToken && options.tokenAuthenticationMode === 'disable';
  const reject = (code: AuthFailureCode, message: string, hint: string): RegisterRejected => ({
    ok: false,
    code,
    authMethod: 'password',
    message,
    detail: { serverTime: nowMs, hint },
  });
  const disabledNote = ` The Password starts with the preamble ${options.tokenPreambula}, like a token, but token authentication is disabled on this server (token-authentication-mode = disable), so it was checked as a plain password.`;
  if (!user)
    return reject(
      'UNKNOWN_USER',
      `there is no user "${req.userName}" on this server`,
      `Check the UserName's spelling (it is compared byte for byte), or create the Person (Server view → Users → Add a user, or the users option).${tokenDisabled ? disabledNote : ''}`,
    );
  if (!user.enabled)
    return reject(
      'USER_DISABLED',
      `the account "${req.userName}" is disabled`,
      `Enable the user "${req.userName}" (Server view → Users → Enabled, or enabled: true in the users option).`,
    );
  if (matches) return { ok: true, authMethod: 'password', message: `accepted for "${req.userName}": the password matches` };
  if (tokenDisabled)
    return reject(
      'BAD_PASSWORD',
      `the password does not match: it looks like a token (it starts with ${options.tokenPreambula}), but token authentication is disabled on this server, so it was checked as a plain password`,
      'Set CS [system] token-authentication-mode=enable (tokenAuthenticationMode) on every CS, or set GAX [general] confserv_trusted=false so that GAX sends the password.',
    );
  if (user.hash === null)
    return reject('BAD_PASSWORD', `"${req.userName}" has no password on this server: it can log in only with a token`, tokenModeHint(req, ctx));
  return reject('BAD_PASSWORD', `the password for "${req.userName}" does not match`, tokenModeHint(req, ctx));
}

/** When token mode is on and a plain password failed, GAX may have been meant to send a token. */
function tokenModeHint(req: RegisterCredentials, ctx: RegisterContext): string {
  const base = 'Check the password (it is case-sensitive).';
  if (ctx.options.tokenAuthenticationMode !== 'enable') return base;
  const d = decide({ value: req.password, preamble: ctx.options.tokenPreambula, now: Math.floor(ctx.nowMs / 1000) });
  return `${base} ${d.hint}`;
}

function passwordTooLong(req: RegisterCredentials, ctx: RegisterContext, bytes: number, looksLikeToken: boolean): RegisterRejected {
  const { options } = ctx;
  const limit = options.passwordFieldLimit;
  const message = `the Password is ${bytes} bytes; this server's Password field holds at most ${limit} (passwordFieldLimit)`;
  let hint = 'Use a shorter password, or raise passwordFieldLimit on this server.';
  if (looksLikeToken && options.tokenAuthenticationMode === 'enable') {
    const fit = passwordFieldFit(options.tokenPreambula, req.userName, limit);
    hint = `A token is as long as its preamble plus about 4/3 of (25 + the username's bytes): with the preamble ${options.tokenPreambula}, usernames of up to ${fit.longestUsernameBytes} bytes fit ${limit}; "${req.userName}" has ${fit.usernameBytes}. Use a shorter UserName or token-preambula: Genesys requires the token to fit the Password field of the GAX interface (approximately 64 bytes, preamble included; GAX-SECURE).`;
  }
  return {
    ok: false,
    code: 'PASSWORD_TOO_LONG',
    authMethod: null,
    message,
    detail: { serverTime: ctx.nowMs, hint },
  };
}
