/**
 * Decides where secrets live in this session and turns values into file references and back:
 * the OS keychain when the app has one, else the person's web-mode choice — memory only (the
 * default) or the key file they opted in to.
 */
import { KeyFileCipher } from './key-file.js';
import { describeIoError, fail, ok, type StoreResult } from './result.js';
import { SessionSecretVault, type SecretCipher, type SecretRef } from './secrets.js';

/** The person's choice for web mode, kept in settings; ignored while an OS keychain is in use. */
export const SECRET_STORAGE_CHOICES = ['session-only', 'key-file'] as const;
export type SecretStorageChoice = (typeof SECRET_STORAGE_CHOICES)[number];

export type SecretMode = 'os-keychain' | 'key-file' | 'session-only';

export interface SecretModeInfo {
  mode: SecretMode;
  /** secrets survive a restart */
  persistent: boolean;
  /** one sentence the UI shows next to every secret field */
  summary: string;
  /** why the mode is not what the person chose, or null */
  problem: string | null;
}

const SUMMARY: Record<SecretMode, string> = {
  'os-keychain': "Secrets are saved encrypted with the operating system's keychain.",
  'key-file':
    'Secrets are saved encrypted with a key in secret.key in the app data folder: anyone who can read that folder can read them. This is weaker than an OS keychain.',
  'session-only': 'Secrets are kept in memory for this session only and are not saved: you will enter them again next time.',
};

export type Unsealed = { ok: true; plain: string } | { ok: false; state: 'unreadable' | 'not-kept'; reason: string };

export class SecretKeeper {
  #mode: SecretMode;
  #keyFile: KeyFileCipher | null;
  #keyFileProblem: string | null;
  #problem: string | null = null;

  private constructor(
    private readonly dir: string,
    readonly vault: SessionSecretVault,
    private readonly keychain: SecretCipher | null,
    keyFile: KeyFileCipher | null,
    keyFileProblem: string | null,
  ) {
    this.#keyFile = keyFile;
    this.#keyFileProblem = keyFileProblem;
    this.#mode = keychain ? 'os-keychain' : 'session-only';
  }

  static async open(dir: string, cipher: SecretCipher | undefined, choice: SecretStorageChoice): Promise<SecretKeeper> {
    const vault = cipher instanceof SessionSecretVault ? cipher : new SessionSecretVault();
    let keychain: SecretCipher | null = null;
    let keychainProblem: string | null = null;
    if (cipher?.kind === 'os-keychain') {
      if (cipher.isAvailable()) keychain = cipher;
      else keychainProblem = 'the OS keychain is not available';
    }
    // The key file is read even under a keychain: secrets saved in web mode stay readable and
    // move to the keychain at the next save.
    const read = await KeyFileCipher.read(dir);
    const keeper = new SecretKeeper(dir, vault, keychain, read.state === 'ok' ? read.cipher : null, read.state === 'bad' ? read.problem : null);
    if (!keychain) {
      const chosen = await keeper.choose(choice);
      const problems = [keychainProblem, chosen.ok ? null : chosen.error.message].filter((p): p is string => p !== null);
      keeper.#problem = problems.length ? problems.join('; ') : null;
    }
    return keeper;
  }

  /** why secret.key could not be used at start (damaged, unreadable), or null */
  keyFileProblem(): string | null {
    return this.#keyFileProblem;
  }

  info(): SecretModeInfo {
    return { mode: this.#mode, persistent: this.#mode !== 'session-only', summary: SUMMARY[this.#mode], problem: this.#problem };
  }

  /**
   * Applies the web-mode choice. Under a keychain it changes nothing. Choosing `key-file` creates
   * the key when there is none; the caller re-saves the secrets in the new mode afterwards.
   */
  async choose(choice: SecretStorageChoice): Promise<StoreResult<SecretMode>> {
    if (this.keychain) return ok(this.#mode);
    if (choice === 'session-only') {
      this.#mode = 'session-only';
      this.#problem = null;
      return ok(this.#mode);
    }
    if (!this.#keyFile) {
      if (this.#keyFileProblem)
        return fail(
          'SECRET_STORAGE_FAILED',
          `${this.#keyFileProblem}, so secrets stay in memory for this session`,
          `move secret.key out of ${this.dir} (secrets saved with it cannot be read without it) and choose to save secrets again`,
        );
      try {
        this.#keyFile = await KeyFileCipher.create(this.dir);
      } catch (err) {
        return fail(
          'SECRET_STORAGE_FAILED',
          `secret.key could not be created (${describeIoError(err)}), so secrets stay in memory for this session`,
          `check that ${this.dir} is writable`,
        );
      }
    }
    this.#mode = 'key-file';
    this.#problem = null;
    return ok(this.#mode);
  }

  /** After secrets were re-saved as session-only: the key goes, and every copy it sealed with it. */
  async forgetKeyFile(): Promise<void> {
    if (this.#mode !== 'session-only' || !this.#keyFile) return;
    await KeyFileCipher.destroy(this.dir);
    this.#keyFile = null;
  }

  /** The reference a file holds for `plain` in the current mode. */
  seal(plain: string): StoreResult<SecretRef> {
    try {
      if (this.#mode === 'os-keychain' && this.keychain) return ok({ enc: this.keychain.encrypt(plain).toString('base64'), scheme: 'safeStorage' });
      if (this.#mode === 'key-file' && this.#keyFile)
        return ok({ enc: this.#keyFile.encrypt(plain).toString('base64'), scheme: 'aes-256-gcm-keyfile' });
      return ok({ kept: 'session-only' });
    } catch (err) {
      return fail('SECRET_STORAGE_FAILED', `a secret could not be encrypted (${describeIoError(err)})`, 'unlock the OS keychain and try again');
    }
  }

  unseal(ref: SecretRef): Unsealed {
    if ('kept' in ref) return { ok: false, state: 'not-kept', reason: 'it was kept only in the memory of an earlier session' };
    const sealed = Buffer.from(ref.enc, 'base64');
    if (ref.scheme === 'safeStorage') {
      if (!this.keychain) return { ok: false, state: 'unreadable', reason: 'it was saved with the OS keychain, which this session cannot use' };
      try {
        return { ok: true, plain: this.keychain.decrypt(sealed) };
      } catch {
        return { ok: false, state: 'unreadable', reason: 'the OS keychain cannot decrypt it (it was saved by another user or on another machine)' };
      }
    }
    if (!this.#keyFile) return { ok: false, state: 'unreadable', reason: 'it was saved with secret.key, which is missing or damaged' };
    try {
      return { ok: true, plain: this.#keyFile.decrypt(sealed) };
    } catch {
      return { ok: false, state: 'unreadable', reason: 'secret.key cannot decrypt it (the key was replaced since it was saved)' };
    }
  }
}
