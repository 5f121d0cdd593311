/**
 * The PXZ-1 result codes, exactly as `pxz1-token.md` names them, plus the three input errors a
 * minting tool needs (a preamble, username or time that cannot be put in a token at all).
 */
export const DECODE_ERROR_CODES = [
  'NOT_A_TOKEN',
  'MALFORMED_ENCODING',
  'TRUNCATED',
  'UNSUPPORTED_VERSION',
  'MALFORMED_USERNAME',
  'INVALID_TIMES',
] as const;
export type DecodeErrorCode = (typeof DECODE_ERROR_CODES)[number];

export const DECISION_ERROR_CODES = ['INVALID_UUID', ...DECODE_ERROR_CODES, 'BAD_SIGNATURE', 'EXPIRED', 'NOT_YET_VALID', 'USER_MISMATCH'] as const;
/** Every code a CS decision on a Password value can end with, other than `OK`. */
export type DecisionErrorCode = (typeof DECISION_ERROR_CODES)[number];
export type DecisionCode = 'OK' | DecisionErrorCode;

export const MINT_ERROR_CODES = ['INVALID_UUID', 'INVALID_PREAMBLE', 'INVALID_USERNAME', 'INVALID_TIMES'] as const;
export type MintErrorCode = (typeof MINT_ERROR_CODES)[number];

export type TokenCode = DecisionCode | MintErrorCode;

export function isDecisionCode(value: unknown): value is DecisionCode {
  return value === 'OK' || (DECISION_ERROR_CODES as readonly unknown[]).includes(value);
}
