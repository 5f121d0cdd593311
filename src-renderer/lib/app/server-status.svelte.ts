/**
 * The mock CS's status as every view sees it: fetched once, then kept current by `mockcs.status`
 * events. One instance for the whole window, so the status bar and the views never disagree.
 */
import { api, type ConnectionState } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';

export type MockCsView = RequestOutput<'mockcs.status'>;

export class ServerStatus {
  view = $state<MockCsView | null>(null);
  connection = $state<ConnectionState>('connecting');
  error = $state<string | null>(null);
  private started = false;

  /** Starts listening; idempotent. */
  start(): void {
    if (this.started) return;
    this.started = true;
    api.on('mockcs.status', (v) => (this.view = v));
    api.onConnection((s) => {
      this.connection = s;
      if (s === 'open') void this.refresh();
    });
  }

  async refresh(): Promise<void> {
    const r = await api.invoke('mockcs.status', {});
    if (r.ok) {
      this.view = r.data;
      this.error = null;
    } else this.error = r.error.message;
  }

  get running(): boolean {
    return this.view?.running ?? false;
  }

  /** "127.0.0.1:2020, tls 127.0.0.1:2021" */
  get listenersText(): string {
    return (this.view?.listeners ?? []).map((l) => `${l.tls ? 'tls ' : ''}${l.host}:${l.port}`).join(', ');
  }
}

export const serverStatus = new ServerStatus();
