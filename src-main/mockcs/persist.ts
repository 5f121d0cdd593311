/**
 * The token-uuid the mock CS generates when none is configured is kept in the data dir, as the
 * primary CS keeps its generated one: a restart must not invalidate tokens already minted.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTokenUuid } from '../core/index.js';

export const TOKEN_UUID_FILE = 'mockcs-token-uuid';

/** Creates the data dir readable by its owner only (it holds a secret). */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * The kept token-uuid, generated and written (mode 0600, atomically) on first use. Synchronous:
 * a 37-byte file, read once per server. Throws an Error with a one-line message when the file
 * exists but cannot be read or does not hold a UUID — replacing it silently would change the
 * secret every minted token depends on.
 */
export function loadOrCreateTokenUuid(dataDir: string): string {
  const file = join(dataDir, TOKEN_UUID_FILE);
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      throw new Error(`cannot read the kept token-uuid ${file} (${code ?? 'error'}): fix its permissions, or delete it to generate a new one`);
  }
  if (text !== null) {
    const parsed = parseTokenUuid(text);
    if (!parsed.ok)
      throw new Error(
        `${file} does not hold a token-uuid (${parsed.reason}): fix it, or delete it to generate a new one (tokens minted with the old one will then fail)`,
      );
    tightenMode(file);
    return parsed.canonical;
  }
  const uuid = randomUUID();
  ensurePrivateDir(dataDir);
  writePrivateFile(file, `${uuid}\n`);
  return uuid;
}

/** Write to a temporary file with mode 0600, then rename: never a half-written secret. */
export function writePrivateFile(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot write ${file} (${code ?? (e as Error).message}): check that the data directory is writable`);
  }
}

function tightenMode(file: string): void {
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch {
    // Windows has no such modes; the file is still read correctly.
  }
}

/**
 * Renames a damaged file to `<file>.damaged-<UTC time>` rather than overwriting it, so what was
 * there can still be looked at; answers the new name, or null when there was no file.
 */
export function setAside(file: string, nowMs: number): string | null {
  if (!existsSync(file)) return null;
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const target = `${file}.damaged-${stamp}`;
  try {
    renameSync(file, target);
  } catch (e) {
    throw new Error(`cannot set aside the damaged ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}): move or delete it by hand`);
  }
  return target;
}
