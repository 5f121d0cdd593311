/**
 * One client connection: Hello, then requests in order (a password check is asynchronous, so the
 * lines after it wait, and the socket is paused meanwhile), the register timeout, the failed
 * attempts, and a clean close. Anything that goes wrong here ends this connection only: every way
 * in (socket events, timers, the end of a password check) catches what it throws and closes this
 * connection with a logged reason, and the server and the other connections go on.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  clientRegisteredLine,
  clientUnregisteredLine,
  errorLine,
  helloLine,
  pongLine,
  protocolError,
  PROTOCOL_HINTS,
  serverTimeLine,
} from './answers.js';
import { writeRefusal } from './answer-bytes.js';
import { decideRegistration, type RegisterOutcome } from './authenticate.js';
import { emitSessionEvent, eventToken, type EventExtras, type MockCsEvent } from './events.js';
import { LINE_TOO_LARGE, LineReader } from './framing.js';
import { parseRequestLine } from './messages.js';
import { LineOutput } from './output.js';
import { RegisterDeadline } from './deadline.js';
import type { AuthMethod, CsMockErrorCode, RegisterClientRequest } from './protocol.js';
import { count, registerContext, type ServerState } from './state.js';
import { describeFailure } from './failure.js';

/** Three unreadable lines in a row: this is not a csmock/1 client. */
const MAX_BAD_FRAMES_IN_A_ROW = 3;
/** After our last line, how long a client may take to read it and close before the socket is destroyed. */
const CLOSE_GRACE_MS = 2000;

export class Session {
  readonly sessionId = randomUUID();
  registered = false;
  userName: string | null = null;
  clientName: string | undefined;
  authMethod: AuthMethod | null = null;

  private readonly reader: LineReader;
  private failures = 0;
  private badFramesInRow = 0;
  /** a password check is running: later lines wait */
  private busy = false;
  private closing = false;
  /** an unexpected throw was handled: do not handle another one (its handling may be what throws) */
  private failed = false;
  private closeReason: string | null = null;
  private peerEnded = false;
  private readonly output: LineOutput;
  private readonly deadline = new RegisterDeadline(() => this.guarded(() => this.idleTimeout()));
  private killTimer: NodeJS.Timeout | null = null;
  private markClosed!: () => void;
  /** resolves once the socket is closed and the close event was sent */
  readonly closed = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(
    private readonly socket: Socket,
    private readonly listenerId: string,
    private readonly remote: string,
    private readonly state: ServerState,
  ) {
    this.reader = new LineReader(state.options.maxLineBytes);
    this.output = new LineOutput(socket, () => this.resumeReading());
  }

