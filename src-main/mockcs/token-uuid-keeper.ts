/**
 * The mock CS's token-uuid when none is configured: generated once, kept in the data dir (so tokens
 * minted against it survive a restart) or, without one, in memory for the server's life.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ensurePrivateDir, loadOrCreateTokenUuid, TOKEN_UUID_FILE, writePrivateFile } from './persist.js';

export class TokenUuidKeeper {
  private generated: string | null = null;

  constructor(private readonly dataDir: string | undefined) {}

  /** The configured token-uuid, else the generated one (loaded or made on first use). */
  effective(configured: string | null): string {
    if (configured !== null) return configured;
    this.generated ??= this.dataDir !== undefined ? loadOrCreateTokenUuid(this.dataDir) : randomUUID();
    return this.generated;
  }

  /** A new generated token-uuid, written before it is used so a restart keeps the same one. */
  regenerate(): string {
    const uuid = randomUUID();
    if (this.dataDir !== undefined) {
      ensurePrivateDir(this.dataDir);
      writePrivateFile(join(this.dataDir, TOKEN_UUID_FILE), `${uuid}\n`);
    }
    this.generated = uuid;
    return uuid;
  }
}
