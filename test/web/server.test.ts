// Web mode over real sockets on 127.0.0.1: the files and their headers, who may open the socket, the
// contract over it (requests and the mock CS's events), bad frames, and closing.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createIpcRuntime, type IpcRuntime } from '../../src-main/ipc/index.js';
import { SessionSecretVault } from '../../src-main/store/index.js';
import { startWebServer, type WebServer } from '../../src-main/web/server.js';
import { OUTSIDE_TEXT, TestClient, connect, rawRequest, refusal, rendererFixture, secretOf, type RendererFixture } from './helpers.js';

const TOKEN_UUID = '6f1c2a9e-3b7d-4e58-9a0c-d2e4f6a8b0c1';

let fixture: RendererFixture;
let dataDir: string;
let runtime: IpcRuntime;
let server: WebServer;
let secret: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  fixture = await rendererFixture();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gax-web-data-'));
  let current: WebServer | undefined;
  runtime = await createIpcRuntime({
    mode: 'web',
    dataDir,
    cipher: new SessionSecretVault(),
    appInfo: { version: '0.0.0-test', versions: { node: process.versions.node } },
    isTrustedSender: (s) => s.authenticated && current !== undefined && current.isOwnOrigin(s.url),
  });
  server = current = await startWebServer({ rendererDir: fixture.dir, runtime, host: '127.0.0.1', port: 0 });
  secret = secretOf(server.url);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await server.close();
  await runtime.dispose();
  await fixture.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

async function client(opts: Parameters<typeof connect>[2] = {}): Promise<TestClient> {
  const c = await connect(server.port, secret, opts);
  clients.push(c);
  return c;
}

describe('the announced URL', () => {
  it('is the loopback page with a 32-byte base64url key in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#key=[A-Za-z0-9_-]{43}$`));
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
  });
});

