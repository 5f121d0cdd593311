/**
 * The Server view's controller: start and stop, the counters as rows, and the forms of each part.
 * The mock CS's state is the shared `serverStatus` (one source for the whole window).
 */
import { api } from '../api.js';
import type { ServerStatus } from '../app/server-status.svelte.js';
import { ClockForm } from './clock-form.svelte.js';
import { ListenersForm } from './listeners-form.svelte.js';
import { applyChange, type Problem } from './server-change.js';
import { UsersForm } from './users-form.svelte.js';
import { ServerOptionsForm } from './server-options.svelte.js';

export interface CounterRow {
  code: string;
  count: number;
  /** a refused login, or another Error answer (a bad frame, a busy server, an idle timeout) */
  kind: 'refused' | 'protocol';
}

export class ServerConsole {
  busy = $state<'start' | 'stop' | null>(null);
  problem = $state<Problem | null>(null);
  /** which action the problem is about */
  failed = $state<'start' | 'stop' | null>(null);
  readonly listeners: ListenersForm;
  readonly users: UsersForm;
  readonly clock: ClockForm;
  readonly options: ServerOptionsForm;

  constructor(readonly status: ServerStatus) {
    this.options = new ServerOptionsForm(status);
    this.listeners = new ListenersForm(status);
    this.users = new UsersForm(status);
    this.clock = new ClockForm(status);
  }

  get running(): boolean {
    return this.status.view?.running ?? false;
  }

  readonly counters = $derived.by(() => {
    const c = this.status.view?.counters;
    const rows: CounterRow[] = [];
    for (const [code, count] of Object.entries(c?.rejected ?? {})) rows.push({ code, count, kind: 'refused' });
    for (const [code, count] of Object.entries(c?.protocolErrors ?? {})) rows.push({ code, count, kind: 'protocol' });
    rows.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    const refused = rows.filter((r) => r.kind === 'refused').reduce((n, r) => n + r.count, 0);
    return { accepted: c?.accepted ?? 0, refused, rows };
  });

  /** Starts with the listeners as edited (applied first), so Start does what the form shows. */
  async start(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = 'start';
    this.problem = null;
    try {
      if (this.listeners.dirty && !(await this.listeners.apply())) {
        this.problem = {
          message: 'the listeners as edited could not be applied',
          hint: 'See the message under Listeners, fix it or press Reset, then start again.',
        };
        return false;
      }
      this.problem = await applyChange(this.status, () => api.invoke('mockcs.start', {}));
      return this.problem === null;
    } finally {
      this.failed = this.problem ? 'start' : null;
      this.busy = null;
    }
  }

  /**
   * The configured port is taken (PORT_IN_USE): start on free ports instead, as Try it and the labs do,
   * but only on the person's click — the listeners they set up are theirs.
   */
  async startOnFreePorts(): Promise<boolean> {
    if (this.busy) return false;
    const current = this.status.view?.options.listeners ?? [];
    const listeners = (current.length ? current : [{ host: '127.0.0.1', port: 0, tls: false }]).map((l) => ({ host: l.host, port: 0, tls: l.tls }));
    const moved = await applyChange(this.status, () => api.invoke('mockcs.listeners.set', { listeners }));
    if (moved) {
      this.problem = moved;
      this.failed = 'start';
      return false;
    }
    this.listeners.reset();
    return this.start();
  }

  async stop(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = 'stop';
    this.problem = null;
    try {
      this.problem = await applyChange(this.status, () => api.invoke('mockcs.stop', {}));
      return this.problem === null;
    } finally {
      this.failed = this.problem ? 'stop' : null;
      this.busy = null;
    }
  }
}
