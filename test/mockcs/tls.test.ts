// TLS listeners: the kept self-signed certificate, its fingerprint, pinning, and a refused handshake.
import { X509Certificate } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERT_FILE, KEY_FILE, MockCs, TLS_DIR } from '../../src-main/mockcs/index.js';
import { LineClient, loginOnce, tempDir, until } from './helpers.js';

describe('TLS listeners', { timeout: 20_000 }, () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let cs: MockCs;
  let tlsPort: number;
  let plainPort: number;
  let fingerprint: string;
  const events: string[] = [];

  beforeAll(async () => {
    tmp = await tempDir();
    cs = new MockCs({
      dataDir: tmp.dir,
      options: {
        listeners: [
          { host: '127.0.0.1', port: 0 },
          { host: '127.0.0.1', port: 0, tls: true },
        ],
      },
    });
    cs.onEvent((e) => events.push(`${e.code} ${e.message}`));
    const [plain, secure] = await cs.start();
    expect(plain).toMatchObject({ tls: false });
    expect(plain).not.toHaveProperty('fingerprint256');
    expect(secure!.id).toBe(`tls 127.0.0.1:${secure!.port}`);
    plainPort = plain!.port;
    tlsPort = secure!.port;
    fingerprint = secure!.fingerprint256!;
  });
  afterAll(async () => {
    await cs.stop();
    await tmp.cleanup();
  });

  it('shows the SHA-256 fingerprint of the certificate it presents', async () => {
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const c = await LineClient.connectTls(tlsPort, { rejectUnauthorized: false });
    const presented = (c.socket as TLSSocket).getPeerX509Certificate()!;
    expect(presented.fingerprint256).toBe(fingerprint);
    expect(presented.subjectAltName).toContain('DNS:localhost');
    expect(presented.subjectAltName).toContain('IP Address:127.0.0.1');
    c.destroy();
  });

  it('a client that pins the fingerprint logs in over TLS, and gets its answer after half-closing', async () => {
    const c = await LineClient.connectTls(tlsPort, { rejectUnauthorized: false });
    expect((c.socket as TLSSocket).getPeerX509Certificate()!.fingerprint256).toBe(fingerprint);
    expect(await c.next()).toMatchObject({ type: 'Hello', protocol: 'csmock/1' });
    c.send({ type: 'RegisterClient', requestId: 1, userName: 'default', password: 'password' });
    c.end();
    expect(await c.next()).toMatchObject({ type: 'ClientRegistered', requestId: 1 });
    await c.closed;
  });

  it('the kept certificate file works as a CA for localhost and 127.0.0.1', async () => {
    const ca = await readFile(join(tmp.dir, TLS_DIR, CERT_FILE), 'utf8');
    for (const servername of ['localhost', undefined]) {
      const c = await LineClient.connectTls(tlsPort, { ca, ...(servername ? { servername } : {}) });
      expect((c.socket as TLSSocket).authorized).toBe(true);
      expect(await c.next()).toMatchObject({ type: 'Hello' });
      c.destroy();
    }
  });

  it('a client that does not trust the certificate is refused by TLS; the server logs why and keeps serving', async () => {
    await expect(LineClient.connectTls(tlsPort, {})).rejects.toThrow(/self[- ]signed/i);
    await until(() => events.some((e) => e.startsWith('TLS_HANDSHAKE_FAILED')));
    expect(events.find((e) => e.startsWith('TLS_HANDSHAKE_FAILED'))).toMatch(/certificate|closed the connection/);
    expect(await loginOnce(plainPort, 'default', 'password')).toMatchObject({ type: 'ClientRegistered' });
    const c = await LineClient.connectTls(tlsPort, { rejectUnauthorized: false });
    expect(await c.next()).toMatchObject({ type: 'Hello' });
    c.destroy();
  });

  it('a plain client on the TLS port does not get in, and does not hurt', async () => {
    const c = await LineClient.connect(tlsPort);
    c.send('{"type":"Ping","requestId":1}\n');
    await c.closed;
    expect(c.raw).not.toContain('Pong');
    await until(() => events.some((e) => e.includes('does not speak TLS')));
  });

  it('the key is kept 0600, and a restart presents the same certificate', async () => {
    if (process.platform !== 'win32') expect((await stat(join(tmp.dir, TLS_DIR, KEY_FILE))).mode & 0o777).toBe(0o600);
    const again = new MockCs({ dataDir: tmp.dir, options: { listeners: [{ host: '127.0.0.1', port: 0, tls: true }] } });
    const [info] = await again.start();
    expect(info!.fingerprint256).toBe(fingerprint);
    await again.stop();
  });
});

describe('TLS certificate renewal', { timeout: 20_000 }, () => {
  it('makes a new certificate when the kept one has expired or is damaged', async () => {
    const tmp = await tempDir();
    try {
      const listeners = [{ host: '127.0.0.1', port: 0, tls: true }];
      const first = new MockCs({ dataDir: tmp.dir, options: { listeners } });
      const [a] = await first.start();
      await first.stop();
      const certPath = join(tmp.dir, TLS_DIR, CERT_FILE);
      const validTo = new X509Certificate(await readFile(certPath, 'utf8')).validTo;

      // Two years on, by the server's real clock: the kept certificate has expired.
      const later = new Date(validTo).getTime() + 86_400_000 * 365;
      const second = new MockCs({ dataDir: tmp.dir, clock: () => later, options: { listeners } });
      const [b] = await second.start();
      await second.stop();
      expect(b!.fingerprint256).not.toBe(a!.fingerprint256);
      expect(new Date(new X509Certificate(await readFile(certPath, 'utf8')).validTo).getTime()).toBeGreaterThan(later);

      await writeFile(certPath, 'not a certificate');
      const third = new MockCs({ dataDir: tmp.dir, options: { listeners } });
      const [c] = await third.start();
      await third.stop();
      expect(c!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(c!.fingerprint256).not.toBe(b!.fingerprint256);
    } finally {
      await tmp.cleanup();
    }
  });
});
