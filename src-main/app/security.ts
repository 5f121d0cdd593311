/**
 * The Electron security layer, one concern per function (electron/fiddle style): the app://
 * scheme that serves the renderer with its CSP header, guards on every webContents (navigation,
 * new windows, webviews), permissions denied, remote requests refused, safe openExternal, and the
 * single-instance lock. The rules themselves live in pure modules re-exported here.
 */
import { app, protocol, session, shell, type BrowserWindow, type CustomScheme, type Session, type WebContents } from 'electron';
import { APP_SCHEME, isAppUrl, isLocalRendererUrl } from './app-scheme.js';
import { errorMessage } from '../host/crash-report.js';
import { cspHeader } from '../host/csp.js';
import { checkExternalUrl } from '../host/external-url.js';
import { createRendererFileHandler } from './renderer-files.js';

export { cspHeader } from '../host/csp.js';
export { checkExternalUrl, isSafeExternalUrl } from '../host/external-url.js';

export type Log = (line: string) => void;

export interface SecurityOptions {
  /** The built renderer folder served at app://. */
  readonly rendererRoot: string;
  readonly log: Log;
}

/**
 * app:// is standard (relative URLs and a real origin), secure (a secure context, like https)
 * and fetchable; it does not bypass CSP, register service workers, or allow CORS reads.
 */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
  },
};

/**
 * Installs the whole layer. Call it synchronously at start-up, before `app` is ready: the
 * scheme must be registered and the sandbox enabled before then. The returned promise settles
 * once the ready-time parts (protocol handler, session policies) are in place — create windows
 * only after it.
 */
export function setupSecurity(options: SecurityOptions): Promise<void> {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options.log));
  return app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createRendererFileHandler({ root: options.rendererRoot, csp: cspHeader() }));
    denyPermissions(session.defaultSession, options.log);
    refuseRemoteRequests(session.defaultSession, options.log);
  });
}

/** Navigation, redirects, new windows and webviews are refused for every webContents. */
export function guardWebContents(contents: WebContents, log: Log): void {
  contents.on('will-navigate', (event) => {
    // The renderer is a single page; a link that would replace it goes to the browser instead,
    // if it is a safe https link, and nowhere otherwise.
    event.preventDefault();
    void openExternalSafely(event.url, log);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log('refused a redirect in the app window');
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused to attach a webview');
  });
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    // Without this, Electron picks the first device on its own.
    event.preventDefault();
    callback('');
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url, log);
    return { action: 'deny' };
  });
}

/**
 * Every permission request and check is answered "no" — the tool needs no camera, location, etc. —
 * except writing text to the clipboard from the app's own page, which is what its Copy buttons do
 * (always on a click; reading the clipboard stays refused).
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

function isAllowed(permission: string, url: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && typeof url === 'string' && isAppUrl(url);
}

export function denyPermissions(ses: Session, log: Log): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isAllowed(permission, details?.requestingUrl);
    if (!allowed) log(`refused the permission "${permission}"`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
}

/** Cancels any request a page makes outside the app (see isLocalRendererUrl for why). */
export function refuseRemoteRequests(ses: Session, log: Log): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    // Requests without a webContents come from the main process itself, not from a page.
    const fromPage = details.webContentsId !== undefined;
    const refused = fromPage && !isLocalRendererUrl(details.url);
    if (refused) log(`refused a page request to ${describeTarget(details.url)}`);
    callback({ cancel: refused });
  });
}

/** Opens `url` in the system browser only if it is a safe https link; says why not otherwise. */
export async function openExternalSafely(url: unknown, log: Log): Promise<boolean> {
  const check = checkExternalUrl(url);
  if (!check.ok) {
    log(`refused to open a link: ${check.reason}`);
    return false;
  }
  try {
    await shell.openExternal(check.href);
    return true;
  } catch (error) {
    log(`the system browser did not open the link: ${errorMessage(error)}`);
    return false;
  }
}

/**
 * One running copy at a time: a second start hands over to the first (which comes to the front)
 * and quits. Returns false in the copy that must quit.
 */
export function acquireSingleInstanceLock(getWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = getWindow();
    if (window === undefined || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}

/** Scheme and host only: a path or query can hold a secret, and this goes to the log. */
function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? parsed.protocol : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparseable URL';
  }
}
