// Web mode's doors have limits that match the app's own: the HTTP port closes idle and half-sent
// connections and caps how many it holds; the socket takes what the contract takes (a 1.7 MB export
// re-imports), and the page refuses a too-large request itself, so a second request is never lost.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createIpcRuntime, type IpcRuntime } from '../../src-main/ipc/index.js';
import { SessionSecretVault } from '../../src-main/store/index.js';
import { requests } from '../../src-main/ipc/contract/index.js';
import { MAX_REQUEST_FRAME_BYTES, utf8Length, WEB_SOCKET_PATH } from '../../src-main/core/web-bridge.js';
import { startWebServer, type WebLimits, type WebServer } from '../../src-main/web/server.js';
import type { IpcResult } from '../../src-main/ipc/result.js';
import { rawRequest, rendererFixture, secretOf, type RendererFixture } from './helpers.js';

// The page's own bridge (renderer code, typed against the DOM): loaded by a path tsc does not follow.
interface PageBridge {
  state: string;
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
}
const API_MODULE = '../../src-renderer/lib/api.js';
const { WebBridge } = (await import(/* @vite-ignore */ API_MODULE)) as {
  WebBridge: new (url: string, key: string, maxFrameBytes?: number) => PageBridge;
};

let fixture: RendererFixture;
let dataDir: string;
let runtime: IpcRuntime;

beforeAll(async () => {
  fixture = await rendererFixture();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gax-web-limits-'));
  runtime = await createIpcRuntime({
    mode: 'web',
    dataDir,
    cipher: new SessionSecretVault(),
    appInfo: { version: '0.0.0-test', versions: { node: process.versions.node } },
    // Each test's server is its own; the socket's secret is what admits the sender here.
    isTrustedSender: (s) => s.authenticated,
  });
});

afterAll(async () => {
  await runtime.dispose();
  await fixture.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

async function serverWith(limits: Partial<WebLimits>): Promise<WebServer> {
  return startWebServer({ rendererDir: fixture.dir, runtime, host: '127.0.0.1', port: 0, limits });
}

/** Resolves with how long the server took to close a raw connection (after `send`, if any). */
function closedAfter(port: number, send: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => {
      if (send !== null) socket.write(send);
    });
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Date.now() - started));
    setTimeout(() => reject(new Error('the server never closed the connection')), 10_000).unref();
  });
}

/** The page's bridge over a real socket: `ws` standing in for the browser's WebSocket, with the page's Origin. */
function pageBridge(server: WebServer, maxFrameBytes?: number): PageBridge {
  class PageSocket extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin: server.origin, perMessageDeflate: false });
      // A browser reports a refused reconnect (the test's server is gone) through onclose only.
      this.on('error', () => undefined);
    }
  }
  (globalThis as { WebSocket?: unknown }).WebSocket = PageSocket;
  return new WebBridge(`ws://127.0.0.1:${server.port}${WEB_SOCKET_PATH}`, secretOf(server.url), maxFrameBytes);
}

