// Live options, listeners, stop/start, and the kept token-uuid.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MockCs, MockCsOptionsError, TOKEN_UUID_FILE } from '../../src-main/mockcs/index.js';
import { helloClient, LineClient, loginOnce, mint, nowSeconds, startMockCs, tempDir, until, type Running } from './helpers.js';

const UUID = 'c0ffee00-1234-4abc-8def-0123456789ab';
let srv: Running | null = null;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await srv?.stop();
  srv = null;
  for (const c of cleanups.splice(0)) await c();
});

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

describe('options change while running', { timeout: 20_000 }, () => {
  it('a registered client stays; the next decision uses the new options', async () => {
    srv = await startMockCs({ tokenUuid: UUID, users: [{ userName: 'alice', password: 'pw', enabled: true }] });
    const { client: registered } = await helloClient(srv.port);
    await registered.request({ type: 'RegisterClient', requestId: 1, userName: 'alice', password: 'pw' });

    const now = nowSeconds();
    const token = mint(UUID, 'alice', now - 1290, now - 90); // expired 90 s ago
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ code: 'BAD_PASSWORD' }); // mode disable

    await srv.cs.updateOptions({ tokenAuthenticationMode: 'enable' });
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ code: 'EXPIRED' });

    await srv.cs.updateOptions({ tokenToleranceSeconds: 120 });
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ type: 'ClientRegistered', authMethod: 'token' });

    await srv.cs.updateOptions({ users: [{ userName: 'alice', password: 'pw', enabled: false }] });
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ code: 'USER_DISABLED' });

    await srv.cs.updateOptions({ tokenUuid: '99999999-8888-4777-8666-555555555555' });
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ code: 'BAD_SIGNATURE' });

    // Through all of it the first client stayed registered.
    expect(await registered.request({ type: 'Ping', requestId: 2 })).toEqual({ type: 'Pong', requestId: 2 });
    expect(srv.cs.status().registered).toBe(1);
    registered.destroy();
  });

  it('diagnostics and limits change for connections already open', async () => {
    srv = await startMockCs({ maxFailedAttempts: 50 });
    const { client } = await helloClient(srv.port);
    expect(await client.request({ type: 'RegisterClient', requestId: 1, userName: 'default', password: 'x' })).toMatchObject({
      code: 'BAD_PASSWORD',
    });
    await srv.cs.updateOptions({ diagnostics: 'realistic' });
    expect(await client.request({ type: 'RegisterClient', requestId: 2, userName: 'default', password: 'x' })).toMatchObject({ code: 'AUTH_FAILED' });
    await srv.cs.updateOptions({ passwordFieldLimit: 4 });
    expect(await client.request({ type: 'RegisterClient', requestId: 3, userName: 'default', password: 'password' })).toMatchObject({
      code: 'PASSWORD_TOO_LONG',
    });
    await srv.cs.updateOptions({ maxLineBytes: 128 });
    client.send(`{"type":"Ping","requestId":4,"pad":"${'x'.repeat(200)}"}\n`);
    expect(await client.next()).toMatchObject({ code: 'FRAME_TOO_LARGE' });
    await client.closed;
  });

  it('a shorter register timeout applies to connections already waiting', async () => {
    srv = await startMockCs({ registerTimeoutSeconds: 30 });
    const { client } = await helloClient(srv.port);
    await srv.cs.updateOptions({ registerTimeoutSeconds: 0.2 });
    expect(await client.next(2000)).toMatchObject({ code: 'IDLE_TIMEOUT' });
  });

  it('an invalid patch is refused in one line and changes nothing', async () => {
    srv = await startMockCs({ tokenToleranceSeconds: 90 });
    const before = srv.cs.getOptions();
    const err = await srv.cs.updateOptions({ tokenToleranceSeconds: -5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MockCsOptionsError);
    expect((err as Error).message).toBe('tokenToleranceSeconds: must be at least 0 (seconds; 0 or null means 60)');
    expect(srv.cs.getOptions()).toEqual(before);
    const bad = await srv.cs.updateOptions({ tokenUuid: 'not-a-uuid-at-all' }).catch((e: unknown) => e);
    expect((bad as Error).message).toMatch(/^tokenUuid: is not a UUID/);
    expect((bad as Error).message).not.toContain('not-a-uuid-at-all');
  });

  it('rebinds only the listeners that changed; connections on a removed listener stay', async () => {
    srv = await startMockCs();
    const firstPort = srv.port;
    const { client: onFirst } = await helloClient(firstPort);
    await srv.cs.updateOptions({
      listeners: [
        { host: '127.0.0.1', port: 0 },
        { host: '127.0.0.1', port: 0 },
      ],
    });
    const two = srv.cs.status().listeners;
    expect(two).toHaveLength(2);
    expect(two[0]!.port).toBe(firstPort); // unchanged listener kept, same port
    const secondPort = two[1]!.port;
    expect(await loginOnce(secondPort, 'default', 'password')).toMatchObject({ type: 'ClientRegistered' });

    await srv.cs.updateOptions({ listeners: [{ host: '127.0.0.1', port: secondPort }] });
    expect(await refused(firstPort)).toBe(true);
    expect(await onFirst.request({ type: 'Ping', requestId: 1 })).toEqual({ type: 'Pong', requestId: 1 });
    onFirst.destroy();
  });

  it('a listener that cannot bind is refused with a clear message and the old listeners keep serving', async () => {
    srv = await startMockCs();
    const other = await startMockCs();
    cleanups.push(() => other.stop());
    const err = await srv.cs
      .updateOptions({
        listeners: [
          { host: '127.0.0.1', port: srv.port },
          { host: '127.0.0.1', port: other.port },
        ],
      })
      .catch((e: unknown) => e as Error);
    expect((err as Error).message).toBe(
      `cannot listen on 127.0.0.1:${other.port}: the port is already in use — pick another port (0 picks a free one) or stop the program using it`,
    );
    expect(await loginOnce(srv.port, 'default', 'password')).toMatchObject({ type: 'ClientRegistered' });
    expect(srv.cs.getOptions().listeners).toHaveLength(1);
  });
});

