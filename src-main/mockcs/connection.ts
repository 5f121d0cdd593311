/**
 * One client connection's life, below the protocol: reading lines (paused while a password check
 * runs), writing answers, the register timeout, closing cleanly, and containing failures. Anything
 * that goes wrong here ends this connection only: every way in (socket events, timers, the end of
 * a password check) catches what it throws and closes this connection with a logged reason, and
 * the server and the other connections go on. What the lines mean is Session's (session.ts).
 */
import type { Socket } from 'node:net';
import { errorLine, helloLine, protocolError, PROTOCOL_HINTS } from './answers.js';
import { RegisterDeadline } from './deadline.js';
import { emitSessionEvent, type EventExtras, type MockCsEvent } from './events.js';
import { describeFailure } from './failure.js';
import { LINE_TOO_LARGE, LineReader } from './framing.js';
import { LineOutput } from './output.js';
import type { AuthMethod, CsMockErrorCode } from './protocol.js';
import { count, type ServerState } from './state.js';

/** After our last line, how long a client may take to read it and close before the socket is destroyed. */
const CLOSE_GRACE_MS = 2000;

export abstract class Connection {
  registered = false;
  userName: string | null = null;
  clientName: string | undefined;
  authMethod: AuthMethod | null = null;

  protected readonly reader: LineReader;
  protected readonly output: LineOutput;
  /** a password check is running: later lines wait */
  protected busy = false;
  protected closing = false;
  /** an unexpected throw was handled: do not handle another one (its handling may be what throws) */
  private failed = false;
  private closeReason: string | null = null;
  private peerEnded = false;
  protected readonly deadline = new RegisterDeadline(() => this.guarded(() => this.idleTimeout()));
  private killTimer: NodeJS.Timeout | null = null;
  private markClosed!: () => void;
  /** resolves once the socket is closed and the close event was sent */
  readonly closed = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(
    protected readonly socket: Socket,
    readonly listenerId: string,
    protected readonly remote: string,
    /** the remote address alone, as the server's limits count it */
    readonly address: string,
    protected readonly state: ServerState,
  ) {
    this.reader = new LineReader(state.options.maxLineBytes);
    this.output = new LineOutput(socket, () => this.resumeReading());
  }

  /** One complete request line. */
  protected abstract handleLine(line: Buffer): void;

  start(): void {
    const s = this.socket;
    s.on('data', (chunk: Buffer) => this.onData(chunk));
    s.on('end', () => this.guarded(() => this.onPeerEnd()));
    // An unhandled 'error' would crash the process; a socket error ends this connection only.
    s.on('error', (err: NodeJS.ErrnoException) => {
      this.closeReason ??=
        err.code === 'ECONNRESET' ? 'reset by the client' : `connection error (${typeof err.code === 'string' ? err.code : describeFailure(err)})`;
    });
    s.on('close', () => this.onClosed());
    this.guarded(() => {
      this.armIdleTimer();
      this.write(helloLine(this.state.csNowMs()));
      this.emit('connect', 'OK', 'connected', null);
    });
  }

  /** Live options: a new maxLineBytes applies from the next line, a new register timeout (counted from the connect) at once. */
  optionsChanged(): void {
    this.reader.setLimit(this.state.options.maxLineBytes);
    if (!this.registered && !this.closing) this.armIdleTimer();
  }

  /** stop(): close now, whatever is pending. */
  destroy(reason: string): void {
    this.closeReason ??= reason;
    this.closing = true;
    this.socket.destroy();
  }

