/** Binding the mock CS's ports (plain TCP or TLS) and telling a person why a bind failed. */
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import type { MockCsListener } from './options.js';
import type { TlsMaterial } from './tls.js';

export interface ListenerInfo {
  /** "127.0.0.1:2020" or "tls 127.0.0.1:2021" (the actual port, also after port 0) */
  id: string;
  host: string;
  port: number;
  tls: boolean;
  /** "AB:CD:…", TLS listeners only */
  fingerprint256?: string;
}

export interface BoundListener {
  /** as configured (port may be 0) */
  spec: MockCsListener;
  server: Server;
  info: ListenerInfo;
}

export interface ListenerHandlers {
  /** a raw TCP connection (before any TLS handshake), for bookkeeping */
  onRawSocket(socket: Socket): void;
  /** a connection ready for csmock/1 (after the handshake on TLS listeners) */
  onConnection(socket: Socket, info: ListenerInfo): void;
  /** a TLS handshake that failed or was abandoned; `remote` is "host:port" */
  onTlsError(err: Error & { code?: string }, remote: string, info: ListenerInfo): void;
  /** the most TLS handshakes one remote address may have pending on a listener (maxConnectionsPerAddress) */
  handshakeCap(): number;
}

/** A slow or silent TLS client gives up its slot after this long. */
const TLS_HANDSHAKE_TIMEOUT_MS = 10_000;

export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function listenerId(host: string, port: number, tls: boolean): string {
  return `${tls ? 'tls ' : ''}${hostPort(host, port)}`;
}

export function sameListener(a: MockCsListener, b: MockCsListener): boolean {
  return a.host === b.host && a.port === b.port && Boolean(a.tls) === Boolean(b.tls);
}

export function bindListener(spec: MockCsListener, tls: TlsMaterial | null, handlers: ListenerHandlers): Promise<BoundListener> {
  const useTls = Boolean(spec.tls);
  let info: ListenerInfo | null = null;
  let server: Server;
  if (useTls) {
    if (!tls) return Promise.reject(new Error('internal: a TLS listener without a certificate'));
    // No allowHalfOpen during the handshake: a client that gives up must close at once (with it,
    // the half-open socket would wait for the handshake timeout). Sessions turn it on after.
    const tlsServer = createTlsServer({ key: tls.key, cert: tls.cert, handshakeTimeout: TLS_HANDSHAKE_TIMEOUT_MS, minVersion: 'TLSv1.2' });
    // A client that refuses our certificate often just closes (TLS 1.3: before the server's side
    // completes), and Node reports that as nothing or as a bare ECONNRESET: track handshakes that
    // never finish, so the log says once, with the reason the bytes exchanged point to.
    const handshaking = new Map<string, { raw: Socket; reported: boolean; release?: () => void }>();
    const keyOf = (sock: Socket) => hostPort(sock.remoteAddress ?? 'unknown', sock.remotePort ?? 0);
    /** pending handshakes by remote address: a handshake is not a session yet, but holds a socket */
    const pendingFrom = new Map<string, number>();
    tlsServer.on('connection', (raw: Socket) => {
      // The remote is read now: once the socket is destroyed it is gone ("unknown:0").
      const key = keyOf(raw);
      const address = raw.remoteAddress ?? 'unknown';
      const pending = pendingFrom.get(address) ?? 0;
      const entry: { raw: Socket; reported: boolean; release?: () => void } = { raw, reported: false };
      if (pending >= handlers.handshakeCap()) {
        entry.reported = true;
        raw.destroy();
        const err = new Error(
          `${pending} TLS handshakes from ${address} are pending, the most this server takes from one address (maxConnectionsPerAddress = ${handlers.handshakeCap()})`,
        );
        if (info) handlers.onTlsError(Object.assign(err, { code: 'TOO_MANY_HANDSHAKES' }), key, info);
        return;
      }
      pendingFrom.set(address, pending + 1);
      let counted = true;
      const done = () => {
        if (!counted) return;
        counted = false;
        const left = (pendingFrom.get(address) ?? 1) - 1;
        if (left > 0) pendingFrom.set(address, left);
        else pendingFrom.delete(address);
      };
      entry.release = done;
      handshaking.set(key, entry);
      raw.once('close', () =>
        // Deferred: a handshake error for the same socket is reported first, when there is one.
        setImmediate(() => {
          done();
          if (handshaking.get(key) === entry) handshaking.delete(key);
          if (!entry.reported && !secured.has(raw) && info) handlers.onTlsError(abandoned(raw), key, info);
        }),
      );
    });
    /** raw sockets whose handshake completed */
    const secured = new WeakSet<Socket>();
    tlsServer.on('secureConnection', (socket: TLSSocket) => {
      const entry = handshaking.get(keyOf(socket));
      if (entry) {
        secured.add(entry.raw);
        handshaking.delete(keyOf(socket));
        // No longer a pending handshake: the session's own limits count it from here.
        entry.release?.();
      }
      socket.allowHalfOpen = true;
      if (info) handlers.onConnection(socket, info);
    });
    tlsServer.on('tlsClientError', (err: Error & { code?: string }, socket: TLSSocket) => {
      const key = keyOf(socket);
      socket.destroy();
      const entry = handshaking.get(key);
      if (err.code === 'ECONNRESET') return; // reported once the socket closes, as an abandoned handshake
      if (entry) entry.reported = true;
      const reason =
        err.code === 'ERR_TLS_HANDSHAKE_TIMEOUT' && entry && entry.raw.bytesRead === 0 ? Object.assign(err, { code: 'SILENT_CLIENT' }) : err;
      if (info) handlers.onTlsError(reason, key, info);
    });
    server = tlsServer;
  } else {
    server = createTcpServer({ allowHalfOpen: true, noDelay: true });
    server.on('connection', (socket: Socket) => info && handlers.onConnection(socket, info));
  }
  // Both kinds: every raw TCP socket, so stop() can destroy those still in a TLS handshake too.
  server.on('connection', (socket: Socket) => handlers.onRawSocket(socket));
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => reject(new Error(describeBindError(err, spec.host, spec.port), { cause: err }));
    server.once('error', onError);
    server.listen({ host: spec.host, port: spec.port, exclusive: true }, () => {
      server.off('error', onError);
      // A listening server has no error to report to anyone; keep it from becoming an uncaught exception.
      server.on('error', () => {});
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : spec.port;
      info = { id: listenerId(spec.host, port, useTls), host: spec.host, port, tls: useTls };
      if (useTls && tls) info.fingerprint256 = tls.fingerprint256;
      resolve({ spec, server, info });
    });
  });
}

