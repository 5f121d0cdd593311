/**
 * What one profile holds, opened on demand from the list: its options (secrets masked), a CS
 * profile's listeners and users, a pair's two members. A secret is shown in clear only after the
 * person asks for that one secret (`secrets.reveal`), and is forgotten again when hidden or closed.
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { IpcError } from '../../../src-main/ipc/result.js';

export type ProfileView = RequestOutput<'profiles.get'>;
export type SecretField = { option: string } | { userName: string };

/** One key per secret of a profile: `option:token-uuid`, `user:alice`. */
export function secretKey(field: SecretField): string {
  return 'option' in field ? `option:${field.option}` : `user:${field.userName}`;
}

export class ProfileDetails {
  /** the profiles whose details are open */
  open = $state<string[]>([]);
  views = $state<Record<string, ProfileView>>({});
  errors = $state<Record<string, IpcError>>({});
  /** secrets shown in clear, by profile id and secretKey */
  revealed = $state<Record<string, Record<string, string>>>({});
  revealErrors = $state<Record<string, IpcError>>({});

  isOpen(id: string): boolean {
    return this.open.includes(id);
  }

  async toggle(id: string): Promise<void> {
    if (this.isOpen(id)) {
      this.close(id);
      return;
    }
    this.open = [...this.open, id];
    await this.refresh(id);
  }

  /** Re-reads an open profile (after a rename, or to retry). */
  async refresh(id: string): Promise<void> {
    const r = await api.invoke('profiles.get', { id });
    if (!r.ok) {
      this.errors = { ...this.errors, [id]: r.error };
      return;
    }
    const { [id]: _gone, ...rest } = this.errors;
    this.errors = rest;
    this.views = { ...this.views, [id]: r.data };
  }

  close(id: string): void {
    this.open = this.open.filter((x) => x !== id);
    const { [id]: _secrets, ...revealed } = this.revealed;
    this.revealed = revealed;
  }

  /** Forgets every secret shown in clear (when the view is left). */
  hideAll(): void {
    this.revealed = {};
  }

  shown(id: string, field: SecretField): string | undefined {
    return this.revealed[id]?.[secretKey(field)];
  }

  async reveal(id: string, field: SecretField): Promise<void> {
    const key = `${id}|${secretKey(field)}`;
    const r = await api.invoke('secrets.reveal', { profileId: id, field });
    if (!r.ok) {
      this.revealErrors = { ...this.revealErrors, [key]: r.error };
      return;
    }
    const { [key]: _gone, ...rest } = this.revealErrors;
    this.revealErrors = rest;
    this.revealed = { ...this.revealed, [id]: { ...this.revealed[id], [secretKey(field)]: r.data.value } };
  }

  hide(id: string, field: SecretField): void {
    const mine = { ...this.revealed[id] };
    delete mine[secretKey(field)];
    this.revealed = { ...this.revealed, [id]: mine };
  }

  revealError(id: string, field: SecretField): IpcError | undefined {
    return this.revealErrors[`${id}|${secretKey(field)}`];
  }

  /** Drops what is known of profiles that no longer exist. */
  forgetMissing(existing: readonly string[]): void {
    const keep = new Set(existing);
    this.open = this.open.filter((id) => keep.has(id));
    this.views = Object.fromEntries(Object.entries(this.views).filter(([id]) => keep.has(id)));
    this.revealed = Object.fromEntries(Object.entries(this.revealed).filter(([id]) => keep.has(id)));
  }
}
