/**
 * The opt-in way to keep secrets across sessions where there is no OS keychain (web mode): an
 * AES-256-GCM key in `secret.key` (mode 0600) in the user-data folder. It is weaker than a
 * keychain — anyone who can read that folder can read the secrets — and the UI says so.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AES_KEY_BYTES, openText, sealText } from './aes-gcm.js';
import { errorCode, writeFileAtomic } from './atomic-file.js';
import { describeIoError } from './result.js';

export const KEY_FILE_NAME = 'secret.key';
const AAD = 'gax-token-lab/secret/v1';
const LABEL = 'GAX Token Lab secret key (AES-256-GCM). Anyone who can read this file can read the secrets stored beside it.';

export type KeyFileRead = { state: 'ok'; cipher: KeyFileCipher } | { state: 'missing' } | { state: 'bad'; problem: string };

export class KeyFileCipher {
  private constructor(private readonly key: Buffer) {}

  static async read(dir: string): Promise<KeyFileRead> {
    const file = path.join(dir, KEY_FILE_NAME);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return { state: 'missing' };
      return { state: 'bad', problem: `${KEY_FILE_NAME} could not be read (${describeIoError(err)})` };
    }
    const line = text.trim().split(/\r?\n/).at(-1)?.trim() ?? '';
    const key = /^[A-Za-z0-9+/]+={0,2}$/.test(line) ? Buffer.from(line, 'base64') : Buffer.alloc(0);
    if (key.length !== AES_KEY_BYTES) return { state: 'bad', problem: `${KEY_FILE_NAME} does not hold a ${AES_KEY_BYTES}-byte key` };
    await tightenMode(file);
    return { state: 'ok', cipher: new KeyFileCipher(key) };
  }

  /** Writes a new random key; the caller has checked that no key file is there. */
  static async create(dir: string): Promise<KeyFileCipher> {
    const key = randomBytes(AES_KEY_BYTES);
    await writeFileAtomic(path.join(dir, KEY_FILE_NAME), `${LABEL}\n${key.toString('base64')}\n`, { keepBackup: false, mode: 0o600 });
    return new KeyFileCipher(key);
  }

  /** Deletes the key, which makes every value it sealed (in `.bak` and set-aside copies too) unreadable. */
  static async destroy(dir: string): Promise<void> {
    await fs.rm(path.join(dir, KEY_FILE_NAME), { force: true });
  }

  encrypt(plain: string): Buffer {
    return sealText(this.key, plain, AAD);
  }

  decrypt(sealed: Buffer): string {
    return openText(this.key, sealed, AAD);
  }
}

/** A key file that others can read (copied with loose permissions) is made private again. */
async function tightenMode(file: string): Promise<void> {
  if (process.platform === 'win32') return; // Windows ACLs are not mode bits; the profile folder is per-user
  try {
    const stat = await fs.stat(file);
    if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600);
  } catch {
    // best effort: the key still works; the folder's own permissions remain the main guard
  }
}
