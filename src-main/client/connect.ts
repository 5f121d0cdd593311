/**
 * The transport steps: resolve the name, open TCP, run the TLS handshake and check the
 * certificate. Each is bounded by its own timeout and the caller's AbortSignal, and throws a
 * LoginFailure that already says what went wrong and what to do.
 */
import { lookup } from 'node:dns/promises';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { withDeadline } from './deadline.js';
import { LoginFailure } from './failure.js';
import {
  cancelledFailure,
  connectFailure,
  describeTarget,
  resolveFailure,
  timeoutFailure,
  tlsHandshakeFailure,
  type TargetContext,
} from './explain-failure.js';
import { certificateInfo, fingerprintHead, untrustedReason, verifyCertificate, type CertificateProblem } from './certificate.js';
import type { CertificateInfo } from './types.js';

export interface StepBounds {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The addresses a name resolves to, in the order the resolver gives them. */
export async function resolveHost(host: string, bounds: StepBounds, ctx: TargetContext): Promise<string[]> {
  const work = lookup(host, { all: true }).then(
    (found) => found.map((a) => a.address),
    (e: unknown) => {
      throw resolveFailure(e, host);
    },
  );
  const addresses = await withDeadline(work, {
    ...bounds,
    onTimeout: () => timeoutFailure('resolve', bounds.timeoutMs, ctx),
    onAbort: () => cancelledFailure('resolve'),
  });
  if (addresses.length === 0) throw resolveFailure({ code: 'ENODATA' }, host);
  return addresses;
}

/**
 * Resolves with the socket on `ready`; rejects with `failed(error)` on an error, or `failed(null)`
 * when it closes first. Its listeners are removed once it is ready: the caller takes over.
 */
function settleOn<T extends Socket>(socket: T, ready: 'connect' | 'secureConnect', failed: (e: Error | null) => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onError = (e: Error) => reject(failed(e));
    const onClose = () => reject(failed(null));
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once(ready, () => {
      socket.off('error', onError);
      socket.off('close', onClose);
      resolve(socket);
    });
  });
}

export interface Connected {
  socket: Socket;
  address: string;
  /** addresses tried before the one that answered, with why they failed */
  refused: string[];
}

/**
 * Opens TCP to the first address that accepts, as a browser does for a name with several
 * addresses (localhost is often ::1 first while a CS listens on 127.0.0.1 only). One timeout
 * covers the whole step.
 */
export async function connectTcp(addresses: string[], bounds: StepBounds, ctx: TargetContext): Promise<Connected> {
  let current: Socket | null = null;
  // Set when the step timed out or was cancelled: no further address may be tried.
  let abandoned = false;
  const refused: string[] = [];
  const attempt = (address: string) => {
    const socket = netConnect({ host: address, port: ctx.port });
    current = socket;
    return settleOn(socket, 'connect', (e) => {
      socket.destroy();
      return e ?? Object.assign(new Error('closed while connecting'), { code: 'ECONNABORTED' });
    });
  };
  const work = (async () => {
    let lastError: unknown = null;
    for (const address of addresses) {
      if (abandoned) break;
      try {
        const socket = await attempt(address);
        if (abandoned) {
          socket.destroy();
          break;
        }
        return { socket, address, refused };
      } catch (e) {
        lastError = e;
        refused.push(`${describeTarget(address, ctx.port)} ${(e as { code?: string }).code ?? 'failed'}`);
      }
    }
    throw connectFailure(lastError, ctx, addresses.length === 1 ? addresses[0]! : addresses.join(', '));
  })();
  return withDeadline(work, {
    ...bounds,
    onTimeout: () => timeoutFailure('connect', bounds.timeoutMs, ctx),
    onAbort: () => cancelledFailure('connect'),
    release: () => {
      abandoned = true;
      (current as Socket | null)?.destroy();
    },
  });
}

export interface TlsSettings {
  /** 64 lower-case hex digits */
  pinned: string | null;
  caPem: string | null;
  /** the name the certificate must hold */
  name: string;
  nowMs: number;
}

export interface TlsUp {
  socket: TLSSocket;
  certificate: CertificateInfo;
}

