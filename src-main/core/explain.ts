/**
 * Every decision code in words a field engineer can act on: `message` says what happened (with the
 * instants and amounts), `hint` names the option or the clock to check, `source` says whose word it
 * is (core/sources.ts). Published behaviour names its Genesys document; the token's bytes, the exact
 * codes and how GAX gets its key are the tool's model, and the words say so. No secret is quoted.
 */
import type { DecisionCode, TokenCode } from './codes.js';
import { findPasteMistake, type PasteMistake } from './paste-mistakes.js';
import type { DecodedToken } from './pxz1.js';
import { genesysSource, modelSource, type Source } from './source-kinds.js';
import { humanDuration, isoSeconds } from './time-format.js';
import type { TokenTimeOptions, ValidityWindow } from './window.js';

export interface Explanation {
  message: string;
  hint: string;
  /** whose word the explanation is: a Genesys document, the tool's model or its advice */
  source: Source;
  /** the paste mistake the words name instead of the code's symptom, when one was recognised */
  pasteMistake?: PasteMistake;
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
  /** the Password value as sent, when known: lets a badly copied token be named for what it is */
  value?: string | undefined;
}

/** One line per code for legends, `--help` texts and realistic-mode logs. */
export const CODE_SUMMARY: Record<TokenCode, string> = {
  OK: 'accepted',
  INVALID_UUID: 'the token-uuid is not a UUID',
  INVALID_PREAMBLE: 'the preamble is not 1–16 printable ASCII characters (a PXZ-1 rule, not a published one)',
  INVALID_USERNAME: 'the username cannot be put in a token',
  NOT_A_TOKEN: 'the value does not start with the preamble: the CS treats it as a plain password',
  MALFORMED_ENCODING: "not in the tool's reference format (PXZ-1): not canonical base64url",
  TRUNCATED: "not in the tool's reference format (PXZ-1): too short to hold a PXZ-1 body",
  UNSUPPORTED_VERSION: "not in the tool's reference format (PXZ-1): unknown version byte",
  MALFORMED_USERNAME: "not in the tool's reference format (PXZ-1): the username inside is not valid text",
  INVALID_TIMES: "not in the tool's reference format (PXZ-1): it expires before it was issued",
  BAD_SIGNATURE: 'the signature does not match the token-uuid',
  EXPIRED: 'the token has expired, tolerance included',
  NOT_YET_VALID: 'the token is not valid yet at the CS clock',
  USER_MISMATCH: 'the token was minted for another user',
};

// Genesys does not publish the token's bytes: a value the tool cannot decode is outside PXZ-1, and
// nothing more can be said about what GAX would or would not produce.
const ALTERED =
  "If it was minted in PXZ-1 (by this tool or its mock CS), it was changed or cut on its way: copy the whole Password value again (no spaces, nothing added or removed). A real GAX token cannot be decoded here: Genesys does not publish the token's format.";
const PXZ1 = modelSource('PXZ-1');

/**
 * Whose word each decision code's explanation is. The outcome "expired tokens are rejected" is
 * published; the window's arithmetic is published for the CS Proxy; the token's bytes, the exact
 * codes and the key GAX signs with are the tool's model.
 */
export const DECISION_SOURCE: Readonly<Record<DecisionCode, Source>> = {
  OK: genesysSource('CSP-SYSTEM'),
  INVALID_UUID: PXZ1,
  NOT_A_TOKEN: genesysSource('GAX-SECURE'),
  MALFORMED_ENCODING: PXZ1,
  TRUNCATED: PXZ1,
  UNSUPPORTED_VERSION: PXZ1,
  MALFORMED_USERNAME: PXZ1,
  INVALID_TIMES: PXZ1,
  BAD_SIGNATURE: modelSource('GAX-SIDE'),
  EXPIRED: genesysSource('GAX-SECURE'),
  NOT_YET_VALID: genesysSource('CSP-SYSTEM'),
  USER_MISMATCH: modelSource('CSMOCK-1'),
};
const notPxz1 = (what: string, reason: string) => `not in the tool's reference format (PXZ-1): ${what}: ${reason}`;

// The codes whose usual words blame the token or the key, where a bad copy is the likelier cause.
const PASTE_SYMPTOMS: ReadonlySet<DecisionCode> = new Set<DecisionCode>(['NOT_A_TOKEN', 'MALFORMED_ENCODING', 'TRUNCATED', 'BAD_SIGNATURE']);

/**
 * The paste mistake behind a refusal, or null. White space around a plain password is not a token's
 * mistake: only a value that is a token once its white space is gone is named so.
 */
