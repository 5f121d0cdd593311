/** SERVER_BUSY on connect: the answer instead of Hello, then the connection is closed. */
import type { Socket } from 'node:net';
import { errorLine, protocolError } from './answers.js';
import type { Admission } from './admission.js';
import { count, type ServerState } from './state.js';

/** A refused connection may take this long to read SERVER_BUSY before it is destroyed. */
const BUSY_GRACE_MS = 1000;

type Limit = Extract<Admission<never>, { ok: false }>['limit'];

export function busyHint(limit: Limit): string {
  switch (limit) {
    case 'maxConnectionsPerAddress':
      return 'Close the idle connections from this address, or raise maxConnectionsPerAddress on this server.';
    case 'listener':
      return "Close idle connections, or raise this listener's maxConnections (or use another listener).";
    case 'maxConnections':
      return 'Close idle connections, or raise maxConnections on this server.';
  }
}

export function refuseBusy(socket: Socket, state: ServerState, message: string, hint: string): void {
  socket.on('error', () => {});
  socket.end(errorLine(protocolError(state.options, null, 'SERVER_BUSY', message, state.csNowMs(), hint)));
  setTimeout(() => socket.destroy(), BUSY_GRACE_MS).unref();
  count(state.counters.protocolErrors, 'SERVER_BUSY');
}
