/**
 * What the CS decides about a Password value at its own clock: the spec's checks 1–10 in order,
 * each recorded as a step (for the inspector), ending in one code with an explanation and a hint.
 */
import type { DecisionCode, DecodeErrorCode } from './codes.js';
import { DEFAULT_PREAMBLE } from './constants.js';
import { explainDecision, type Explanation } from './explain.js';
import { decodeToken, verifySignature, type DecodedToken } from './pxz1.js';
import { validityWindow, type TokenTimeOptions, type ValidityWindow } from './window.js';
import { isoSeconds, humanDuration } from './time-format.js';

export type CheckId = 'preamble' | 'encoding' | 'length' | 'version' | 'username' | 'times' | 'signature' | 'expiry' | 'start' | 'user';

export interface CheckStep {
  id: CheckId;
  label: string;
  status: 'pass' | 'fail' | 'skipped';
  detail: string;
}

const CHECK_LABELS: Record<CheckId, string> = {
  preamble: 'starts with the preamble',
  encoding: 'canonical base64url',
  length: 'at least 26 body bytes',
  version: 'version byte is 0x01',
  username: 'username is UTF-8 without control characters',
  times: 'expiry not before issue',
  signature: 'signature matches the token-uuid',
  expiry: 'not expired (≤ validUntil)',
  start: 'already valid (≥ validFrom)',
  user: 'token user is the requested UserName',
};
const CHECK_ORDER = Object.keys(CHECK_LABELS) as CheckId[];

export interface DecisionInput {
  /** the Password value */
  value: string;
  /** CS [system] token-uuid; when absent the signature check is skipped (decode-only) */
  tokenUuid?: string | null | undefined;
  preamble?: string | undefined;
  /** the request's UserName; when absent the user match is skipped */
  userName?: string | null | undefined;
  /** the CS clock, seconds since the epoch (fractions are dropped: the CS decides in whole seconds) */
  now: number;
  options?: TokenTimeOptions | undefined;
}

export interface Decision extends Explanation {
  code: DecisionCode;
  decoded?: DecodedToken;
  window?: ValidityWindow;
  /** the CS clock the decision was made at, whole seconds */
  now: number;
  steps: CheckStep[];
  /** things that did not decide the outcome but a person should know */
  warnings: string[];
}

export interface TokenEvaluation {
  code: DecisionCode;
  /** the check that failed, or null when none did */
  failedAt: CheckId | null;
  /** the short technical reason of the failure ('' when accepted) */
  reason: string;
  decoded?: DecodedToken;
  window?: ValidityWindow;
  /** the CS clock, whole seconds */
  now: number;
}

/** Options absent: one shared empty set rather than a new `{}` per call. */
const NO_OPTIONS: TokenTimeOptions = Object.freeze({});

/**
 * The decision alone, with no explanation text: the mock CS's hot path. `decide()` adds the steps and
 * the words; both always agree because `decide()` is built on this. Each result is one object literal
 * (same keys, same order on every path) rather than a shared part spread into it.
 */
export function evaluateToken(input: DecisionInput): TokenEvaluation {
  const now = Math.floor(input.now);
  const decoded = decodeToken(input.value, input.preamble ?? DEFAULT_PREAMBLE);
  if (!decoded.ok) return { code: decoded.code, failedAt: DECODE_STEP[decoded.code], reason: decoded.reason, now };
  const token = decoded.value;
  const window = validityWindow(token.exp, input.options ?? NO_OPTIONS);
  const tokenUuid = input.tokenUuid;
  if (tokenUuid === undefined || tokenUuid === null) return { code: 'OK', failedAt: null, reason: '', decoded: token, window, now };
  const verified = verifySignature(token, tokenUuid);
  if (!verified.ok) return { code: verified.code, failedAt: 'signature', reason: verified.reason, decoded: token, window, now };
  if (now > window.validUntil)
    return {
      code: 'EXPIRED',
      failedAt: 'expiry',
      reason: `${humanDuration(now - window.validUntil)} after validUntil`,
      decoded: token,
      window,
      now,
    };
  if (now < window.validFrom)
    return {
      code: 'NOT_YET_VALID',
      failedAt: 'start',
      reason: `${humanDuration(window.validFrom - now)} before validFrom`,
      decoded: token,
      window,
      now,
    };
  const userName = input.userName;
  if (userName !== undefined && userName !== null && userName !== token.username)
    return {
      code: 'USER_MISMATCH',
      failedAt: 'user',
      reason: `token for "${token.username}", request for "${userName}"`,
      decoded: token,
      window,
      now,
    };
  return { code: 'OK', failedAt: null, reason: '', decoded: token, window, now };
}

