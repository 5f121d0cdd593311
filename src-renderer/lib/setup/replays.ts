/**
 * The classic failures the Try-it step replays, each once, so the person sees the error as the CS
 * gives it: a CS clock beyond token-tolerance, a token-uuid that is not the CS's, a token that has
 * already expired, a user the CS does not have. Each plan says what it changes and which code it
 * provokes; the amounts come from the token core's validity window, so each replay provokes exactly
 * the failure it names, whatever the options.
 */
import { humanDuration, validityWindow, GENESYS_MAX_INT } from '../../../src-main/core/browser.js';
import type { WizardSettings } from './wizard.svelte.js';

export const REPLAY_IDS = ['clock-skew', 'wrong-uuid', 'expired', 'unknown-user'] as const;
export type ReplayId = (typeof REPLAY_IDS)[number];

export const REPLAY_TITLES: Record<ReplayId, string> = {
  'clock-skew': 'Clock skew',
  'wrong-uuid': 'Wrong token-uuid',
  expired: 'Expired token',
  'unknown-user': 'Unknown user',
};

/** How far past the edge of the window a replay goes: well clear of a second's rounding. */
export const REPLAY_MARGIN_SECONDS = 60;
/** The mock CS refuses a clock offset of more than ten years (a typo, not a lesson). */
const MAX_MOCK_CLOCK_OFFSET = 10 * 366 * 86400;
/** GAX's clock offset travels as a signed 32-bit number of seconds. */

export type ReplayPlan =
  | {
      id: ReplayId;
      available: true;
      /** what the replay changes, in words */
      setup: string;
      /** the code the CS answers, when token authentication is on */
      expectCode: string;
      /** set on the mock CS for this one login, then restored */
      serverClockOffsetSeconds?: number;
      /** GAX's clock for this one login */
      gaxClockOffsetSeconds?: number;
      /** sign with a token-uuid other than the CS's */
      foreignUuid?: boolean;
      userName?: string;
    }
  | { id: ReplayId; available: false; reason: string };

function windowOf(s: WizardSettings) {
  // Relative to the issue instant: GAX mints at 0, the token expires at life × 60.
  return validityWindow(s.lifeMinutes * 60, {
    tokenToleranceSeconds: s.toleranceSeconds,
    tokenTtlMinutes: s.ttlMinutes,
    gaxTokenLifeMinutes: s.lifeMinutes,
  });
}

/** A user name the mock CS does not have: `no-such-user`, or with a number when that one exists. */
export function unknownUserName(existing: readonly string[]): string {
  const taken = new Set(existing);
  let name = 'no-such-user';
  for (let n = 2; taken.has(name); n++) name = `no-such-user-${n}`;
  return name;
}

export function replayPlan(id: ReplayId, s: WizardSettings, existingUsers: readonly string[]): ReplayPlan {
  const w = windowOf(s);
  const tol = w.toleranceSeconds;
  switch (id) {
    case 'clock-skew': {
      // CS behind GAX: a fresh token is not valid yet once the CS clock is before the window opens.
      const behind = Math.min(-tol, w.validFrom) - REPLAY_MARGIN_SECONDS;
      // CS ahead: a fresh token has expired once the CS clock is past the window's end.
      const ahead = w.validUntil + REPLAY_MARGIN_SECONDS;
      const offset = Math.abs(behind) <= ahead ? behind : ahead;
      if (Math.abs(offset) > MAX_MOCK_CLOCK_OFFSET)
        return { id, available: false, reason: `the window is so wide that only a clock more than ten years off would fall outside it` };
      const side = offset < 0 ? 'behind' : 'ahead of';
      return {
        id,
        available: true,
        setup: `The mock CS clock is set ${humanDuration(offset)} ${side} GAX’s — beyond token-tolerance (${tol} s) — for one login.`,
        expectCode: offset < 0 ? 'NOT_YET_VALID' : 'EXPIRED',
        serverClockOffsetSeconds: offset,
      };
    }
    case 'wrong-uuid':
      return {
        id,
        available: true,
        setup: 'GAX signs the token with a freshly made token-uuid instead of the CS’s.',
        expectCode: 'BAD_SIGNATURE',
        foreignUuid: true,
      };
    case 'expired': {
      const back = w.validUntil + REPLAY_MARGIN_SECONDS;
      if (back > GENESYS_MAX_INT)
        return { id, available: false, reason: 'the token life is so long that no GAX clock offset can make a fresh token expire' };
      return {
        id,
        available: true,
        setup: `GAX’s clock is set ${humanDuration(back)} back, so the token it mints expired ${humanDuration(back - s.lifeMinutes * 60)} ago — more than token-tolerance (${tol} s).`,
        expectCode: 'EXPIRED',
        gaxClockOffsetSeconds: -back,
      };
    }
    case 'unknown-user': {
      const userName = unknownUserName(existingUsers);
      return {
        id,
        available: true,
        setup: `GAX logs in as "${userName}", a user the mock CS does not have; the token itself is good.`,
        expectCode: 'UNKNOWN_USER',
        userName,
      };
    }
  }
}
