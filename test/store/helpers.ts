/** Shared pieces of the store tests: temp folders, and a stand-in for Electron's safeStorage. */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type OpenStoreOptions, type SafeStorageLike, type Store } from '../../src-main/store/index.js';

export async function makeTempDir(prefix = 'gax-store-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Before each test of the file a new temp folder, handed to `use`; after it the folder is removed. */
export function eachTestInTempDir(use: (dir: string) => void): void {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await makeTempDir();
    use(dir);
  });
  afterEach(async () => {
    if (dir !== undefined) await removeDir(dir);
  });
}

/** The store in `dir`, opened with `options` (the test fails when it cannot be opened). */
export async function openStoreIn(dir: string, options: Omit<OpenStoreOptions, 'dir'> = {}): Promise<Store> {
  const opened = await openStore({ dir, ...options });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.data;
}

/**
 * Electron's safeStorage is the one part tests replace (the runtime cannot be downloaded here).
 * This one encrypts for real with a key derived from `account`, as the OS keychain does per user:
 * a value saved under one account cannot be decrypted under another.
 */
export function fakeSafeStorage(account: string, options: { backend?: string; available?: boolean } = {}): SafeStorageLike & { calls: number } {
  const key = createHash('sha256').update(`keychain:${account}`).digest();
  const api = {
    calls: 0,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plain: string): Buffer {
      api.calls++;
      const iv = randomBytes(16);
      const c = createCipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([Buffer.from('v11'), iv, c.update(plain, 'utf8'), c.final()]);
    },
    decryptString(b: Buffer): string {
      if (b.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const d = createDecipheriv('aes-256-cbc', key, b.subarray(3, 19));
      return Buffer.concat([d.update(b.subarray(19)), d.final()]).toString('utf8');
    },
  };
  return api;
}

/** Every file in `dir` (not recursive) with its bytes. */
export async function readAllFiles(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of await fs.readdir(dir)) {
    const full = path.join(dir, name);
    if ((await fs.stat(full)).isFile()) out.set(name, await fs.readFile(full));
  }
  return out;
}

/** The ways a secret could leak into a file in a recognisable form. */
export function secretForms(secret: string): string[] {
  const b = Buffer.from(secret, 'utf8');
  return [
    secret,
    b.toString('base64'),
    b.toString('base64url'),
    b.toString('hex'),
    b.toString('hex').toUpperCase(),
    JSON.stringify(secret).slice(1, -1),
  ];
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

/** A fixed clock that can be moved, in milliseconds. */
export function fixedClock(iso = '2026-03-01T10:00:00.000Z'): { now: () => number; advance(ms: number): void } {
  let t = Date.parse(iso);
  return { now: () => t, advance: (ms) => void (t += ms) };
}
