/**
 * Web mode's HTTP side: the built renderer (dist/renderer) and nothing else. GET and HEAD only, the
 * security headers on every answer (errors included), `/` is index.html, no directory listing, and
 * no path can step outside the folder — neither with `..` (plain or percent-encoded), backslashes,
 * NUL, nor a symlink leading out.
 */
import { promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mimeTypeFor } from '../host/mime-types.js';
import { cacheControlFor } from '../host/security-headers.js';
import { resolveUrlPath, type ResolvedFile } from '../host/path-containment.js';

export type StaticTarget = ResolvedFile;

/**
 * Maps a raw HTTP request-target (`/assets/x.js?v=1`) to a file inside `root`. The target is taken
 * as sent — Node does not normalise it — and checked by the hosts' one containment rule.
 */
export async function resolveStaticFile(requestTarget: string, root: string): Promise<StaticTarget> {
  // Only origin-form targets: an absolute URL or `//host/...` is not a path of this server.
  if (!requestTarget.startsWith('/') || requestTarget.startsWith('//')) return { ok: false, status: 400, reason: 'not a path' };
  return resolveUrlPath(requestTarget.split(/[?#]/, 1)[0] ?? '/', root);
}

/** Answers one HTTP request from `root`; `headers` go on every answer. Never throws. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, headers: Record<string, string>): Promise<void> {
  const method = (req.method ?? '').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed: this server only serves files (GET, HEAD).', { ...headers, Allow: 'GET, HEAD' });
    return;
  }
  const target = await resolveStaticFile(req.url ?? '', root);
  if (!target.ok) {
    sendText(res, target.status, `${STATUS_TEXT[target.status]}: ${target.reason}.`, headers);
    return;
  }
  let body: Buffer;
  try {
    body = await fs.readFile(target.file);
  } catch {
    sendText(res, 404, `${STATUS_TEXT[404]}: no such file.`, headers);
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Cache-Control': cacheControlFor(target.inFolder),
    'Content-Type': mimeTypeFor(target.file),
    'Content-Length': String(body.length),
  });
  res.end(method === 'HEAD' ? undefined : body);
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed' };

/** A one-line plain-text answer (refusals, errors). */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
