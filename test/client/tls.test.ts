/**
 * The TLS step: a pinned fingerprint, a CA, and each way a certificate can be refused — each
 * reported distinctly, with the certificate shown even when it is refused.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runLogin, type LoginRequest, type LoginResult, type TraceStep } from '../../src-main/client/index.js';
import { csmockResponder, makeCertificate, tcpPeer, tlsPeer, type CertificateSet, type Peer } from './peers.js';

const DAY = 86_400_000;
const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});

async function serve(cert: CertificateSet): Promise<Peer> {
  const p = await tlsPeer(cert, csmockResponder());
  peers.push(p);
  return p;
}

function login(port: number, tls: LoginRequest['tls'], extra: Partial<LoginRequest> = {}): LoginRequest {
  return { host: '127.0.0.1', port, tls, userName: 'default', credentials: { kind: 'password', password: 'password' }, ...extra };
}

function step(r: LoginResult, id: TraceStep['id']): TraceStep {
  return r.steps.find((s) => s.id === id)!;
}

function head(fp: string): string {
  return `${fp.split(':').slice(0, 4).join(':')}:…`;
}

let selfSigned: CertificateSet;
let other: CertificateSet;
let ca: CertificateSet;
let otherCa: CertificateSet;
let caSigned: CertificateSet;

beforeAll(async () => {
  [selfSigned, other, ca, otherCa] = await Promise.all([
    makeCertificate(),
    makeCertificate(),
    makeCertificate({ commonName: 'Test Lab CA', isCa: true }),
    makeCertificate({ commonName: 'Another CA', isCa: true }),
  ]);
  caSigned = await makeCertificate({ ca: { cert: ca.cert, key: ca.key }, dnsNames: ['localhost'], ips: ['127.0.0.1'] });
});

describe('TLS with a pinned fingerprint', () => {
  it('accepts the self-signed certificate whose fingerprint is pinned, and shows it', async () => {
    const p = await serve(selfSigned);
    const r = await runLogin(login(p.port, { fingerprint256: selfSigned.fingerprint256 }));
    expect(r.outcome).toBe('accepted');
    const c = r.certificate!;
    expect(c.subject).toBe('CN=localhost');
    expect(c.issuer).toBe('CN=localhost');
    expect(c.fingerprint256).toBe(selfSigned.fingerprint256);
    expect(c.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(c.cipher).not.toBe('');
    expect(c.altNames).toEqual(['DNS:localhost', 'IP Address:127.0.0.1']);
    expect(c.daysLeft).toBeGreaterThanOrEqual(363);
    expect(Date.parse(c.validTo) - Date.parse(c.validFrom)).toBeGreaterThan(360 * DAY);
    const tls = step(r, 'tls');
    expect(tls.status).toBe('ok');
    expect(tls.detail).toContain(`pinned fingerprint ${head(selfSigned.fingerprint256)} matches`);
    expect(tls.detail).toContain(c.protocol);
    expect(tls.durationMs).toBeGreaterThan(0);
  });

  it('takes the fingerprint as plain lower-case hex too', async () => {
    const p = await serve(selfSigned);
    const r = await runLogin(login(p.port, { fingerprint256: selfSigned.fingerprint256.replace(/:/g, '').toLowerCase() }));
    expect(r.outcome).toBe('accepted');
  });

  it('refuses a certificate whose fingerprint is not the pinned one, showing both first groups', async () => {
    const p = await serve(selfSigned);
    const r = await runLogin(login(p.port, { fingerprint256: other.fingerprint256 }));
    expect(r.outcome).toBe('tls-failed');
    expect(r.message).toBe(
      `the certificate's fingerprint ${head(selfSigned.fingerprint256)} does not match the pinned ${head(other.fingerprint256)}`,
    );
    expect(r.fix).toMatch(/right server/);
    expect(r.certificate?.fingerprint256).toBe(selfSigned.fingerprint256);
    expect(step(r, 'tls').status).toBe('failed');
    expect(step(r, 'tls').data?.certificate).toBeDefined();
    expect(step(r, 'hello').status).toBe('skipped');
    await p.closed();
  });

  it('refuses an expired certificate even when pinned', async () => {
    const expired = await makeCertificate({ notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 30 * DAY) });
    const p = await serve(expired);
    const r = await runLogin(login(p.port, { fingerprint256: expired.fingerprint256 }));
    expect(r.outcome).toBe('tls-failed');
    expect(r.message).toMatch(/^the certificate expired on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, (29|30) days ago$/);
    expect(r.fix).toMatch(/Renew/);
    expect(r.certificate!.daysLeft).toBeLessThan(0);
  });

  it('refuses a certificate that is not valid yet', async () => {
    const future = await makeCertificate({ notBefore: new Date(Date.now() + 2 * DAY), notAfter: new Date(Date.now() + 30 * DAY) });
    const p = await serve(future);
    const r = await runLogin(login(p.port, { fingerprint256: future.fingerprint256 }));
    expect(r.outcome).toBe('tls-failed');
    expect(r.message).toMatch(/^the certificate is not valid until \d{4}-/);
    expect(r.fix).toMatch(/clock/);
  });

  it('refuses a certificate for another name, naming what it holds', async () => {
    const elsewhere = await makeCertificate({ commonName: 'cs.example.invalid', dnsNames: ['cs.example.invalid'], ips: [] });
    const p = await serve(elsewhere);
    const r = await runLogin(login(p.port, { fingerprint256: elsewhere.fingerprint256 }));
    expect(r.outcome).toBe('tls-failed');
    expect(r.message).toBe('the certificate is for DNS:cs.example.invalid, not for 127.0.0.1');
    expect(r.fix).toMatch(/name the certificate holds/);
  });
});

describe('TLS verified against a CA', () => {
  it('accepts a certificate issued by the given CA', async () => {
    const p = await serve(caSigned);
    const r = await runLogin(login(p.port, { caPem: ca.cert }));
    expect(r.outcome).toBe('accepted');
    expect(r.certificate?.issuer).toBe('CN=Test Lab CA');
    expect(step(r, 'tls').detail).toContain('trusted by the given CA');
  });

  it('refuses one issued by another CA', async () => {
    const p = await serve(caSigned);
    const r = await runLogin(login(p.port, { caPem: otherCa.cert }));
    expect(r.outcome).toBe('tls-failed');
    expect(r.message).toBe('the certificate of CN=localhost is not trusted: its issuer is not a trusted CA');
    expect(r.fix).toMatch(/not issued by the CA you gave/);
  });

  it('with neither a pin nor a CA, a self-signed certificate is untrusted, and the fix offers its fingerprint', async () => {
    const p = await serve(selfSigned);
    const r = await runLogin(login(p.port, {}));
    expect(r.outcome).toBe('tls-failed');
    expect(r.message).toBe('the certificate of CN=localhost is not trusted: it is self-signed');
    expect(r.fix).toContain(selfSigned.fingerprint256);
  });

  it('checks the name given as servername instead of the host', async () => {
    const named = await makeCertificate({ ca: { cert: ca.cert, key: ca.key }, dnsNames: ['cs.lab.test'], ips: [] });
    const p = await serve(named);
    const wrong = await runLogin(login(p.port, { caPem: ca.cert }));
    expect(wrong.outcome).toBe('tls-failed');
    expect(wrong.message).toBe('the certificate is for DNS:cs.lab.test, not for 127.0.0.1');
    const right = await runLogin(login(p.port, { caPem: ca.cert, servername: 'cs.lab.test' }));
    expect(right.outcome).toBe('accepted');
  });
});

describe('TLS against the wrong kind of port', () => {
  it('TLS on, a plain csmock port: the answer is not TLS, turn TLS off', async () => {
    const p = await tcpPeer(csmockResponder());
    peers.push(p);
    const r = await runLogin(login(p.port, { fingerprint256: selfSigned.fingerprint256 }));
    expect(r.outcome).toBe('tls-failed');
    expect(r.fix).toMatch(/turn TLS off/);
    expect(step(r, 'tls').status).toBe('failed');
  });

  it('TLS on, a port that never answers the handshake: timeout at the TLS step', async () => {
    const p = await tcpPeer();
    peers.push(p);
    const r = await runLogin(login(p.port, { fingerprint256: selfSigned.fingerprint256 }, { timeoutsMs: { tls: 150 } }));
    expect(r.outcome).toBe('timeout');
    expect(r.message).toBe(`the TLS handshake with 127.0.0.1:${p.port} did not finish within 150 ms`);
    expect(step(r, 'tls')).toMatchObject({ status: 'failed', detail: 'no TLS answer within 150 ms' });
  });

  it('TLS off, a TLS port: no Hello comes, and the fix says to turn TLS on', async () => {
    const p = await serve(selfSigned);
    const r = await runLogin(login(p.port, null, { timeoutsMs: { hello: 150 } }));
    expect(r.outcome).toBe('not-csmock');
    expect(r.fix).toMatch(/turn TLS on/);
  });
});