  /** The server is full and this connection has not registered: SERVER_BUSY, then closed to make room. */
  evict(message: string, hint: string): void {
    this.guarded(() => {
      if (this.closing) return;
      this.sendProtocolError(null, 'SERVER_BUSY', message, hint, null);
      this.close('SERVER_BUSY: closed to make room for another client');
    });
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  private onData(chunk: Buffer): void {
    if (this.closing) return;
    this.reader.feed(chunk);
    if (!this.busy) this.guarded(() => this.pump());
  }

  private onPeerEnd(): void {
    this.peerEnded = true;
    // Answer what was asked, then close our side too (the server runs with allowHalfOpen).
    if (!this.busy && !this.closing) this.endIfDone();
  }

  /** Handles every complete line until one needs to wait (a password check) or the input runs out. */
  protected pump(): void {
    this.output.begin();
    try {
      while (!this.closing && !this.busy) {
        const line = this.reader.next();
        if (line === null) break;
        if (line === LINE_TOO_LARGE) {
          this.tooLarge();
          break;
        }
        this.handleLine(line);
      }
    } catch (err) {
      this.internalError(err);
    } finally {
      this.output.flush();
    }
    if (this.busy) this.socket.pause();
    else this.endIfDone();
  }

  /** Reading goes on when no password check is running and the client has read our answers. */
  protected resumeReading(): void {
    if (!this.busy && !this.closing && !this.output.blocked) this.socket.resume();
  }

  private endIfDone(): void {
    if (this.peerEnded && !this.closing && !this.reader.hasChunk)
      this.close(this.reader.pendingBytes > 0 ? 'the client closed in the middle of a line' : 'closed by the client');
  }

  // -------------------------------------------------------------------------------------------
  // Errors, timers, closing

  protected sendProtocolError(
    requestId: number | null,
    code: CsMockErrorCode,
    message: string,
    hint: string,
    t0: number | null,
    request?: string,
    userName?: string,
  ): void {
    count(this.state.counters.protocolErrors, code);
    this.write(errorLine(protocolError(this.state.options, requestId, code, message, this.state.csNowMs(), hint)));
    this.emit('error', code, message, t0, { request, requestId, userName: userName ?? this.userName });
  }

  private tooLarge(): void {
    const max = this.state.options.maxLineBytes;
    this.sendProtocolError(
      null,
      'FRAME_TOO_LARGE',
      `a line is longer than ${max} bytes (maxLineBytes): the server closes the connection`,
      PROTOCOL_HINTS.FRAME_TOO_LARGE,
      null,
    );
    this.close('FRAME_TOO_LARGE');
  }

  private armIdleTimer(): void {
    this.deadline.arm(this.state.options.registerTimeoutSeconds);
  }

  private idleTimeout(): void {
    if (this.registered || this.closing) return;
    const s = this.state.options.registerTimeoutSeconds;
    this.sendProtocolError(
      null,
      'IDLE_TIMEOUT',
      `not registered within ${s} s of connecting (registerTimeoutSeconds): the server closes the connection`,
      PROTOCOL_HINTS.IDLE_TIMEOUT,
      null,
    );
    this.close('IDLE_TIMEOUT');
  }

  /** Runs one way into this connection; what it throws closes this connection, nothing else. */
  protected guarded(run: () => void): void {
    try {
      run();
    } catch (err) {
      this.internalError(err);
    }
  }

  /**
   * An unexpected throw: the answers already made are sent, then the connection is closed, with
   * the failure's kind (never its message: it may quote a password) in the event and close reason.
   * Must not throw itself: the emit and the close may be what failed.
   */
  protected internalError(err: unknown): void {
    if (this.failed) return this.destroy('internal error');
    this.failed = true;
    const what = describeFailure(err);
    this.closeReason ??= `internal error (${what})`;
    try {
      this.emit('error', 'INTERNAL_ERROR', `the server failed on this connection (${what}); the connection is closed, other connections go on`, null);
    } catch {
      // the event is lost; the close below still ends the connection with its reason
    }
    try {
      this.close(this.closeReason);
    } catch {
      this.destroy(this.closeReason);
    }
  }

  /** Ends our side once what is written has gone; destroys the socket if the client never lets go. */
  protected close(reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.closeReason ??= reason;
    this.deadline.clear();
    this.output.flush();
    this.reader.discard();
    this.socket.end();
    this.killTimer = setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS);
    this.killTimer.unref();
  }

  private onClosed(): void {
    this.deadline.clear();
    if (this.killTimer) clearTimeout(this.killTimer);
    this.closing = true;
    this.reader.discard();
    if (this.state.sessions.delete(this) && this.registered) this.state.registeredCount--;
    this.markClosed();
    const reason = this.closeReason ?? (this.peerEnded ? 'closed by the client' : 'connection lost');
    try {
      this.emit('close', 'OK', reason, null);
    } catch {
      // the connection is gone either way; nothing is left to close
    }
  }

  // -------------------------------------------------------------------------------------------
  // Writing and events

  protected write(line: string): void {
    this.output.write(line);
  }

  protected emit(kind: MockCsEvent['kind'], code: string, message: string, t0: number | null, extra?: EventExtras): void {
    if (!this.state.events.active) return;
    const where = { listener: this.listenerId, remote: this.remote, time: this.state.csNowMs() };
    emitSessionEvent(this.state.events, where, this, kind, code, message, t0, extra);
  }
}
