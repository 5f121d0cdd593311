/**
 * The token GAX would put in the Password field: minted by the core at GAX's clock
 * (our clock + the simulated GAX offset), exp = iat + token_life_in_minutes × 60. Only its
 * redacted form ever leaves this module's callers.
 */
import {
  decodeToken,
  humanDuration,
  isoSeconds,
  maskTokenUuid,
  mintAt,
  parseTokenUuid,
  pasteMistakeBehind,
  passwordFieldFit,
  redactToken,
  type DecodedToken,
  type PasswordFieldFit,
} from '../core/index.js';
import { LoginFailure } from './failure.js';
import type { TokenSummary } from './types.js';

export interface GaxTokenSettings {
  tokenUuid: string;
  preamble: string;
  lifeMinutes: number;
  gaxClockOffsetSeconds: number;
}

export interface GaxToken {
  /** the whole token: for the RegisterClient request only */
  value: string;
  decoded: DecodedToken;
  summary: TokenSummary;
  fit: PasswordFieldFit;
}

export function mintAsGax(settings: GaxTokenSettings, userName: string, ourNowMs: number): GaxToken {
  const minted = mintAt({ ...settings, username: userName }, ourNowMs / 1000);
  if (!minted.ok)
    throw new LoginFailure(
      'invalid-input',
      `invalid input: the token cannot be minted (${minted.code}): ${minted.reason}`,
      'Check the GAX settings: token-uuid, preamble, UserName, token_life_in_minutes and the GAX clock.',
      { stepDetail: `${minted.code}: ${minted.reason}` },
    );
  const decoded = decodeToken(minted.value.token, settings.preamble);
  if (!decoded.ok) throw new Error(`a freshly minted token does not decode (${decoded.code})`);
  const fit = passwordFieldFit(settings.preamble, userName);
  return {
    value: minted.value.token,
    decoded: decoded.value,
    fit,
    summary: {
      redacted: redactToken(minted.value.token, settings.preamble),
      length: minted.value.length,
      iat: minted.value.iat,
      exp: minted.value.exp,
      fitsPasswordField: fit.fits,
    },
  };
}

/**
 * A token given to the run instead of a fresh one (a capture replayed, or one minted for another
 * user): read, not minted, so the trace and the rejection explanations still know its user and times.
 */
export function presetAsGax(value: string, preamble: string): GaxToken {
  const decoded = decodeToken(value, preamble);
  if (!decoded.ok) {
    // A pasted token is named for its copy mistake (a space, a cut), not for the decoder's symptom.
    const mistake = pasteMistakeBehind(decoded.code, value, preamble);
    throw new LoginFailure(
      'invalid-input',
      `invalid input: the given token cannot be read (${decoded.code}): ${mistake ? mistake.message : decoded.reason}`,
      mistake ? `${mistake.hint} Or leave it out to mint one.` : 'Give a whole PXZ-1 token with this preamble, or leave it out to mint one.',
      { stepDetail: `${decoded.code}: ${mistake ? `paste mistake (${mistake.kind})` : decoded.reason}` },
    );
  }
  const d = decoded.value;
  const fit = passwordFieldFit(preamble, d.username);
  return {
    value,
    decoded: d,
    fit,
    summary: { redacted: redactToken(value, preamble), length: value.length, iat: d.iat, exp: d.exp, fitsPasswordField: fit.fits },
  };
}

/** the token step's line in the trace */
export function describeToken(
  t: GaxToken,
  userName: string,
  settings: GaxTokenSettings,
  serverOffsetMs: number | undefined,
  ourNowMs: number,
  preset = false,
): string {
  const s = t.summary;
  const parts = [
    `${preset ? 'replayed a given token (not minted by this login): ' : ''}${s.redacted} for "${t.decoded.username}"${t.decoded.username === userName ? '' : ` (logging in as "${userName}")`}, issued ${isoSeconds(s.iat)}, expires ${isoSeconds(s.exp)} (${humanDuration(s.exp - s.iat)})`,
    // Genesys publishes only "approximately 64 bytes" for the Password field of the GAX interface (GAX-SECURE).
    s.fitsPasswordField
      ? `${s.length} characters: fits the Password field of the GAX interface (Genesys: approximately ${t.fit.limit} bytes, GAX-SECURE)`
      : `${t.fit.over} characters over the Password field of the GAX interface (Genesys: approximately ${t.fit.limit} bytes, GAX-SECURE; a username of at most ${t.fit.longestUsernameBytes} bytes fits)`,
  ];
  // Masked as everywhere on screen: enough to compare with the CS's token-uuid (Server view → Show), never the secret.
  if (!preset) parts.push(`signed with token-uuid ${maskedUuid(settings.tokenUuid)}`);
  if (settings.gaxClockOffsetSeconds)
    parts.push(`GAX clock set ${humanDuration(settings.gaxClockOffsetSeconds)} ${settings.gaxClockOffsetSeconds > 0 ? 'ahead' : 'behind'}`);
  if (serverOffsetMs !== undefined) {
    const skew = Math.floor((ourNowMs + serverOffsetMs) / 1000) - s.iat;
    if (Math.abs(skew) >= 1) parts.push(`the server's clock reads ${humanDuration(skew)} ${skew > 0 ? 'after' : 'before'} the issue time`);
  }
  return parts.join('; ');
}

function maskedUuid(tokenUuid: string): string {
  const parsed = parseTokenUuid(tokenUuid);
  return parsed.ok ? maskTokenUuid(parsed.canonical) : '(not a UUID)';
}
