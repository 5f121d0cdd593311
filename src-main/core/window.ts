/**
 * The CS's validity window for a token (pxz1-token.md, "Validating"):
 *   validFrom  = exp − ttl × 60 − tolerance,   validUntil = exp + tolerance, both inclusive,
 * where ttl is token-ttl, else GAX token_life_in_minutes, else 1440; a value unset or 0 is unset.
 */

export const DEFAULT_TOLERANCE_SECONDS = 60;
export const DEFAULT_TTL_MINUTES = 1440;

/** The three options the CS's decision depends on, as the mock CS and the Genesys pages name them. */
export interface TokenTimeOptions {
  /** CS [system] token-tolerance, seconds; unset or 0 means 60 */
  tokenToleranceSeconds?: number | null | undefined;
  /** CS [system] token-ttl, minutes; unset or 0 means "use token_life_in_minutes" */
  tokenTtlMinutes?: number | null | undefined;
  /** GAX [general] token_life_in_minutes as the CS reads it */
  gaxTokenLifeMinutes?: number | null | undefined;
}

export type TtlSource = 'token-ttl' | 'token_life_in_minutes' | 'default';

export interface ValidityWindow {
  validFrom: number;
  validUntil: number;
  ttlMinutes: number;
  ttlSource: TtlSource;
  toleranceSeconds: number;
  toleranceIsDefault: boolean;
}

function isSet(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

export function effectiveTolerance(options: TokenTimeOptions): { seconds: number; isDefault: boolean } {
  return isSet(options.tokenToleranceSeconds)
    ? { seconds: Math.floor(options.tokenToleranceSeconds), isDefault: false }
    : { seconds: DEFAULT_TOLERANCE_SECONDS, isDefault: true };
}

export function effectiveTtl(options: TokenTimeOptions): { minutes: number; source: TtlSource } {
  if (isSet(options.tokenTtlMinutes)) return { minutes: Math.floor(options.tokenTtlMinutes), source: 'token-ttl' };
  if (isSet(options.gaxTokenLifeMinutes)) return { minutes: Math.floor(options.gaxTokenLifeMinutes), source: 'token_life_in_minutes' };
  return { minutes: DEFAULT_TTL_MINUTES, source: 'default' };
}

export function validityWindow(exp: number, options: TokenTimeOptions): ValidityWindow {
  const tolerance = effectiveTolerance(options);
  const ttl = effectiveTtl(options);
  return {
    validFrom: exp - ttl.minutes * 60 - tolerance.seconds,
    validUntil: exp + tolerance.seconds,
    ttlMinutes: ttl.minutes,
    ttlSource: ttl.source,
    toleranceSeconds: tolerance.seconds,
    toleranceIsDefault: tolerance.isDefault,
  };
}

/** Where instant `t` (whole seconds) falls against a window. */
export function windowPosition(t: number, w: Pick<ValidityWindow, 'validFrom' | 'validUntil'>): 'before' | 'inside' | 'after' {
  if (t > w.validUntil) return 'after';
  if (t < w.validFrom) return 'before';
  return 'inside';
}
