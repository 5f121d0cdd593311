/**
 * Test peers on 127.0.0.1, port 0: the servers a login client meets that are not the mock CS —
 * a port that never speaks, one that speaks something else, and a minimal csmock/1 responder for
 * the TLS certificate cases (the mock CS only ever presents its own, valid certificate).
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';

export interface Peer {
  port: number;
  /** sockets the peer accepted, to check the client closed them */
  accepted: Socket[];
  /** resolves when `n` connections have closed */
  closed(n?: number): Promise<void>;
  stop(): Promise<void>;
}

function track(server: Server, onSocket: (s: Socket) => void, host = '127.0.0.1'): Promise<Peer> {
  // Connections are counted on the TCP socket: a TLS client that gives up right after its side
  // of the handshake leaves a server socket that never becomes a 'secureConnection'.
  const accepted: Socket[] = [];
  let closedCount = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  server.on('connection', (s: Socket) => {
    accepted.push(s);
    s.on('error', () => undefined);
    s.on('close', () => {
      closedCount++;
      for (const w of waiters.filter((w) => closedCount >= w.n)) w.resolve();
    });
  });
  const isTls = 'addContext' in server;
  server.on(isTls ? 'secureConnection' : 'connection', (s: Socket) => {
    s.on('error', () => undefined);
    onSocket(s);
  });
  server.on('tlsClientError', () => undefined);
  return new Promise((resolve) => {
    server.listen(0, host, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        accepted,
        closed: (n = 1) => (closedCount >= n ? Promise.resolve() : new Promise<void>((r) => waiters.push({ n, resolve: r }))),
        stop: () =>
          new Promise<void>((r) => {
            for (const s of accepted) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}

/** a TCP server that does whatever `onSocket` says (nothing, by default) */
export function tcpPeer(onSocket: (s: Socket) => void = () => undefined, host = '127.0.0.1'): Promise<Peer> {
  return track(createServer(), onSocket, host);
}

/** a port where nothing listens: bound, then closed again */
export async function closedPort(): Promise<number> {
  const peer = await tcpPeer();
  await peer.stop();
  return peer.port;
}

export interface CsmockResponderOptions {
  /** ms added to the responder's clock */
  clockOffsetMs?: number;
  /** send the Hello one byte per millisecond, ended by CRLF */
  helloByteByByte?: boolean;
  /** the answer to RegisterClient: a message, null for none, 'drop' to reset the connection */
  register?: (m: Record<string, unknown>) => Record<string, unknown> | null | 'drop';
}

/**
 * The few answers of csmock/1 a certificate test needs: Hello, ServerTime, and a fixed answer
 * to RegisterClient. Enough to show the TLS step passes or fails; the protocol itself is tested
 * against the real mock CS.
 */
export function csmockResponder(opts: CsmockResponderOptions = {}): (s: Socket) => void {
  const now = () => Date.now() + (opts.clockOffsetMs ?? 0);
  return (s) => {
    const hello = `${JSON.stringify({ type: 'Hello', protocol: 'csmock/1', server: 'confserv', serverTime: now() })}\r\n`;
    if (!opts.helloByteByByte) s.write(hello);
    else {
      let sent = 0;
      const timer = setInterval(() => {
        if (s.destroyed || sent === hello.length) return clearInterval(timer);
        s.write(hello.slice(sent, ++sent));
      }, 1);
    }
    let buffer = '';
    s.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\n')) !== -1) {
        const m = JSON.parse(buffer.slice(0, i)) as Record<string, unknown>;
        buffer = buffer.slice(i + 1);
        const answer =
          m.type === 'GetServerTime'
            ? { type: 'ServerTime', requestId: m.requestId, serverTime: now() }
            : m.type === 'RegisterClient'
              ? (opts.register ?? (() => ({ type: 'ClientRegistered', sessionId: 's-1', userName: m.userName, authMethod: 'password' })))(m)
              : m.type === 'UnregisterClient'
                ? { type: 'ClientUnregistered' }
                : { type: 'Error', code: 'UNKNOWN_REQUEST', message: 'unknown' };
        if (answer === 'drop') return void s.destroy();
        if (answer) s.write(`${JSON.stringify({ ...answer, requestId: m.requestId })}\n`);
        if (m.type === 'UnregisterClient') s.end();
      }
    });
  };
}

export interface CertificateSet {
  cert: string;
  key: string;
  /** "AB:CD:…" */
  fingerprint256: string;
}

export interface CertOptions {
  commonName?: string;
  dnsNames?: string[];
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
  ca?: { cert: string; key: string };
  isCa?: boolean;
}

export async function makeCertificate(o: CertOptions = {}): Promise<CertificateSet> {
  const altNames = [
    ...(o.dnsNames ?? ['localhost']).map((value) => ({ type: 2 as const, value })),
    ...(o.ips ?? ['127.0.0.1']).map((ip) => ({ type: 7 as const, ip })),
  ];
  const pems = await generate([{ name: 'commonName', value: o.commonName ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...(o.notBefore ? { notBeforeDate: o.notBefore } : {}),
    ...(o.notAfter ? { notAfterDate: o.notAfter } : {}),
    ...(o.ca ? { ca: o.ca } : {}),
    extensions: o.isCa
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames },
        ],
  });
  const { X509Certificate } = await import('node:crypto');
  return { cert: pems.cert, key: pems.private, fingerprint256: new X509Certificate(pems.cert).fingerprint256 };
}

/** a TLS server with the given certificate, answering as `onSocket` says */
export function tlsPeer(cert: CertificateSet, onSocket: (s: TLSSocket) => void): Promise<Peer> {
  const server = createTlsServer({ cert: cert.cert, key: cert.key });
  return track(server as unknown as Server, onSocket as (s: Socket) => void);
}
