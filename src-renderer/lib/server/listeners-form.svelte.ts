/**
 * The listeners being edited: host, port (0 picks a free one) and TLS per row. The server's own list
 * is shown until the person changes something; Apply sends the whole list. A host other than
 * loopback is refused by main with a warning, which the person must confirm before it is sent again.
 */
import { api } from '../api.js';
import type { ServerStatus } from '../app/server-status.svelte.js';
import { applyChange, type Problem } from './server-change.js';

export interface ListenerRow {
  key: number;
  host: string;
  port: string;
  tls: boolean;
}

export interface ListenerRowErrors {
  host: string | null;
  port: string | null;
}

/** the bound listener a configured row became while running */
export interface BoundListener {
  id: string;
  host: string;
  port: number;
  tls: boolean;
  fingerprint256?: string | undefined;
}

export const MAX_LISTENERS = 16;

export function portError(text: string): string | null {
  const t = text.trim();
  if (t === '') return 'enter a port (0 picks a free one)';
  if (!/^\d+$/.test(t)) return 'a port is a whole number from 0 to 65535';
  const n = Number(t);
  return n > 65535 ? 'a port is at most 65535' : null;
}

export function hostError(text: string): string | null {
  const t = text.trim();
  if (t === '') return 'enter a host, e.g. 127.0.0.1';
  if (/\s/.test(t)) return 'a host has no spaces';
  if (t.length > 253) return 'a host is at most 253 characters';
  return null;
}

export class ListenersForm {
  /** null: showing the server's listeners unchanged */
  draft = $state<ListenerRow[] | null>(null);
  busy = $state(false);
  problem = $state<Problem | null>(null);
  /** main's warning about a non-loopback host, waiting for the person's confirmation */
  confirmation = $state<Problem | null>(null);
  /** keys of added rows, past any position */
  private nextKey = MAX_LISTENERS;

  constructor(private readonly status: ServerStatus) {}

  // Keys of the server's rows are their positions, so a status update (every second under load)
  // re-renders the same inputs instead of replacing them under the person's cursor.
  readonly rows = $derived.by(
    (): ListenerRow[] =>
      this.draft ?? (this.status.view?.options.listeners ?? []).map((l, i) => ({ key: i, host: l.host, port: String(l.port), tls: l.tls })),
  );

  readonly errors = $derived.by((): ListenerRowErrors[] => this.rows.map((r) => ({ host: hostError(r.host), port: portError(r.port) })));

  readonly valid = $derived(this.errors.every((e) => e.host === null && e.port === null) && this.rows.length > 0);

  get dirty(): boolean {
    return this.draft !== null;
  }

  /** The bound listener of row `i` while the server runs (same host and TLS, the port asked or the one picked). */
  bound(i: number): BoundListener | null {
    const configured = this.status.view?.options.listeners[i];
    const running = this.status.view?.listeners[i];
    if (!configured || !running || !this.status.view?.running) return null;
    if (running.host !== configured.host || running.tls !== configured.tls) return null;
    if (configured.port !== 0 && configured.port !== running.port) return null;
    return running;
  }

  setHost(i: number, host: string): void {
    this.edit(i, { host });
  }

  setPort(i: number, port: string): void {
    this.edit(i, { port });
  }

  setTls(i: number, tls: boolean): void {
    this.edit(i, { tls });
  }

  add(): void {
    const rows = this.editable();
    if (rows.length >= MAX_LISTENERS) return;
    rows.push({ key: this.nextKey++, host: '127.0.0.1', port: '0', tls: false });
    this.draft = rows;
  }

  remove(i: number): void {
    const rows = this.editable();
    if (rows.length <= 1) return;
    rows.splice(i, 1);
    this.draft = rows;
  }

  /** Back to the server's list. */
  reset(): void {
    this.draft = null;
    this.problem = null;
    this.confirmation = null;
  }

  /** Sends the list; `allowNonLoopback` only after the person confirmed main's warning. */
  async apply(allowNonLoopback = false): Promise<boolean> {
    if (!this.valid || this.busy) return false;
    const listeners = this.rows.map((r) => ({ host: r.host.trim(), port: Number(r.port.trim()), tls: r.tls }));
    this.busy = true;
    try {
      const problem = await applyChange(this.status, () => api.invoke('mockcs.listeners.set', { listeners, allowNonLoopback }));
      if (problem?.code === 'NON_LOOPBACK' && !allowNonLoopback) {
        this.confirmation = problem;
        this.problem = null;
        return false;
      }
      this.confirmation = null;
      this.problem = problem;
      if (!problem) this.draft = null;
      return problem === null;
    } finally {
      this.busy = false;
    }
  }

  /** The person read the warning and keeps the exposed host. */
  confirmExposed(): Promise<boolean> {
    return this.apply(true);
  }

  /** The person changed their mind: nothing is sent, the draft stays for editing. */
  cancelExposed(): void {
    this.confirmation = null;
  }

  private editable(): ListenerRow[] {
    return (this.draft ?? this.rows).map((r) => ({ ...r }));
  }

  private edit(i: number, patch: Partial<ListenerRow>): void {
    const rows = this.editable();
    const row = rows[i];
    if (!row) return;
    rows[i] = { ...row, ...patch };
    this.draft = rows;
    this.confirmation = null;
  }
}
