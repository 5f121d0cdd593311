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
import type { MockCsHost } from './mockcs-host.js';
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

  constructor(init: WorkbenchInit<E>) {
    this.store = init.store;
    this.events = init.events;
    this.clock = init.clock;
    this.mockCsHosts = new MockCsHosts({
      dataDir: init.dataDir,
      clock: init.clock,
      // Only the user's mock CS has a place in the renderer (the Server view) today.
      listener: {
        event: (host, event) => {
          if (host.owner !== 'user') return;
          this.events.mockCsEvent(event);
          this.events.mockCsCountersMoved();
        },
        changed: (host) => {
          if (host.owner === 'user') this.events.mockCsChanged();
        },
      },
    });
  }

  /** The user's own mock CS host (the Server view's). */
  userMockCs(): MockCsHost {
    return this.mockCsHosts.host('user');
  }

  /** The log of the user's mock CS. */
  get mockCsLog(): EventRing<MockCsEvent> {
    return this.userMockCs().log;
  }

  /** Where secrets are kept this session, in the words the UI shows next to every secret field. */
  secretStorage(): { mode: 'os-keychain' | 'key-file' | 'session-only'; description: string } {
    const info = this.store.secretMode();
    return { mode: info.mode, description: info.problem ? `${info.summary} (${info.problem})` : info.summary };
  }

  /** The user's mock CS, created (stopped, default options) on first use. */
  mockCs(): MockCs {
    return this.userMockCs().cs();
  }

  /** The view of the user's mock CS, or null while nobody has used it (it does not exist yet). */
  mockCsViewIfCreated(): MockCsView | null {
    return this.mockCsHosts.existing('user')?.viewIfCreated() ?? null;
  }

  /** Changes the user's mock CS one change at a time (see MockCsHost.change). */
  changeMockCs(change: (cs: MockCs) => Promise<void>): Promise<MockCsView> {
    return this.userMockCs().change(change);
  }

  /** The token-uuid a source names, or a HandlerError saying why there is none. Never logged. */
  resolveTokenUuid(source: TokenUuidSource): Promise<string> {
    return resolveTokenUuid(source, { profiles: this.store.profiles, mockCsTokenUuid: () => this.mockCs().tokenUuid() });
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
