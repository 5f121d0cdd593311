// Failure isolation (issue 8): an exception while one connection is handled ends that connection
// only — the server, its port and every other connection go on. Real triggers on real sockets: an
// event listener (user code) that throws, an injected clock that throws, a client that resets the
// connection while the server writes to it.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockCsEvent } from '../../src-main/mockcs/index.js';
import { helloClient, LineClient, loginOnce, mint, nowSeconds, startMockCs, until, type Running } from './helpers.js';

const UUID = '0f1e2d3c-4b5a-4697-8877-665544332211';
const SECRET = 'Secret-In-An-Error-Message-42';
let srv: Running | null = null;
afterEach(async () => {
  await srv?.stop();
  srv = null;
});

/** The mock CS's clock, which throws (with a secret in the message) on the next read after failNext(). */
class ClockThatFailsOnce {
  #armed = false;
  failNext(): void {
    this.#armed = true;
  }
  readonly read = (): number => {
    if (this.#armed) {
      this.#armed = false;
      throw new Error(`clock failure ${SECRET}`);
    }
    return Date.now();
  };
}

const register = (client: LineClient, requestId: number, clientName: string, userName: string, password: string) =>
  client.request({ type: 'RegisterClient', requestId, clientName, userName, password });

describe('failure isolation', { timeout: 20_000 }, () => {
  it('an event listener that throws for one client hurts neither that client, nor the others, nor the other listeners', async () => {
    srv = await startMockCs({ tokenAuthenticationMode: 'enable', tokenUuid: UUID, users: [{ userName: 'alice', enabled: true }] });
    let thrown = 0;
    srv.cs.onEvent((e) => {
      if (e.clientName === 'Breaker') {
        thrown++;
        throw new Error(`listener bug ${SECRET}`);
      }
    });
    const seen: MockCsEvent[] = [];
    srv.cs.onEvent((e) => seen.push(e));

    const t = nowSeconds();
    const token = mint(UUID, 'alice', t, t + 600);
    const breaker = (await helloClient(srv.port)).client;
    const others = await Promise.all(Array.from({ length: 5 }, async () => (await helloClient(srv!.port)).client));
    // All at once, so the throwing listener runs while the others are being handled too.
    const answers = await Promise.all([
      register(breaker, 1, 'Breaker', 'alice', token),
      ...others.map((c, i) => register(c, 1, `GAX-${i}`, 'alice', token)),
    ]);
    for (const a of answers) expect(a).toMatchObject({ type: 'ClientRegistered', authMethod: 'token' });
    expect(thrown).toBeGreaterThan(0);

    // The connection whose events throw keeps working.
    expect(await breaker.request({ type: 'Ping', requestId: 2 })).toEqual({ type: 'Pong', requestId: 2 });
    for (const c of others) expect(await c.request({ type: 'Ping', requestId: 2 })).toEqual({ type: 'Pong', requestId: 2 });
    // The other listener got every event, the Breaker's included.
    expect(seen.filter((e) => e.kind === 'register' && e.code === 'OK')).toHaveLength(6);
    expect(seen.some((e) => e.clientName === 'Breaker' && e.kind === 'request')).toBe(true);
    expect(srv.cs.status()).toMatchObject({ running: true, connections: 6, registered: 6 });
    expect(await loginOnce(srv.port, 'alice', mint(UUID, 'alice', t, t + 600))).toMatchObject({ type: 'ClientRegistered' });
    for (const c of [breaker, ...others]) c.destroy();
  });

  it('a throw while one connection is handled closes that one, with a logged reason and no secret; the others go on', async () => {
    const clock = new ClockThatFailsOnce();
    srv = await startMockCs(
      { tokenAuthenticationMode: 'enable', tokenUuid: UUID, users: [{ userName: 'alice', enabled: true }] },
      { clock: clock.read },
    );
    const t = nowSeconds();
    const bystander = (await helloClient(srv.port)).client;
    expect(await register(bystander, 1, 'GAX', 'alice', mint(UUID, 'alice', t, t + 600))).toMatchObject({ type: 'ClientRegistered' });
    const victim = (await helloClient(srv.port)).client;

    // One chunk: the Ping is answered, GetServerTime reads the clock, which throws.
    clock.failNext();
    victim.send('{"type":"Ping","requestId":1}\n{"type":"GetServerTime","requestId":2}\n{"type":"Ping","requestId":3}\n');
    expect(await victim.next()).toEqual({ type: 'Pong', requestId: 1 });
    await victim.closed;
    expect(victim.raw.split('\n').filter(Boolean)).toHaveLength(2); // Hello and the first Pong, nothing after the failure

    await until(() => srv!.events.some((e) => e.kind === 'close' && e.remote !== srv!.events[0]!.remote));
    const failure = srv.events.find((e) => e.code === 'INTERNAL_ERROR');
    expect(failure).toMatchObject({ kind: 'error', message: expect.stringContaining('(Error)') });
    const closed = srv.events.find((e) => e.kind === 'close' && e.remote === failure!.remote);
    expect(closed?.message).toBe('internal error (Error)');
    for (const e of srv.events) expect(JSON.stringify(e)).not.toContain(SECRET);

    // The bystander, the listener and the counters are untouched.
    expect(await bystander.request({ type: 'Ping', requestId: 2 })).toEqual({ type: 'Pong', requestId: 2 });
    expect(await loginOnce(srv.port, 'alice', mint(UUID, 'alice', t, t + 600))).toMatchObject({ type: 'ClientRegistered' });
    await until(() => srv!.cs.status().connections === 1);
    expect(srv.cs.status()).toMatchObject({ running: true, registered: 1 });
    bystander.destroy();
  });

  it('a throw while greeting or refusing a new connection closes that connection only', async () => {
    const clock = new ClockThatFailsOnce();
    srv = await startMockCs({ maxConnections: 1 }, { clock: clock.read });
    // The Hello reads the clock: that connection is closed before it is greeted.
    clock.failNext();
    const ungreeted = await LineClient.connect(srv.port);
    await ungreeted.closed;
    expect(ungreeted.raw).toBe('');
    await until(() => srv!.cs.status().connections === 0);

    const first = (await helloClient(srv.port)).client;
    // Over maxConnections, the SERVER_BUSY answer reads the clock: this one is dropped, the first stays.
    clock.failNext();
    const refused = await LineClient.connect(srv.port);
    await refused.closed;
    expect(refused.raw).toBe('');
    expect(await first.request({ type: 'Ping', requestId: 1 })).toEqual({ type: 'Pong', requestId: 1 });

    const failures = srv.events.filter((e) => e.code === 'INTERNAL_ERROR');
    expect(failures.map((e) => e.message)).toEqual([
      'the server failed on this connection (Error); the connection is closed, other connections go on',
      'the server failed to accept this connection (Error); it is closed, other connections go on',
    ]);
    for (const e of srv.events) expect(JSON.stringify(e)).not.toContain(SECRET);
    first.destroy();
    await until(() => srv!.cs.status().connections === 0);
    expect((await helloClient(srv.port)).hello).toMatchObject({ type: 'Hello' });
  });

  it('a client that resets the connection while the server writes to it is closed with its reason; the others go on', async () => {
    srv = await startMockCs({ tokenAuthenticationMode: 'enable', tokenUuid: UUID, users: [{ userName: 'alice', enabled: true }] });
    const t = nowSeconds();
    const bystander = (await helloClient(srv.port)).client;

    // A client that sends a flood of requests, never reads the answers, and resets (RST) the
    // connection while the server is still answering into it.
    const flood = connect({ port: srv.port, host: '127.0.0.1' });
    flood.on('error', () => {});
    await new Promise<void>((resolve) => flood.once('connect', () => resolve()));
    flood.pause();
    const pings = Array.from({ length: 20_000 }, (_, i) => `{"type":"Ping","requestId":${i + 1}}\n`).join('');
    flood.write(pings);
    await until(() => srv!.events.filter((e) => e.kind === 'request').length >= 1000, 5000);
    flood.resetAndDestroy();

    await until(() => srv!.cs.status().connections === 1, 5000);
    const closes = srv.events.filter((e) => e.kind === 'close');
    expect(closes).toHaveLength(1);
    expect(closes[0]!.message).toMatch(/^(reset by the client|connection error \(E[A-Z]+\))$/);

    expect(await bystander.request({ type: 'Ping', requestId: 1 })).toEqual({ type: 'Pong', requestId: 1 });
    expect(await register(bystander, 2, 'GAX', 'alice', mint(UUID, 'alice', t, t + 600))).toMatchObject({ type: 'ClientRegistered' });
    expect(await loginOnce(srv.port, 'alice', mint(UUID, 'alice', t, t + 600))).toMatchObject({ type: 'ClientRegistered' });
    bystander.destroy();
  });
});
