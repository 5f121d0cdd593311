/**
 * Client text (client names, usernames, request types, anything a remote sent) on its way into a
 * log line, an event or an answer's message: C0 and C1 controls and the bidi controls become
 * visible escapes, so a name cannot forge a log line, move a terminal's cursor (U+009B is a CSI)
 * or turn a line around on screen (U+202E). Other text, "é" and "—" included, is left alone.
 */

// C0, DEL, C1; LRM/RLM; LRE/RLE/PDF/LRO/RLO; LRI/RLI/FSI/PDI.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every control and bidi control escaped (`\x9b`, `\u202e`); the same string when there is none. */
export function escapeControls(s: string): string {
  return UNSAFE_TEST.test(s) ? s.replace(UNSAFE, escapeOne) : s;
}

/** escapeControls, then cut to `max` characters with "…": for names from the network in a log line. */
export function escapeClientText(s: string, max: number): string {
  const safe = escapeControls(s);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}
