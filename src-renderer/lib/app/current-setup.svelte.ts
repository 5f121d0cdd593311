/**
 * The current setup: one saved CS + GAX pair that Connect, Tokens and the Server view start from,
 * chosen in the wizard (saving the pair makes it current), in Settings' profiles or where it is used.
 * Kept across reloads as the settings' `lastUsed.pairId` (the store's existing channels), so nothing
 * secret passes through here: only the pair's id and name.
 */
import { api } from '../api.js';

export interface SetupChoice {
  id: string;
  name: string;
}

export class CurrentSetup {
  pairId = $state<string | null>(null);
  name = $state<string | null>(null);
  /** the saved pairs, to change the setup where it is used */
  pairs = $state<SetupChoice[]>([]);
  problem = $state<string | null>(null);
  /** bumped on every change, so a view re-applies the setup once per change */
  version = $state(0);
  private loading: Promise<void> | null = null;

  /** Reads the current pair and the list once per window (again with `force`). */
  load(force = false): Promise<void> {
    if (!this.loading || force) this.loading = this.read();
    return this.loading;
  }

  private async read(): Promise<void> {
    const [settings, list] = await Promise.all([api.invoke('settings.get', {}), api.invoke('profiles.list', {})]);
    if (!settings.ok || !list.ok) {
      this.problem = (!settings.ok ? settings.error : !list.ok ? list.error : null)?.message ?? null;
      return;
    }
    this.problem = null;
    this.pairs = list.data.profiles.filter((p) => p.kind === 'pair').map((p) => ({ id: p.id, name: p.name }));
    const id = settings.data.settings.lastUsed.pairId;
    const pair = this.pairs.find((p) => p.id === id) ?? null;
    // A removed pair is no setup: forgotten quietly, the views then start from their own defaults.
    if (this.pairId !== (pair?.id ?? null)) this.version++;
    this.pairId = pair?.id ?? null;
    this.name = pair?.name ?? null;
  }

  /** Makes `id` (a pair) the current setup, or none with null; kept in the settings. */
  async use(id: string | null, name?: string): Promise<boolean> {
    const r = await api.invoke('settings.update', { patch: { lastUsed: { pairId: id } } });
    if (!r.ok) {
      this.problem = r.error.message;
      return false;
    }
    this.problem = null;
    if (id !== null && name !== undefined && !this.pairs.some((p) => p.id === id)) this.pairs = [...this.pairs, { id, name }];
    this.pairId = id;
    this.name = id === null ? null : (name ?? this.pairs.find((p) => p.id === id)?.name ?? null);
    this.version++;
    return true;
  }
}

export const currentSetup = new CurrentSetup();
