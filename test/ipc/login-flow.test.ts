// The main flow through the contract: start the mock CS, log in as GAX with the mock CS's own
// token-uuid, see the events; change the CS clock live and see the next login refused, explained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_ORDER } from '../../src-main/client/types.js';
import type { RequestInput } from '../../src-main/ipc/contract/index.js';
import { expectNoLeak, expectOneLine, SECRET_PASSWORD, SECRET_UUID, startRuntime, type TestRuntime } from './helpers.js';
import { tcpPeer, type Peer } from '../client/peers.js';

let t: TestRuntime;

const gaxLogin = (runId: string, extra: Partial<RequestInput<'login.run'>> = {}): RequestInput<'login.run'> => ({
  runId,
  target: { kind: 'mockcs' },
  userName: 'default',
  credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 10, tokenUuid: { kind: 'mockcs' }, preamble: '{PXZ}' },
  ...extra,
});

beforeAll(async () => {
  t = await startRuntime();
  await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
  const view = await t.call('mockcs.start', { options: { tokenAuthenticationMode: 'enable', tokenUuid: SECRET_UUID } });
  expect(view.running).toBe(true);
  expect(view.listeners[0]!.port).toBeGreaterThan(0);
  expect(view.options.tokenUuid).toEqual({ source: 'configured', masked: `••••••••-••••-••••-••••-••••••••${SECRET_UUID.slice(-4)}` });
});