/**
 * Stops accepting: the port is free when this returns. Connections already accepted are left to
 * the caller; `closed` resolves once they are all gone too.
 */
/** Why a handshake that never finished most likely ended, from what crossed the wire. */
function abandoned(raw: Socket): Error & { code: string } {
  const code = raw.bytesRead === 0 ? 'CLOSED_SILENT' : raw.bytesWritten === 0 ? 'CLOSED_IN_HELLO' : 'HANDSHAKE_ABANDONED';
  return Object.assign(new Error('handshake abandoned'), { code });
}

export function closeListener(l: BoundListener): { closed: Promise<void> } {
  const closed = new Promise<void>((resolve) => {
    if (!l.server.listening) return resolve();
    l.server.close(() => resolve());
  });
  return { closed };
}

export function describeBindError(err: NodeJS.ErrnoException, host: string, port: number): string {
  const where = hostPort(host, port);
  switch (err.code) {
    case 'EADDRINUSE':
      return `cannot listen on ${where}: the port is already in use — pick another port (0 picks a free one) or stop the program using it`;
    case 'EACCES':
    case 'EPERM':
      return `cannot listen on ${where}: not allowed — ports below 1024 need administrator rights; use a port from 1024 up (the CS's customary port is 2020)`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${where}: ${host} is not an address of this machine — use 127.0.0.1 or one of this machine's addresses`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on ${where}: the host name ${host} cannot be resolved — use an IP address such as 127.0.0.1`;
    default:
      return `cannot listen on ${where}: ${err.code ?? err.message}`;
  }
}

/** What a failed TLS handshake most likely means, for the server's log. */
export function describeTlsError(err: Error & { code?: string }): string {
  const code = err.code ?? '';
  const text = `${code} ${err.message}`;
  if (/ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED)/i.test(text))
    return `TLS handshake failed: the client refused this server's certificate (${code || 'alert'}) — give it the SHA-256 fingerprint to pin or the certificate file as its CA`;
  if (/WRONG_VERSION_NUMBER|HTTP_REQUEST|UNKNOWN_PROTOCOL|PACKET_LENGTH_TOO_LONG|RECORD_LAYER|UNEXPECTED_MESSAGE/i.test(text))
    return `TLS handshake failed: the client does not speak TLS (${code || 'bad record'}) — a plain connection to a TLS port?`;
  if (code === 'TOO_MANY_HANDSHAKES') return `TLS handshake refused: ${err.message}`;
  if (code === 'CLOSED_SILENT') return 'TLS handshake not started: the client connected and closed without sending anything';
  if (code === 'CLOSED_IN_HELLO')
    return 'TLS handshake not completed: the client closed in the middle of its hello, before this server sent its certificate';
  if (code === 'SILENT_CLIENT')
    return `TLS handshake not started: the client sent nothing for ${TLS_HANDSHAKE_TIMEOUT_MS / 1000} s and was closed — a plain csmock/1 client waiting for Hello on a TLS port?`;
  if (code === 'ECONNRESET' || code === 'HANDSHAKE_ABANDONED')
    return 'TLS handshake not completed: the client closed the connection after this server sent its certificate — most often it did not trust it (give it the SHA-256 fingerprint to pin, or the certificate file as its CA)';
  if (code === 'ERR_TLS_HANDSHAKE_TIMEOUT') return `TLS handshake failed: the client did not finish it within ${TLS_HANDSHAKE_TIMEOUT_MS / 1000} s`;
  return `TLS handshake failed: ${code || err.message}`;
}
