/**
 * Will the token fit GAX's Password field? Genesys: "approximately 64 bytes, including the preamble
 * tag". Length in characters (= bytes, the token is ASCII) is len(P) + ceil((25 + len(N)) × 4 / 3).
 */
import { HEADER_BYTES, MAX_USERNAME_BYTES, TAG_BYTES } from './constants.js';
import { utf8ByteLength } from './inputs.js';

export const DEFAULT_PASSWORD_FIELD_LIMIT = 64;

export function tokenLength(preambleChars: number, usernameBytes: number): number {
  return preambleChars + Math.ceil(((HEADER_BYTES + TAG_BYTES + usernameBytes) * 4) / 3);
}

/** The longest username, in UTF-8 bytes, whose token fits `limit`; 0 when not even one byte fits. */
export function longestUsernameBytes(preamble: string, limit: number = DEFAULT_PASSWORD_FIELD_LIMIT): number {
  const room = limit - preamble.length;
  const n = Math.floor((room * 3) / 4) - HEADER_BYTES - TAG_BYTES;
  return Math.max(0, Math.min(MAX_USERNAME_BYTES, n));
}

export interface PasswordFieldFit {
  length: number;
  limit: number;
  fits: boolean;
  /** characters over the limit, 0 when it fits */
  over: number;
  usernameBytes: number;
  longestUsernameBytes: number;
}

export function passwordFieldFit(preamble: string, username: string, limit: number = DEFAULT_PASSWORD_FIELD_LIMIT): PasswordFieldFit {
  const usernameBytes = utf8ByteLength(username);
  const length = tokenLength(preamble.length, usernameBytes);
  return {
    length,
    limit,
    fits: length <= limit,
    over: Math.max(0, length - limit),
    usernameBytes,
    longestUsernameBytes: longestUsernameBytes(preamble, limit),
  };
}
