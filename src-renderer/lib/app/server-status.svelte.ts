/**
 * The mock CS's status as every view sees it: fetched once, then kept current by `mockcs.status`
 * events. One instance for the whole window, so the status bar and the views never disagree.
 */
import { api, type ConnectionState } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import { appProblems } from './app-problems.svelte.js';
import { isMockCsView } from './mockcs-view-shape.js';

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
    api.on('mockcs.status', (v) => void this.take(v, 'the mock CS status event'));
    api.onConnection((s) => {
      this.connection = s;
      if (s === 'open') void this.refresh();
    });
  }

  async refresh(): Promise<void> {
    const r = await api.invoke('mockcs.status', {});
    if (r.ok) this.take(r.data, 'mockcs.status');
    else this.error = r.error.message;
  }

  /**
   * Takes a view main sent (an answer or an event) when it has the shape the window reads; else
   * keeps the last good one and says why, here and in the banner. Returns whether it was taken.
   */
  take(view: unknown, from: string): boolean {
    if (isMockCsView(view)) {
      this.view = view;
      this.error = null;
      return true;
    }
    this.error = `${from} came with a mock CS status the window cannot read`;
    appProblems.report('main', this.error);
    return false;
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
