/**
 * One running mock CS and what the app keeps around it: its owner and name, the log of its last
 * events, and a queue so changes to it happen one at a time. The app may hold several (the user's
 * own, a lab's, the wizard's "Try it"): each is a MockCsHost of its own, see MockCsHosts.
 */
import { MockCs, type MockCsEvent } from '../mockcs/index.js';
import { MOCKCS_LOG_CAPACITY, type MockCsView } from '../ipc/contract/mockcs.js';
import { EventRing } from './event-ring.js';
import { mockCsFailure } from './failure.js';
import { mockCsView } from './mockcs-view.js';
import { serverEvent } from './server-event.js';

/** Whose mock CS it is: the user's own (the Server view), a lab's, or the wizard's "Try it". */
export type MockCsOwner = 'user' | 'try-it' | `lab:${string}`;

/** What a host tells whoever shows it; the workbench forwards the user's to the renderer. */
export interface MockCsHostListener {
  event(host: MockCsHost, event: MockCsEvent): void;
  /** a change ran (or failed part-way): its view may have moved */
  changed(host: MockCsHost): void;
}

export interface MockCsHostInit {
  owner: MockCsOwner;
  /** a name for people ("your mock CS", the lab's title) */
  name: string;
  /** where this mock CS keeps its generated token-uuid and certificate */
  dataDir: string;
  clock: () => number;
  listener: MockCsHostListener;
}

export class MockCsHost {
  readonly owner: MockCsOwner;
  readonly name: string;
  readonly log = new EventRing<MockCsEvent>(MOCKCS_LOG_CAPACITY);
  private mock: MockCs | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly init: MockCsHostInit) {
    this.owner = init.owner;
    this.name = init.name;
  }

  /** The mock CS, created (stopped, default options) on first use. */
  cs(): MockCs {
    if (this.mock) return this.mock;
    const cs = new MockCs({ dataDir: this.init.dataDir, clock: this.init.clock });
    cs.onEvent((event) => {
      this.log.push(event);
      this.init.listener.event(this, event);
    });
    this.mock = cs;
    return cs;
  }

  /** The view of the mock CS, or null while nobody has used it (it does not exist yet). */
  viewIfCreated(): MockCsView | null {
    return this.mock ? this.view() : null;
  }

  /** The view of the mock CS (created on first use), saying whose it is. */
  view(): MockCsView {
    return mockCsView(this.cs(), { owner: this.owner, name: this.name });
  }

  /**
   * Changes the mock CS one change at a time (a read-modify-write of its users must not interleave
   * with another), then tells the listener — also when the change failed, as part of it may have
   * happened (a listener bound, the next refused). Errors come back as HandlerErrors in words.
   */
  async change(change: (cs: MockCs) => Promise<void>): Promise<MockCsView> {
    const cs = this.cs();
    const run = this.queue.then(() => this.noteStartStop(cs, () => change(cs)));
    this.queue = run.catch(() => undefined);
    try {
      await run;
    } catch (err) {
      throw mockCsFailure(err);
    } finally {
      this.init.listener.changed(this);
    }
    return this.view();
  }

  /** Stops it after the changes already queued; a host never used has nothing to stop. */
  stop(): Promise<void> {
    const cs = this.mock;
    if (!cs) return Promise.resolve();
    const run = this.queue.then(() => this.noteStartStop(cs, () => cs.stop()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The mock CS emits nothing when it starts or stops (it has no connection to speak of), yet the
   * live log is where people look to see which server answered: the host adds the line itself.
   */
  private async noteStartStop(cs: MockCs, change: () => Promise<unknown>): Promise<void> {
    const before = cs.status();
    try {
      await change();
    } finally {
      const after = cs.status();
      if (before.running !== after.running) {
        const event = serverEvent(this.init.clock(), this.name, after.running, after.running ? after.listeners : before.listeners);
        this.log.push(event);
        this.init.listener.event(this, event);
      }
    }
  }
}
