/** The input rules of pxz1-token.md for a preamble and a username. No Node APIs: shared with the renderer. */
import { MAX_PREAMBLE_CHARS, MAX_USERNAME_BYTES } from './constants.js';

/** Why `preamble` cannot be a token-preambula, or null when it can. */
export function checkPreamble(preamble: string): string | null {
  if (typeof preamble !== 'string' || preamble.length === 0) return 'the preamble is empty';
  if (preamble.length > MAX_PREAMBLE_CHARS) return `the preamble has ${preamble.length} characters; at most ${MAX_PREAMBLE_CHARS} are allowed`;
  for (let i = 0; i < preamble.length; i++) {
    const c = preamble.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return `the preamble may hold only printable ASCII without spaces; character ${i + 1} is not`;
  }
  return null;
}

/** A control character as the spec counts them: U+0000–U+001F and U+007F. */
export function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x1f || c === 0x7f) return true;
  }
  return false;
}

export function utf8ByteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Why `username` cannot go in a token, or null when it can. */
export function checkUsername(username: string): string | null {
  if (typeof username !== 'string' || username.length === 0) return 'the username is empty';
  if (!username.isWellFormed()) return 'the username is not valid Unicode text';
  if (hasControlCharacter(username)) return 'the username holds a control character';
  const bytes = utf8ByteLength(username);
  if (bytes > MAX_USERNAME_BYTES) return `the username is ${bytes} bytes in UTF-8; at most ${MAX_USERNAME_BYTES} are allowed`;
  return null;
}
