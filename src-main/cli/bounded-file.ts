/**
 * Reads a file a person named (on the command line, in a config) without trusting its size: at most
 * `limit + 1` bytes are read, so `/dev/zero`, a FIFO-fed device or a file growing under us costs
 * that much and no more — a size from `stat` cannot promise it (a device reports 0).
 */
import { open } from 'node:fs/promises';

export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true } | { ok: false; tooLarge: false; error: unknown };

const CHUNK_BYTES = 64 * 1024;

/** The file's bytes when it holds at most `limitBytes`; else `tooLarge`, or the error that stopped the read. */
export async function readFileBounded(path: string, limitBytes: number): Promise<BoundedRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, tooLarge: false, error };
  }
  try {
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