describe('start and stop', { timeout: 20_000 }, () => {
  it('stop() closes every socket and frees the port; the same port can be bound again', async () => {
    const first = await startMockCs();
    const port = first.port;
    const clients = await Promise.all([1, 2, 3].map(() => helloClient(port)));
    const half = await LineClient.connect(port); // connected, Hello unread
    await first.stop();
    await Promise.all([...clients.map((c) => c.client.closed), half.closed]);
    expect(first.cs.status()).toMatchObject({ running: false, connections: 0, listeners: [] });
    await first.stop(); // idempotent
    expect(await refused(port)).toBe(true);

    srv = await startMockCs({ listeners: [{ host: '127.0.0.1', port }] });
    expect(srv.port).toBe(port);
    expect(await loginOnce(port, 'default', 'password')).toMatchObject({ type: 'ClientRegistered' });
  });

  it('start() on a port in use fails with one clear line and binds nothing', async () => {
    srv = await startMockCs();
    const second = new MockCs({
      options: {
        listeners: [
          { host: '127.0.0.1', port: 0 },
          { host: '127.0.0.1', port: srv.port },
        ],
      },
    });
    await expect(second.start()).rejects.toThrow(/^cannot listen on 127\.0\.0\.1:\d+: the port is already in use/);
    expect(second.status()).toMatchObject({ running: false, listeners: [] });
  });

  it('the constructor refuses invalid options in one line', () => {
    expect(() => new MockCs({ options: { maxConnections: 0 } })).toThrow('maxConnections: must be at least 1 (connections)');
  });
});

