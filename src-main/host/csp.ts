/**
 * The renderer's Content-Security-Policy, sent as a response header on every app:// response.
 * Pure: no Electron import, so it is unit tested on its own and web mode can send the same policy.
 */

export interface CspOptions {
  /**
   * Extra `connect-src` sources besides 'self'. The Electron renderer needs none (it talks to the
   * main process over IPC, which CSP does not govern); web mode may name its loopback WebSocket.
   */
  readonly connectSrc?: readonly string[];
}

// Only a loopback HTTP/WebSocket origin may be added: the product works offline and nothing in the
// renderer has a reason to reach another host.
const LOOPBACK_SOURCE = /^(?:wss?|https?):\/\/(?:127\.0\.0\.1|\[::1\]|localhost)(?::\d{1,5})?$/;

/** The policy as one header value. Throws on a `connectSrc` entry that is not a loopback origin. */
export function cspHeader(options: CspOptions = {}): string {
  const extra = options.connectSrc ?? [];
  for (const source of extra) {
    if (!LOOPBACK_SOURCE.test(source)) {
      throw new Error(`cspHeader: connect-src may add only a loopback origin such as ws://127.0.0.1:8080, not "${source}"`);
    }
  }
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    // Scripts come only from the built bundle: no inline script, no eval, no data: URLs.
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    // Svelte writes static style="" attributes through its HTML templates, which CSP treats as
    // inline styles. An attribute cannot run script or load anything, and <style> elements stay
    // limited to 'self' by style-src above.
    ['style-src-attr', ["'unsafe-inline'"]],
    // Vite inlines small images and fonts as data: URLs.
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...extra]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
