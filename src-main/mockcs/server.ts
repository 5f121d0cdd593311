/**
 * MockCs: the mock Configuration Server. Owns the listeners, the live options, the users' hashes,
 * the token-uuid, the TLS certificate and the connections; each connection is a Session.
 */
import type { Socket } from 'node:net';
import { ConnectionCounts, remoteAddress } from './admission.js';
import { refuseBusy, busyHint } from './busy.js';
import { EventHub, type MockCsEvent, type MockCsEventListener } from './events.js';
import { describeFailure } from './failure.js';
import { ListenerSet } from './listener-set.js';
import { describeTlsError, hostPort, type ListenerInfo } from './listeners.js';
import {
  MockCsOptionsError,
  mergeMockCsOptions,
  parseMockCsOptions,
  type MockCsListener,
  type MockCsOptions,
  type PublicMockCsOptions,
} from './options.js';
import { publicMockCsOptions } from './public-options.js';
import { Session } from './session.js';
import { deriveFromOptions, type MockCsCounters, type ServerState } from './state.js';
import { loadOrCreateTlsMaterial, type TlsMaterial } from './tls.js';
import { TokenUuidKeeper } from './token-uuid-keeper.js';
import { UserDirectory } from './users.js';

export interface MockCsInit {
  options?: Partial<MockCsOptions>;
  /** where the generated token-uuid and the TLS certificate are kept; without it both live in memory only */
  dataDir?: string;
  /** the real clock, Unix ms (the CS clock adds clockOffsetSeconds); default Date.now */
  clock?: () => number;
}

export interface MockCsStatus {
  running: boolean;
  listeners: ListenerInfo[];
  connections: number;
  registered: number;
  counters: MockCsCounters;
}

export class MockCs {
  private options: MockCsOptions;
  private readonly dataDir: string | undefined;
  private readonly clock: () => number;
  private readonly hub = new EventHub();
  private readonly sessions = new Set<Session>();
  private readonly counts = new ConnectionCounts<Session>();
  private readonly listeners = new ListenerSet(
    {
      onConnection: (socket, info) => this.accept(socket, info),
      onTlsError: (err, remote, info) => this.tlsFailed(err, remote, info),
      handshakeCap: () => this.options.maxConnectionsPerAddress,
    },
    (specs) => this.tlsFor(specs),
  );
  private state: ServerState | null = null;
  private readonly uuids: TokenUuidKeeper;
  private tlsMaterial: TlsMaterial | null = null;
  /** start, stop and updateOptions run one at a time, in call order */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(init: MockCsInit = {}) {
    const parsed = parseMockCsOptions(init.options ?? {});
    if (!parsed.ok) throw new MockCsOptionsError(parsed.message);
    this.options = parsed.options;
    this.dataDir = init.dataDir;
    this.uuids = new TokenUuidKeeper(init.dataDir);
    this.clock = init.clock ?? Date.now;
  }

  start(): Promise<ListenerInfo[]> {
    return this.serialized(async () => {
      if (this.state) return this.listeners.infos();
      const options = this.options;
      const users = await UserDirectory.build(options.users);
      const tokenUuid = this.effectiveTokenUuid(options);
      const state: ServerState = {
        options,
        derived: deriveFromOptions(options),
        users,
        tokenUuid,
        events: this.hub,
        sessions: this.sessions,
        registeredCount: 0,
        counters: { accepted: 0, rejected: {}, protocolErrors: {} },
        csNowMs: () => Math.floor(this.clock() + state.options.clockOffsetSeconds * 1000),
      };
      this.state = state;
      try {
        await this.listeners.bindAll(options.listeners);
      } catch (err) {
        this.state = null;
        throw err;
      }
      return this.listeners.infos();
    });
  }

  /** Closes every socket and frees every port. Calling it again does nothing. */
  stop(): Promise<void> {
    return this.serialized(() => this.closeAll());
  }

  /**
   * Applies options while running, as CS options take effect immediately: registered clients
   * stay, the next decision uses the new values, and only listeners that changed are rebound.
   * Rejects with a MockCsOptionsError (one line) and keeps the old options when the patch is invalid.
   */
  updateOptions(patch: Partial<MockCsOptions>): Promise<void> {
    return this.serialized(async () => {
      const merged = mergeMockCsOptions(this.options, patch);
      if (!merged.ok) throw new MockCsOptionsError(merged.message);
      const next = merged.options;
      const state = this.state;
      if (!state) {
        this.options = next;
        return;
      }
      const users = sameUsers(this.options.users, next.users) ? state.users : await UserDirectory.build(next.users);
      const tokenUuid = this.effectiveTokenUuid(next);
      await this.listeners.rebind(next.listeners);
      this.options = next;
      state.options = next;
      state.derived = deriveFromOptions(next);
      state.users = users;
      state.tokenUuid = tokenUuid;
      for (const session of this.sessions) session.optionsChanged();
    });
  }

  /** The full options, passwords and token-uuid included: callers redact (see publicOptions). */
  getOptions(): MockCsOptions {
    return structuredClone(this.options);
  }

  /** The options safe to show or log: token-uuid masked, passwords reduced to whether there is one. */
  publicOptions(): PublicMockCsOptions {
    return publicMockCsOptions(this.options);
  }

  status(): MockCsStatus {
    const state = this.state;
    return {
      running: state !== null,
      listeners: this.listeners.infos(),
      connections: this.sessions.size,
      registered: state?.registeredCount ?? 0,
      counters: state ? structuredClone(state.counters) : { accepted: 0, rejected: {}, protocolErrors: {} },
    };
  }

