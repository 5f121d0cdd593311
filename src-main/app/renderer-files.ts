/**
 * Serves the built renderer for the app:// scheme: files under one folder only, with the right
 * MIME type and the security headers on every response. No Electron import: the handler takes a
 * `{url, method}` request and returns a standard `Response`, so tests drive it with real files.
 */
import { promises as fs } from 'node:fs';
import { mimeTypeFor } from '../host/mime-types.js';
import { resolveUrlPath, type ResolvedFile } from '../host/path-containment.js';
import { cacheControlFor, securityHeaders } from '../host/security-headers.js';
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
      headers: {
        ...headers,
        'Cache-Control': cacheControlFor(resolved.inFolder),
        'Content-Type': mimeTypeFor(resolved.file),
        'Content-Length': String(body.length),
      },
    });
  };
}

function statusText(status: number): string {
  return status === 400 ? 'Bad request' : status === 403 ? 'Forbidden' : 'Not found';
}

function plain(status: number, text: string, headers: Record<string, string>): Response {
  return new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}
