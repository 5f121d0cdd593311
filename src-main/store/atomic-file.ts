/**
 * Crash-safe file replacement. A reader, or the app after a crash or a power cut, finds either the
 * old content or the new one, never a mix: the new bytes go to a temp file in the same folder,
 * are flushed to disk, and only then renamed over the target (rename is atomic within a folder).
 * The copy being replaced is kept as `<name>.bak` first, so the previous good state survives too.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** keep the content being replaced as `<target>.bak` (replacing the older `.bak`) */
  keepBackup: boolean;
  /** permission bits of a new file; the store's files are private to the user */
  mode?: number;
  /** tests only: runs after the new bytes are flushed and before the rename, to observe that moment */
  beforeRename?: () => Promise<void>;
}

export function backupPathFor(target: string): string {
  return `${target}.bak`;
}

/** Our temp files: `<name>.tmp-<pid>-<hex>` and `<name>.bak.tmp-<pid>-<hex>`. */
function tempPathFor(target: string): string {
  return `${target}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

export async function writeFileAtomic(target: string, content: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const tmp = tempPathFor(target);
  const handle = await fs.open(tmp, 'wx', options.mode ?? 0o600);
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.keepBackup) await rotateBackup(target);
    await options.beforeRename?.();
    await renameWithRetry(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(path.dirname(target));
}

/**
 * Makes `<target>.bak` the current content of `target` without a moment where either name is
 * missing: a hard link (no bytes copied) under a temp name, renamed over the old backup.
 * Filesystems without hard links get a flushed copy instead.
 */
async function rotateBackup(target: string): Promise<void> {
  const staged = tempPathFor(`${target}.bak`);
  try {
    await fs.link(target, staged);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') return; // first write: nothing to keep yet
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK' && code !== 'EOPNOTSUPP') throw err;
    try {
      await fs.copyFile(target, staged, fs.constants.COPYFILE_EXCL);
      const copy = await fs.open(staged, 'r+');
      try {
        await copy.sync();
      } finally {
        await copy.close();
      }
    } catch (copyErr) {
      await fs.rm(staged, { force: true }).catch(() => undefined);
      if (errorCode(copyErr) === 'ENOENT') return;
      throw copyErr;
    }
  }
  try {
    await renameWithRetry(staged, backupPathFor(target));
  } catch (err) {
    await fs.rm(staged, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Windows refuses a rename for a moment while a scanner or indexer holds the file open. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const code = errorCode(err);
      const transient = process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 8) throw err;
      await new Promise((resolve) => setTimeout(resolve, 15 * 2 ** attempt));
    }
  }
}

/** Flushes the folder entry so the rename itself survives a power cut. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Windows cannot open a folder this way and some filesystems cannot flush one; the rename
    // has still happened, only its durability across a power cut is up to the OS there.
    const code = errorCode(err);
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EBADF'].includes(code ?? '')) throw err;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

const TEMP_NAME = /^(.+?)(\.bak)?\.tmp-(\d+)-[0-9a-f]+$/;

/**
 * Removes temp files that a killed writer left behind for the given file names. A temp file is
 * never the only copy of anything (the rename had not happened), so this loses nothing; files of
 * a writer that is still running are left alone.
 */
export async function removeStaleTempFiles(dir: string, fileNames: readonly string[]): Promise<number> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const m = TEMP_NAME.exec(entry);
    if (!m || !fileNames.includes(m[1] ?? '')) continue;
    const pid = Number(m[3]);
    if (pid === process.pid || isProcessAlive(pid)) continue;
    try {
      await fs.rm(path.join(dir, entry), { force: true });
      removed++;
    } catch {
      // a file we cannot remove now is tried again at the next start
    }
  }
  return removed;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

export function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') return (err as { code: string }).code;
  return undefined;
}

/**
 * One queue per file path in this process, so two writes of the same file never interleave even
 * when two store objects point at the same folder.
 */
const queues = new Map<string, Promise<unknown>>();

export function runSerialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
