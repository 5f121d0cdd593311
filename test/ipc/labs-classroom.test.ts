// Classroom mode through the real IPC runtime: the mock CS also listens on one of this machine's
// network addresses (a real non-loopback one when there is one) with the class limits, a class of
// 30 hammers it — connections beyond maxConnections, failed logins until TOO_MANY_ATTEMPTS, then
// each a good login — and afterwards a well-behaved client still logs in at once. The trainees
// table's tally (the renderer's TraineeTally, fed the events main pushed) counts every one right.
// "Back to loopback only" removes the listener and restores the limits.
import { afterEach, describe, expect, it } from 'vitest';
import { runLogin } from '../../src-main/client/index.js';
import { CLASSROOM_LIMITS } from '../../src-main/ipc/contract/labs.js';
import { TraineeTally, type MockCsEvent } from '../../src-renderer/lib/labs/trainees.js';
import { LineClient } from '../mockcs/helpers.js';
import { startRuntime, type TestRuntime } from './helpers.js';

const TRAINEES = 30;
const PASSWORD = 'Class-Room-30';

let t: TestRuntime | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function eventsOn(rt: TestRuntime): MockCsEvent[] {
  return rt.events.filter((e) => e.event === 'mockcs.events').flatMap((e) => (e.payload as { events: MockCsEvent[] }).events);
}

