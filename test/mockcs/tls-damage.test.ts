// Damaged TLS files are set aside and announced with the new fingerprint; handshakes that never
// finish are logged once, with the reason the bytes on the wire point to.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CERT_FILE, KEY_FILE, MockCs, TLS_DIR, type MockCsEvent } from '../../src-main/mockcs/index.js';
import { sleep, tempDir, until } from './helpers.js';

const listeners = [{ host: '127.0.0.1', port: 0, tls: true }];

async function startWith(dir: string): Promise<{ cs: MockCs; events: MockCsEvent[]; port: number; fingerprint: string }> {
  const cs = new MockCs({ dataDir: dir, options: { listeners } });
  const events: MockCsEvent[] = [];
  cs.onEvent((e) => events.push(e));
  const [info] = await cs.start();
  return { cs, events, port: info!.port, fingerprint: info!.fingerprint256! };
}

describe('damaged TLS certificate or key', { timeout: 30_000 }, () => {
  it.each([
    ['the certificate', CERT_FILE, 'not a certificate\n', /mockcs-cert\.pem is not a PEM certificate/],
    ['the key', KEY_FILE, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', /mockcs-key\.pem is not a PEM private key/],
  ])(
    '%s damaged: both files set aside as *.damaged-<time>, one line with the new fingerprint, never silent',
    async (_what, file, garbage, reason) => {
      const tmp = await tempDir();
      try {
        const first = await startWith(tmp.dir);
        await first.cs.stop();
        expect(first.events.filter((e) => e.code === 'TLS_CERTIFICATE_REPLACED')).toEqual([]);
        await writeFile(join(tmp.dir, TLS_DIR, file), garbage);

        const second = await startWith(tmp.dir);
        await second.cs.stop();
        expect(second.fingerprint).not.toBe(first.fingerprint);
        const notices = second.events.filter((e) => e.code === 'TLS_CERTIFICATE_REPLACED');
        expect(notices).toHaveLength(1);
        expect(notices[0]!.message).toMatch(reason);
        expect(notices[0]!.message).toMatch(/set aside as .*mockcs-cert\.pem\.damaged-\d{8}T\d{6}Z and .*mockcs-key\.pem\.damaged-\d{8}T\d{6}Z/);
        expect(notices[0]!.message).toContain(`its SHA-256 fingerprint is ${second.fingerprint}: clients that pinned the old one must pin this one`);
        expect(notices[0]!.logLine).toMatch(/^\d\d:\d\d:\d\d\.\d{3} Trc ----- TLS_CERTIFICATE_REPLACED: the kept TLS certificate was damaged/);
        expect(notices[0]!.logLine).not.toContain('\n');

        // The damaged file is kept as it was, for a person to look at.
        const names = await readdir(join(tmp.dir, TLS_DIR));
        const aside = names.find((n) => n.startsWith(`${file}.damaged-`))!;
        expect(await readFile(join(tmp.dir, TLS_DIR, aside), 'utf8')).toBe(garbage);

        // A third start keeps the new certificate, without a word.
        const third = await startWith(tmp.dir);
        await third.cs.stop();
        expect(third.fingerprint).toBe(second.fingerprint);
        expect(third.events.filter((e) => e.code === 'TLS_CERTIFICATE_REPLACED')).toEqual([]);
      } finally {
        await tmp.cleanup();
      }
    },
  );
});

describe('a TLS handshake that never finishes is logged once, with the right reason', { timeout: 30_000 }, () => {
  let cs: MockCs | null = null;
  afterEach(async () => {
    await cs?.stop();
    cs = null;
  });

  async function tlsServer(): Promise<{ events: MockCsEvent[]; port: number }> {
    cs = new MockCs({ options: { listeners } });
    const events: MockCsEvent[] = [];
    cs.onEvent((e) => events.push(e));
    const [info] = await cs.start();
    return { events, port: info!.port };
  }

  function rawClient(port: number, send: Buffer | null, closeAfterMs: number | null): Promise<string> {
    return new Promise((resolve) => {
      const s = connect({ port, host: '127.0.0.1' }, () => {
        const local = `127.0.0.1:${s.localPort}`;
        if (send) s.write(send);
        if (closeAfterMs !== null) setTimeout(() => s.destroy(), closeAfterMs);
        s.on('close', () => resolve(local));
      });
      s.on('error', () => {});
    });
  }

  it('connect and close without a byte: "without sending anything", from the real remote', async () => {
    const { events, port } = await tlsServer();
    const remote = await rawClient(port, null, 20);
    await until(() => events.length > 0);
    await sleep(200);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ code: 'TLS_HANDSHAKE_FAILED', remote });
    expect(events[0]!.message).toMatch(/closed without sending anything/);
  });

  it('close in the middle of the hello: "before this server sent its certificate", not a trust problem', async () => {
    const { events, port } = await tlsServer();
    // The first bytes of a TLS record carrying a ClientHello, then nothing more.
    const remote = await rawClient(port, Buffer.from([0x16, 0x03, 0x01, 0x00, 0xc8, 0x01, 0x00]), 100);
    await until(() => events.length > 0);
    await sleep(200);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ code: 'TLS_HANDSHAKE_FAILED', remote });
    expect(events[0]!.message).toMatch(/closed in the middle of its hello, before this server sent its certificate/);
    expect(events[0]!.message).not.toMatch(/trust/);
  });

  it('an idle client (sends nothing for 10 s): one event naming the 10 s, never "unknown:0"', async () => {
    const { events, port } = await tlsServer();
    const remote = await rawClient(port, null, null);
    await sleep(300);
    expect(events.filter((e) => e.code === 'TLS_HANDSHAKE_FAILED')).toHaveLength(1);
    expect(events[0]).toMatchObject({ code: 'TLS_HANDSHAKE_FAILED', remote });
    expect(events[0]!.message).toMatch(/sent nothing for 10 s/);
    expect(events[0]!.message).not.toMatch(/trust/);
  });

  it('pending handshakes count per address too: past maxConnectionsPerAddress (3) the 4th from 127.0.0.2 is refused, 127.0.0.3 still gets in', async () => {
    cs = new MockCs({ options: { listeners, maxConnectionsPerAddress: 3 } });
    const events: MockCsEvent[] = [];
    cs.onEvent((e) => events.push(e));
    const [info] = await cs.start();
    const held = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<import('node:net').Socket>((resolve) => {
            const s = connect({ port: info!.port, host: '127.0.0.1', localAddress: '127.0.0.2' }, () => resolve(s));
            s.on('error', () => {});
          }),
      ),
    );
    await until(() => events.some((e) => e.message.includes('TLS handshake refused')));
    const refused = events.filter((e) => e.message.includes('TLS handshake refused'));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toMatch(/3 TLS handshakes from 127\.0\.0\.2 are pending, .*\(maxConnectionsPerAddress = 3\)/);
    const { connect: tlsConnect } = await import('node:tls');
    const other = await new Promise<import('node:tls').TLSSocket>((resolve, reject) => {
      const s = tlsConnect(
        { port: info!.port, host: '127.0.0.1', localAddress: '127.0.0.3', rejectUnauthorized: false } as import('node:tls').ConnectionOptions,
        () => resolve(s),
      );
      s.once('error', reject);
    });
    expect(other.authorized || other.getPeerX509Certificate() !== undefined).toBe(true);
    other.destroy();
    for (const s of held) s.destroy();
  });
});
