/**
 * The classroom's "Trainees" table, tallied from the mock CS's events on the classroom listener:
 * one row per client name (RegisterClient clientName, as each trainee set it in Connect) with its
 * login attempts, how many were accepted, the last code and when. Connections refused before they
 * could register (SERVER_BUSY) or closed for silence or failed attempts carry no client name and are
 * counted apart, so the instructor sees the limits at work. Pure: fed event batches, no clock.
 */
import type { EventPayload } from '../../../src-main/ipc/contract/index.js';

export type MockCsEvent = EventPayload<'mockcs.events'>['events'][number];

export interface TraineeRow {
  clientName: string;
  attempts: number;
  accepted: number;
  lastCode: string;
  /** the last attempt, ms since the epoch on the CS's clock (as the event says) */
  lastAt: number;
  /** the remote addresses this name logged in from (a name shared by two machines shows two) */
  remotes: string[];
}

export interface ClassroomTotals {
  trainees: number;
  attempts: number;
  accepted: number;
  /** protocol errors on the classroom listener by code: SERVER_BUSY, IDLE_TIMEOUT, TOO_MANY_ATTEMPTS… */
  refused: Record<string, number>;
}

/** A client that registers without a clientName is GAX by the protocol's default. */
const UNNAMED = '(no client name)';

export class TraineeTally {
  private readonly rows = new Map<string, TraineeRow>();
  private readonly refused: Record<string, number> = {};

  /** @param listenerId the classroom listener's id as events carry it ("192.0.2.2:2020") */
  constructor(readonly listenerId: string) {}

  add(events: readonly MockCsEvent[]): void {
    for (const e of events) {
      if (e.listener !== this.listenerId) continue;
      if (e.kind === 'register') {
        this.addAttempt(e);
        // the maxFailedAttempts-th failure is answered TOO_MANY_ATTEMPTS and the connection closed
        if (e.sentCode === 'TOO_MANY_ATTEMPTS') this.refused.TOO_MANY_ATTEMPTS = (this.refused.TOO_MANY_ATTEMPTS ?? 0) + 1;
      } else if (e.kind === 'error') this.refused[e.code] = (this.refused[e.code] ?? 0) + 1;
    }
  }

  /** Sorted by client name, so a row does not jump around while the class works. */
  list(): TraineeRow[] {
    return [...this.rows.values()]
      .sort((a, b) => a.clientName.localeCompare(b.clientName, undefined, { numeric: true }))
      .map((r) => ({ ...r, remotes: [...r.remotes] }));
  }

  totals(): ClassroomTotals {
    let attempts = 0;
    let accepted = 0;
    for (const r of this.rows.values()) {
      attempts += r.attempts;
      accepted += r.accepted;
    }
    return { trainees: this.rows.size, attempts, accepted, refused: { ...this.refused } };
  }

  private addAttempt(e: MockCsEvent): void {
    const name = e.clientName ?? UNNAMED;
    let row = this.rows.get(name);
    if (!row) this.rows.set(name, (row = { clientName: name, attempts: 0, accepted: 0, lastCode: e.code, lastAt: e.time, remotes: [] }));
    row.attempts++;
    if (e.code === 'OK') row.accepted++;
    // Events arrive in order; an older one (from a snapshot taken late) must not win.
    if (e.time >= row.lastAt) {
      row.lastCode = e.code;
      row.lastAt = e.time;
    }
    const host = remoteHost(e.remote);
    if (!row.remotes.includes(host)) row.remotes.push(host);
  }
}

/** "192.0.2.7:51234" → "192.0.2.7"; "[fd00::7]:51234" → "fd00::7". */
export function remoteHost(remote: string): string {
  const v6 = /^\[(.*)\]:\d+$/.exec(remote);
  if (v6) return v6[1]!;
  const i = remote.lastIndexOf(':');
  return i > 0 && remote.indexOf(':') === i ? remote.slice(0, i) : remote;
}
