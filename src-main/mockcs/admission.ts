/**
 * Who may connect: the server's limits (maxConnections in all, maxConnectionsPerAddress per remote
 * address, a listener's own cap) applied so that no single client can lock the others out.
 *
 * - Every remote address counts on its own (127.0.0.2 and 127.0.0.3 are two clients).
 * - The last slots of maxConnections are kept for 127.0.0.1 / ::1, the instructor on this
 *   machine: a full classroom listener or a greedy address never locks out the loopback checks.
 * - When the server is full, a newcomer from a smaller address takes the place of the oldest
 *   unregistered connection of the greediest address: idle connections cannot starve a client
 *   that logs in until their register timeout runs out.
 */
import type { MockCsOptions } from './options.js';

/** What admission reads of a connection. */
export interface Admitted {
  readonly address: string;
  readonly listenerId: string;
  readonly registered: boolean;
}

export type Admission<S extends Admitted> =
  { ok: true; evict?: S } | { ok: false; limit: 'maxConnections' | 'maxConnectionsPerAddress' | 'listener'; message: string };

/** The remote address as a person and the counts know it: "::ffff:127.0.0.2" is 127.0.0.2. */
export function remoteAddress(raw: string | undefined): string {
  if (raw === undefined) return 'unknown';
  return raw.startsWith('::ffff:') && raw.includes('.') ? raw.slice(7) : raw;
}

/** The instructor: a client on this machine's own loopback address (trainees reach it only from other addresses). */
export function isInstructor(address: string): boolean {
  return address === '127.0.0.1' || address === '::1';
}

/** Slots of maxConnections only the instructor may take: a tenth, at most one address's worth. */
export function instructorReserve(o: Pick<MockCsOptions, 'maxConnections' | 'maxConnectionsPerAddress'>): number {
  return Math.min(o.maxConnectionsPerAddress, Math.ceil(o.maxConnections / 10), o.maxConnections - 1);
}

export class ConnectionCounts<S extends Admitted> {
  private readonly byAddress = new Map<string, number>();
  private readonly byListener = new Map<string, number>();
  /** in arrival order: the oldest unregistered connection of an address is found first */
  private readonly live = new Set<S>();

  get total(): number {
    return this.live.size;
  }

  add(s: S): void {
    this.live.add(s);
    bump(this.byAddress, s.address, 1);
    bump(this.byListener, s.listenerId, 1);
  }

  /** Idempotent: a connection closed to make room is released at once, and again when its socket closes. */
  release(s: S): void {
    if (!this.live.delete(s)) return;
    bump(this.byAddress, s.address, -1);
    bump(this.byListener, s.listenerId, -1);
  }

  fromAddress(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }

  /**
   * May a connection from `address` on `listenerId` (whose own cap is `listenerCap`) come in?
   * Checked before the connection is counted.
   */
  admit(o: MockCsOptions, address: string, listenerId: string, listenerCap: number | undefined): Admission<S> {
    const mine = this.fromAddress(address);
    if (mine >= o.maxConnectionsPerAddress)
      return {
        ok: false,
        limit: 'maxConnectionsPerAddress',
        message: `${mine} connections from ${address} are open, the most this server takes from one address (maxConnectionsPerAddress = ${o.maxConnectionsPerAddress}): close some, or try again later`,
      };
    const onListener = this.byListener.get(listenerId) ?? 0;
    if (listenerCap !== undefined && onListener >= listenerCap)
      return {
        ok: false,
        limit: 'listener',
        message: `${onListener} connections are open on ${listenerId}, the most this listener takes (its maxConnections = ${listenerCap}): try again later`,
      };
    const reserve = isInstructor(address) ? 0 : instructorReserve(o);
    if (this.total < o.maxConnections - reserve) return { ok: true };
    const evict = this.victimFor(mine);
    if (evict) return { ok: true, evict };
    const kept = reserve > 0 && this.total < o.maxConnections ? `; the last ${reserve} are kept for 127.0.0.1, the instructor on this machine` : '';
    return {
      ok: false,
      limit: 'maxConnections',
      message: `${this.total} connections are open, the most this server takes (maxConnections = ${o.maxConnections})${kept}: try again later`,
    };
  }

  /** The oldest unregistered connection of the address holding the most, when that is more than the newcomer's would then hold. */
  private victimFor(newcomerCount: number): S | undefined {
    let best: S | undefined;
    let bestCount = newcomerCount + 1;
    for (const s of this.live) {
      if (s.registered) continue;
      const n = this.fromAddress(s.address);
      if (n > bestCount) {
        best = s;
        bestCount = n;
      }
    }
    return best;
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}
