/**
 * How secrets (token-uuids, user passwords) are kept: never in clear on disk. A file holds a
 * reference — `{enc, scheme}` for a value encrypted by the OS keychain or the opt-in key file, or
 * `{kept: "session-only"}` for a value that lived only in the memory of an earlier session.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AES_KEY_BYTES, openText, sealText } from './aes-gcm.js';

/**
 * What encrypts secrets for the store. In Electron the app passes `safeStorageCipher(safeStorage)`;
 * web mode has no keychain and passes nothing or a `SessionSecretVault` (kind `session-only`).
 */
export interface SecretCipher {
  readonly kind: 'os-keychain' | 'session-only';
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  /** throws when the bytes were not encrypted by this cipher (another machine or user) */
  decrypt(sealed: Buffer): string;
}

/** The part of Electron's `safeStorage` the store uses (structural: no `electron` import here). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; `basic_text` means no keyring: the "encryption" uses a fixed, public password */
  getSelectedStorageBackend?(): string;
}

export function safeStorageCipher(safeStorage: SafeStorageLike): SecretCipher {
  return {
    kind: 'os-keychain',
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      // basic_text protects nothing, so it does not count as a keychain: secrets stay session-only.
      return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}

/**
 * The in-memory home of secrets for one session. Each value is sealed with a key that exists only
 * in this process, so what the vault holds is useless once the process ends; `clear()` drops all.
 * As a `SecretCipher` its kind is `session-only`: the store never writes its output to disk.
 */
export class SessionSecretVault implements SecretCipher {
  readonly kind = 'session-only' as const;
  readonly #key = randomBytes(AES_KEY_BYTES);
  readonly #slots = new Map<string, Buffer>();

  isAvailable(): boolean {
    return true;
  }
  encrypt(plain: string): Buffer {
    return sealText(this.#key, plain, 'gax-token-lab/session');
  }
  decrypt(sealed: Buffer): string {
    return openText(this.#key, sealed, 'gax-token-lab/session');
  }

  set(slot: string, plain: string): void {
    this.#slots.set(slot, this.encrypt(plain));
  }
  get(slot: string): string | undefined {
    const sealed = this.#slots.get(slot);
    return sealed ? this.decrypt(sealed) : undefined;
  }
  has(slot: string): boolean {
    return this.#slots.has(slot);
  }
  delete(slot: string): void {
    this.#slots.delete(slot);
  }
  slots(): string[] {
    return [...this.#slots.keys()];
  }
  clear(): void {
    this.#slots.clear();
  }
}

export const SECRET_SCHEMES = ['safeStorage', 'aes-256-gcm-keyfile'] as const;
export type SecretScheme = (typeof SECRET_SCHEMES)[number];

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const sealedSecretSchema = z.object({
  enc: z.string().min(1).regex(BASE64, 'not base64'),
  scheme: z.enum(SECRET_SCHEMES),
});
export const sessionOnlySecretSchema = z.object({ kept: z.literal('session-only') });
export const secretRefSchema = z.union([sealedSecretSchema, sessionOnlySecretSchema]);
export type SealedSecret = z.infer<typeof sealedSecretSchema>;
export type SecretRef = z.infer<typeof secretRefSchema>;

/**
 * Option names whose values are secrets. `token-uuid` is the shared key of every token; an option
 * named like a password is treated the same so that it cannot end up in clear by accident.
 */
export function isSecretOptionName(name: string): boolean {
  return name.toLowerCase() === 'token-uuid' || /password|passwd|secret/i.test(name);
}