export function pasteMistakeBehind(code: DecisionCode, value: string | undefined, preamble: string, userName?: string): PasteMistake | null {
  if (value === undefined || !PASTE_SYMPTOMS.has(code)) return null;
  const m = findPasteMistake(value, preamble, userName === '' ? undefined : userName);
  if (!m) return null;
  if (m.kind === 'whitespace' || m.kind === 'line-break') {
    const joined = value.replace(/\s+/g, '');
    if (joined.slice(0, preamble.length).toLowerCase() !== preamble.toLowerCase()) return null;
  }
  return m;
}

/** The code stays the spec's; the words name the cause (the mistake) and then the symptom (the code). */
function explainPasteMistake(code: DecisionCode, m: PasteMistake): Explanation {
  const what = m.message.replace(/\.$/, '');
  return {
    message: `${what.charAt(0).toLowerCase()}${what.slice(1)} (reported as ${code})`,
    // A cut is as often a Password field too short as a bad copy: say where the published limit is.
    hint:
      m.kind === 'truncated'
        ? `${m.hint} A Password field that holds fewer characters cuts it the same way (Genesys: the token must fit the Password field of the GAX interface, approximately 64 bytes, preamble included).`
        : m.hint,
    source: m.source,
    pasteMistake: m,
  };
}

export function explainDecision(f: ExplainFacts): Explanation {
  const mistake = pasteMistakeBehind(f.code, f.value, f.preamble, f.userName);
  if (mistake) return explainPasteMistake(f.code, mistake);
  return explainCode(f);
}

