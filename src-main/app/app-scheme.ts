/**
 * Where the renderer lives: a privileged custom scheme instead of file://, so the page has a real
 * origin (for the CSP and for the IPC sender check) and can read nothing but the built renderer.
 * No Electron import: the IPC layer checks senders against APP_ORIGIN without loading Electron.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'gax-token-lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page of the app itself (the origin an IPC sender frame must have). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

// What a renderer page may load: its own files, inline data and blobs it made, and DevTools.
const LOCAL_RENDERER_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/**
 * True for a URL a renderer may request. Everything else (http, https, ws, file, ftp…) is
 * refused at the session: the tool works offline and the renderer reaches the world only
 * through IPC, so a request elsewhere could only be a leak.
 */
export function isLocalRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
    return LOCAL_RENDERER_SCHEMES.has(parsed.protocol);
  } catch {
    return false;
  }
}
