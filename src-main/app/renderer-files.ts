/**
 * Serves the built renderer for the app:// scheme: files under one folder only, with the right
 * MIME type and the security headers on every response. No Electron import: the handler takes a
 * `{url, method}` request and returns a standard `Response`, so tests drive it with real files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-scheme.js';

export interface RendererRequest {
  readonly url: string;
  readonly method: string;
}

export interface RendererFileOptions {
  /** The built renderer folder (dist/renderer). Nothing outside it is ever served. */
  readonly root: string;
  /** The Content-Security-Policy header value (see csp.ts). */
  readonly csp: string;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes (and `nosniff`). */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers sent with every app:// response, errors included. */
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

export type ResolvedFile = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/** Maps an app:// request URL to a file of the built renderer (see resolveUrlPath). */
export async function resolveRendererFile(requestUrl: string, root: string): Promise<ResolvedFile> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 404, reason: 'not a page of this app' };
  }
  return resolveUrlPath(url.pathname, root);
}

/**
 * Maps a URL path as sent (still percent-encoded, no query) to a file inside `root`, refusing
 * anything that could step outside it: `..` or `.` segments however encoded (%2e%2e, %2f, %5c),
 * backslashes, NUL, or a symlink leading out. `/` is index.html; folders are never served.
 * Shared by the app:// handler and web mode's HTTP server, so both doors keep the same rules.
 */
export async function resolveUrlPath(encodedPath: string, root: string): Promise<ResolvedFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400, reason: 'the path is not valid percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { ok: false, status: 403, reason: 'the path holds a backslash or NUL' };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) {
    return { ok: false, status: 403, reason: 'the path steps out of the renderer folder' };
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join(path.sep);
  const rootAbsolute = path.resolve(root);
  const candidate = path.resolve(rootAbsolute, relative);
  if (!isInside(candidate, rootAbsolute)) {
    return { ok: false, status: 403, reason: 'the path steps out of the renderer folder' };
  }
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([fs.realpath(candidate), fs.realpath(rootAbsolute)]);
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!isInside(real, realRoot)) {
    return { ok: false, status: 403, reason: 'the file links to a place outside the renderer folder' };
  }
  const stat = await fs.stat(real).catch(() => undefined);
  if (!stat?.isFile()) return { ok: false, status: 404, reason: 'no such file' };
  return { ok: true, file: real };
}

/** The app:// protocol handler: `protocol.handle('app', createRendererFileHandler(...))`. */
export function createRendererFileHandler(options: RendererFileOptions): (request: RendererRequest) => Promise<Response> {
  const headers = securityHeaders(options.csp);
  return async (request) => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      return plain(405, 'Method not allowed', { ...headers, Allow: 'GET, HEAD' });
    }
    const resolved = await resolveRendererFile(request.url, options.root);
    if (!resolved.ok) return plain(resolved.status, statusText(resolved.status), headers);
    let body: Buffer;
    try {
      body = await fs.readFile(resolved.file);
    } catch {
      return plain(404, statusText(404), headers);
    }
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': mimeTypeFor(resolved.file), 'Content-Length': String(body.length) },
    });
  };
}

function isInside(candidate: string, root: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function statusText(status: number): string {
  return status === 400 ? 'Bad request' : status === 403 ? 'Forbidden' : 'Not found';
}

function plain(status: number, text: string, headers: Record<string, string>): Response {
  return new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}
