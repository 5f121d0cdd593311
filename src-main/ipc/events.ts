/**
 * The event side of the contract: what main pushes to the renderer, shaped so that a busy mock CS
 * cannot flood a window. Mock CS events are batched (one message per ~50 ms or per 500 events);
 * the mock CS status goes out at once on a state change and at most once a second while only its
 * counters move; login steps, store notices and main's unexpected errors go out as they happen.
 */
import type { MockCsEvent } from '../mockcs/events.js';
import type { TraceStep } from '../client/types.js';
import type { StoreNotice } from '../store/index.js';
import type { EventChannel, EventPayload } from './contract/index.js';
import type { MockCsView } from './contract/mockcs.js';

export type EventListener = (event: EventChannel, payload: unknown) => void;

export interface EventTiming {
  /** the longest a mock CS event waits before it is sent */
  batchMs: number;
  /** a batch this large is sent at once */
  batchMax: number;
  /** the least time between two status events caused by counters alone */
  statusIntervalMs: number;
}

export const DEFAULT_EVENT_TIMING: EventTiming = { batchMs: 50, batchMax: 500, statusIntervalMs: 1000 };

export class IpcEvents {
  private readonly listeners = new Set<EventListener>();
  private batch: MockCsEvent[] = [];
  private batchTimer: NodeJS.Timeout | null = null;
  private statusTimer: NodeJS.Timeout | null = null;
  private lastStatusAt = Number.NEGATIVE_INFINITY;
  private notices: StoreNotice[] = [];
  private disposed = false;

  constructor(
    /** reads the mock CS's view when a status event is due (so it is never stale) */
    private readonly statusView: () => MockCsView | null,
    private readonly timing: EventTiming = DEFAULT_EVENT_TIMING,
    /** a monotonic clock for the throttle, ms */
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  /** Every event from now on; store notices still standing are sent to the new listener at once. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    if (this.notices.length > 0) this.deliver(listener, 'store.notices', { notices: this.notices });
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Queues one mock CS event; the batch goes out after `batchMs` or once it holds `batchMax`. */
  mockCsEvent(event: MockCsEvent): void {
    if (this.disposed || this.listeners.size === 0) return;
    this.batch.push(event);
    if (this.batch.length >= this.timing.batchMax) this.flushMockCsEvents();
    else this.batchTimer ??= unref(setTimeout(() => this.flushMockCsEvents(), this.timing.batchMs));
  }

  flushMockCsEvents(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    if (this.batch.length === 0) return;
    const events = this.batch;
    this.batch = [];
    this.emit('mockcs.events', { events });
  }

  /** The mock CS started, stopped, or its options, users or listeners changed: tell at once. */
  mockCsChanged(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    this.sendStatus();
  }

  /** Connections or counters moved: tell at most once per `statusIntervalMs`, the latest state last. */
  mockCsCountersMoved(): void {
    if (this.disposed || this.listeners.size === 0 || this.statusTimer) return;
    const wait = this.lastStatusAt + this.timing.statusIntervalMs - this.monotonic();
    if (wait <= 0) this.sendStatus();
    else
      this.statusTimer = unref(
        setTimeout(() => {
          this.statusTimer = null;
          this.sendStatus();
        }, wait),
      );
  }

  loginStep(runId: string, step: TraceStep): void {
    this.emit('login.step', { runId, step });
  }

  /** The notices standing now (replaces the previous ones); sent to every listener when there are any. */
  storeNotices(notices: readonly StoreNotice[]): void {
    this.notices = [...notices];
    if (this.notices.length > 0) this.emit('store.notices', { notices: this.notices });
  }

  /** An unexpected error in main, as one line already scrubbed of secrets; `time` is Unix ms. */
  appProblem(message: string, time: number): void {
    this.emit('app.problem', { message, time });
  }

  /** Sends what is queued and stops every timer; later events are dropped. */
  dispose(): void {
    this.flushMockCsEvents();
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    this.disposed = true;
    this.listeners.clear();
  }

  private sendStatus(): void {
    if (this.disposed || this.listeners.size === 0) return;
    const view = this.statusView();
    if (!view) return;
    this.lastStatusAt = this.monotonic();
    // The events that moved the counters go out before the status that counts them.
    this.flushMockCsEvents();
    this.emit('mockcs.status', view);
  }

  private emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    if (this.disposed) return;
    for (const listener of this.listeners) this.deliver(listener, event, payload);
  }

  private deliver(listener: EventListener, event: EventChannel, payload: unknown): void {
    try {
      listener(event, payload);
    } catch {
      // A listener that throws (a closed window, a dropped socket) must not stop the others.
    }
  }
}

function unref(timer: NodeJS.Timeout): NodeJS.Timeout {
  timer.unref();
  return timer;
}
