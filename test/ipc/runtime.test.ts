// The door itself: a foreign sender is refused before anything else happens, an unknown channel is
// named as such, an unexpected failure answers INTERNAL and the next request works; web mode's
// answers; and dispose() leaves no port, login or store write behind.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcRuntime } from '../../src-main/ipc/index.js';
import { SessionSecretVault } from '../../src-main/store/index.js';
import { tcpPeer } from '../client/peers.js';
import { expectOneLine, FOREIGN, SECRET_UUID, startRuntime, TRUSTED, type TestRuntime } from './helpers.js';

describe('the sender, the channel, and unexpected failures', () => {
  let t: TestRuntime;
  let failOpen = false;
  beforeAll(async () => {
    t = await startRuntime({
      openExternal: async () => {
        if (failOpen) throw new TypeError("Cannot read properties of undefined (reading 'openExternal')");
        return true;
      },
    });
    await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
    await t.call('mockcs.start', undefined);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a foreign sender is refused before its payload is parsed or a handler runs', async () => {
    const before = await t.call('settings.get', undefined);
    for (const payload of [{ patch: { theme: 'dark' } }, { patch: { theme: 'not-a-theme' } }, 'garbage']) {
      const r = await t.invokeRaw('settings.update', payload, FOREIGN);
      expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) });
    }
    expect((await t.call('settings.get', undefined)).settings).toEqual(before.settings);
    expect(await t.invokeRaw('mockcs.stop', undefined, FOREIGN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await t.invokeRaw('mockcs.stop', undefined, { ...TRUSTED, authenticated: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect((await t.call('mockcs.status', undefined)).running).toBe(true);
    // even a channel that does not exist is not disclosed to a foreign sender
    expect(await t.invokeRaw('no.such.channel', {}, FOREIGN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('an unknown channel is named as such, whatever it is', async () => {
    for (const channel of ['mockcs.explode', '__proto__', 'constructor', 'toString', '', 42, null]) {
      const r = await t.invokeRaw(channel as string, {});
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('UNKNOWN_CHANNEL');
      expectOneLine(r.error.message);
    }
  });

  it('a handler that throws unexpectedly answers INTERNAL without its text, and the next request works', async () => {
    failOpen = true;
    const r = await t.invokeRaw('app.openExternal', { url: 'https://docs.genesys.com/' });
    failOpen = false;
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (r.ok) return;
    expect(r.error.message).not.toContain('Cannot read');
    expectOneLine(r.error.message);
    expect(t.internalErrors.map((e) => e.channel)).toEqual(['app.openExternal']);
    expect(await t.invokeRaw('app.openExternal', { url: 'https://docs.genesys.com/' })).toEqual({ ok: true, data: { opened: true } });
    expect((await t.call('mockcs.status', undefined)).running).toBe(true);
  });

  it("reportProblem sends main's unexpected error to the window as app.problem: one line, its token-uuid and token masked", async () => {
    const token = (
      await t.call('token.mint', { username: 'default', tokenUuid: { kind: 'typed', value: SECRET_UUID }, lifeMinutes: 10, preamble: '{PXZ}' })
    ).token;
    const before = Date.now();
    t.runtime.reportProblem(new TypeError(`a timer failed for ${SECRET_UUID} with ${token}\n    at tick (timers.js:1:2)`));
    t.runtime.reportProblem('a rejected promise with a string reason');
    const problems = t.events.filter((e) => e.event === 'app.problem').map((e) => e.payload as { message: string; time: number });
    expect(problems.map((p) => p.message)).toEqual([
      `TypeError: a timer failed for ••••••••-••••-••••-••••-••••••••6e35 with ${token.slice(0, 11)}…(${token.length - 5} chars)`,
      'a non-Error value was thrown: a rejected promise with a string reason',
    ]);
    for (const p of problems) {
      expect(p.time).toBeGreaterThanOrEqual(before);
      expect(p.time).toBeLessThanOrEqual(Date.now());
    }
    expect(t.badEvents).toEqual([]);
  });

  it('a link that is not plain https is refused before the host sees it', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'http://example.com/']) {
      const r = await t.invokeRaw('app.openExternal', { url });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNSAFE_URL' } });
      if (!r.ok) expect(r.error.message).not.toContain(url);
    }
  });
});

describe('outputs are checked against the contract', () => {
  it('an answer outside its schema is INTERNAL when checkOutputs is on', async () => {
    const t = await startRuntime({ appInfo: { version: 1 as unknown as string, versions: { node: process.versions.node } } });
    try {
      expect(await t.invokeRaw('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(t.internalErrors[0]?.channel).toBe('app.info');
      expect(String(t.internalErrors[0]?.err)).toContain('app.info answered outside its contract: version');
    } finally {
      await t.close();
    }
  });
});

describe('web mode', () => {
  it('has no save dialog and no shell: the page downloads and opens links itself', async () => {
    const t = await startRuntime({ mode: 'web' });
    try {
      const info = await t.call('app.info', undefined);
      expect(info).toMatchObject({ mode: 'web', dataDir: t.dir, secretStorage: { mode: 'session-only' } });
      expect(info.secretStorage.description).toMatch(/memory/);
      expect(await t.invokeRaw('export.save', { suggestedName: 'r.txt', content: 'x', mime: 'text/plain' })).toMatchObject({
        ok: false,
        error: { code: 'USE_DOWNLOAD' },
      });
      expect(await t.invokeRaw('app.openExternal', { url: 'https://docs.genesys.com/' })).toMatchObject({ ok: false, error: { code: 'USE_LINK' } });
    } finally {
      await t.close();
    }
  });
});

describe('dispose', () => {
  it('stops the mock CS, cancels logins in flight, then answers SHUTTING_DOWN (and still refuses strangers)', async () => {
    const t = await startRuntime();
    const silent = await tcpPeer();
    try {
      await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
      const port = (await t.call('mockcs.start', undefined)).listeners[0]!.port;
      const login = t.call('login.run', {
        runId: 'in-flight',
        target: { kind: 'host', host: '127.0.0.1', port: silent.port },
        userName: 'default',
        credentials: { kind: 'password', password: 'password' },
      });
      await t.waitForEvent('login.step', (p) => p.step.id === 'hello' && p.step.status === 'running');
      await t.runtime.dispose();
      expect((await login).outcome).toBe('cancelled');
      await expect(
        new Promise((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port }, () => reject(new Error('the port is still open')));
          s.on('error', resolve);
        }),
      ).resolves.toMatchObject({ code: 'ECONNREFUSED' });
      expect(await t.invokeRaw('settings.get', undefined)).toMatchObject({ ok: false, error: { code: 'SHUTTING_DOWN' } });
      expect(await t.invokeRaw('settings.get', undefined, FOREIGN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      await t.runtime.dispose();
    } finally {
      await silent.stop();
      await t.close();
    }
  });

  it('createIpcRuntime rejects in one line when the data folder cannot be used', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gax-ipc-'));
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    try {
      const opening = createIpcRuntime({
        mode: 'web',
        dataDir: join(file, 'data'),
        cipher: new SessionSecretVault(),
        appInfo: { version: '0', versions: { node: process.versions.node } },
        isTrustedSender: () => true,
      });
      await expect(opening).rejects.toThrow(/data folder/);
      await opening.catch((e: Error) => expectOneLine(e.message));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