describe('HTTP: the built renderer', () => {
  it('serves the page with the CSP naming its socket and the other security headers', async () => {
    const res = await rawRequest(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>GAX Token Lab</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('lets the browser keep a content-named script for good, and nothing else (the page, other files, errors)', async () => {
    expect((await rawRequest(server.port, '/assets/App-Dx9_k2Lq.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const p of ['/', '/index.html', '/assets/app.js', '/assets/logo.svg', '/assets/missing-Dx9_k2Lq.js', '/assets/..%2f..%2foutside.txt']) {
      expect((await rawRequest(server.port, p)).headers['cache-control'], p).toBe('no-store');
    }
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css?v=2', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/deep/font.woff2', 'font/woff2'],
  ])('serves %s as %s with the same headers', async (file, type) => {
    const res = await rawRequest(server.port, file);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-security-policy']).toBeTruthy();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD with the headers and no body, and refuses other methods', async () => {
    const head = await rawRequest(server.port, '/assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log("app");'.length));
    expect(head.body).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await rawRequest(server.port, '/', { method });
      expect(res.status).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD');
    }
  });

  it.each([
    '/../outside.txt',
    '/assets/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/assets%5c..%5c..%5coutside.txt',
    '/assets/link-out.txt',
  ])('refuses the traversal %s', async (target) => {
    const res = await rawRequest(server.port, target);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain(OUTSIDE_TEXT);
    expect(res.headers['content-security-policy']).toBeTruthy();
  });

  it('lists no folder and answers 404 for everything else', async () => {
    for (const target of ['/assets/', '/assets', '/nothing.js', '/ws']) {
      const res = await rawRequest(server.port, target);
      expect(res.status, target).toBe(404);
      expect(res.body).not.toContain('app.js');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves nothing to a foreign Host (DNS rebinding), even the page', async () => {
    const res = await rawRequest(server.port, '/', { host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('GAX Token Lab</title>');
    expect((await rawRequest(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('WebSocket: who may connect', () => {
  it('refuses a wrong secret, no secret, a wrong Origin, a wrong Host, a wrong protocol or path', async () => {
    const other = 'A'.repeat(43);
    const cases = [
      { name: 'wrong secret', opts: { protocols: ['gax-token-lab.v1', `key.${other}`] }, status: 403, says: /does not match/ },
      { name: 'no secret', opts: { protocols: ['gax-token-lab.v1'] }, status: 403, says: /key .*missing/ },
      { name: 'wrong Origin', opts: { origin: 'http://evil.example' }, status: 403, says: /own page/ },
      { name: 'https look-alike Origin', opts: { origin: `https://127.0.0.1:${server.port}` }, status: 403, says: /own page/ },
      { name: 'wrong Host', opts: { host: `evil.example:${server.port}` }, status: 403, says: /Host.*DNS rebinding/ },
      { name: 'no protocol', opts: { protocols: [`key.${secret}`] }, status: 403, says: /gax-token-lab\.v1/ },
      { name: 'wrong path', opts: { path: '/socket' }, status: 404, says: /no WebSocket here/ },
    ];
    for (const c of cases) {
      const res = await refusal(server.port, secret, c.opts);
      expect(res.status, c.name).toBe(c.status);
      expect(res.body, c.name).toMatch(c.says);
      expect(res.body.trimEnd().split('\n'), c.name).toHaveLength(1);
      expect(res.body, c.name).not.toContain(secret);
      expect(res.body, c.name).not.toContain(other);
    }
    expect(server.clientCount()).toBe(0);
  });

  it("accepts the page's own socket, by 127.0.0.1 or localhost, answering only the protocol name", async () => {
    const a = await client();
    expect(a.ws.protocol).toBe('gax-token-lab.v1');
    const b = await client({ host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` });
    expect(b.ws.protocol).toBe('gax-token-lab.v1');
    expect(server.clientCount()).toBe(2);
  });
});

describe('WebSocket: the contract', { timeout: 20_000 }, () => {
  it('answers token.mint, and answers concurrent requests by their ids', async () => {
    const c = await client();
    const mint = (username: string) =>
      c.request('token.mint', { username, tokenUuid: { kind: 'typed', value: TOKEN_UUID }, lifeMinutes: 10, preamble: 'PXZ1' });
    const [a, b] = await Promise.all([mint('alice'), mint('bob')]);
    expect(a).toMatchObject({ ok: true, data: { username: 'alice', preamble: 'PXZ1' } });
    expect(b).toMatchObject({ ok: true, data: { username: 'bob' } });
    const token = (a as { data: { token: string } }).data.token;
    expect(token.startsWith('PXZ1')).toBe(true);
    const verified = await c.request('token.verify', {
      value: token,
      preamble: 'PXZ1',
      tokenUuid: { kind: 'typed', value: TOKEN_UUID },
      userName: 'alice',
    });
    expect(verified).toMatchObject({ ok: true, data: { code: 'OK' } });
  });

  it('answers a malformed frame with an error and keeps the socket usable', async () => {
    const c = await client();
    const notJson = await c.sendRaw('{this is not json');
    expect(notJson).toEqual({
      id: 0,
      result: { ok: false, error: { code: 'BAD_MESSAGE', message: 'the message is not JSON', hint: expect.any(String) } },
    });
    expect((await c.sendRaw('[1,2]')).result).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    expect(await c.sendRaw(JSON.stringify({ id: 41 }))).toMatchObject({ id: 41, result: { ok: false, error: { code: 'BAD_MESSAGE' } } });
    expect((await c.sendRaw(Buffer.from('{"id":1}'), { binary: true })).result).toMatchObject({
      ok: false,
      error: { code: 'BAD_MESSAGE', message: expect.stringMatching(/binary/) },
    });
    expect(await c.request('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const bad = await c.request('token.mint', {
      username: 'alice',
      tokenUuid: { kind: 'typed', value: TOKEN_UUID },
      lifeMinutes: 'ten',
      preamble: 'PXZ1',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('lifeMinutes') } });
    expect(JSON.stringify(bad)).not.toContain(TOKEN_UUID);
    expect(await c.request('token.decode', { value: 'garbage', preamble: 'PXZ1' })).toMatchObject({ ok: true });
    expect(c.ws.readyState).toBe(c.ws.OPEN);
  });

  it('answers a frame over 1 MiB (the contract takes 2 MiB doctor files), refusing the field by the contract', async () => {
    const c = await client();
    const big = await c.request('token.decode', { value: 'x'.repeat(1024 * 1024 + 10), preamble: 'PXZ1' });
    expect(big).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(c.ws.readyState).toBe(c.ws.OPEN);
  });

  it("forwards events: the mock CS's status and its connection events", async () => {
    const c = await client();
    const listeners = await c.request('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0, tls: false }] });
    expect(listeners).toMatchObject({ ok: true });
    const started = await c.request('mockcs.start', {});
    expect(started).toMatchObject({ ok: true, data: { running: true } });
    const status = (await c.waitFor((f) => 'event' in f && f.event === 'mockcs.status' && (f.payload as { running: boolean }).running)) as {
      payload: { listeners: Array<{ port: number }> };
    };
    const port = status.payload.listeners[0]!.port;
    expect(port).toBeGreaterThan(0);
    // A real TCP client opens and closes a session: the batched mockcs.events carries it.
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end());
      socket.resume(); // read the Hello so the end of the stream is seen
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // (the start itself came first, as a 'server' event of its own batch)
    const hasConnect = (f: unknown) =>
      (f as { payload?: { events?: Array<{ kind: string }> } }).payload?.events?.some((e) => e.kind === 'connect') === true;
    const batch = (await c.waitFor((f) => 'event' in f && f.event === 'mockcs.events' && hasConnect(f))) as {
      payload: { events: Array<{ kind: string }> };
    };
    expect(batch.payload.events.map((e) => e.kind)).toContain('connect');
    expect(await c.request('mockcs.stop', {})).toMatchObject({ ok: true, data: { running: false } });
    await c.waitFor((f) => 'event' in f && f.event === 'mockcs.status' && !(f.payload as { running: boolean }).running);
  });
});

describe('a server of its own', { timeout: 20_000 }, () => {
  async function ownServer(limits: Parameters<typeof startWebServer>[0]['limits'] = {}) {
    const fixture2 = await rendererFixture();
    const dataDir2 = await mkdtemp(path.join(os.tmpdir(), 'gax-web-data2-'));
    // eslint-disable-next-line prefer-const -- the sender check closes over it before the server exists
    let own: WebServer | undefined;
    const rt = await createIpcRuntime({
      mode: 'web',
      dataDir: dataDir2,
      cipher: new SessionSecretVault(),
      appInfo: { version: '0.0.0-test', versions: { node: process.versions.node } },
      isTrustedSender: (s) => s.authenticated && own !== undefined && own.isOwnOrigin(s.url),
    });
    own = await startWebServer({ rendererDir: fixture2.dir, runtime: rt, port: 0, limits });
    const server2 = own;
    return {
      server: server2,
      key: secretOf(server2.url),
      async dispose() {
        await server2.close();
        await rt.dispose();
        await fixture2.cleanup();
        await rm(dataDir2, { recursive: true, force: true });
      },
    };
  }

  it('refuses sockets beyond maxClients with 503, and takes one again once a page leaves', async () => {
    const { server: own, key, dispose } = await ownServer({ maxClients: 2 });
    try {
      const a = await connect(own.port, key);
      await connect(own.port, key);
      const third = await refusal(own.port, key);
      expect(third.status).toBe(503);
      expect(third.body).toMatch(/2 pages are already connected/);
      await a.close();
      await vi.waitFor(() => expect(own.clientCount()).toBe(1));
      await (await connect(own.port, key)).close();
    } finally {
      await dispose();
    }
  });

  it('closes every socket with 1001 and stops listening', async () => {
    const { server: own, key, dispose } = await ownServer();
    const sockets = await Promise.all([connect(own.port, key), connect(own.port, key), connect(own.port, key)]);
    expect(own.clientCount()).toBe(3);
    await own.close();
    const closes = await Promise.all(sockets.map((s) => s.closed));
    expect(closes.map((c) => c.code)).toEqual([1001, 1001, 1001]);
    expect(own.clientCount()).toBe(0);
    await expect(rawRequest(own.port, '/')).rejects.toThrow(/ECONNREFUSED/);
    await dispose();
  });
});
