/**
 * The app's running pieces, shared by every door: the mock CS hosts (the user's own is the one the
 * Server view shows), the logins and clock probes in flight, the opened store, and where a
 * token-uuid comes from. Doors stay thin over this and the domain modules; nothing here knows of
 * IPC, Electron or the web server — what it tells the world goes through WorkbenchEvents.
 */
import type { MockCs, MockCsEvent } from '../mockcs/index.js';
import type { Store } from '../store/index.js';
import type { MockCsView } from '../ipc/contract/mockcs.js';
import type { TokenUuidSource } from '../ipc/contract/tokens.js';
import type { EventRing } from './event-ring.js';
import type { MockCsHost, MockCsOwner } from './mockcs-host.js';
import { MockCsHosts } from './mockcs-hosts.js';
import { Runs } from './runs.js';
import { resolveTokenUuid } from './token-uuid.js';

export { firstLine, mockCsFailure } from './failure.js';

/** What the workbench reports about the user's mock CS (IpcEvents is one). */
export interface WorkbenchEvents {
  mockCsEvent(event: MockCsEvent): void;
  mockCsCountersMoved(): void;
  mockCsChanged(): void;
}

export interface WorkbenchInit<E extends WorkbenchEvents = WorkbenchEvents> {
  /** the user-data folder: the mock CS keeps its generated token-uuid and TLS certificate there */
  dataDir: string;
  store: Store;
  events: E;
  /** the real clock, Unix ms */
  clock: () => number;
}

export class Workbench<E extends WorkbenchEvents = WorkbenchEvents> {
  readonly store: Store;
  readonly events: E;
  readonly clock: () => number;
  readonly mockCsHosts: MockCsHosts;
  private readonly runs = new Runs();
  private disposed = false;
  /** whose mock CS the Server view shows and edits: the user's, or the open lab's while one is open */
  private frontOwner: MockCsOwner = 'user';

  constructor(init: WorkbenchInit<E>) {
    this.store = init.store;
    this.events = init.events;
    this.clock = init.clock;
    this.mockCsHosts = new MockCsHosts({
      dataDir: init.dataDir,
      clock: init.clock,
      // The Server view shows the mock CS in front; every change still moves the status bar, which lists them all.
      listener: {
        event: (host, event) => {
          if (host.owner !== this.frontOwner) return;
          this.events.mockCsEvent(event);
          this.events.mockCsCountersMoved();
        },
        changed: () => this.events.mockCsChanged(),
      },
    });
  }

  /** The user's own mock CS host (the Server view's). */
  userMockCs(): MockCsHost {
    return this.mockCsHosts.host('user');
  }

  /** The mock CS the Server view shows and edits: the open lab's while a lab is open, else the user's. */
  frontMockCs(): MockCsHost {
    return this.mockCsHosts.host(this.frontOwner);
  }

  /**
   * Puts another owner's mock CS in front (a lab opened) or the user's back (the lab left). The
   * user's mock CS is never changed by this: it keeps running, or not, as it was.
   */
  bringToFront(owner: MockCsOwner, name?: string): MockCsHost {
    const host = this.mockCsHosts.host(owner, name);
    if (this.frontOwner !== owner) {
      this.frontOwner = owner;
      this.events.mockCsChanged();
    }
    return host;
  }

  /** The log of the mock CS in front. */
  get mockCsLog(): EventRing<MockCsEvent> {
    return this.frontMockCs().log;
  }

  /** Where secrets are kept this session, in the words the UI shows next to every secret field. */
  secretStorage(): { mode: 'os-keychain' | 'key-file' | 'session-only'; description: string } {
    const info = this.store.secretMode();
    return { mode: info.mode, description: info.problem ? `${info.summary} (${info.problem})` : info.summary };
  }

  /** The mock CS in front, created (stopped, default options) on first use. */
  mockCs(): MockCs {
    return this.frontMockCs().cs();
  }

  /** The view of the mock CS in front, or null while nobody has used it (it does not exist yet). */
  mockCsViewIfCreated(): MockCsView | null {
    return this.mockCsHosts.existing(this.frontOwner)?.viewIfCreated() ?? null;
  }

  /** Changes the mock CS in front one change at a time (see MockCsHost.change). */
  changeMockCs(change: (cs: MockCs) => Promise<void>): Promise<MockCsView> {
    return this.frontMockCs().change(change);
  }

  /** Every mock CS the app holds, for the status bar: whose, running where, and which one is in front. */
  mockCsHostsView(): { owner: string; name: string; front: boolean; running: boolean; listeners: string[] }[] {
    return this.mockCsHosts.list().map((h) => {
      const view = h.viewIfCreated();
      return {
        owner: h.owner,
        name: h.name,
        front: h.owner === this.frontOwner,
        running: view?.running ?? false,
        listeners: (view?.listeners ?? []).map((l) => `${l.tls ? 'tls ' : ''}${l.host}:${l.port}`),
      };
    });
  }

  /** The token-uuid a source names, or a HandlerError saying why there is none. Never logged. */
  resolveTokenUuid(source: TokenUuidSource): Promise<string> {
    return resolveTokenUuid(source, {
      profiles: this.store.profiles,
      mockCsTokenUuid: (owner) =>
        this.mockCsHosts
          .host(owner ?? this.frontOwner)
          .cs()
          .tokenUuid(),
    });
  }

  beginLogin(runId: string): AbortController {
    return this.runs.beginLogin(runId);
  }

  endLogin(runId: string, controller: AbortController): void {
    this.runs.endLogin(runId, controller);
  }

  cancelLogin(runId: string): boolean {
    return this.runs.cancelLogin(runId);
  }

  beginProbe(): { signal: AbortSignal; end: () => void } {
    return this.runs.beginProbe();
  }

  /** Stops every mock CS, cancels logins and probes, and closes the store (pending saves finish first). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.runs.close();
    await Promise.allSettled([this.mockCsHosts.stopAll(), this.store.close()]);
  }
}
