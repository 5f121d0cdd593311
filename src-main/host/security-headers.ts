/** The headers both hosts send with every answer that carries the renderer, errors included. */

/** Headers sent with every response of the renderer's host (app:// or web mode's HTTP), errors included. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Nothing is kept unless cacheControlFor() says so for a file named by its content.
    'Cache-Control': 'no-store',
  };
}

/** What the build names by its content (`assets/Name-8charHash.js`): one name is always the same bytes. */
const CONTENT_NAMED = /^assets\/[\w.-]+-[\w-]{8}\.(?:js|css)$/;

/**
 * The Cache-Control of a file served from the renderer's folder, by its path inside the folder
 * ('/'-separated). A content-named script or style may be kept for good: a reload then takes it from
 * the cache, and Chromium keeps its compiled code too (wizard interactive in the renderer bench).
 * Everything else — index.html, which names the current files, and every error — is never stored.
 */
export function cacheControlFor(pathInFolder: string): string {
  return CONTENT_NAMED.test(pathInFolder) ? 'public, max-age=31536000, immutable' : 'no-store';
}
