/**
 * Web mode's server: the built renderer over HTTP and the IPC contract over one WebSocket, both on
 * 127.0.0.1 only. The announced URL carries the session secret in its fragment; a socket is accepted
 * only with that secret, this server's own Host and its own page's Origin (handshake.ts). Requests go
 * through the same dispatcher as Electron's IPC, so every door validates the same way.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { cspHeader } from '../host/csp.js';
import { securityHeaders } from '../host/security-headers.js';
import type { Dispatcher } from '../ipc/register.js';
import { ClientSocket, type ClientLimits } from './client-socket.js';
import { allowedOrigins, checkHandshake, createSessionSecret, isOwnHost } from './handshake.js';
import { KEY_FRAGMENT, MAX_REQUEST_FRAME_BYTES, WEB_SOCKET_PATH, WEB_SUBPROTOCOL } from '../core/web-bridge.js';
import { sendText, serveStatic } from './static-files.js';

/** What web mode needs of the IPC runtime (src-main/ipc/index.ts's IpcRuntime has it). */
export interface WebRuntime {
  dispatcher: Dispatcher;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface WebServerOptions {
  /** the built renderer (dist/renderer) */
  rendererDir: string;
  runtime: WebRuntime;
  /** loopback only: nothing else on the network may reach the app */
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port */
  port?: number;
  limits?: Partial<WebLimits>;
}

export interface WebLimits extends ClientLimits {
  /** the largest frame a client may send; a bigger one closes its socket (1009) */
  maxFrameBytes: number;
  /** open sockets at once (tabs of the app); more are refused with 503 */
  maxClients: number;
  /** TCP connections at once, sockets and page loads together; more are closed on arrival */
  maxConnections: number;
  /** a request's headers must arrive within this (a half-sent request is closed) */
  headersTimeoutMs: number;
  /** a whole HTTP request must arrive within this */
  requestTimeoutMs: number;
  /** a connection silent this long is closed (a connection that never sends anything too) */
  idleTimeoutMs: number;
  /** a kept-alive connection waits this long for its next request */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_WEB_LIMITS: WebLimits = {
  maxFrameBytes: MAX_REQUEST_FRAME_BYTES,
  maxClients: 16,
  maxInFlight: 256,
  maxBufferedBytes: 16 * 1024 * 1024,
  // Every tab's socket, plus a browser's six parallel page loads each, with room to spare.
  maxConnections: 128,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

export interface WebServer {
  /** the URL to open: http://127.0.0.1:PORT/#key=SECRET */
  readonly url: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly port: number;
  /** true for the Origin of this server's own page (for the dispatcher's sender check) */
  isOwnOrigin(origin: string | null): boolean;
  /** sockets currently open */
  clientCount(): number;
  /** closes every socket and stops listening; the runtime is the caller's to dispose */
  close(): Promise<void>;
}

/** A start-up failure the caller reports in one line (code PORT_IN_USE, LISTEN_FAILED). */
export class WebServerError extends Error {
  constructor(
    readonly code: 'PORT_IN_USE' | 'LISTEN_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'WebServerError';
  }
}

const LOOPBACK = '127.0.0.1';
/** how long closing sockets get to say goodbye before they are cut */
const CLOSE_GRACE_MS = 1000;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  if ((options.host ?? LOOPBACK) !== LOOPBACK) throw new WebServerError('LISTEN_FAILED', `web mode listens on ${LOOPBACK} only`);
  const limits: WebLimits = { ...DEFAULT_WEB_LIMITS, ...options.limits };
  const secret = createSessionSecret();
  const clients = new Set<ClientSocket>();
  let port = 0;
  let headers: Record<string, string> = {};
  let origins: string[] = [];
  let closing = false;

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks the header and request deadlines on this beat (30 s by default: too coarse).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (req, res) => {
      // A DNS-rebound name reaches us as a foreign Host: nothing is served to it, not even the page.
      if (!isOwnHost(req.headers.host, port)) {
        sendText(res, 403, `Forbidden: open http://127.0.0.1:${port}/ (requests for another host name are refused).`, headers);
        return;
      }
      void serveStatic(req, res, options.rendererDir, headers).catch(() => {
        if (!res.headersSent) sendText(res, 500, 'Internal error while reading the file.', headers);
        else res.destroy();
      });
    },
  );
  // A silent connection (never a request, or idle between them) is destroyed by Node's default
  // 'timeout' handling; an upgraded socket is ws's, which turns this timer off.
  server.setTimeout(limits.idleTimeoutMs);
  server.maxConnections = limits.maxConnections;

  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: limits.maxFrameBytes,
    perMessageDeflate: false,
    // Answer with the protocol name only; the key entry is never echoed back.
    handleProtocols: (offered) => (offered.has(WEB_SUBPROTOCOL) ? WEB_SUBPROTOCOL : false),
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const pathname = (req.url ?? '').split('?', 1)[0];
    if (pathname !== WEB_SOCKET_PATH) return refuseUpgrade(socket, 404, `there is no WebSocket here; the app's socket is ${WEB_SOCKET_PATH}`);
    const verdict = checkHandshake(req.headers, port, secret);
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason);
    if (closing) return refuseUpgrade(socket, 503, 'web mode is stopping');
    if (clients.size >= limits.maxClients)
      return refuseUpgrade(socket, 503, `${limits.maxClients} pages are already connected; close one and reload`);
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const client = new ClientSocket(ws, options.runtime.dispatcher, { url: verdict.origin, authenticated: true }, limits);
      clients.add(client);
      void client.closed.then(() => clients.delete(client));
    });
  });

  const unsubscribe = options.runtime.subscribe((event, payload) => {
    if (clients.size === 0) return;
    let frame: string;
    try {
      frame = JSON.stringify({ event, payload });
    } catch {
      return;
    }
    for (const client of clients) client.sendEvent(frame);
  });

  try {
    port = await listen(server, options.port ?? 0);
  } catch (err) {
    unsubscribe();
    wss.close();
    throw err;
  }
  origins = allowedOrigins(port);
  headers = securityHeaders(cspHeader({ connectSrc: [`ws://${LOOPBACK}:${port}`, `ws://localhost:${port}`] }));
  const origin = `http://${LOOPBACK}:${port}`;

  let closed: Promise<void> | null = null;
  return {
    url: `${origin}/#${KEY_FRAGMENT}=${secret}`,
    origin,
    port,
    isOwnOrigin: (o) => o !== null && origins.includes(o),
    clientCount: () => clients.size,
    close() {
      closed ??= (async () => {
        closing = true;
        unsubscribe();
        await closeClients(clients);
        wss.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closed;
    },
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new WebServerError('PORT_IN_USE', `port ${port} on ${LOOPBACK} is already in use`));
      else if (err.code === 'EACCES')
        reject(new WebServerError('LISTEN_FAILED', `port ${port} on ${LOOPBACK} needs privileges this user does not have`));
      else reject(new WebServerError('LISTEN_FAILED', `cannot listen on ${LOOPBACK}:${port} (${err.code ?? err.message})`));
    };
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** Says goodbye (1001) to every socket, then cuts the ones that did not close in time. */
async function closeClients(clients: Set<ClientSocket>): Promise<void> {
  if (clients.size === 0) return;
  const all = [...clients];
  for (const client of all) client.close(1001, 'GAX Token Lab web mode stopped');
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_GRACE_MS);
  });
  await Promise.race([Promise.all(all.map((c) => c.closed)), grace]);
  clearTimeout(timer);
  for (const client of clients) client.terminate();
  clients.clear();
}

/** An HTTP answer on a socket that asked to upgrade: one line, then the connection is closed. */
function refuseUpgrade(socket: Duplex, status: 403 | 404 | 503, reason: string): void {
  const text = `${reason}\n`;
  const statusText = status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}