describe('the HTTP port', { timeout: 20_000 }, () => {
  it('closes a connection that sends nothing, and one whose headers never finish', async () => {
    const server = await serverWith({ idleTimeoutMs: 400, headersTimeoutMs: 400 });
    try {
      const [idle, halfSent] = await Promise.all([
        closedAfter(server.port, null),
        closedAfter(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: `),
      ]);
      expect(idle).toBeGreaterThanOrEqual(350);
      expect(idle).toBeLessThan(3000);
      expect(halfSent).toBeLessThan(3000);
      const page = await rawRequest(server.port, '/');
      expect(page.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("leaves an open page's socket alone: idle past the idle timeout, it still answers", async () => {
    const server = await serverWith({ idleTimeoutMs: 300, headersTimeoutMs: 300 });
    const bridge = pageBridge(server);
    try {
      expect(await bridge.invoke('token.decode', { value: 'x', preamble: 'PXZ1' })).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 900));
      expect(bridge.state).toBe('open');
      expect(await bridge.invoke('token.decode', { value: 'y', preamble: 'PXZ1' })).toMatchObject({ ok: true });
    } finally {
      await server.close();
    }
  });

  it('closes connections beyond the cap on arrival, and serves the page again once they go', async () => {
    const cap = 8;
    const server = await serverWith({ maxConnections: cap, idleTimeoutMs: 5000 });
    const held: net.Socket[] = [];
    try {
      for (let i = 0; i < cap; i++)
        held.push(
          await new Promise<net.Socket>((resolve) => {
            const s = net.connect(server.port, '127.0.0.1', () => resolve(s));
            s.on('error', () => undefined);
          }),
        );
      const extra = await closedAfter(server.port, null);
      expect(extra).toBeLessThan(1000);
      for (const s of held.splice(0)) s.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect((await rawRequest(server.port, '/')).status).toBe(200);
    } finally {
      for (const s of held) s.destroy();
      await server.close();
    }
  });
});

describe('the socket takes what the contract takes', { timeout: 60_000 }, () => {
  it("is sized from the contract's largest requests: 20 doctor files of 2 MiB (40 MiB) and a 5 MiB import, JSON-escaped, fit in 64 MiB", () => {
    // An exported option file escapes a little (quotes, backslashes of Windows paths, tabs); half again is the room allowed.
    const line = 'path="C:\\Genesys\\GCTI\\ConfigServer"\ttoken-tolerance=60\n';
    const text = line.repeat(Math.floor((2 * 1024 * 1024) / line.length));
    const doctor = { files: Array.from({ length: 20 }, (_, i) => ({ name: `app-${i}.cfg`, text })) };
    expect(requests['doctor.diagnose'].input.safeParse(doctor).success).toBe(true);
    expect(requests['doctor.diagnose'].input.safeParse({ files: [...doctor.files, doctor.files[0]] }).success).toBe(false);
    const doctorFrame = utf8Length(JSON.stringify({ id: 1, channel: 'doctor.diagnose', input: doctor }));
    expect(doctorFrame).toBeGreaterThan(40 * 1024 * 1024);
    expect(doctorFrame).toBeLessThanOrEqual(MAX_REQUEST_FRAME_BYTES);
    const exported = JSON.stringify({ version: 2, profiles: [{ name: 'a "quoted" name', options: { path: 'C:\\x' } }] }, null, 2);
    const importText = exported.repeat(Math.floor((5 * 1024 * 1024) / exported.length));
    expect(requests['profiles.import'].input.safeParse({ text: importText }).success).toBe(true);
    expect(utf8Length(JSON.stringify({ id: 2, channel: 'profiles.import', input: { text: importText } }))).toBeLessThanOrEqual(
      MAX_REQUEST_FRAME_BYTES,
    );
  });

  it('re-imports a 1.7 MB profiles export over the real socket', async () => {
    const server = await serverWith({});
    const bridge = pageBridge(server);
    try {
      for (let p = 0; p < 3; p++) {
        const users = Array.from({ length: 10_000 }, (_, i) => ({
          userName: `trainee-${p}-${String(i).padStart(5, '0')}-of-the-big-class`,
          enabled: i % 7 !== 0,
        }));
        const created = await bridge.invoke('profiles.create', { kind: 'cs', name: `Big class ${p}`, users });
        expect(created).toMatchObject({ ok: true });
      }
      const exported = await bridge.invoke('profiles.export', { includeSecrets: false });
      expect(exported).toMatchObject({ ok: true });
      const content = (exported as { ok: true; data: { content: string } }).data.content;
      const mb = Buffer.byteLength(content) / (1024 * 1024);
      expect(mb).toBeGreaterThan(1.7);
      const imported = await bridge.invoke('profiles.import', { text: content });
      expect(imported).toMatchObject({ ok: true });
      expect((imported as { ok: true; data: { imported: unknown[] } }).data.imported).toHaveLength(3);
      expect(bridge.state).toBe('open');
    } finally {
      await server.close();
    }
  });

  it('refuses a too-large request in the page, naming its size, and still answers the other request in flight', async () => {
    const limit = 256 * 1024;
    const server = await serverWith({ maxFrameBytes: limit });
    const bridge = pageBridge(server, limit);
    try {
      const files = [{ name: 'confserv.cfg', text: `[system]\ntoken-authentication-mode=enable\n# ${'é'.repeat(200 * 1024)}\n` }];
      const [tooLarge, decoded] = await Promise.all([
        bridge.invoke('doctor.diagnose', { files }),
        bridge.invoke('token.decode', { value: 'garbage', preamble: 'PXZ1' }),
      ]);
      expect(tooLarge).toEqual({
        ok: false,
        error: {
          code: 'TOO_LARGE',
          message: 'this request is 0.4 MB; web mode takes requests up to 0.3 MB',
          hint: expect.stringContaining('command line'),
        },
      });
      expect(decoded).toMatchObject({ ok: true });
      expect(bridge.state).toBe('open');
    } finally {
      await server.close();
    }
  });
});