function explainCode(f: ExplainFacts): Explanation {
  switch (f.code) {
    case 'OK':
      return explainOk(f);
    case 'INVALID_UUID':
      return {
        message: `the token-uuid is not a UUID the tool's reference format (PXZ-1) can read: ${f.reason}`,
        hint: 'Copy CS [system] token-uuid exactly. PXZ-1 reads 8-4-4-4-12 hex digits, optionally in {braces} or after urn:uuid:; Genesys says only "a UUID".',
        source: PXZ1,
      };
    case 'NOT_A_TOKEN':
      return {
        message: `the value does not start with the preamble ${f.preamble}, so the CS treats it as a plain password`,
        hint: `The CS looks for the preamble at the start of the Password field (Genesys). If GAX was meant to send a token: set GAX [general] confserv_trusted=true, and check CS [system] token-preambula (default {PXZ}) on the CS GAX is configured against.`,
        source: genesysSource('GAX-SECURE'),
      };
    case 'MALFORMED_ENCODING':
      return { message: notPxz1('not canonical base64url', f.reason), hint: ALTERED, source: PXZ1 };
    case 'TRUNCATED':
      return {
        message: notPxz1('cut short', f.reason),
        hint: 'A Password field or a copy kept only part of it. Genesys says the token must fit the Password field of the GAX interface (approximately 64 bytes, preamble included): check its length and copy it whole.',
        source: PXZ1,
      };
    case 'UNSUPPORTED_VERSION':
      return { message: notPxz1('unknown version', f.reason), hint: ALTERED, source: PXZ1 };
    case 'MALFORMED_USERNAME':
      return { message: notPxz1('the username inside is not valid', f.reason), hint: ALTERED, source: PXZ1 };
    case 'INVALID_TIMES':
      return {
        message: notPxz1('its times are inconsistent', f.reason),
        hint: 'In PXZ-1 the expiry is the issue time + token_life_in_minutes; check that GAX [general] token_life_in_minutes is a positive number, or that the token was not altered.',
        source: PXZ1,
      };
    case 'BAD_SIGNATURE':
      return {
        message: 'the signature does not match: the token was minted with a different token-uuid, or altered',
        hint: "In the tool's model GAX signs with the token-uuid of the CS it is configured against (the primary master CS's [system] token-uuid, or the value that CS generated when it is unset): this CS's token-uuid must be that same value — check a backup CS or CS Proxy GAX may reach after a switchover. Compare the two by their last 4 characters, never pasted anywhere public: in the app, Connect's trace shows the token-uuid it signed with (token step, masked) and the Server view shows the mock CS's own (Show); for real hosts, read CS [system] token-uuid on each CS.",
        source: modelSource('GAX-SIDE'),
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
  if (!d || !w) return { message: 'accepted', hint: '', source: PXZ1 };
  const who = f.userName !== undefined ? ` for "${d.username}"` : ` (token user "${d.username}")`;
  return {
    message: `accepted${who}: the CS clock ${isoSeconds(f.now)} is inside ${isoSeconds(w.validFrom)} – ${isoSeconds(w.validUntil)}`,
    hint: `It stays acceptable for ${humanDuration(w.validUntil - f.now)} more (expiry ${isoSeconds(d.exp)} + token-tolerance ${w.toleranceSeconds} s; the window is as documented for Configuration Server Proxy). The CS still checks that the user exists and is enabled.`,
    source: genesysSource('CSP-SYSTEM'),
  };
}

function explainExpired(f: ExplainFacts): Explanation {
  const d = f.decoded!;
  const w = f.window!;
  const late = f.now - d.exp;
  const life = d.exp - d.iat;
  const ahead = f.now - d.iat;
  return {
    message: `token expired at ${isoSeconds(d.exp)}, ${humanDuration(late)} before the server's clock (${isoSeconds(f.now)}), and an expired token is rejected (Genesys); token-tolerance ${w.toleranceSeconds} s (documented for Configuration Server Proxy) kept it acceptable until ${isoSeconds(w.validUntil)}`,
    hint:
      `GAX mints a fresh token for every login, valid ${humanDuration(life)} (token_life_in_minutes). ` +
      `If this token was minted just now, the CS clock is about ${humanDuration(ahead)} ahead of GAX's, more than the token's life plus token-tolerance: synchronise both hosts (NTP). ` +
      `Otherwise the token is old: a stored or replayed token is refused once it expires.`,
    source: genesysSource('GAX-SECURE'),
  };
}

function explainNotYetValid(f: ExplainFacts): Explanation {
  const d = f.decoded!;
  const w = f.window!;
  const life = d.exp - d.iat;
  const ttlSeconds = w.ttlMinutes * 60;
  const early = w.validFrom - f.now;
  const base = `the token is not valid until ${isoSeconds(w.validFrom)}, ${humanDuration(early)} after the server's clock (${isoSeconds(f.now)})`;
  // The window's start comes from token-ttl and token-tolerance: published for the CS Proxy only.
  const source = genesysSource('CSP-SYSTEM');
  // A fresh token (the CS clock is at or after its issue time, within tolerance) that is still
  // refused means the window is shorter than the token's life: a configuration error, not a clock.
  if (ttlSeconds < life && f.now >= d.iat - w.toleranceSeconds) {
    const lifeMin = Math.round(life / 60);
    const gap = humanDuration(life - ttlSeconds);
    if (w.ttlSource === 'token-ttl')
      return {
        message: `${base}: token-ttl (${w.ttlMinutes} min) is shorter than the token's life (${lifeMin} min), so the CS accepts it only in the last ${w.ttlMinutes} min before its expiry — fresh tokens are refused for the first ${gap}`,
        hint: `Raise CS [system] token-ttl to at least ${lifeMin} (GAX token_life_in_minutes), or set it to 0 so the CS uses token_life_in_minutes; or lower GAX [general] token_life_in_minutes to ${w.ttlMinutes}. (token-ttl is documented for Configuration Server Proxy.)`,
        source,
      };
    if (w.ttlSource === 'token_life_in_minutes')
      return {
        message: `${base}: the CS reads token_life_in_minutes = ${w.ttlMinutes} but this token was minted for ${lifeMin} min — GAX and the CS disagree, so fresh tokens are refused for the first ${gap}`,
        hint: `Make GAX [general] token_life_in_minutes the same value the CS reads (${lifeMin} or ${w.ttlMinutes}), or set CS [system] token-ttl to at least ${lifeMin} (documented for Configuration Server Proxy).`,
        source,
      };
    return {
      message: `${base}: the token lives ${lifeMin} min, longer than the CS's default window of ${w.ttlMinutes} min, so fresh tokens are refused for the first ${gap}`,
      hint: `Lower GAX [general] token_life_in_minutes to at most ${w.ttlMinutes}, or set CS [system] token-ttl to at least ${lifeMin} (documented for Configuration Server Proxy).`,
      source,
    };
  }
  const behind = d.iat - f.now;
  return {
    message: `${base}: it was issued at ${isoSeconds(d.iat)}, ${humanDuration(behind)} ahead of the CS clock — the CS clock is behind GAX's by more than token-tolerance (${w.toleranceSeconds} s)`,
    hint: 'Synchronise the CS and GAX hosts with NTP and check their time zones are set correctly (PXZ-1 tokens carry UTC seconds). [system] token-tolerance (documented for Configuration Server Proxy) widens the window, but it is no fix for a wrong clock.',
    source,
  };
}

function explainUserMismatch(f: ExplainFacts): Explanation {
  const d = f.decoded!;
  const req = f.userName ?? '';
  const caseOnly = req.toLowerCase() === d.username.toLowerCase();
  return {
    message: `the token is for "${d.username}" but the login asks for "${req}"`,
    hint: caseOnly
      ? "The names differ only in upper/lower case: the mock CS compares them byte for byte (Genesys does not publish whether a real CS ignores case). Log in with the exact spelling of the Person's UserName."
      : 'GAX must log in as the user the token was minted for; the mock CS compares the names byte for byte.',
    source: modelSource('CSMOCK-1'),
  };
}
