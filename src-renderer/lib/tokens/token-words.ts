/** How the Tokens view puts tokens, offsets and parts into words. Pure: no state, no clock. */
import { humanDuration } from '../../../src-main/core/browser.js';

/**
 * A token as it may appear outside the token's own field (the shelf, announcements): its preamble,
 * the first 6 characters after it, `…` and its length — never the whole value.
 */
export function tokenPreview(token: string, preamble: string): string {
  const start = token.startsWith(preamble) ? preamble.length : 0;
  return `${token.slice(0, start)}${token.slice(start, start + 6)}… (${token.length} chars)`;
}

/** "GAX's clock is 5 min ahead of the CS's" for a GAX clock offset in seconds. */
export function clockOffsetWords(offsetSeconds: number): string {
  if (offsetSeconds === 0) return "GAX's clock agrees with the CS's";
  const amount = humanDuration(offsetSeconds);
  return offsetSeconds > 0 ? `GAX's clock is ${amount} ahead of the CS's` : `GAX's clock is ${amount} behind the CS's`;
}

/** A whole number typed by a person, or why it is not one. Accepts a leading + or − (and the Unicode minus). */
export function parseWholeNumber(
  raw: string,
  range: { min: number; max: number },
  what: string,
): { ok: true; value: number } | { ok: false; reason: string } {
  const s = raw.trim().replace(/^\u2212/, '-');
  if (s === '') return { ok: false, reason: `enter ${what}` };
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, reason: `${what} must be a whole number` };
  const value = Number(s);
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max)
    return { ok: false, reason: `${what} must be from ${range.min} to ${range.max}` };
  return { ok: true, value };
}

/** An optional option value: '' means unset (null), otherwise a whole number in range. */
export function parseOptionalWholeNumber(
  raw: string,
  range: { min: number; max: number },
  what: string,
): { ok: true; value: number | null } | { ok: false; reason: string } {
  if (raw.trim() === '') return { ok: true, value: null };
  return parseWholeNumber(raw, range, what);
}
