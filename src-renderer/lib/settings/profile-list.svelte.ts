/**
 * The saved profiles as the Settings view manages them: listed by kind, created, renamed,
 * duplicated and deleted (after a confirmation). Each failure is kept next to the profile (or the
 * form) it concerns, in the store's own words.
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { IpcError } from '../../../src-main/ipc/result.js';

export type ProfileSummary = RequestOutput<'profiles.list'>['profiles'][number];
export type ProfileKind = ProfileSummary['kind'];

export const PROFILE_KINDS: readonly ProfileKind[] = ['cs', 'gax', 'pair'];

/** How each kind is named in the list and in messages. */
export const KIND_TITLE: Record<ProfileKind, { plural: string; one: string; about: string }> = {
  cs: { plural: 'CS profiles', one: 'CS profile', about: 'Configuration Server [system] options, listeners and users' },
  gax: { plural: 'GAX profiles', one: 'GAX profile', about: 'GAX [general] options' },
  pair: { plural: 'Pairs', one: 'pair', about: 'One CS profile and one GAX profile, as the Set up wizard saves them' },
};

export type NewProfile = { kind: 'cs' | 'gax'; name: string } | { kind: 'pair'; name: string; csProfileId: string; gaxProfileId: string };

/** What the person is doing to one row: renaming it (with the name typed so far) or confirming its deletion. */
export type RowMode = { id: string; action: 'rename'; name: string } | { id: string; action: 'delete' } | null;

export class ProfileList {
  profiles = $state<ProfileSummary[]>([]);
  loaded = $state(false);
  loadError = $state<IpcError | null>(null);
  /** the row being renamed or confirmed for deletion (one at a time) */
  row = $state<RowMode>(null);
  /** the last failure of an action on a profile, by profile id */
  rowErrors = $state<Record<string, IpcError>>({});
  createError = $state<IpcError | null>(null);
  /** one line on the last change that worked, for the live region */
  lastChange = $state<string | null>(null);
  busy = $state(false);

  readonly byKind = $derived(
    Object.fromEntries(PROFILE_KINDS.map((k) => [k, this.profiles.filter((p) => p.kind === k)])) as Record<ProfileKind, ProfileSummary[]>,
  );

  async load(): Promise<void> {
    const r = await api.invoke('profiles.list', {});
    this.loaded = true;
    if (!r.ok) {
      this.loadError = r.error;
      return;
    }
    this.loadError = null;
    this.profiles = r.data.profiles;
  }

  nameOf(id: string): string {
    return this.profiles.find((p) => p.id === id)?.name ?? 'a profile that no longer exists';
  }

  async create(input: NewProfile): Promise<ProfileSummary | null> {
    const r = await this.run(() => api.invoke('profiles.create', input));
    if (!r.ok) {
      this.createError = r.error;
      return null;
    }
    this.createError = null;
    await this.afterChange(`${capitalise(KIND_TITLE[r.data.kind].one)} "${r.data.name}" created.`);
    return r.data;
  }

  startRename(id: string): void {
    this.row = { id, action: 'rename', name: this.nameOf(id) };
    this.clearRowError(id);
  }

  setRenameText(name: string): void {
    if (this.row?.action === 'rename') this.row = { ...this.row, name };
  }

  /** Saves the typed name; an unchanged name just closes the field. */
  async confirmRename(): Promise<boolean> {
    const row = this.row;
    if (row?.action !== 'rename') return false;
    if (row.name.trim() === this.nameOf(row.id)) {
      this.row = null;
      return true;
    }
    const before = this.nameOf(row.id);
    const r = await this.run(() => api.invoke('profiles.rename', { id: row.id, name: row.name }));
    if (!r.ok) {
      this.rowErrors = { ...this.rowErrors, [row.id]: r.error };
      return false;
    }
    this.row = null;
    this.clearRowError(row.id);
    await this.afterChange(`"${before}" renamed to "${r.data.name}".`);
    return true;
  }

  async duplicate(id: string): Promise<ProfileSummary | null> {
    this.row = null;
    const r = await this.run(() => api.invoke('profiles.duplicate', { id }));
    if (!r.ok) {
      this.rowErrors = { ...this.rowErrors, [id]: r.error };
      return null;
    }
    this.clearRowError(id);
    await this.afterChange(`"${this.nameOf(id)}" duplicated as "${r.data.name}".`);
    return r.data;
  }

  askDelete(id: string): void {
    this.row = { id, action: 'delete' };
    this.clearRowError(id);
  }

  cancel(): void {
    this.row = null;
  }

  /** Deletes the profile whose deletion the person confirmed. */
  async confirmDelete(): Promise<boolean> {
    const row = this.row;
    if (row?.action !== 'delete') return false;
    const name = this.nameOf(row.id);
    const r = await this.run(() => api.invoke('profiles.remove', { id: row.id }));
    this.row = null;
    if (!r.ok) {
      this.rowErrors = { ...this.rowErrors, [row.id]: r.error };
      return false;
    }
    this.clearRowError(row.id);
    await this.afterChange(`"${name}" deleted.`);
    return true;
  }

  private clearRowError(id: string): void {
    if (!(id in this.rowErrors)) return;
    const { [id]: _gone, ...rest } = this.rowErrors;
    this.rowErrors = rest;
  }

  private async afterChange(text: string): Promise<void> {
    this.lastChange = text;
    await this.load();
  }

  private async run<T>(action: () => Promise<T>): Promise<T> {
    this.busy = true;
    try {
      return await action();
    } finally {
      this.busy = false;
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
