// Fair limits over real sockets: every loopback address (127.0.0.2, 127.0.0.3, …) is a client of
// its own, so one greedy address, idle connections or a full classroom listener lock nobody out.
import { connect as tcpConnect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { MockCs, type MockCsEvent, type MockCsListener, type MockCsOptions } from '../../src-main/mockcs/index.js';
import { LineClient, until, type Msg } from './helpers.js';

let cs: MockCs | null = null;
const open: LineClient[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  await cs?.stop();
  cs = null;
});

const CLASS = { maxConnections: 200, maxConnectionsPerAddress: 50, registerTimeoutSeconds: 15, maxFailedAttempts: 5, maxLineBytes: 16384 };

async function serve(listeners: MockCsListener[], options: Partial<MockCsOptions> = {}): Promise<{ ports: number[]; events: MockCsEvent[] }> {
  cs = new MockCs({ options: { listeners, ...options } });
  const events: MockCsEvent[] = [];
  cs.onEvent((e) => events.push(e));
  const bound = await cs.start();
  return { ports: bound.map((l) => l.port), events };
}

/** A connection from `from` (a loopback address of its own) to 127.0.0.1:port. */
function connectFrom(port: number, from: string, tls = false): Promise<LineClient> {
  return new Promise((resolve, reject) => {
    const s = tls
      ? tlsConnect({ port, host: '127.0.0.1', localAddress: from, rejectUnauthorized: false } as ConnectionOptions, () => resolve(new LineClient(s)))
      : tcpConnect({ port, host: '127.0.0.1', localAddress: from }, () => resolve(new LineClient(s)));
    s.once('error', reject);
  }).then((c) => {
    open.push(c as LineClient);
    return c as LineClient;
  });
}

/** Connects `n` clients from `from` and reads each one's first line (Hello or SERVER_BUSY). */
async function flood(port: number, from: string, n: number): Promise<{ held: LineClient[]; busy: Msg[] }> {
  const clients = await Promise.all(Array.from({ length: n }, () => connectFrom(port, from)));
  const first = await Promise.all(clients.map((c) => c.next(10_000)));
  return { held: clients.filter((_, i) => first[i]!.type === 'Hello'), busy: first.filter((m) => m.type !== 'Hello') };
}

/** A whole login (connect, Hello, RegisterClient) from `from`, timed. */
async function timedLogin(port: number, from: string, tls = false): Promise<{ ms: number; answer: Msg }> {
  const t0 = performance.now();
  const c = await connectFrom(port, from, tls);
  const hello = await c.next(5000);
  expect(hello.type).toBe('Hello');
  const answer = await c.request({ type: 'RegisterClient', requestId: 1, clientName: 'good', userName: 'default', password: 'password' });
  const ms = performance.now() - t0;
  c.destroy();
  return { ms, answer };
}

