/**
 * Web mode's HTTP side: the built renderer (dist/renderer) and nothing else. GET and HEAD only, the
 * security headers on every answer (errors included), `/` is index.html, no directory listing, and
 * no path can step outside the folder — neither with `..` (plain or percent-encoded), backslashes,
 * NUL, nor a symlink leading out.
 */
import { promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { mimeTypeFor } from '../app/renderer-files.js';

export type StaticTarget = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps a raw HTTP request-target (`/assets/x.js?v=1`) to a file inside `root`. The target is taken
 * as sent — Node does not normalise it — so every form of stepping out is checked here.
 */
export async function resolveStaticFile(requestTarget: string, root: string): Promise<StaticTarget> {
  // Only origin-form targets: an absolute URL or `//host/...` is not a path of this server.
  if (!requestTarget.startsWith('/') || requestTarget.startsWith('//')) return { ok: false, status: 400, reason: 'not a path' };
  const rawPath = requestTarget.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'the path is not valid percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403, reason: 'the path holds a backslash or NUL' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'the path steps out of the app folder' };
  // A trailing slash names a folder: folders are never listed, and only the root has an index.
  if (decoded !== '/' && decoded.endsWith('/')) return { ok: false, status: 404, reason: 'no such file' };
  const relative = decoded === '/' ? 'index.html' : segments.filter((s) => s !== '').join(path.sep);
  const rootAbsolute = path.resolve(root);
  const candidate = path.resolve(rootAbsolute, relative);
  if (!isInside(candidate, rootAbsolute)) return { ok: false, status: 403, reason: 'the path steps out of the app folder' };
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([fs.realpath(candidate), fs.realpath(rootAbsolute)]);
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!isInside(real, realRoot)) return { ok: false, status: 403, reason: 'the file links to a place outside the app folder' };
  const stat = await fs.stat(real).catch(() => undefined);
  if (!stat?.isFile()) return { ok: false, status: 404, reason: 'no such file' };
  return { ok: true, file: real };
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
  res.writeHead(200, { ...headers, 'Content-Type': mimeTypeFor(target.file), 'Content-Length': String(body.length) });
  res.end(method === 'HEAD' ? undefined : body);
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed' };

/** A one-line plain-text answer (refusals, errors). */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function isInside(candidate: string, root: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
