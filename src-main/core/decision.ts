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

export type CheckId =
  | 'preamble'
  | 'encoding'
  | 'length'
  | 'version'
  | 'username'
  | 'times'
  | 'signature'
  | 'expiry'
  | 'start'
  | 'user';

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

export function decide(input: DecisionInput): Decision {
  const now = Math.floor(input.now);
  const preamble = input.preamble ?? DEFAULT_PREAMBLE;
  const options = input.options ?? {};
  const steps: CheckStep[] = [];
  const pass = (id: CheckId, detail: string) => steps.push({ id, label: CHECK_LABELS[id], status: 'pass', detail });
  const finish = (
    code: DecisionCode,
    failedAt: CheckId | null,
    reason: string,
    extra: Partial<Pick<Decision, 'decoded' | 'window'>> = {},
  ): Decision => {
    if (failedAt) steps.push({ id: failedAt, label: CHECK_LABELS[failedAt], status: 'fail', detail: reason });
    for (const id of CHECK_ORDER)
      if (!steps.some((s) => s.id === id))
        steps.push({ id, label: CHECK_LABELS[id], status: 'skipped', detail: skippedWhy(id, failedAt, input) });
    steps.sort((a, b) => CHECK_ORDER.indexOf(a.id) - CHECK_ORDER.indexOf(b.id));
    const warnings = collectWarnings(now, extra.decoded, extra.window);
    const explanation = explainDecision({
      code,
      reason,
      now,
      preamble,
      decoded: extra.decoded,
      window: extra.window,
      userName: input.userName ?? undefined,
      options,
    });
    return { code, now, steps, warnings, ...extra, ...explanation };
  };

  const decoded = decodeToken(input.value, preamble);
  if (!decoded.ok) {
    const failedAt = DECODE_STEP[decoded.code];
    for (const id of CHECK_ORDER.slice(0, CHECK_ORDER.indexOf(failedAt))) pass(id, '');
    return finish(decoded.code, failedAt, decoded.reason);
  }
  const token = decoded.value;
  pass('preamble', `preamble ${preamble}`);
  pass('encoding', `${token.body.length} bytes`);
  pass('length', `${token.body.length} ≥ 26 bytes`);
  pass('version', 'PXZ-1');
  pass('username', `"${token.username}"`);
  pass('times', `issued ${isoSeconds(token.iat)}, expires ${isoSeconds(token.exp)}`);

  const window = validityWindow(token.exp, options);
  if (input.tokenUuid === undefined || input.tokenUuid === null) {
    return finish('OK', null, 'decoded without a token-uuid', { decoded: token, window });
  }
  const verified = verifySignature(token, input.tokenUuid);
  if (!verified.ok) return finish(verified.code, 'signature', verified.reason, { decoded: token, window });
  pass('signature', 'HMAC-SHA256 tag matches');

  if (now > window.validUntil)
    return finish('EXPIRED', 'expiry', `${humanDuration(now - window.validUntil)} after validUntil`, {
      decoded: token,
      window,
    });
  pass('expiry', `${humanDuration(window.validUntil - now)} left`);
  if (now < window.validFrom)
    return finish('NOT_YET_VALID', 'start', `${humanDuration(window.validFrom - now)} before validFrom`, {
      decoded: token,
      window,
    });
  pass('start', `valid since ${isoSeconds(window.validFrom)}`);

  if (input.userName !== undefined && input.userName !== null) {
    if (input.userName !== token.username)
      return finish('USER_MISMATCH', 'user', `token for "${token.username}", request for "${input.userName}"`, {
        decoded: token,
        window,
      });
    pass('user', `"${token.username}"`);
  }
  return finish('OK', null, 'accepted', { decoded: token, window });
}

const DECODE_STEP: Record<DecodeErrorCode, CheckId> = {
  NOT_A_TOKEN: 'preamble',
  MALFORMED_ENCODING: 'encoding',
  TRUNCATED: 'length',
  UNSUPPORTED_VERSION: 'version',
  MALFORMED_USERNAME: 'username',
  INVALID_TIMES: 'times',
};

function skippedWhy(id: CheckId, failedAt: CheckId | null, input: DecisionInput): string {
  if (failedAt) return 'not reached: an earlier check failed';
  if (id === 'user') return 'no UserName given';
  if (input.tokenUuid === undefined || input.tokenUuid === null) return 'no token-uuid given';
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
