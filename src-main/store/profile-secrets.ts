/**
 * Profile secrets between the file and the session: opened into the vault when the file is read
 * (or recorded as an issue, never guessed), and sealed again in the mode this session offers.
 */
import { secretFieldsOf, setSecretRef, type IssueReason } from './profile-model.js';
import type { ProfileRecord } from './profiles-schema.js';
import type { SecretKeeper } from './secret-keeper.js';

/** Puts every readable secret in the vault; an unreadable one becomes an issue on its slot. */
export function openProfileSecrets(records: readonly ProfileRecord[], keeper: SecretKeeper, issues: Map<string, IssueReason>): void {
  for (const record of records)
    for (const field of secretFieldsOf(record)) {
      const opened = keeper.unseal(field.ref);
      if (opened.ok) keeper.vault.set(field.slot, opened.plain);
      else issues.set(field.slot, { state: opened.state, reason: opened.reason });
    }
}

/**
 * Seals every secret the session holds in the current mode, where its reference is in another;
 * unreadable ones keep their old reference. True when a record changed (the file needs a save).
 */
export function resealProfileSecrets(records: readonly ProfileRecord[], keeper: SecretKeeper): boolean {
  let changed = false;
  const mode = keeper.info().mode;
  const wanted = mode === 'os-keychain' ? 'safeStorage' : mode === 'key-file' ? 'aes-256-gcm-keyfile' : null;
  for (const record of records)
    for (const field of secretFieldsOf(record)) {
      const plain = keeper.vault.get(field.slot);
      if (plain === undefined) continue;
      const current = 'scheme' in field.ref ? field.ref.scheme : null;
      if (current === wanted) continue;
      const sealed = keeper.seal(plain);
      if (!sealed.ok) continue; // keeps the old reference, which this session could read
      setSecretRef(record, field, sealed.data);
      changed = true;
    }
  return changed;
}
