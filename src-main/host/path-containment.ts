/**
 * Keeps a request inside the served folder: the one check both hosts use to map a URL path to a
 * file of the built renderer, so a rule added here holds for app:// and web mode alike.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** `file`: its real path; `inFolder`: the path asked for inside the folder, '/'-separated (`assets/x.js`). */
export type ResolvedFile = { ok: true; file: string; inFolder: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps a URL path as sent (still percent-encoded, no query) to a file inside `root`, refusing
 * anything that could step outside it: `..` or `.` segments however encoded (%2e%2e, %2f, %5c),
 * backslashes, NUL, or a symlink leading out. `/` is index.html; folders are never served.
 * The one containment check: the app:// handler and web mode's HTTP server both use it.
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
  return { ok: true, file: real, inFolder: segments.length === 0 ? 'index.html' : segments.join('/') };
}

export function isInside(candidate: string, root: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
