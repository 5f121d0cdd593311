/**
 * Reads a file a person named (on the command line, in a config) without trusting its size: at most
 * `limit + 1` bytes are read, so `/dev/zero`, a FIFO-fed device or a file growing under us costs
 * that much and no more — a size from `stat` cannot promise it (a device reports 0).
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true } | { ok: false; tooLarge: false; error: unknown };

const CHUNK_BYTES = 64 * 1024;

/** The file's bytes when it holds at most `limitBytes`; else `tooLarge`, or the error that stopped the read. */
export async function readFileBounded(path: string, limitBytes: number): Promise<BoundedRead> {
  let handle;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once instead of waiting forever;
    // only a regular file is read at all (a FIFO, device or folder could block or never end).
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, tooLarge: false, error };
  }
  try {
    const kind = kindOf(await handle.stat());
    if (kind !== undefined) return { ok: false, tooLarge: false, error: notRegular(kind) };
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const want = Math.min(CHUNK_BYTES, limitBytes + 1 - size);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) return { ok: true, bytes: Buffer.concat(chunks, size) };
      chunks.push(chunk.subarray(0, bytesRead));
      size += bytesRead;
      if (size > limitBytes) return { ok: false, tooLarge: true };
    }
  } catch (error) {
    return { ok: false, tooLarge: false, error };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** "FILE is larger than N bytes: WHY" — the one line every reader of a named file answers. */
export function tooLargeLine(path: string, limitBytes: number, why: string): string {
  return `${path} is larger than ${limitBytes.toLocaleString('en-US')} bytes: ${why}`;
}

function kindOf(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** An error with code NOT_REGULAR whose message says what the path is instead. */
function notRegular(kind: string): NodeJS.ErrnoException {
  return Object.assign(new Error(kind.startsWith('not ') ? `it is ${kind}` : `it is ${kind}, not a file`), { code: 'NOT_REGULAR' });
}