describe('fair limits', { timeout: 60_000 }, () => {
  it('with 1,000 connections held from 127.0.0.2, a client from 127.0.0.3 logs in within 1 s on every listener (two TCP, one TLS)', async () => {
    const { ports } = await serve([
      { host: '127.0.0.1', port: 0 },
      { host: '127.0.0.1', port: 0 },
      { host: '127.0.0.1', port: 0, tls: true },
    ]);
    const a = await flood(ports[0]!, '127.0.0.2', 500);
    const b = await flood(ports[1]!, '127.0.0.2', 500);
    // Every address counts on its own across listeners: 100 held, the other 900 refused by name.
    expect(a.held.length + b.held.length).toBe(100);
    expect(a.busy.length + b.busy.length).toBe(900);
    for (const m of [...a.busy, ...b.busy]) {
      expect(m).toMatchObject({ type: 'Error', requestId: null, code: 'SERVER_BUSY' });
      expect(m['message']).toMatch(/from 127\.0\.0\.2 .*\(maxConnectionsPerAddress = 100\)/);
    }
    for (const [i, port] of ports.entries()) {
      const { ms, answer } = await timedLogin(port, '127.0.0.3', i === 2);
      expect(answer).toMatchObject({ type: 'ClientRegistered', userName: 'default' });
      expect(ms).toBeLessThan(1000);
    }
    await until(() => cs!.status().connections === 100);
  });

  it('1,000 unregistered connections from ten addresses: a client from 127.0.0.3 logs in within 1 s (an idle one makes room), and so does 127.0.0.1', async () => {
    const { ports, events } = await serve([{ host: '127.0.0.1', port: 0 }]);
    const port = ports[0]!;
    const floods = await Promise.all(Array.from({ length: 10 }, (_, i) => flood(port, `127.0.0.${10 + i}`, 100)));
    const busy = floods.flatMap((f) => f.busy);
    // The last 100 slots are the instructor's: 900 held; the rest refused, or (arriving from an
    // address with fewer) let in in place of an idle one from the greediest address.
    await until(() => cs!.status().connections === 900);
    const madeRoom = () => events.filter((e) => e.code === 'SERVER_BUSY' && /make room/.test(e.message));
    expect(busy.length + madeRoom().length).toBe(100);
    for (const m of busy) expect(m['message']).toMatch(/maxConnections = 1000\); the last 100 are kept for 127\.0\.0\.1/);
    const before = madeRoom().length;

    const good = await timedLogin(port, '127.0.0.3');
    expect(good.answer).toMatchObject({ type: 'ClientRegistered' });
    expect(good.ms).toBeLessThan(1000);
    const instructor = await timedLogin(port, '127.0.0.1');
    expect(instructor.answer).toMatchObject({ type: 'ClientRegistered' });
    expect(instructor.ms).toBeLessThan(1000);
    // The one that made room was told why.
    expect(madeRoom().length).toBe(before + 1);
    expect(madeRoom().at(-1)!.remote).toMatch(/^127\.0\.0\.1\d:/);
  });

  it("the instructor's loopback listener stays usable while a classroom listener is full (class limits: 180 registered trainees)", async () => {
    const users = Array.from({ length: 200 }, (_, i) => ({ userName: `trainee${i}`, password: 'pw', enabled: true }));
    const { ports } = await serve(
      [
        { host: '127.0.0.1', port: 0 },
        { host: '127.0.0.1', port: 0 },
      ],
      { ...CLASS, users: [...users, { userName: 'default', password: 'password', enabled: true }] },
    );
    const [instructorPort, classPort] = ports as [number, number];
    // Four trainee machines, 45 each: all registered, so none can be made to give up its seat.
    const seats = await Promise.all(
      Array.from({ length: 180 }, async (_, i) => {
        const c = await connectFrom(classPort, `127.0.0.${20 + (i % 4)}`);
        await c.next(10_000);
        return c.request({ type: 'RegisterClient', requestId: 1, userName: `trainee${i}`, password: 'pw' });
      }),
    );
    expect(seats.every((m) => m.type === 'ClientRegistered')).toBe(true);
    const late = await connectFrom(classPort, '127.0.0.30');
    const refused = await late.next();
    expect(refused).toMatchObject({ code: 'SERVER_BUSY' });
    expect(refused['message']).toMatch(/180 connections are open, .*maxConnections = 200\); the last 20 are kept for 127\.0\.0\.1, the instructor/);
    const { ms, answer } = await timedLogin(instructorPort, '127.0.0.1');
    expect(answer).toMatchObject({ type: 'ClientRegistered' });
    expect(ms).toBeLessThan(1000);
  });

  it("a listener's own cap (5) refuses the 6th connection there, naming it; the other listener still serves", async () => {
    const { ports } = await serve([
      { host: '127.0.0.1', port: 0 },
      { host: '127.0.0.1', port: 0, maxConnections: 5 },
    ]);
    const f = await flood(ports[1]!, '127.0.0.2', 6);
    expect(f.held.length).toBe(5);
    expect(f.busy[0]!['message']).toMatch(/5 connections are open on 127\.0\.0\.1:\d+, the most this listener takes \(its maxConnections = 5\)/);
    expect(f.busy[0]!['detail']).toMatchObject({ hint: expect.stringMatching(/this listener's maxConnections/) });
    const { answer } = await timedLogin(ports[0]!, '127.0.0.2');
    expect(answer).toMatchObject({ type: 'ClientRegistered' });
    await until(() => cs!.status().connections === 5);
  });
});
