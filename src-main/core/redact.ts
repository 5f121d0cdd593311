/**
 * A token as events, logs and traces may show it: its preamble, the first 6 characters after it,
 * "…" and its length — `{PXZ}AWlV7A…(48 chars)`. Never the whole token (csmock-protocol.md, Events).
 */
export function redactToken(token: string, preamble: string): string {
  const start = token.startsWith(preamble) ? preamble.length : 0;
  return `${token.slice(0, start)}${token.slice(start, start + 6)}…(${token.length} chars)`;
}