/** A TLS failure after the handshake: the certificate is known and goes into the trace even so. */
export class CertificateRefused extends LoginFailure {
  constructor(
    readonly certificate: CertificateInfo,
    failure: LoginFailure,
  ) {
    super('tls-failed', failure.message, failure.fix, { stepDetail: failure.stepDetail });
  }
}

export async function startTls(tcp: Socket, settings: TlsSettings, bounds: StepBounds, ctx: TargetContext): Promise<TlsUp> {
  const socket = tlsConnect({
    socket: tcp,
    // SNI may only carry a name; an IP literal is still checked against the certificate below.
    ...(isIP(settings.name) ? {} : { servername: settings.name }),
    ...(settings.caPem ? { ca: [settings.caPem] } : {}),
    rejectUnauthorized: false,
  });
  const handshake = settleOn(socket, 'secureConnect', (e) => {
    socket.destroy();
    return tlsHandshakeFailure(e ?? { code: 'ECONNRESET', message: 'socket closed' }, ctx);
  });
  const secured = await withDeadline(handshake, {
    ...bounds,
    onTimeout: () => timeoutFailure('tls', bounds.timeoutMs, ctx),
    onAbort: () => cancelledFailure('tls'),
    release: () => socket.destroy(),
  });
  const cert = secured.getPeerCertificate(true);
  if (!cert || !cert.raw) {
    secured.destroy();
    throw new LoginFailure('tls-failed', `${describeTarget(ctx.host, ctx.port)} sent no certificate`, "Give the server's TLS port a certificate.");
  }
  const certificate = certificateInfo(cert, secured, settings.nowMs);
  const authError = secured.authorized ? null : String(secured.authorizationError ?? 'UNKNOWN');
  const problem = verifyCertificate({
    cert,
    authorizationError: authError,
    pinned: settings.pinned,
    name: settings.name,
    nowMs: settings.nowMs,
  });
  if (problem) {
    secured.destroy();
    throw new CertificateRefused(certificate, certificateFailure(problem, certificate, settings));
  }
  return { socket: secured, certificate };
}

function certificateFailure(p: CertificateProblem, cert: CertificateInfo, s: TlsSettings): LoginFailure {
  switch (p.kind) {
    case 'fingerprint-mismatch':
      return new LoginFailure(
        'tls-failed',
        `the certificate's fingerprint ${fingerprintHead(p.presented)} does not match the pinned ${fingerprintHead(p.pinned)}`,
        'Check that this is the right server. If its certificate was regenerated, compare the new fingerprint with the one the server shows (the mock CS prints it when it starts) and pin that one.',
        { stepDetail: `fingerprint mismatch: server ${fingerprintHead(p.presented)}, pinned ${fingerprintHead(p.pinned)}` },
      );
    case 'untrusted': {
      const why = untrustedReason(p.reason);
      return new LoginFailure(
        'tls-failed',
        `the certificate of ${cert.subject || 'the server'} is not trusted: ${why}`,
        s.caPem
          ? 'It was not issued by the CA you gave: give the CA certificate that issued it, or pin its fingerprint.'
          : `Give the CA certificate that issued it, or pin its fingerprint after checking it with the server's owner: ${cert.fingerprint256}.`,
        { stepDetail: `untrusted: ${why}` },
      );
    }
    case 'expired':
      return new LoginFailure(
        'tls-failed',
        `the certificate expired on ${p.validTo}${p.daysAgo > 0 ? `, ${p.daysAgo} days ago` : ''}`,
        "Renew the server's certificate. If that date looks wrong, check this machine's clock.",
        { stepDetail: `expired ${p.validTo}` },
      );
    case 'not-yet-valid':
      return new LoginFailure(
        'tls-failed',
        `the certificate is not valid until ${p.validFrom}`,
        "Check this machine's clock and the server's (NTP); otherwise reissue the certificate with a start date in the past.",
        { stepDetail: `not valid before ${p.validFrom}` },
      );
    case 'wrong-name':
      return new LoginFailure(
        'tls-failed',
        `the certificate is for ${p.holds.join(', ') || 'no name'}, not for ${p.name}`,
        'Connect with a name the certificate holds (or set that name as the TLS server name), or reissue the certificate with this name.',
        { stepDetail: `wrong name: ${p.name} is not in the certificate` },
      );
  }
}
