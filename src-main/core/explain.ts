/**
 * Every decision code in words a field engineer can act on: `message` says what happened (with the
 * instants and amounts), `hint` names the option or the clock to check. No secret is ever quoted.
 */
import type { DecisionCode, TokenCode } from './codes.js';
import type { DecodedToken } from './pxz1.js';
import { humanDuration, isoSeconds } from './time-format.js';
import type { TokenTimeOptions, ValidityWindow } from './window.js';

export interface Explanation {
  message: string;
  hint: string;
}

export interface ExplainFacts {
  code: DecisionCode;
  /** the short technical reason from the check that failed */
  reason: string;
  now: number;
  preamble: string;
  decoded?: DecodedToken | undefined;
  window?: ValidityWindow | undefined;
  userName?: string | undefined;
  options: TokenTimeOptions;
}

/** One line per code for legends, `--help` texts and realistic-mode logs. */
export const CODE_SUMMARY: Record<TokenCode, string> = {
  OK: 'accepted',
  INVALID_UUID: 'the token-uuid is not a UUID',
  INVALID_PREAMBLE: 'the preamble is not 1–16 printable ASCII characters',
  INVALID_USERNAME: 'the username cannot be put in a token',
  NOT_A_TOKEN: 'the value does not start with the preamble: the CS treats it as a plain password',
  MALFORMED_ENCODING: 'the token is not canonical base64url',
  TRUNCATED: 'the token is too short to hold a PXZ-1 body',
  UNSUPPORTED_VERSION: 'the token is not PXZ-1 (version byte)',
  MALFORMED_USERNAME: 'the username inside the token is not valid text',
  INVALID_TIMES: 'the token expires before it was issued',
  BAD_SIGNATURE: 'the signature does not match the token-uuid',
  EXPIRED: 'the token has expired, tolerance included',
  NOT_YET_VALID: 'the token is not valid yet at the CS clock',
  USER_MISMATCH: 'the token was minted for another user',
};

const ALTERED =
  'The token was changed or cut on its way: copy the whole Password value again (no spaces, nothing added or removed). A token minted by GAX 8.5.25+ never looks like this.';

export function explainDecision(f: ExplainFacts): Explanation {
  switch (f.code) {
    case 'OK':
      return explainOk(f);
    case 'INVALID_UUID':
      return {
        message: `the token-uuid is not a UUID: ${f.reason}`,
        hint: 'Copy CS [system] token-uuid exactly: 8-4-4-4-12 hex digits, optionally in {braces} or after urn:uuid:.',
      };
    case 'NOT_A_TOKEN':
      return {
        message: `the value does not start with the preamble ${f.preamble}, so the CS treats it as a plain password`,
        hint: `If GAX was meant to send a token: set GAX [general] confserv_trusted=true, and make the preamble GAX uses match CS [system] token-preambula (default {PXZ}).`,
      };
    case 'MALFORMED_ENCODING':
      return { message: `the token is not canonical base64url: ${f.reason}`, hint: ALTERED };
    case 'TRUNCATED':
      return {
        message: `the token is cut short: ${f.reason}`,
        hint: 'A Password field or a copy kept only part of it. Check the token length against the Password field (64 bytes with the default preamble) and copy it whole.',
      };
    case 'UNSUPPORTED_VERSION':
      return { message: `the token is not PXZ-1: ${f.reason}`, hint: ALTERED };
    case 'MALFORMED_USERNAME':
      return { message: `the token's username is not valid: ${f.reason}`, hint: ALTERED };
    case 'INVALID_TIMES':
      return {
        message: `the token is inconsistent: ${f.reason}`,
        hint: 'GAX sets the expiry to issue time + token_life_in_minutes; check that GAX [general] token_life_in_minutes is a positive number, or that the token was not altered.',
      };
    case 'BAD_SIGNATURE':
      return {
        message: 'the signature does not match: the token was minted with a different token-uuid, or altered',
        hint: 'CS [system] token-uuid and the token-uuid GAX signs with must be the same value. If token-uuid is unset on the CS, the primary master CS generated one for its Configuration Database and GAX must use that one. Compare the two (masked) without pasting them anywhere public.',
      };
    case 'EXPIRED':
      return explainExpired(f);
    case 'NOT_YET_VALID':
      return explainNotYetValid(f);
    case 'USER_MISMATCH':
      return explainUserMismatch(f);
  }
}

