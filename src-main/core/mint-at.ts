/**
 * Minting as GAX does, the one step every door shares (the CLI's mint, the token.mint request, the
 * login client, the lab check): GAX's clock is ours plus its offset, iat is that clock in whole
 * seconds, exp = iat + token_life_in_minutes × 60. The range check is here once, in words.
 */
import { UINT32_MAX } from './constants.js';
import { mintToken, type MintResult, type MintedToken } from './pxz1.js';
import { isoSeconds } from './time-format.js';

export interface GaxMintSettings {
  tokenUuid: string;
  username: string;
  preamble?: string;
  /** GAX [general] token_life_in_minutes */
  lifeMinutes: number;
  /** how far GAX's host clock is ahead of ours (negative: behind), whole seconds; default 0 */
  gaxClockOffsetSeconds?: number;
}

/** Mints at `nowSeconds` by our clock (fractions allowed: GAX's clock is read to the whole second). */
export function mintAt(settings: GaxMintSettings, nowSeconds: number): MintResult {
  const iat = Math.floor(nowSeconds + (settings.gaxClockOffsetSeconds ?? 0));
  const exp = iat + settings.lifeMinutes * 60;
  if (!Number.isFinite(iat) || iat < 0)
    return { ok: false, code: 'INVALID_TIMES', reason: `the issue time ${iat} is before 1970-01-01T00:00:00Z, which a PXZ-1 token cannot hold` };
  if (!Number.isFinite(exp) || exp > UINT32_MAX)
    return { ok: false, code: 'INVALID_TIMES', reason: `the token would expire after ${isoSeconds(UINT32_MAX)}, past what a PXZ-1 token can hold` };
  return mintToken({
    tokenUuid: settings.tokenUuid,
    username: settings.username,
    iat,
    exp,
    ...(settings.preamble !== undefined ? { preamble: settings.preamble } : {}),
  });
}

/** A minted token as every door shows it (the CLI's `--json`, the token.mint answer): no raw bytes. */
export interface MintedView {
  token: string;
  username: string;
  preamble: string;
  iat: number;
  exp: number;
  length: number;
}

export function mintedView(t: MintedToken): MintedView {
  return { token: t.token, username: t.username, preamble: t.preamble, iat: t.iat, exp: t.exp, length: t.length };
}
