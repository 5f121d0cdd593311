/**
 * The running listeners: binding them all, changing them while running (only what changed is
 * rebound; connections on a removed listener stay), and closing them with every raw socket.
 */
import type { Socket } from 'node:net';
import { bindListener, closeListener, sameListener, type BoundListener, type ListenerHandlers, type ListenerInfo } from './listeners.js';
import type { MockCsListener } from './options.js';
import type { TlsMaterial } from './tls.js';

/** The certificate for TLS listeners among `specs` (made or loaded on first need), else null. */
export type TlsProvider = (specs: readonly MockCsListener[]) => Promise<TlsMaterial | null>;

export class ListenerSet {
  private bound: BoundListener[] = [];
  /** every accepted TCP socket, TLS handshakes included, so that stop() can close them all */
  private readonly rawSockets = new Set<Socket>();

  constructor(
    private readonly handlers: Pick<ListenerHandlers, 'onConnection' | 'onTlsError' | 'handshakeCap'>,
    private readonly tls: TlsProvider,
  ) {}

  /** A running listener's own connection cap, by its id (listeners[i].maxConnections). */
  capOf(id: string): number | undefined {
    return this.bound.find((b) => b.info.id === id)?.spec.maxConnections;
  }

  infos(): ListenerInfo[] {
    return this.bound.map((b) => ({ ...b.info }));
  }

  /** Binds every listener in order; on a failure, closes those bound and rejects (one line). */
  async bindAll(specs: readonly MockCsListener[]): Promise<void> {
    const material = await this.tls(specs);
    try {
      for (const spec of specs) this.bound.push(await this.bind(spec, material));
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  /** Listener changes: close those gone (their connections stay), bind those new; undo on failure. */
  async rebind(next: readonly MockCsListener[]): Promise<void> {
    /** in the configured order: a running listener kept, or the spec of one to bind */
    const plan: (BoundListener | MockCsListener)[] = [];
    const remove = [...this.bound];
    const add: MockCsListener[] = [];
    for (const spec of next) {
      // A listener bound to a free port (0) also matches its actual port: pinning it needs no rebind.
      const i = remove.findIndex((b) => sameListener(b.spec, spec) || sameListener({ ...b.spec, port: b.info.port }, spec));
      if (i >= 0) plan.push({ ...remove.splice(i, 1)[0]!, spec });
      else {
        plan.push(spec);
        add.push(spec);
      }
    }
    const isBound = (p: BoundListener | MockCsListener): p is BoundListener => 'server' in p;
    if (add.length === 0 && remove.length === 0) {
      this.bound = plan.filter(isBound);
      return;
    }
    const material = await this.tls(add);
    // Only the ports are freed: a registered client on a removed listener is not dropped.
    for (const b of remove) closeListener(b);
    const added: BoundListener[] = [];
    try {
      for (const spec of add) added.push(await this.bind(spec, material));
    } catch (err) {
      for (const b of added) closeListener(b);
      // Back where they were, on the same actual ports.
      const restored = await Promise.allSettled(
        remove.map(async (b) => ({ ...(await this.bind({ ...b.spec, port: b.info.port }, material ?? null)), spec: b.spec })),
      );
      this.bound = [...this.bound.filter((b) => !remove.includes(b)), ...restored.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))];
      throw err;
    }
    this.bound = plan.map((p) => (isBound(p) ? p : added.shift()!));
  }

  /** Stops accepting and destroys every raw socket; resolves once every listener is closed. */
  async close(): Promise<void> {
    const closing = this.bound.map((b) => closeListener(b).closed);
    this.bound = [];
    for (const socket of this.rawSockets) socket.destroy();
    await Promise.all(closing);
  }

  private bind(spec: MockCsListener, material: TlsMaterial | null): Promise<BoundListener> {
    return bindListener(spec, material, {
      ...this.handlers,
      onRawSocket: (socket) => {
        this.rawSockets.add(socket);
        socket.once('close', () => this.rawSockets.delete(socket));
      },
    });
  }
}
