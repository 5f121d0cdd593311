/** The headers both hosts send with every answer that carries the renderer, errors included. */

/** Headers sent with every response of the renderer's host (app:// or web mode's HTTP), errors included. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // The files change with every build and are read from local disk: caching buys nothing.
    'Cache-Control': 'no-store',
  };
}
