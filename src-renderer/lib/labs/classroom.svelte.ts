/**
 * Classroom mode in the Labs view: pick one of this machine's addresses, read who can reach it,
 * confirm, and the mock CS also listens there with the class limits; the trainees' attempts are
 * tallied live from the mock CS's events on that listener. "Back to loopback only" undoes it.
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { IpcError, IpcResult } from '../../../src-main/ipc/result.js';
import type { ServerStatus } from '../app/server-status.svelte.js';
import { SnapshotOverlap } from '../server/snapshot-overlap.js';
import { TraineeTally, type ClassroomTotals, type TraineeRow } from './trainees.js';

export type ClassroomView = RequestOutput<'labs.classroom.status'>['classroom'];
export type NetworkAddress = RequestOutput<'labs.classroom.status'>['interfaces'][number];
type ClassroomSwitch = RequestOutput<'labs.classroom.start'> | RequestOutput<'labs.classroom.stop'>;

/** The port trainees are told; 2020 is the CS port of the Genesys examples. */
export const CLASSROOM_DEFAULT_PORT = '2020';

export class ClassroomController {
  classroom = $state<ClassroomView | null>(null);
  interfaces = $state<NetworkAddress[]>([]);
  address = $state('');
  port = $state(CLASSROOM_DEFAULT_PORT);
  tls = $state(false);
  /** the person ticked "I understand…" */
  confirmed = $state(false);
  busy = $state(false);
  error = $state<IpcError | null>(null);
  rows = $state<TraineeRow[]>([]);
  totals = $state<ClassroomTotals>({ trainees: 0, attempts: 0, accepted: 0, refused: {} });
  private tally: TraineeTally | null = null;
  /** live events that came while the kept log was being read: counted after it, without repeats */
  private buffered: Parameters<TraineeTally['add']>[0][number][] | null = null;

  constructor(private readonly status: ServerStatus) {}

  readonly portError: string | null = $derived.by(() => {
    const t = this.port.trim();
    if (!/^\d+$/.test(t)) return 'a whole number, 1–65535 (0 picks a free port)';
    return Number(t) > 65535 ? 'at most 65535' : null;
  });

  readonly canStart = $derived(this.address !== '' && this.confirmed && !this.portError && !this.busy);

  /** What a trainee types in Connect: "192.0.2.2:2020" (an IPv6 address in brackets). */
  readonly reachAt = $derived.by((): string | null => {
    const c = this.classroom;
    if (!c?.on || c.host === null || c.port === null) return null;
    return `${c.host.includes(':') ? `[${c.host}]` : c.host}:${c.port}`;
  });

  async load(): Promise<void> {
    const r = await api.invoke('labs.classroom.status', {});
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.error = null;
    this.interfaces = r.data.interfaces;
    if (!this.interfaces.some((i) => i.address === this.address)) this.address = this.interfaces[0]?.address ?? '';
    await this.take(r.data.classroom, true);
  }

  async start(): Promise<boolean> {
    if (!this.canStart) return false;
    return this.switched(api.invoke('labs.classroom.start', { host: this.address, port: Number(this.port.trim()), tls: this.tls, confirm: true }));
  }

  async stop(): Promise<boolean> {
    const done = await this.switched(api.invoke('labs.classroom.stop', {}));
    if (done) this.confirmed = false;
    return done;
  }

  /** Live events from the mock CS; call once while the view is shown. Returns the unsubscribe. */
  listen(): () => void {
    return api.on('mockcs.events', ({ events }) => this.addEvents(events));
  }

  addEvents(events: Parameters<TraineeTally['add']>[0]): void {
    if (this.buffered) {
      this.buffered.push(...events);
      return;
    }
    if (!this.tally) return;
    this.tally.add(events);
    this.publish();
  }

  /**
   * Takes a classroom state. A new listener starts a new tally; on (re)load the events main kept
   * for that listener are counted first, so reopening the view loses nobody's attempts.
   */
  private async take(view: ClassroomView, fromLog: boolean): Promise<void> {
    this.classroom = view;
    if (!view.on || view.listenerId === null) {
      this.tally = null;
      this.publish();
      return;
    }
    if (this.tally?.listenerId === view.listenerId && !fromLog) return;
    const tally = new TraineeTally(view.listenerId);
    if (fromLog) {
      this.buffered = [];
      const log = await api.invoke('mockcs.log.snapshot', {});
      const kept = log.ok ? log.data.events : [];
      tally.add(kept);
      // Live events that came while the log was read may repeat its newest ones: count each once.
      const overlap = new SnapshotOverlap();
      overlap.reset(kept);
      tally.add(this.buffered.filter((e) => !overlap.repeats(e)));
      this.buffered = null;
    }
    this.tally = tally;
    this.publish();
  }

  /** Start's or stop's answer: busy until it comes, then its error, or the mock CS and classroom it reports. */
  private async switched(answer: Promise<IpcResult<ClassroomSwitch>>): Promise<boolean> {
    this.busy = true;
    const r = await answer;
    this.busy = false;
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    this.error = null;
    this.status.take(r.data.mockcs, 'the classroom answer');
    await this.take(r.data.classroom, false);
    return true;
  }

  private publish(): void {
    this.rows = this.tally?.list() ?? [];
    this.totals = this.tally?.totals() ?? { trainees: 0, attempts: 0, accepted: 0, refused: {} };
  }
}
