/**
 * One client's csmock/1 conversation: the requests in order (a password check is asynchronous, so
 * the lines after it wait), RegisterClient's decision, and the failed attempts. The connection's
 * life (reading, writing, timers, closing, failures) is Connection's (connection.ts).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { clientRegisteredLine, clientUnregisteredLine, pongLine, PROTOCOL_HINTS, serverTimeLine } from './answers.js';
import { writeRefusal } from './answer-bytes.js';
import { decideRegistration, type RegisterOutcome } from './authenticate.js';
import { Connection } from './connection.js';
import { escapeClientText } from './escape.js';
import { eventToken } from './events.js';
import { parseRequestLine } from './messages.js';
import type { RegisterClientRequest } from './protocol.js';
import { count, registerContext } from './state.js';

/** Three unreadable lines in a row: this is not a csmock/1 client. */
const MAX_BAD_FRAMES_IN_A_ROW = 3;

export class Session extends Connection {
  readonly sessionId = randomUUID();

  private failures = 0;
  private badFramesInRow = 0;

  protected handleLine(line: Buffer): void {
    const t0 = performance.now();
    const parsed = parseRequestLine(line);
    if (!parsed.ok) {
      const closing = parsed.code === 'BAD_FRAME' && ++this.badFramesInRow >= MAX_BAD_FRAMES_IN_A_ROW;
      if (parsed.code !== 'BAD_FRAME') this.badFramesInRow = 0;
      const message = closing
        ? `${parsed.message}; ${MAX_BAD_FRAMES_IN_A_ROW} unreadable lines in a row: the server closes the connection`
        : parsed.message;
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

  private register(req: RegisterClientRequest, t0: number): void {
    if (this.clientName === undefined && req.clientName !== undefined) this.clientName = req.clientName;
    if (this.registered) {
      const message = `this connection is already registered as "${escapeClientText(this.userName ?? '', 64)}"`;
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
        this.emit('register', 'OK', outcome.message, t0, {
          userName: req.userName,
          authMethod: outcome.authMethod,
          token: eventToken(req.password, options),
          requestId: req.requestId,
        });
      return;
    }
    count(counters.rejected, outcome.code);
    const sentCode = writeRefusal(this.output, options, req.requestId, ++this.failures, outcome);
    const last = sentCode === 'TOO_MANY_ATTEMPTS';
    if (this.state.events.active) {
      const { authMethod, detail } = outcome;
      const sent = sentCode !== outcome.code ? sentCode : undefined;
      this.emit('register', outcome.code, outcome.message, t0, {
        userName: req.userName,
        authMethod,
        token: eventToken(req.password, options),
        requestId: req.requestId,
        sentCode: sent,
        hint: detail.hint,
      });
    }
    if (last) {
      count(counters.protocolErrors, 'TOO_MANY_ATTEMPTS');
      this.close(`TOO_MANY_ATTEMPTS: ${this.failures} failed registrations`);
    }
  }
}