afterAll(async () => {
  // Whatever else happened, nothing main sent held the token-uuid or the password.
  expectNoLeak(t);
  expect(t.badEvents).toEqual([]);
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

describe('mockcs.start → login.run with the mock CS token-uuid', () => {
  it('is accepted by token, and the register event and the steps arrive in order', async () => {
    const result = await t.call('login.run', gaxLogin('run-1'));
    expect(result.outcome).toBe('accepted');
    expect(result.session?.authMethod).toBe('token');
    expect(result.token?.redacted).toMatch(/^\{PXZ\}.{6}…\(\d+ chars\)$/);

    const batch = await t.waitForEvent('mockcs.events', (p) => p.events.some((e) => e.kind === 'register' && e.code === 'OK'));
    const registered = batch.events.find((e) => e.kind === 'register')!;
    expect(registered).toMatchObject({ userName: 'default', authMethod: 'token', code: 'OK' });
    expect(registered.logLine).toContain('MSGCFG_CLIENTREGISTERED');

    const steps = t.events.filter((e) => e.event === 'login.step').map((e) => e.payload as { runId: string; step: { id: string; status: string } });
    expect(steps.every((s) => s.runId === 'run-1')).toBe(true);
    const firstSeen = [...new Set(steps.map((s) => s.step.id))];
    expect(firstSeen).toEqual(STEP_ORDER.filter((id) => firstSeen.includes(id)));
    for (const step of result.steps) {
      const mine = steps.filter((s) => s.step.id === step.id).map((s) => s.step.status);
      expect(mine.at(-1)).toBe(step.status);
      if (step.status === 'ok') expect(mine[0]).toBe('running');
    }
    expect(result.steps.find((s) => s.id === 'tls')?.status).toBe('skipped');

    const status = await t.waitForEvent('mockcs.status', (v) => v.counters.accepted >= 1, 3000);
    expect(status.running).toBe(true);
  });

  it('keeps the events in the log for mockcs.log.snapshot, oldest first, and clears them', async () => {
    const { events } = await t.call('mockcs.log.snapshot', {});
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['connect', 'register']));
    const times = events.map((e) => e.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const last2 = await t.call('mockcs.log.snapshot', { limit: 2 });
    expect(last2.events).toEqual(events.slice(-2));
    const { cleared } = await t.call('mockcs.log.clear', undefined);
    expect(cleared).toBe(events.length);
    expect((await t.call('mockcs.log.snapshot', undefined)).events).toEqual([]);
  });
});

describe('mockcs.options.update is live', () => {
  it('a CS clock an hour behind refuses the next login: NOT_YET_VALID, with the reason and the fix', async () => {
    // With the CS reading GAX's 10-minute token life, the window is the token's ten minutes ± 60 s.
    await t.call('mockcs.options.update', { patch: { clockOffsetSeconds: -3600, gaxTokenLifeMinutes: 10 } });
    const result = await t.call('login.run', gaxLogin('run-behind'));
    expect(result.outcome).toBe('rejected');
    expect(result.server?.code).toBe('NOT_YET_VALID');
    expect(result.message.length).toBeGreaterThan(20);
    expect(result.fix).toMatch(/clock|tolerance/i);
    const refused = await t.waitForEvent('mockcs.events', (p) => p.events.some((e) => e.code === 'NOT_YET_VALID'));
    expect(refused.events.find((e) => e.code === 'NOT_YET_VALID')!.hint).toBeTruthy();
  });

  it('a CS clock hours ahead refuses it as EXPIRED; back in step, it is accepted again', async () => {
    await t.call('mockcs.options.update', { patch: { clockOffsetSeconds: 3 * 3600 } });
    const expired = await t.call('login.run', gaxLogin('run-ahead'));
    expect(expired.server?.code).toBe('EXPIRED');
    expect(expired.fix).toMatch(/clock|life|ttl/i);
    await t.call('mockcs.options.update', { patch: { clockOffsetSeconds: 0 } });
    expect((await t.call('login.run', gaxLogin('run-again'))).outcome).toBe('accepted');
    const view = await t.call('mockcs.status', undefined);
    expect(view.counters.rejected).toMatchObject({ NOT_YET_VALID: 1, EXPIRED: 1 });
  });

  it('clock.probe measures the simulated offset', async () => {
    await t.call('mockcs.options.update', { patch: { clockOffsetSeconds: 120 } });
    const probe = await t.call('clock.probe', { target: { kind: 'mockcs' }, samples: 3 });
    expect(probe.samples).toHaveLength(3);
    expect(Math.abs(probe.offsetMs - 120_000)).toBeLessThan(1000);
    await t.call('mockcs.options.update', { patch: { clockOffsetSeconds: 0 } });
  });

  it('an invalid value is refused in words and the options stay as they were', async () => {
    const before = await t.call('mockcs.status', undefined);
    const bad = await t.invoke('mockcs.options.update', { patch: { tokenPreambula: 'has space' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(['BAD_INPUT', 'BAD_OPTIONS']).toContain(bad.error.code);
    expect(bad.error.message).toContain('tokenPreambula');
    expectOneLine(bad.error.message);
    expect((await t.call('mockcs.status', undefined)).options).toEqual(before.options);
  });
});

describe('users, passwords and the generated token-uuid', () => {
  it('a user added with a password logs in with it; upsert without password keeps it; null removes it', async () => {
    await t.call('mockcs.users.upsert', { userName: 'alice', enabled: true, password: SECRET_PASSWORD });
    const pw = await t.call('login.run', { ...gaxLogin('pw-1'), userName: 'alice', credentials: { kind: 'password', password: SECRET_PASSWORD } });
    expect(pw).toMatchObject({ outcome: 'accepted', session: { authMethod: 'password' } });

    const disabled = await t.call('mockcs.users.upsert', { userName: 'alice', enabled: false });
    expect(disabled.options.users.find((u) => u.userName === 'alice')).toEqual({ userName: 'alice', enabled: false, hasPassword: true });
    const refused = await t.call('login.run', {
      ...gaxLogin('pw-2'),
      userName: 'alice',
      credentials: { kind: 'password', password: SECRET_PASSWORD },
    });
    expect(refused.server?.code).toBe('USER_DISABLED');

    const tokenOnly = await t.call('mockcs.users.upsert', { userName: 'alice', enabled: true, password: null });
    expect(tokenOnly.options.users.find((u) => u.userName === 'alice')?.hasPassword).toBe(false);
    const removed = await t.call('mockcs.users.remove', { userName: 'alice' });
    expect(removed.options.users.map((u) => u.userName)).not.toContain('alice');
    const unknown = await t.invoke('mockcs.users.remove', { userName: 'alice' });
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_USER');
  });

  it('regenerates the generated token-uuid only when none is configured; old tokens then fail', async () => {
    const configured = await t.invoke('mockcs.tokenUuid.regenerate', undefined);
    expect(configured.ok ? null : configured.error.code).toBe('BAD_OPTIONS');

    const generated = await t.call('mockcs.options.update', { patch: { tokenUuid: null } });
    expect(generated.options.tokenUuid.source).toBe('generated');
    const minted = await t.call('token.mint', { username: 'default', tokenUuid: { kind: 'mockcs' }, lifeMinutes: 10, preamble: '{PXZ}' });
    const fresh = await t.call('mockcs.tokenUuid.regenerate', undefined);
    expect(fresh.options.tokenUuid.masked).not.toBe(generated.options.tokenUuid.masked);
    const verdict = await t.call('token.verify', { value: minted.token, preamble: '{PXZ}', tokenUuid: { kind: 'mockcs' }, userName: 'default' });
    expect(verdict.code).toBe('BAD_SIGNATURE');
    expect((await t.call('login.run', gaxLogin('after-regenerate'))).outcome).toBe('accepted');
    // kept in the data folder: the next start of the app has the new one
    const later = await startRuntime({}, t.dir);
    expect((await later.call('mockcs.status', undefined)).options.tokenUuid).toEqual(fresh.options.tokenUuid);
    await later.close();
    await t.call('mockcs.options.update', { patch: { tokenUuid: SECRET_UUID } });
  });
});

describe('login.cancel and runs in flight', () => {
  let silent: Peer;
  beforeAll(async () => {
    silent = await tcpPeer();
  });
  afterAll(async () => {
    await silent.stop();
  });

  it('cancels a login waiting for Hello; a second run with the same id is refused meanwhile', async () => {
    const run = t.call('login.run', { ...gaxLogin('slow'), target: { kind: 'host', host: '127.0.0.1', port: silent.port } });
    await t.waitForEvent('login.step', (p) => p.runId === 'slow' && p.step.id === 'hello' && p.step.status === 'running');
    const twice = await t.invoke('login.run', { ...gaxLogin('slow'), target: { kind: 'host', host: '127.0.0.1', port: silent.port } });
    expect(twice.ok ? null : twice.error.code).toBe('RUN_IN_PROGRESS');
    expect(await t.call('login.cancel', { runId: 'slow' })).toEqual({ cancelled: true });
    const result = await run;
    expect(result.outcome).toBe('cancelled');
    expect(result.steps.find((s) => s.id === 'hello')?.status).toBe('failed');
    expect(await t.call('login.cancel', { runId: 'slow' })).toEqual({ cancelled: false });
  });

  it('a mock CS target needs the mock CS running, and a listener it has', async () => {
    const unknown = await t.invoke('login.run', gaxLogin('bad-listener', { target: { kind: 'mockcs', listenerId: 'tls 127.0.0.1:1' } }));
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_LISTENER');
  });
});

describe('listeners', () => {
  it('a TLS listener is pinned by main itself: the login sees the certificate it pinned', async () => {
    const view = await t.call('mockcs.listeners.set', {
      listeners: [
        { host: '127.0.0.1', port: 0 },
        { host: '127.0.0.1', port: 0, tls: true },
      ],
    });
    const tls = view.listeners.find((l) => l.tls)!;
    expect(tls.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const result = await t.call('login.run', gaxLogin('tls-1', { target: { kind: 'mockcs', listenerId: tls.id } }));
    expect(result.outcome).toBe('accepted');
    expect(result.certificate?.fingerprint256).toBe(tls.fingerprint256);
  });

  it('a host that is not one is refused by the mock CS rule, naming the listener', async () => {
    const r = await t.invoke('mockcs.listeners.set', { listeners: [{ host: 'bad host!', port: 0 }] });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'BAD_OPTIONS', message: expect.stringContaining('listeners[0].host') });
  });

  it('a non-loopback host needs allowNonLoopback, and says why', async () => {
    const refused = await t.invoke('mockcs.listeners.set', { listeners: [{ host: '0.0.0.0', port: 0 }] });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('NON_LOOPBACK');
    expect(refused.error.message).toContain('0.0.0.0');
    expect(refused.error.message).toMatch(/other machines/);
  });

  it('a port in use: PORT_IN_USE naming the port, and the server keeps its old listeners', async () => {
    const busy = await tcpPeer();
    try {
      await t.call('mockcs.stop', undefined);
      await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: busy.port }] });
      const started = await t.invoke('mockcs.start', undefined);
      expect(started.ok).toBe(false);
      if (started.ok) return;
      expect(started.error.code).toBe('PORT_IN_USE');
      expect(started.error.message).toContain(String(busy.port));
      expectOneLine(started.error.message);
      const view = await t.call('mockcs.status', undefined);
      expect(view.running).toBe(false);
      await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
      expect((await t.call('mockcs.start', undefined)).running).toBe(true);
    } finally {
      await busy.stop();
    }
  });

  it('a status event goes out at once on stop', async () => {
    const from = t.events.length;
    await t.call('mockcs.stop', undefined);
    const stopped = t.events.slice(from).find((e) => e.event === 'mockcs.status');
    expect(stopped?.payload).toMatchObject({ running: false, listeners: [] });
  });
});
