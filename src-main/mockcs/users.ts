/**
 * The mock CS's Person objects as the authenticator sees them: a name, whether the account is
 * enabled, and a salted scrypt hash of the password — never the password itself.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { MockCsUser } from './options.js';

/**
 * N = 2^10, r = 8 (1 MiB): about 3–4 ms per hash on a slow shared core, so a password login stays
 * near the ≲ 5 ms budget. Much weaker than a production setting on purpose — this is a loopback
 * training server; the hash only keeps the password out of memory dumps and logs.
 */
const SCRYPT_PARAMS: ScryptOptions = { N: 1024, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export interface PasswordHash {
  salt: Buffer;
  key: Buffer;
}

export interface UserRecord {
  userName: string;
  enabled: boolean;
  /** null: token-only user */
  hash: PasswordHash | null;
}

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, KEY_BYTES, SCRYPT_PARAMS, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  return { salt, key: await scryptAsync(password, salt) };
}

export class UserDirectory {
  private constructor(
    private readonly byName: ReadonlyMap<string, UserRecord>,
    /** hashed against when there is no user or no password, so timing does not tell which */
    private readonly decoy: PasswordHash,
  ) {}

  /** Hashes every password once (in parallel on libuv's pool), when the users are set. */
  static async build(users: readonly MockCsUser[]): Promise<UserDirectory> {
    const records = await Promise.all(
      users.map(async (u): Promise<UserRecord> => ({
        userName: u.userName,
        enabled: u.enabled,
        hash: u.password === undefined ? null : await hashPassword(u.password),
      })),
    );
    const decoy = await hashPassword(randomBytes(12).toString('base64'));
    return new UserDirectory(new Map(records.map((r) => [r.userName, r])), decoy);
  }

  /** Exact, byte-for-byte name match, as the CS compares names. */
  get(userName: string): UserRecord | undefined {
    return this.byName.get(userName);
  }

  get size(): number {
    return this.byName.size;
  }

  /**
   * Whether `candidate` is the user's password. Always runs one scrypt, also for an unknown or
   * token-only user, so the answer time does not reveal which names exist.
   */
  async passwordMatches(user: UserRecord | undefined, candidate: string): Promise<boolean> {
    const target = user?.hash ?? this.decoy;
    const key = await scryptAsync(candidate, target.salt);
    return timingSafeEqual(key, target.key) && user?.hash != null;
  }
}
