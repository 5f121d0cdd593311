/**
 * The mock CS's status as every view sees it: fetched once, then kept current by `mockcs.status`
 * events. One instance for the whole window, so the status bar and the views never disagree.
 */
import { api, type ConnectionState } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import { appProblems } from './app-problems.svelte.js';
import { isMockCsView } from './mockcs-view-shape.js';

export type MockCsView = RequestOutput<'mockcs.status'>;
export type MockCsHostSummary = RequestOutput<'mockcs.hosts'>['hosts'][number];

/** Whose a mock CS is, in words: "your mock CS", "lab “…”", "Try it (setup wizard)". */
export function ownerWords(host: { owner: string; name: string } | undefined): string {
  if (!host || host.owner === 'user') return 'Your mock CS';
  if (host.owner.startsWith('lab:')) return `Lab “${host.name}” mock CS`;
  if (host.owner === 'try-it') return 'Try it (setup wizard) mock CS';
  return host.name;
}

export class ServerStatus {
  view = $state<MockCsView | null>(null);
  /** every mock CS main holds (the user's, the open lab's, Try it's): whose, where, which is in front */
  hosts = $state<MockCsHostSummary[]>([]);
  connection = $state<ConnectionState>('connecting');
  error = $state<string | null>(null);
  private started = false;

  /** Starts listening; idempotent. */
  start(): void {
    if (this.started) return;
    this.started = true;
    api.on('mockcs.status', (v) => {
      if (this.take(v, 'the mock CS status event')) void this.refreshHosts();
    });
    api.onConnection((s) => {
      this.connection = s;
      if (s === 'open') void this.refresh();
    });
  }

  async refresh(): Promise<void> {
    const r = await api.invoke('mockcs.status', {});
    if (r.ok) this.take(r.data, 'mockcs.status');
    else this.error = r.error.message;
    await this.refreshHosts();
  }

  /** The list behind the status bar's "what runs where"; a failure keeps the last one (the status above says more). */
  async refreshHosts(): Promise<void> {
    const r = await api.invoke('mockcs.hosts', {});
    if (r.ok) this.hosts = r.data.hosts;
  }

  /** Whose mock CS the Server view shows now. */
  get frontWords(): string {
    return ownerWords(this.view?.host);
  }

  /** The open lab's title while its mock CS is in front, else null. */
  get labInFront(): string | null {
    const host = this.view?.host;
    return host && host.owner.startsWith('lab:') ? host.name : null;
  }

  /** The other mock CSs that run, in words: "Try it (setup wizard) on 127.0.0.1:40123". */
  get othersRunning(): string[] {
    return this.hosts.filter((h) => !h.front && h.running).map((h) => `${ownerWords(h)} on ${h.listeners.join(', ')}`);
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
