/**
 * Paste mistakes: a token that was copied badly fails the decoder with a code that names the symptom
 * (NOT_A_TOKEN, BAD_SIGNATURE…), not the cause. These checks run before the decoder and name the cause,
 * so "a leading space" is not explained as "does not start with the preamble" and "cut by 3
 * characters" is not explained as "minted with a different token-uuid".
 * Pure and browser-safe (no Buffer, no I/O): the renderer's inspector, the CLI and the explanations
 * share it.
 */
import { DEFAULT_PREAMBLE, MIN_BODY_BYTES, PXZ1_VERSION, TAG_BYTES, HEADER_BYTES } from './constants.js';
import { utf8ByteLength } from './inputs.js';
import { modelSource, adviceSource, type Source } from './source-kinds.js';

export type PasteMistakeKind = 'whitespace' | 'line-break' | 'preamble-case' | 'preamble-missing' | 'truncated' | 'too-long';

export interface PasteMistake {
  kind: PasteMistakeKind;
  /** what is wrong, in one sentence */
  message: string;
  /** what to do */
  hint: string;
  /** whose rule the message states: the case-sensitive preamble and the token's length are PXZ-1 (the tool's model) */
  source: Source;
}

const B64URL = /^[A-Za-z0-9_-]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding → bytes, or null when it is not canonical (as the decoder's step 2). */
function decodeBody(s: string): Uint8Array | null {
  if (!B64URL.test(s) || s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const ch of s) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/** A body that reads as PXZ-1: version 1, room for a username and a tag. */
function looksLikeBody(s: string): boolean {
  const bytes = decodeBody(s);
  return !!bytes && bytes.length >= MIN_BODY_BYTES && bytes[0] === PXZ1_VERSION;
}

/** Characters of a token for `username` under `preamble`, by the spec's length rule. */
export function expectedTokenLength(preamble: string, username: string): number {
  return preamble.length + Math.ceil(((HEADER_BYTES + TAG_BYTES + utf8ByteLength(username)) * 4) / 3);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The paste mistake in `value` (checked as the CS would see it: nothing trimmed), or null when none is
 * recognised. `username`, when the request's user is known, lets a token cut short be told by its
 * length before anyone blames the signature.
 */
export function findPasteMistake(value: string, preamble: string = DEFAULT_PREAMBLE, username?: string): PasteMistake | null {
  if (typeof value !== 'string' || value === '' || typeof preamble !== 'string' || preamble === '') return null;
  const trimmed = value.trim();
  if (trimmed !== value && trimmed !== '') {
    const lineBreak = /[\r\n]/.test(value.slice(0, value.length - value.trimStart().length) + value.slice(value.trimEnd().length));
    const where = value.trimStart() !== value && value.trimEnd() !== value ? 'before and after' : value.trimStart() !== value ? 'before' : 'after';
    return {
      kind: lineBreak ? 'line-break' : 'whitespace',
      message: `The value has ${lineBreak ? 'a line break' : 'white space'} ${where} the token; the CS compares the Password as sent, so it does not see a token there.`,
      hint: 'Remove the white space around the token (copy only the token itself) and paste again.',
      source: modelSource('PXZ-1'),
    };
  }
  if (/\s/.test(trimmed)) {
    return {
      kind: 'line-break',
      message: 'The token is split by a line break or a space inside it, as a wrapped copy leaves it.',
      hint: 'Join it into one line (copy it from a place that does not wrap it) and paste again.',
      source: modelSource('PXZ-1'),
    };
  }
  if (!value.startsWith(preamble)) {
    if (value.slice(0, preamble.length).toLowerCase() === preamble.toLowerCase() && looksLikeBody(value.slice(preamble.length))) {
      return {
        kind: 'preamble-case',
        message: `The token starts with "${value.slice(0, preamble.length)}", not "${preamble}": the preamble is compared exactly, so letters in another case make it a plain password (the tool's model: case-sensitive, as PXZ-1 fixes it).`,
        hint: `Keep the preamble exactly as token-preambula has it ("${preamble}"); paste the token as GAX produced it.`,
        source: modelSource('PXZ-1'),
      };
    }
    if (looksLikeBody(value)) {
      return {
        kind: 'preamble-missing',
        message: `The value reads as a token body without its preamble "${preamble}" in front; without it the CS treats it as a plain password.`,
        hint: `Copy the whole token, including "${preamble}" at its start.`,
        source: modelSource('PXZ-1'),
      };
    }
    return null;
  }
  const body = value.slice(preamble.length);
  if (!B64URL.test(body)) return null;
  if (username !== undefined && username !== '') {
    const expected = expectedTokenLength(preamble, username);
    if (value.length !== expected) {
      const bytes = decodeBody(body);
      // Only a body that still reads as PXZ-1 is judged by length: anything else is the decoder's to name.
      const plausible = !bytes || bytes.length < MIN_BODY_BYTES || bytes[0] === PXZ1_VERSION;
      if (plausible && value.length < expected) {
        return {
          kind: 'truncated',
          message: `The token has ${value.length} characters; a token for "${username}" has ${expected}. It looks cut short by ${plural(expected - value.length, 'character')}, so its signature cannot match.`,
          hint: 'Copy the whole token again (the end was lost) before suspecting the token-uuid.',
          source: modelSource('PXZ-1'),
        };
      }
      if (plausible && value.length > expected) {
        return {
          kind: 'too-long',
          message: `The token has ${value.length} characters; a token for "${username}" has ${expected}. ${plural(value.length - expected, 'character')} too many were pasted with it, or it is for another user.`,
          hint: 'Copy only the token (nothing after it), and check the user it was minted for.',
          source: adviceSource(),
        };
      }
    }
    return null;
  }
  // Without a user the length cannot be known, but a base64url body of impossible length is a cut.
  if (body.length % 4 === 1 || (body.length > 0 && body.length < Math.ceil((MIN_BODY_BYTES * 4) / 3))) {
    return {
      kind: 'truncated',
      message: `The token's body has ${plural(body.length, 'character')}, a length no whole token has: it looks cut short (or one character too many was pasted with it).`,
      hint: 'Copy the whole token again, exactly from its first to its last character.',
      source: modelSource('PXZ-1'),
    };
  }
  return null;
}