function explainOk(f: ExplainFacts): Explanation {
  const d = f.decoded;
  const w = f.window;
  if (!d || !w) return { message: 'accepted', hint: '' };
  const who = f.userName !== undefined ? ` for "${d.username}"` : ` (token user "${d.username}")`;
  return {
    message: `accepted${who}: the CS clock ${isoSeconds(f.now)} is inside ${isoSeconds(w.validFrom)} – ${isoSeconds(w.validUntil)}`,
    hint: `It stays acceptable for ${humanDuration(w.validUntil - f.now)} more (expiry ${isoSeconds(d.exp)} + token-tolerance ${w.toleranceSeconds} s). The CS still checks that the user exists and is enabled.`,
  };
}

function explainExpired(f: ExplainFacts): Explanation {
  const d = f.decoded!;
  const w = f.window!;
  const late = f.now - d.exp;
  const life = d.exp - d.iat;
  const ahead = f.now - d.iat;
  return {
    message: `token expired at ${isoSeconds(d.exp)}, ${humanDuration(late)} before the server's clock (${isoSeconds(f.now)}); token-tolerance ${w.toleranceSeconds} s kept it acceptable until ${isoSeconds(w.validUntil)}`,
    hint:
      `GAX mints a fresh token for every login, valid ${humanDuration(life)} (token_life_in_minutes). ` +
      `If this token was minted just now, the CS clock is about ${humanDuration(ahead)} ahead of GAX's, more than the token's life plus token-tolerance: synchronise both hosts (NTP). ` +
      `Otherwise the token is old: a stored or replayed token is refused once it expires.`,
  };
}

function explainNotYetValid(f: ExplainFacts): Explanation {
  const d = f.decoded!;
  const w = f.window!;
  const life = d.exp - d.iat;
  const ttlSeconds = w.ttlMinutes * 60;
  const early = w.validFrom - f.now;
  const base = `the token is not valid until ${isoSeconds(w.validFrom)}, ${humanDuration(early)} after the server's clock (${isoSeconds(f.now)})`;
  // A fresh token (the CS clock is at or after its issue time, within tolerance) that is still
  // refused means the window is shorter than the token's life: a configuration error, not a clock.
  if (ttlSeconds < life && f.now >= d.iat - w.toleranceSeconds) {
    const lifeMin = Math.round(life / 60);
    const gap = humanDuration(life - ttlSeconds);
    if (w.ttlSource === 'token-ttl')
      return {
        message: `${base}: token-ttl (${w.ttlMinutes} min) is shorter than the token's life (${lifeMin} min), so the CS accepts it only in the last ${w.ttlMinutes} min before its expiry — fresh tokens are refused for the first ${gap}`,
        hint: `Raise CS [system] token-ttl to at least ${lifeMin} (GAX token_life_in_minutes), or set it to 0 so the CS uses token_life_in_minutes; or lower GAX [general] token_life_in_minutes to ${w.ttlMinutes}.`,
      };
    if (w.ttlSource === 'token_life_in_minutes')
      return {
        message: `${base}: the CS reads token_life_in_minutes = ${w.ttlMinutes} but this token was minted for ${lifeMin} min — GAX and the CS disagree, so fresh tokens are refused for the first ${gap}`,
        hint: `Make GAX [general] token_life_in_minutes the same value the CS reads (${lifeMin} or ${w.ttlMinutes}), or set CS [system] token-ttl to at least ${lifeMin}.`,
      };
    return {
      message: `${base}: the token lives ${lifeMin} min, longer than the CS's default window of ${w.ttlMinutes} min, so fresh tokens are refused for the first ${gap}`,
      hint: `Lower GAX [general] token_life_in_minutes to at most ${w.ttlMinutes}, or set CS [system] token-ttl to at least ${lifeMin}.`,
    };
  }
  const behind = d.iat - f.now;
  return {
    message: `${base}: it was issued at ${isoSeconds(d.iat)}, ${humanDuration(behind)} ahead of the CS clock — the CS clock is behind GAX's by more than token-tolerance (${w.toleranceSeconds} s)`,
    hint: 'Synchronise the CS and GAX hosts with NTP and check their time zones are set correctly (the token carries UTC seconds). CS [system] token-tolerance widens the window, but it is no fix for a wrong clock.',
  };
}

function explainUserMismatch(f: ExplainFacts): Explanation {
  const d = f.decoded!;
  const req = f.userName ?? '';
  const caseOnly = req.toLowerCase() === d.username.toLowerCase();
  return {
    message: `the token is for "${d.username}" but the login asks for "${req}"`,
    hint: caseOnly
      ? 'The names differ only in upper/lower case: the CS compares them byte for byte. Log in with the exact spelling of the Person\'s UserName.'
      : 'GAX must log in as the user the token was minted for; the CS compares the names byte for byte.',
  };
}
