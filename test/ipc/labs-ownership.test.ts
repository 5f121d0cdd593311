// Whose mock CS is whose: a lab runs on a mock CS of its own and the wizard's Try it on another, so
// neither replaces the user's (options, users, token-uuid, listeners, running); leaving the lab puts
// the user's back in the Server view exactly as it was; start and stop reach the live log.
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario } from '../../src-main/core/labs/index.js';
import { expectNoLeak, SECRET_UUID, startRuntime, type TestRuntime } from './helpers.js';

const open: TestRuntime[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

/** Everything a person could have set up on their mock CS, and its real token-uuid (main-side). */
async function userSide(t: TestRuntime) {
  const view = await t.call('mockcs.status', undefined);
  const { tokenUuid } = await t.call('mockcs.tokenUuid.reveal', undefined, { record: false });
  const { host, counters, connections, registered, ...rest } = view;
  void counters;
  void connections;
  void registered;
  return { host, ...rest, tokenUuid };
}

describe("the user's mock CS, a lab's and Try it's", () => {
  it("opening and leaving a lab, and Try it meanwhile, leave the user's mock CS as it was", async () => {
    const t = await startRuntime();
    open.push(t);
    // the user's own setup: a configured token-uuid, users with and without a password, a free port, running
    await t.call('mockcs.start', {
      options: {
        tokenAuthenticationMode: 'enable',
        tokenUuid: SECRET_UUID,
        tokenTtlMinutes: 45,
        tokenToleranceSeconds: 90,
        gaxTokenLifeMinutes: 30,
        diagnostics: 'realistic',
      },
    });
    await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
    await t.call('mockcs.users.upsert', { userName: 'alice', enabled: true, password: 'pw-alice' });
    await t.call('mockcs.users.upsert', { userName: 'bob', enabled: false });
    const before = await userSide(t);
    expect(before.running).toBe(true);
    expect(before.host).toEqual({ owner: 'user', name: 'your mock CS' });
    const userPort = before.listeners[0]!.port;

    const s = findScenario('cs-mode-disabled')!;
    const lab = await t.call('labs.open', { id: s.id });
    // the Server view now shows the lab's mock CS, on a port of its own
    const inFront = await t.call('mockcs.status', undefined);
    expect(inFront.host).toEqual({ owner: `lab:${s.id}`, name: s.title });
    expect(inFront.running).toBe(true);
    expect(inFront.listeners[0]!.port).not.toBe(userPort);
    expect(inFront.options.tokenAuthenticationMode).toBe('disable');
    const hosts = (await t.call('mockcs.hosts', undefined)).hosts;
    expect(hosts.map((h) => [h.owner, h.front, h.running])).toEqual([
      ['user', false, true],
      [`lab:${s.id}`, true, true],
    ]);
    expect(hosts[0]!.listeners).toEqual([`127.0.0.1:${userPort}`]);

    // the trainee fixes the lab in the Server view; it changes the lab's CS, not the user's
    await t.call('mockcs.options.update', { patch: { tokenAuthenticationMode: 'enable' } });
    expect((await t.call('labs.check', undefined)).lastCheck?.solved).toBe(true);
    expect(lab.scenario.id).toBe(s.id);

    // the wizard's Try it runs on its own mock CS: neither the lab's nor the user's moves
    const tried = await t.call('mockcs.tryIt.prepare', {
      options: { tokenAuthenticationMode: 'enable', tokenTtlMinutes: 5 },
      userName: 'wizard-user',
    });
    expect(tried.view.host).toEqual({ owner: 'try-it', name: "the setup wizard's Try it" });
    expect(tried.notes).toEqual(['The user "wizard-user" was added to the trial mock CS (token logins only: no password).']);
    const tryPort = tried.view.listeners[0]!.port;
    expect([userPort, inFront.listeners[0]!.port]).not.toContain(tryPort);
    const login = await t.call('login.run', {
      runId: 'try',
      target: { kind: 'mockcs', host: 'try-it' },
      userName: 'wizard-user',
      credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 5, tokenUuid: { kind: 'mockcs', host: 'try-it' }, preamble: '{PXZ}' },
    });
    expect(login.outcome).toBe('accepted');
    await t.call('mockcs.tryIt.update', { patch: { clockOffsetSeconds: 600 } });
    const stillLab = await t.call('mockcs.status', undefined);
    expect([stillLab.host?.owner, stillLab.options.clockOffsetSeconds, stillLab.options.tokenTtlMinutes]).toEqual([
      `lab:${s.id}`,
      inFront.options.clockOffsetSeconds,
      inFront.options.tokenTtlMinutes,
    ]);
    expect((await t.call('labs.check', undefined)).lastCheck?.solved).toBe(true);

    // leaving the lab: its mock CS stops, the user's is back in front, unchanged in every respect
    expect(await t.call('labs.close', undefined)).toEqual({ closed: s.id });
    expect(await userSide(t)).toEqual(before);
    expect((await t.call('labs.current', undefined)).lab).toBeNull();
    const after = (await t.call('mockcs.hosts', undefined)).hosts;
    expect(after.map((h) => [h.owner, h.front, h.running])).toEqual([
      ['user', true, true],
      ['try-it', false, true],
    ]);
    // the user's own login still works as before, on their port
    const mine = await t.call('login.run', {
      runId: 'mine',
      target: { kind: 'mockcs' },
      userName: 'alice',
      credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 30, tokenUuid: { kind: 'mockcs' }, preamble: '{PXZ}' },
    });
    expect(mine.outcome).toBe('accepted');
    expectNoLeak(t);
  });

  it('start and stop are lines of the live log, with their code, and the status says whose', async () => {
    const t = await startRuntime();
    open.push(t);
    await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
    const started = await t.call('mockcs.start', {});
    const port = started.listeners[0]!.port;
    await t.call('mockcs.stop', undefined);
    const { events } = await t.call('mockcs.log.snapshot', {});
    expect(events.map((e) => [e.kind, e.code, e.message])).toEqual([
      ['server', 'MOCKCS_STARTED', `your mock CS started, listening on 127.0.0.1:${port}`],
      ['server', 'MOCKCS_STOPPED', `your mock CS stopped (was on 127.0.0.1:${port})`],
    ]);
    const pushed = await t.waitForEvent('mockcs.events', (p) => p.events.some((e) => e.code === 'MOCKCS_STOPPED'));
    expect(pushed.events.at(-1)?.logLine).toMatch(/Std ----- MOCKCS_STOPPED: your mock CS stopped/);
    expect(t.badEvents).toEqual([]);
  });

  it('a lab left while the app holds none is a plain answer, and the user keeps a stopped mock CS stopped', async () => {
    const t = await startRuntime();
    open.push(t);
    expect(await t.call('labs.close', undefined)).toEqual({ closed: null });
    const s = findScenario('gax-life-over-ttl') ?? findScenario('cs-mode-disabled')!;
    await t.call('labs.open', { id: s.id });
    await t.call('labs.close', undefined);
    const view = await t.call('mockcs.status', undefined);
    expect([view.host?.owner, view.running]).toEqual(['user', false]);
  });
});