  start(): void {
    const s = this.socket;
    s.on('data', (chunk: Buffer) => this.onData(chunk));
    s.on('end', () => this.guarded(() => this.onPeerEnd()));
    // An unhandled 'error' would crash the process; a socket error ends this connection only.
    s.on('error', (err: NodeJS.ErrnoException) => {
      this.closeReason ??= err.code === 'ECONNRESET' ? 'reset by the client' : `connection error (${typeof err.code === 'string' ? err.code : describeFailure(err)})`;
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
  private pump(): void {
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
  private resumeReading(): void {
    if (!this.busy && !this.closing && !this.output.blocked) this.socket.resume();
  }

  private endIfDone(): void {
    if (this.peerEnded && !this.closing && !this.reader.hasChunk)
      this.close(this.reader.pendingBytes > 0 ? 'the client closed in the middle of a line' : 'closed by the client');
  }

  private handleLine(line: Buffer): void {
    const t0 = performance.now();
    const parsed = parseRequestLine(line);
    if (!parsed.ok) {
      const closing = parsed.code === 'BAD_FRAME' && ++this.badFramesInRow >= MAX_BAD_FRAMES_IN_A_ROW;
      if (parsed.code !== 'BAD_FRAME') this.badFramesInRow = 0;
      const message = closing ? `${parsed.message}; ${MAX_BAD_FRAMES_IN_A_ROW} unreadable lines in a row: the server closes the connection` : parsed.message;
      this.sendProtocolError(parsed.requestId, parsed.code, message, PROTOCOL_HINTS[parsed.code], t0, parsed.type);
      if (closing) this.close(`${MAX_BAD_FRAMES_IN_A_ROW} BAD_FRAMEs in a row`);
      return;
    }
    this.badFramesInRow = 0;
    const req = parsed.request;
    switch (req.type) {
      case 'RegisterClient':
        return this.register(req, t0);
      case 'GetServerTime': {
        const now = this.state.csNowMs();
        this.write(serverTimeLine(req.requestId, now));
        return this.emit('request', 'OK', `ServerTime ${now} sent`, t0, { request: req.type, requestId: req.requestId });
      }
      case 'Ping':
        this.write(pongLine(req.requestId));
        return this.emit('request', 'OK', 'Pong sent', t0, { request: req.type, requestId: req.requestId });
      case 'UnregisterClient':
        this.write(clientUnregisteredLine(req.requestId));
        this.emit('request', 'OK', 'ClientUnregistered sent; the server closes the connection', t0, { request: req.type, requestId: req.requestId });
        return this.close('unregistered');
    }
  }

  // -------------------------------------------------------------------------------------------
  // RegisterClient

  private register(req: RegisterClientRequest, t0: number): void {
    if (this.clientName === undefined && req.clientName !== undefined) this.clientName = req.clientName;
    if (this.registered) {
      const message = `this connection is already registered as "${this.userName ?? ''}"`;
      return this.sendProtocolError(req.requestId, 'ALREADY_REGISTERED', message, PROTOCOL_HINTS.ALREADY_REGISTERED, t0, req.type, req.userName);
    }
    const outcome = decideRegistration(req, registerContext(this.state));
    if (!(outcome instanceof Promise)) return this.finishRegister(req, outcome, t0);
    this.busy = true;
    outcome.then(
      (o) => this.guarded(() => this.resumeAfter(() => this.finishRegister(req, o, t0))),
      (err: unknown) => this.guarded(() => this.resumeAfter(() => this.internalError(err))),
    );
  }

  private resumeAfter(finish: () => void): void {
    this.busy = false;
    if (this.closing) return;
    this.output.begin();
    try {
      finish();
    } finally {
      this.output.flush();
    }
    this.resumeReading();
    this.pump();
  }

  private finishRegister(req: RegisterClientRequest, outcome: RegisterOutcome, t0: number): void {
    const { options, counters } = this.state;
    if (outcome.ok) {
      this.registered = true;
      this.userName = req.userName;
      this.authMethod = outcome.authMethod;
      this.deadline.clear();
      this.state.registeredCount++;
      counters.accepted++;
      this.write(clientRegisteredLine(req.requestId, this.sessionId, req.userName, outcome.authMethod, outcome.tokenExpires));
      if (this.state.events.active)
        this.emit('register', 'OK', outcome.message, t0, { userName: req.userName, authMethod: outcome.authMethod, token: eventToken(req.password, options), requestId: req.requestId });
      return;
    }
    count(counters.rejected, outcome.code);
    const sentCode = writeRefusal(this.output, options, req.requestId, ++this.failures, outcome);
    const last = sentCode === 'TOO_MANY_ATTEMPTS';
    if (this.state.events.active) {
      const { authMethod, detail } = outcome;
      const sent = sentCode !== outcome.code ? sentCode : undefined;
      this.emit('register', outcome.code, outcome.message, t0, { userName: req.userName, authMethod, token: eventToken(req.password, options), requestId: req.requestId, sentCode: sent, hint: detail.hint });
    }
    if (last) {
      count(counters.protocolErrors, 'TOO_MANY_ATTEMPTS');
      this.close(`TOO_MANY_ATTEMPTS: ${this.failures} failed registrations`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Errors, timers, closing

  private sendProtocolError(
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
    this.sendProtocolError(null, 'FRAME_TOO_LARGE', `a line is longer than ${max} bytes (maxLineBytes): the server closes the connection`, PROTOCOL_HINTS.FRAME_TOO_LARGE, null);
    this.close('FRAME_TOO_LARGE');
  }

  private armIdleTimer(): void {
    this.deadline.arm(this.state.options.registerTimeoutSeconds);
  }

  private idleTimeout(): void {
    if (this.registered || this.closing) return;
    const s = this.state.options.registerTimeoutSeconds;
    this.sendProtocolError(null, 'IDLE_TIMEOUT', `not registered within ${s} s of connecting (registerTimeoutSeconds): the server closes the connection`, PROTOCOL_HINTS.IDLE_TIMEOUT, null);
    this.close('IDLE_TIMEOUT');
  }

  /** Runs one way into this connection; what it throws closes this connection, nothing else. */
  private guarded(run: () => void): void {
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
  private internalError(err: unknown): void {
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
  private close(reason: string): void {
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

  private write(line: string): void {
    this.output.write(line);
  }

  private emit(kind: MockCsEvent['kind'], code: string, message: string, t0: number | null, extra?: EventExtras): void {
    if (!this.state.events.active) return;
    const where = { listener: this.listenerId, remote: this.remote, time: this.state.csNowMs() };
    emitSessionEvent(this.state.events, where, this, kind, code, message, t0, extra);
  }
}