describe('classroom mode', () => {
  it('lists network addresses, refuses one that is not this machine’s, and needs the confirmation', async () => {
    t = await startRuntime();
    const status = await t.call('labs.classroom.status', undefined);
    expect(status.classroom.on).toBe(false);
    for (const i of status.interfaces) {
      expect(i.address).not.toMatch(/^(127\.|::1$|fe80:)/i);
      expect(i.name).not.toBe('');
    }
    const far = await t.invoke('labs.classroom.start', { host: '203.0.113.9', port: 0, confirm: true });
    expect(far.ok ? 'ok' : far.error.code).toBe('ADDRESS_NOT_AVAILABLE');
    const unconfirmed = await t.invokeRaw('labs.classroom.start', { host: '127.0.0.1', port: 0, confirm: false });
    expect(unconfirmed.ok ? 'ok' : unconfirmed.error.code).toBe('BAD_INPUT');
    expect((await t.call('mockcs.status', undefined)).options.listeners).toEqual([{ host: '127.0.0.1', port: 2020, tls: false }]);
  });

  it('a loopback rehearsal gets its own listener beside the loopback one, and loses it on the way back', async () => {
    t = await startRuntime();
    await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
    await t.call('mockcs.start', {});
    const first = (await t.call('mockcs.status', undefined)).listeners[0]!;
    const started = await t.call('labs.classroom.start', { host: '127.0.0.1', port: 0, confirm: true });
    expect(started.mockcs.listeners).toHaveLength(2);
    const own = started.mockcs.listeners[1]!;
    expect(own.port).not.toBe(first.port);
    expect(started.classroom).toMatchObject({ on: true, host: '127.0.0.1', port: own.port, listenerId: own.id });
    expect((await t.call('labs.classroom.status', undefined)).classroom.listenerId).toBe(own.id);
    const stopped = await t.call('labs.classroom.stop', undefined);
    expect(stopped.mockcs.listeners.map((l) => l.id)).toEqual([first.id]);
    expect(stopped.classroom.on).toBe(false);
  });

  it(`stays up for a class of ${TRAINEES} hammering it; a well-behaved client still logs in; the trainees tally is right`, async () => {
    t = await startRuntime();
    const rt = t;
    for (let i = 1; i <= TRAINEES + 1; i++)
      await rt.call('mockcs.users.upsert', { userName: `trainee${i}`, enabled: true, password: PASSWORD }, { record: false });
    await rt.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
    await rt.call('mockcs.start', {});
    const previous = (await rt.call('mockcs.status', undefined)).options;

    const { interfaces } = await rt.call('labs.classroom.status', undefined);
    const host = interfaces.find((i) => i.family === 'IPv4')?.address ?? '127.0.0.1';
    const started = await rt.call('labs.classroom.start', { host, port: 0, confirm: true });
    expect(started.classroom).toMatchObject({ on: true, host, tls: false, limits: CLASSROOM_LIMITS });
    const port = started.classroom.port!;
    expect(port).toBeGreaterThan(0);
    expect(started.classroom.listenerId).toBe(`${host}:${port}`);
    // the loopback listener stays first: the instructor's own checks and logins go there
    expect(started.mockcs.listeners.map((l) => l.host)).toEqual(['127.0.0.1', host]);
    // The Server view does not show maxConnectionsPerAddress; the classroom view does (above).
    const { maxConnectionsPerAddress: _perAddress, ...shown } = CLASSROOM_LIMITS;
    expect(started.mockcs.options).toMatchObject(shown);

    // 1. Every seat one address may take: maxConnectionsPerAddress idle connections, then ten more are refused SERVER_BUSY.
    const idle = await Promise.all(Array.from({ length: CLASSROOM_LIMITS.maxConnectionsPerAddress }, () => LineClient.connect(port, host)));
    await Promise.all(idle.map((c) => c.next(5000)));
    const refused = await Promise.all(Array.from({ length: 10 }, () => LineClient.connect(port, host)));
    for (const c of refused)
      expect(await c.next(5000)).toMatchObject({ code: 'SERVER_BUSY', message: expect.stringMatching(/maxConnectionsPerAddress = 50/) });
    for (const c of [...idle, ...refused]) c.destroy();
    await expect.poll(async () => (await rt.call('mockcs.status', undefined, { record: false })).connections, { timeout: 5000 }).toBe(0);

    // 2. Each trainee hammers with wrong passwords until the connection is closed, then logs in right.
    await Promise.all(
      Array.from({ length: TRAINEES }, async (_, i) => {
        const name = `trainee-${String(i + 1).padStart(2, '0')}`;
        const c = await LineClient.connect(port, host);
        await c.next();
        const answers = [];
        for (let id = 1; id <= CLASSROOM_LIMITS.maxFailedAttempts; id++)
          answers.push(await c.request({ type: 'RegisterClient', requestId: id, clientName: name, userName: `trainee${i + 1}`, password: 'wrong' }));
        expect(answers.map((a) => a.code)).toEqual([...Array(CLASSROOM_LIMITS.maxFailedAttempts - 1).fill('BAD_PASSWORD'), 'TOO_MANY_ATTEMPTS']);
        await c.closed;
        const good = await runLogin({
          host,
          port,
          userName: `trainee${i + 1}`,
          clientName: name,
          credentials: { kind: 'password', password: PASSWORD },
        });
        expect(good.outcome).toBe('accepted');
      }),
    );

    // 3. A well-behaved latecomer gets in at once.
    const t0 = performance.now();
    const late = await runLogin({
      host,
      port,
      userName: `trainee${TRAINEES + 1}`,
      clientName: 'well-behaved',
      credentials: { kind: 'password', password: PASSWORD },
    });
    expect(late.outcome).toBe('accepted');
    expect(performance.now() - t0).toBeLessThan(2000);

    // 4. The tally, from the events main pushed for the classroom listener.
    await expect.poll(() => eventsOn(rt).filter((e) => e.clientName === 'well-behaved' && e.kind === 'register').length, { timeout: 3000 }).toBe(1);
    const tally = new TraineeTally(started.classroom.listenerId!);
    tally.add(eventsOn(rt));
    const rows = tally.list();
    expect(rows.map((r) => r.clientName)).toEqual([
      ...Array.from({ length: TRAINEES }, (_, i) => `trainee-${String(i + 1).padStart(2, '0')}`),
      'well-behaved',
    ]);
    for (const r of rows.slice(0, TRAINEES))
      expect(r).toMatchObject({ attempts: CLASSROOM_LIMITS.maxFailedAttempts + 1, accepted: 1, lastCode: 'OK', remotes: [host] });
    expect(rows.at(-1)).toMatchObject({ attempts: 1, accepted: 1, lastCode: 'OK' });
    expect(tally.totals()).toEqual({
      trainees: TRAINEES + 1,
      attempts: TRAINEES * (CLASSROOM_LIMITS.maxFailedAttempts + 1) + 1,
      accepted: TRAINEES + 1,
      refused: { SERVER_BUSY: 10, TOO_MANY_ATTEMPTS: TRAINEES },
    });
    const counters = (await rt.call('mockcs.status', undefined)).counters;
    expect(counters.accepted).toBe(TRAINEES + 1);
    expect(counters.rejected.BAD_PASSWORD).toBe(TRAINEES * CLASSROOM_LIMITS.maxFailedAttempts);

    // 5. Back to loopback only: the listener gone, the limits as they were.
    const stopped = await rt.call('labs.classroom.stop', undefined);
    expect(stopped.classroom.on).toBe(false);
    expect(stopped.mockcs.listeners.map((l) => l.host)).toEqual(['127.0.0.1']);
    expect(stopped.mockcs.options).toMatchObject({
      maxConnections: previous.maxConnections,
      registerTimeoutSeconds: previous.registerTimeoutSeconds,
      maxFailedAttempts: previous.maxFailedAttempts,
    });
    expect(t.internalErrors).toEqual([]);
  }, 60_000);
});
