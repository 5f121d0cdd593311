/**
 * The saved profiles a token-uuid can come from: CS profiles, and pairs (their CS profile's). Only
 * names and ids reach this window; the token-uuid itself is looked up on the main side.
 */
import { api } from '../api.js';

export interface UuidProfile {
  id: string;
  name: string;
}

export class CsProfiles {
  /** null until loaded, or when profiles cannot be listed (then the "From a profile" choice is hidden) */
  list = $state<UuidProfile[] | null>(null);
  error = $state<string | null>(null);

  /** Re-reads the list (profiles are added and renamed in Settings while this view is away). */
  async load(): Promise<void> {
    const r = await api.invoke('profiles.list', {});
    if (!r.ok) {
      this.list = null;
      this.error = r.error.message;
      return;
    }
    this.error = null;
    this.list = r.data.profiles
      .filter((p) => p.kind === 'cs' || p.kind === 'pair')
      .map((p) => ({ id: p.id, name: p.kind === 'pair' ? `${p.name} (pair)` : p.name }));
  }
}

export const csProfiles = new CsProfiles();
