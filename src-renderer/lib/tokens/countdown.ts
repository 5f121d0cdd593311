/**
 * Where a token stands at an instant, derived from its absolute instants alone (house rule 6):
 * nothing here remembers the previous tick, so a countdown can never drift.
 *
 * The four states follow the CS's window (pxz1-token.md, "Validating"; both ends inclusive):
 *   not-yet-valid  now < validFrom
 *   valid          validFrom ≤ now ≤ exp
 *   tolerance      exp < now ≤ validUntil   (expired, but token-tolerance still has the CS accept it)
 *   expired        now > validUntil
 */
import { formatCountdown } from '../app/time-format.js';

export type TokenState = 'not-yet-valid' | 'valid' | 'tolerance' | 'expired';

/** The instants a countdown is derived from, whole seconds since the epoch. */
export interface TokenInstants {
  iat: number;
  exp: number;
  validFrom: number;
  validUntil: number;
}

export interface Countdown {
  state: TokenState;
  /** exp − now: seconds to expiry, negative once expired */
  toExpiry: number;
  /** validUntil − now: seconds to the end of the tolerance, negative once refused */
  toToleranceEnd: number;
  /** validFrom − now: seconds until the CS accepts it, positive while not yet valid */
  toValidFrom: number;
  /** where now lies on [validFrom, validUntil], clamped to 0–1 */
  progress: number;
  /** iat − now when the token was issued in the future (a GAX clock ahead), else 0 */
  issuedAhead: number;
}

export function tokenState(now: number, t: Pick<TokenInstants, 'exp' | 'validFrom' | 'validUntil'>): TokenState {
  if (now > t.validUntil) return 'expired';
  if (now < t.validFrom) return 'not-yet-valid';
  if (now > t.exp) return 'tolerance';
  return 'valid';
}

export function countdownAt(now: number, t: TokenInstants): Countdown {
  const span = t.validUntil - t.validFrom;
  const progress = span <= 0 ? (now >= t.validUntil ? 1 : 0) : Math.min(1, Math.max(0, (now - t.validFrom) / span));
  return {
    state: tokenState(now, t),
    toExpiry: t.exp - now,
    toToleranceEnd: t.validUntil - now,
    toValidFrom: t.validFrom - now,
    progress,
    issuedAhead: Math.max(0, t.iat - now),
  };
}

/** Each state in words (colour is never the only signal) and the colour family that goes with it. */
export const STATE_TEXT: Record<TokenState, { label: string; explanation: string; kind: 'ok' | 'warn' | 'error' | 'info' }> = {
  valid: { label: 'valid', explanation: 'Inside the CS window: on time', kind: 'ok' },
  tolerance: { label: 'inside tolerance', explanation: 'Expired, but still on time for the CS (token-tolerance)', kind: 'warn' },
  expired: { label: 'expired', explanation: 'The CS refuses it (EXPIRED)', kind: 'error' },
  'not-yet-valid': { label: 'not yet valid', explanation: 'The CS refuses it until its window opens (NOT_YET_VALID)', kind: 'info' },
};

/** "in 4 min 09 s" / "12 s ago" for a signed number of seconds from now. */
export function relative(seconds: number): string {
  if (seconds === 0) return 'now';
  return seconds > 0 ? `in ${formatCountdown(seconds)}` : `${formatCountdown(-seconds)} ago`;
}
