/**
 * The app's mock CS hosts, one per owner, created on first use: the user's own, the open lab's, and
 * the wizard's "Try it", so none of them replaces another's options, users or token-uuid.
 */
import path from 'node:path';
import { MockCsHost, type MockCsHostListener, type MockCsOwner } from './mockcs-host.js';

export interface MockCsHostsInit {
  /** the user-data folder: the user's mock CS keeps its files there, every other one in a subfolder */
  dataDir: string;
  clock: () => number;
  listener: MockCsHostListener;
}

export class MockCsHosts {
  private readonly hosts = new Map<MockCsOwner, MockCsHost>();

  constructor(private readonly init: MockCsHostsInit) {}

  /** The owner's host; `name` is used only when it is created. */
  host(owner: MockCsOwner, name = owner === 'user' ? 'your mock CS' : owner): MockCsHost {
    const found = this.hosts.get(owner);
    if (found) return found;
    const host = new MockCsHost({ owner, name, dataDir: this.dataDirOf(owner), clock: this.init.clock, listener: this.init.listener });
    this.hosts.set(owner, host);
    return host;
  }

  /** The owner's host if it was ever asked for. */
  existing(owner: MockCsOwner): MockCsHost | undefined {
    return this.hosts.get(owner);
  }

  /** Stops the owner's host and forgets it: a lab left, its mock CS gone with it. */
  async drop(owner: MockCsOwner): Promise<void> {
    const host = this.hosts.get(owner);
    if (!host) return;
    this.hosts.delete(owner);
    await host.stop();
  }

  list(): MockCsHost[] {
    return [...this.hosts.values()];
  }

  /** Stops every host; settles when all have stopped or failed to. */
  async stopAll(): Promise<void> {
    await Promise.allSettled(this.list().map((h) => h.stop()));
  }

  // The user's mock CS keeps its generated token-uuid where it always has (engineers mint with
  // --uuid-file from there); another owner's must not share it, or a lab would sign as the user's.
  private dataDirOf(owner: MockCsOwner): string {
    if (owner === 'user') return this.init.dataDir;
    return path.join(this.init.dataDir, 'mockcs', owner.replace(/[^A-Za-z0-9_-]/g, '_'));
  }
}
