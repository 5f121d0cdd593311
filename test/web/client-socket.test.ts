// One web-mode socket on its own, over a real loopback WebSocket: frame parsing, the in-flight limit,
// and dropping a client that stops reading.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createIpcRuntime, type IpcRuntime } from '../../src-main/ipc/index.js';
import { SessionSecretVault } from '../../src-main/store/index.js';
import { ClientSocket, parseRequestFrame, UNMATCHED_ID, type ClientLimits } from '../../src-main/web/client-socket.js';
import { TestClient } from './helpers.js';

const ORIGIN = 'http://127.0.0.1:1';
let dataDir: string;
let runtime: IpcRuntime;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gax-web-socket-'));
  runtime = await createIpcRuntime({
    mode: 'web',
    dataDir,
    cipher: new SessionSecretVault(),
    appInfo: { version: '0.0.0-test', versions: { node: process.versions.node } },
    isTrustedSender: (s) => s.authenticated && s.url === ORIGIN,
  });
});
afterAll(async () => {
  await runtime.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

/** A WebSocket server whose every connection is a ClientSocket with `limits`, and a client for it. */
async function pair(limits: ClientLimits): Promise<{ server: ClientSocket; serverWs: WebSocket; client: TestClient; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise((resolve) => wss.once('listening', resolve));
  const accepted = new Promise<{ server: ClientSocket; serverWs: WebSocket }>((resolve) =>
    wss.once('connection', (ws) =>
      resolve({ server: new ClientSocket(ws, runtime.dispatcher, { url: ORIGIN, authenticated: true }, limits), serverWs: ws }),
    ),
  );
  const port = (wss.address() as net.AddressInfo).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const client = new TestClient(ws);
  const { server, serverWs } = await accepted;
  return {
    server,
    serverWs,
    client,
    async close() {
      ws.terminate();
      serverWs.terminate();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

describe('parseRequestFrame', () => {
  it('reads {id, channel, input}', () => {
    expect(parseRequestFrame('{"id":3,"channel":"token.decode","input":{"value":"x"}}')).toEqual({
      ok: true,
      request: { id: 3, channel: 'token.decode', input: { value: 'x' } },
    });
    expect(parseRequestFrame('{"id":4,"channel":"mockcs.status"}')).toEqual({
      ok: true,
      request: { id: 4, channel: 'mockcs.status', input: undefined },
    });
  });

  it('says what is wrong, answering with the id when there is a usable one', () => {
    expect(parseRequestFrame('nope')).toEqual({ ok: false, id: UNMATCHED_ID, message: 'the message is not JSON' });
    expect(parseRequestFrame('null')).toMatchObject({ ok: false, id: UNMATCHED_ID });
    expect(parseRequestFrame('"text"')).toMatchObject({ ok: false, id: UNMATCHED_ID });
    for (const id of ['0', '-1', '1.5', '"7"', '9007199254740993'])
      expect(parseRequestFrame(`{"id":${id},"channel":"a"}`), id).toMatchObject({
        ok: false,
        id: UNMATCHED_ID,
        message: expect.stringMatching(/no id/),
      });
    expect(parseRequestFrame('{"id":8}')).toEqual({ ok: false, id: 8, message: 'the message has no channel name' });
    expect(parseRequestFrame(`{"id":9,"channel":"${'c'.repeat(201)}"}`)).toMatchObject({ ok: false, id: 9 });
    expect(parseRequestFrame('{"id":10,"channel":42}')).toMatchObject({ ok: false, id: 10 });
  });
});

describe('ClientSocket', () => {
  it('refuses requests beyond the in-flight limit with BUSY, and takes them again once answered', async () => {
    // A peer that accepts and never speaks keeps a login in flight until the peer hangs up.
    const peers = new Set<net.Socket>();
    const silent = net.createServer((s) => peers.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    const p = await pair({ maxInFlight: 1, maxBufferedBytes: 1 << 20 });
    try {
      const login = p.client.request('login.run', {
        runId: 'busy-1',
        target: { kind: 'host', host: '127.0.0.1', port: silentPort },
        userName: 'default',
        credentials: { kind: 'password', password: 'not-a-real-secret-1' },
      });
      await vi.waitFor(() => expect(peers.size).toBe(1));
      expect(await p.client.request('token.decode', { value: 'x', preamble: 'PXZ1' })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
      for (const s of peers) s.destroy();
      expect(await login).toMatchObject({ ok: true, data: { outcome: expect.not.stringMatching(/^accepted$/) } });
      expect(await p.client.request('token.decode', { value: 'x', preamble: 'PXZ1' })).toMatchObject({ ok: true });
    } finally {
      await p.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('drops a client that stops reading instead of buffering without bound', async () => {
    const p = await pair({ maxInFlight: 8, maxBufferedBytes: 256 * 1024 });
    try {
      p.client.ws.pause();
      const frame = JSON.stringify({ event: 'mockcs.events', payload: { events: [], pad: 'e'.repeat(256 * 1024) } });
      let sent = 0;
      // Loopback socket buffers take a few MB first; then bufferedAmount grows and the client is cut.
      while (p.serverWs.readyState === WebSocket.OPEN && sent < 400) {
        p.server.sendEvent(frame);
        sent += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(p.serverWs.readyState).not.toBe(WebSocket.OPEN);
      expect(sent).toBeLessThan(400);
      // Nothing more is queued for it: memory stays bounded.
      p.server.sendEvent(frame);
      expect(p.serverWs.bufferedAmount).toBeLessThanOrEqual(256 * 1024 + frame.length);
      p.client.ws.resume();
      expect((await p.client.closed).code).toBe(1006);
    } finally {
      await p.close();
    }
  });
});