  /** The effective token-uuid (configured, or generated and kept), for minting in the app. Never log it. */
  tokenUuid(): string {
    return this.effectiveTokenUuid(this.options);
  }

  /**
   * Replaces the generated token-uuid with a new one (kept in the data dir), in effect for the next
   * decision; tokens minted with the old one then fail BAD_SIGNATURE. Refused while one is configured.
   */
  regenerateTokenUuid(): Promise<void> {
    return this.serialized(async () => {
      if (this.options.tokenUuid !== null)
        throw new MockCsOptionsError('tokenUuid is configured, so there is no generated one to replace: set tokenUuid to null first');
      const uuid = this.uuids.regenerate();
      if (this.state) this.state.tokenUuid = uuid;
    });
  }

  /** Every event from now on; returns the unsubscribe function. */
  onEvent(listener: (e: MockCsEvent) => void): () => void {
    return this.hub.subscribe(listener as MockCsEventListener);
  }

  // -------------------------------------------------------------------------------------------

  private serialized<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The certificate, when `specs` has a TLS listener: loaded or made once, renewed once expired. */
  private async tlsFor(specs: readonly MockCsListener[]): Promise<TlsMaterial | null> {
    if (!specs.some((l) => l.tls)) return this.tlsMaterial;
    const now = this.clock();
    if (!this.tlsMaterial || this.tlsMaterial.validTo.getTime() <= now) {
      const made = await loadOrCreateTlsMaterial(this.dataDir, now);
      this.tlsMaterial = made;
      // Pinned fingerprints break with a new certificate: say so, with the new one.
      if (made.replaced !== undefined && this.state)
        this.emitSafely(this.state, {
          kind: 'error',
          listener: 'tls',
          remote: '',
          code: 'TLS_CERTIFICATE_REPLACED',
          message: `${made.replaced}; its SHA-256 fingerprint is ${made.fingerprint256}: clients that pinned the old one must pin this one`,
        });
    }
    return this.tlsMaterial;
  }

  private effectiveTokenUuid(options: MockCsOptions): string {
    return this.uuids.effective(options.tokenUuid);
  }

  private async closeAll(): Promise<void> {
    if (!this.state) return;
    const sessionsClosed = [...this.sessions].map((session) => {
      session.destroy('server stopped');
      return session.closed;
    });
    await Promise.all([this.listeners.close(), ...sessionsClosed]);
    this.state = null;
  }

  private accept(socket: Socket, info: ListenerInfo): void {
    const state = this.state;
    const address = remoteAddress(socket.remoteAddress);
    const remote = hostPort(socket.remoteAddress ?? 'unknown', socket.remotePort ?? 0);
    if (!state) {
      socket.destroy();
      return;
    }
    // This runs in the listener's 'connection' event: a throw here would be an uncaught exception
    // (the process down, every connection with it), so it ends this one connection instead.
    let session: Session | undefined;
    try {
      socket.setNoDelay(true);
      const verdict = this.counts.admit(state.options, address, info.id, this.listeners.capOf(info.id));
      if (!verdict.ok) {
        refuseBusy(socket, state, verdict.message, busyHint(verdict.limit));
        return this.emitSafely(state, {
          kind: 'error',
          listener: info.id,
          remote,
          code: 'SERVER_BUSY',
          message: `connection refused and closed: ${verdict.message}`,
        });
      }
      if (verdict.evict) {
        const victim = verdict.evict;
        this.counts.release(victim);
        victim.evict(
          `the server is full (maxConnections = ${state.options.maxConnections}) and this connection from ${victim.address}, one of its ${this.counts.fromAddress(victim.address) + 1}, has not registered: it is closed to make room for a client from another address`,
          busyHint('maxConnectionsPerAddress'),
        );
      }
      const s = (session = new Session(socket, info.id, remote, address, state));
      this.sessions.add(s);
      this.counts.add(s);
      void s.closed.then(() => this.counts.release(s));
      s.start();
    } catch (err) {
      socket.on('error', () => {});
      socket.destroy();
      if (session) {
        this.sessions.delete(session);
        this.counts.release(session);
      }
      this.emitSafely(state, {
        kind: 'error',
        listener: info.id,
        remote,
        code: 'INTERNAL_ERROR',
        message: `the server failed to accept this connection (${describeFailure(err)}); it is closed, other connections go on`,
      });
    }
  }

  /** A server-level event that must not throw (it reports a failure already being handled). */
  private emitSafely(state: ServerState, e: Pick<MockCsEvent, 'kind' | 'listener' | 'remote' | 'code' | 'message'>): void {
    try {
      if (this.hub.active) this.hub.emit({ time: state.csNowMs(), userName: null, authMethod: null, latencyMs: null, ...e });
    } catch {
      // nothing more to tell anyone
    }
  }

  /** Called from the TLS server's own events, where a throw would be uncaught: hence emitSafely. */
  private tlsFailed(err: Error & { code?: string }, remote: string, info: ListenerInfo): void {
    const state = this.state;
    if (state) this.emitSafely(state, { kind: 'error', listener: info.id, remote, code: 'TLS_HANDSHAKE_FAILED', message: describeTlsError(err) });
  }
}

function sameUsers(a: MockCsOptions['users'], b: MockCsOptions['users']): boolean {
  return (
    a.length === b.length &&
    a.every((u, i) => {
      const v = b[i]!;
      return u.userName === v.userName && u.password === v.password && u.enabled === v.enabled;
    })
  );
}