describe('the generated token-uuid', { timeout: 20_000 }, () => {
  it('is written 0600 to the data dir and reused on restart, so minted tokens keep working', async () => {
    const tmp = await tempDir();
    cleanups.push(tmp.cleanup);
    const a = await startMockCs({ tokenAuthenticationMode: 'enable', users: [{ userName: 'alice', enabled: true }] }, { dataDir: tmp.dir });
    const uuid = a.cs.tokenUuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const file = join(tmp.dir, TOKEN_UUID_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    const now = nowSeconds();
    const token = mint(uuid, 'alice', now, now + 600);
    await a.stop();

    srv = await startMockCs({ tokenAuthenticationMode: 'enable', users: [{ userName: 'alice', enabled: true }] }, { dataDir: tmp.dir });
    expect(srv.cs.tokenUuid()).toBe(uuid);
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ type: 'ClientRegistered', authMethod: 'token' });
  });

  it('regenerateTokenUuid() replaces it, on disk too: old tokens then fail, new ones pass', async () => {
    const tmp = await tempDir();
    cleanups.push(tmp.cleanup);
    srv = await startMockCs({ tokenAuthenticationMode: 'enable', users: [{ userName: 'alice', enabled: true }] }, { dataDir: tmp.dir });
    const old = srv.cs.tokenUuid();
    const now = nowSeconds();
    const oldToken = mint(old, 'alice', now, now + 600);
    await srv.cs.regenerateTokenUuid();
    const fresh = srv.cs.tokenUuid();
    expect(fresh).not.toBe(old);
    expect((await readFile(join(tmp.dir, TOKEN_UUID_FILE), 'utf8')).trim()).toBe(fresh);
    expect(await loginOnce(srv.port, 'alice', oldToken)).toMatchObject({ code: 'BAD_SIGNATURE' });
    expect(await loginOnce(srv.port, 'alice', mint(fresh, 'alice', now, now + 600))).toMatchObject({ type: 'ClientRegistered' });
    await srv.cs.updateOptions({ tokenUuid: UUID });
    await expect(srv.cs.regenerateTokenUuid()).rejects.toThrow(/tokenUuid is configured/);
  });

  it('without a data dir it lives as long as the instance, across stop and start', async () => {
    const cs = new MockCs({ options: { listeners: [{ host: '127.0.0.1', port: 0 }] } });
    const uuid = cs.tokenUuid();
    await cs.start();
    await cs.stop();
    await cs.start();
    expect(cs.tokenUuid()).toBe(uuid);
    await cs.stop();
    expect(new MockCs().tokenUuid()).not.toBe(uuid);
  });

  it('a configured token-uuid wins and nothing is written', async () => {
    const tmp = await tempDir();
    cleanups.push(tmp.cleanup);
    srv = await startMockCs({ tokenUuid: UUID }, { dataDir: tmp.dir });
    expect(srv.cs.tokenUuid()).toBe(UUID);
    await expect(stat(join(tmp.dir, TOKEN_UUID_FILE))).rejects.toThrow();
  });

  it('a damaged kept file stops start() with a message that names it and does not quote it', async () => {
    const tmp = await tempDir();
    cleanups.push(tmp.cleanup);
    await writeFile(join(tmp.dir, TOKEN_UUID_FILE), 'c0ffee00-1234-4abc-8def-01234567ZZZZ\n');
    const cs = new MockCs({ dataDir: tmp.dir, options: { listeners: [{ host: '127.0.0.1', port: 0 }] } });
    const err = await cs.start().catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(
      new RegExp(`^${join(tmp.dir, TOKEN_UUID_FILE).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not hold a token-uuid`),
    );
    expect((err as Error).message).not.toContain('ZZZZ');
    expect(cs.status().running).toBe(false);
  });
});

describe('status and public options', { timeout: 20_000 }, () => {
  it('counts connections, registrations and refusals; publicOptions hides the secrets', async () => {
    srv = await startMockCs({
      tokenUuid: UUID,
      users: [
        { userName: 'alice', password: 'Tr0ub4dor&3', enabled: true },
        { userName: 'svc', enabled: true },
      ],
    });
    const { client } = await helloClient(srv.port);
    await client.request({ type: 'RegisterClient', requestId: 1, userName: 'alice', password: 'Tr0ub4dor&3' });
    await loginOnce(srv.port, 'alice', 'nope');
    await until(() => srv!.cs.status().connections === 1);
    const st = srv.cs.status();
    expect(st).toMatchObject({ running: true, connections: 1, registered: 1, counters: { accepted: 1, rejected: { BAD_PASSWORD: 1 } } });
    const pub = srv.cs.publicOptions();
    expect(pub.tokenUuid).toBe('••••••••-••••-••••-••••-••••••••89ab');
    expect(pub.users).toEqual([
      { userName: 'alice', hasPassword: true, enabled: true },
      { userName: 'svc', hasPassword: false, enabled: true },
    ]);
    expect(JSON.stringify(pub)).not.toContain('Tr0ub4dor');
    expect(JSON.stringify(pub)).not.toContain('c0ffee00');
    client.destroy();
  });
});