export function decide(input: DecisionInput): Decision {
  const preamble = input.preamble ?? DEFAULT_PREAMBLE;
  const options = input.options ?? {};
  const e = evaluateToken(input);
  const steps = CHECK_ORDER.map((id): CheckStep => {
    const label = CHECK_LABELS[id];
    const failIndex = e.failedAt ? CHECK_ORDER.indexOf(e.failedAt) : CHECK_ORDER.length;
    const index = CHECK_ORDER.indexOf(id);
    if (index === failIndex) return { id, label, status: 'fail', detail: e.reason };
    if (index > failIndex) return { id, label, status: 'skipped', detail: 'not reached: an earlier check failed' };
    const detail = passDetail(id, e, preamble, input);
    return detail === null ? { id, label, status: 'skipped', detail: skippedWhy(id, input) } : { id, label, status: 'pass', detail };
  });
  const explanation = explainDecision({
    code: e.code,
    reason: e.reason,
    now: e.now,
    preamble,
    decoded: e.decoded,
    window: e.window,
    userName: input.userName ?? undefined,
    options,
    value: input.value,
  });
  return {
    code: e.code,
    now: e.now,
    steps,
    warnings: collectWarnings(e.now, e.decoded, e.window),
    ...(e.decoded ? { decoded: e.decoded } : {}),
    ...(e.window ? { window: e.window } : {}),
    ...explanation,
  };
}

/** What a passed check found, or null when the check did not run (no token-uuid, no UserName). */
function passDetail(id: CheckId, e: TokenEvaluation, preamble: string, input: DecisionInput): string | null {
  const t = e.decoded;
  const w = e.window;
  const noKey = input.tokenUuid === undefined || input.tokenUuid === null;
  switch (id) {
    case 'preamble':
      return `preamble ${preamble}`;
    case 'encoding':
      return t ? `${t.body.length} bytes` : '';
    case 'length':
      return t ? `${t.body.length} ≥ 26 bytes` : '';
    case 'version':
      return 'PXZ-1';
    case 'username':
      return t ? `"${t.username}"` : '';
    case 'times':
      return t ? `issued ${isoSeconds(t.iat)}, expires ${isoSeconds(t.exp)}` : '';
    case 'signature':
      return noKey ? null : 'HMAC-SHA256 tag matches';
    case 'expiry':
      return noKey || !w ? null : `${humanDuration(w.validUntil - e.now)} left`;
    case 'start':
      return noKey || !w ? null : `valid since ${isoSeconds(w.validFrom)}`;
    case 'user':
      return noKey || input.userName === undefined || input.userName === null || !t ? null : `"${t.username}"`;
  }
}

const DECODE_STEP: Record<DecodeErrorCode, CheckId> = {
  NOT_A_TOKEN: 'preamble',
  MALFORMED_ENCODING: 'encoding',
  TRUNCATED: 'length',
  UNSUPPORTED_VERSION: 'version',
  MALFORMED_USERNAME: 'username',
  INVALID_TIMES: 'times',
};

function skippedWhy(id: CheckId, input: DecisionInput): string {
  if (input.tokenUuid === undefined || input.tokenUuid === null) return 'no token-uuid given';
  if (id === 'user') return 'no UserName given';
  return '';
}

function collectWarnings(now: number, decoded?: DecodedToken, window?: ValidityWindow): string[] {
  const warnings: string[] = [];
  if (!decoded || !window) return warnings;
  if (decoded.iat > now + window.toleranceSeconds)
    warnings.push(
      `issued ${humanDuration(decoded.iat - now)} in the CS's future (${isoSeconds(decoded.iat)}): it was minted by a clock that runs ahead of the CS's`,
    );
  const life = decoded.exp - decoded.iat;
  if (window.ttlMinutes * 60 < life)
    warnings.push(
      `the token lives ${humanDuration(life)} but the CS accepts it only for the last ${humanDuration(window.ttlMinutes * 60)} (${window.ttlSource}): for the first ${humanDuration(life - window.ttlMinutes * 60)} it is refused as not yet valid`,
    );
  return warnings;
}
