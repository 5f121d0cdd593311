/**
 * How a login ends when the other side is not a working csmock/1 server: nothing listening, a
 * port that never speaks, one that speaks something else, a server that stops answering, a
 * cancel. Each must end in one outcome, a message that names what happened, and a fix.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runLogin, type LoginRequest, type TraceStep } from '../../src-main/client/index.js';
import { closedPort, csmockResponder, tcpPeer, type Peer } from './peers.js';

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});
async function peer(p: Promise<Peer>): Promise<Peer> {
  const started = await p;
  peers.push(started);
  return started;
}

function login(port: number, extra: Partial<LoginRequest> = {}): LoginRequest {
  return {
    host: '127.0.0.1',
    port,
    userName: 'default',
    credentials: { kind: 'password', password: 'password' },
    ...extra,
  };
}

function step(steps: TraceStep[], id: TraceStep['id']): TraceStep {
  return steps.find((s) => s.id === id)!;
}

describe('runLogin against servers that are not a working csmock/1 server', () => {
  it('nothing listening: unreachable, names host and port, says to start the CS', async () => {
    const port = await closedPort();
    const r = await runLogin(login(port));
    expect(r.outcome).toBe('unreachable');
    expect(r.message).toBe(`nothing is listening on 127.0.0.1:${port}`);
    expect(r.fix).toMatch(/Start the Configuration Server/);
    expect(r.fix).toContain(`--port ${port}`);
    expect(step(r.steps, 'resolve')).toMatchObject({ status: 'skipped', detail: '127.0.0.1 is an IP address: nothing to resolve' });
    expect(step(r.steps, 'connect').status).toBe('failed');
    expect(step(r.steps, 'connect').durationMs).toBeGreaterThanOrEqual(0);
    for (const id of ['tls', 'hello', 'token', 'register'] as const) expect(step(r.steps, id).status).toBe('skipped');
  });

  it('localhost resolving to several addresses: tries each, reports the one that answered', async () => {
    const p = await peer(tcpPeer(csmockResponder()));
    const r = await runLogin(login(p.port, { host: 'localhost' }));
    expect(r.outcome).toBe('accepted');
    const resolve = step(r.steps, 'resolve');
    expect(resolve.status).toBe('ok');
    expect(resolve.detail).toMatch(/^localhost → .*127\.0\.0\.1/);
    expect(step(r.steps, 'connect').detail).toMatch(new RegExp(`connected to 127\\.0\\.0\\.1:${p.port}`));
  });

  it('an IPv6 literal, bracketed as people write it next to a port', async () => {
    const p = await peer(tcpPeer(csmockResponder(), '::1'));
    const r = await runLogin(login(p.port, { host: '[::1]' }));
    expect(r.outcome).toBe('accepted');
    expect(step(r.steps, 'resolve').detail).toBe('::1 is an IP address: nothing to resolve');
    expect(r.message).toContain(`on [::1]:${p.port} by password`);
  });

  it('a host that does not resolve: "host unknown"', async () => {
    // .invalid never resolves (RFC 6761): NXDOMAIN, or EAI_AGAIN on a machine with no DNS at all
    const r = await runLogin(login(2020, { host: 'no-such-host.invalid', timeoutsMs: { resolve: 10_000 } }));
    expect(r.outcome).toBe('unreachable');
    expect(r.message).toMatch(/^host unknown: .*no-such-host\.invalid/);
    expect(r.fix).toMatch(/host name|DNS/);
    expect(step(r.steps, 'resolve').status).toBe('failed');
    expect(step(r.steps, 'connect').status).toBe('skipped');
  });

  it('a TCP server that never speaks: not-csmock after the hello timeout, reachability confirmed', async () => {
    const p = await peer(tcpPeer());
    const r = await runLogin(login(p.port, { timeoutsMs: { hello: 150 } }));
    expect(r.outcome).toBe('not-csmock');
    expect(r.message).toMatch(
      /^this is not a csmock\/1 server \(no Hello within 150 ms\) — a real Configuration Server speaks Genesys's own protocol: TCP reachability is confirmed, the login cannot be tried from here$/,
    );
    expect(r.fix).toMatch(/If this port expects TLS, turn TLS on/);
    const hello = step(r.steps, 'hello');
    expect(hello).toMatchObject({ status: 'failed', detail: 'no Hello within 150 ms' });
    expect(hello.durationMs).toBeGreaterThanOrEqual(140);
    expect(step(r.steps, 'connect').status).toBe('ok');
    await p.closed();
  });

  it('a server that speaks something else: not-csmock at once, quoting what it sent', async () => {
    const p = await peer(tcpPeer((s) => s.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')));
    const r = await runLogin(login(p.port, { timeoutsMs: { hello: 5000 } }));
    expect(r.outcome).toBe('not-csmock');
    expect(step(r.steps, 'hello').detail).toBe('it sent "HTTP/1.1 400 Bad Request Content-Length: 0"');
    expect(step(r.steps, 'hello').durationMs).toBeLessThan(2000);
  });

  it('binary garbage: described by its first bytes', async () => {
    const p = await peer(tcpPeer((s) => s.write(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]))));
    const r = await runLogin(login(p.port));
    expect(r.outcome).toBe('not-csmock');
    expect(step(r.steps, 'hello').detail).toBe('it sent 10 bytes of binary data (00 ff 13 37 01 02 03 04 …)');
  });

  it('JSON that is not a Hello, and a Hello of another protocol: not-csmock, saying which', async () => {
    const other = await peer(tcpPeer((s) => s.write('{"type":"Welcome"}\n')));
    const r1 = await runLogin(login(other.port));
    expect(r1.outcome).toBe('not-csmock');
    expect(step(r1.steps, 'hello').detail).toBe('it opened with a "Welcome" message instead of a Hello');
    const v2 = await peer(tcpPeer((s) => s.write('{"type":"Hello","protocol":"csmock/2","serverTime":1}\n')));
    const r2 = await runLogin(login(v2.port));
    expect(r2.outcome).toBe('not-csmock');
    expect(step(r2.steps, 'hello').detail).toBe('its Hello is for protocol "csmock/2", not csmock/1');
  });

  it('a server that closes at once: not-csmock, it closed without a Hello', async () => {
    const p = await peer(tcpPeer((s) => s.end()));
    const r = await runLogin(login(p.port));
    expect(r.outcome).toBe('not-csmock');
    expect(step(r.steps, 'hello').detail).toBe('it closed the connection without a Hello');
  });

  it("SERVER_BUSY instead of Hello: rejected, with the server's answer and a fix", async () => {
    const p = await peer(
      tcpPeer((s) => s.end('{"type":"Error","requestId":null,"code":"SERVER_BUSY","message":"the server has 1000 connections, its limit"}\n')),
    );
    const r = await runLogin(login(p.port));
    expect(r.outcome).toBe('rejected');
    expect(r.server).toEqual({ code: 'SERVER_BUSY', message: 'the server has 1000 connections, its limit' });
    expect(r.message).toBe('the server refused the login: SERVER_BUSY — the server has 1000 connections, its limit');
    expect(r.fix).toMatch(/maxConnections/);
    expect(step(r.steps, 'hello').status).toBe('failed');
  });

  it('a Hello split into single bytes with CRLF endings is still a Hello', async () => {
    const p = await peer(tcpPeer(csmockResponder({ helloByteByByte: true })));
    const r = await runLogin(login(p.port));
    expect(step(r.steps, 'hello').status).toBe('ok');
    expect(r.outcome).toBe('accepted');
  });

  it('a server that never answers RegisterClient: timeout at the register step', async () => {
    const p = await peer(tcpPeer(csmockResponder({ register: () => null })));
    const r = await runLogin(login(p.port, { timeoutsMs: { register: 120 } }));
    expect(r.outcome).toBe('timeout');
    expect(r.message).toBe(`127.0.0.1:${p.port} did not answer RegisterClient within 120 ms`);
    expect(step(r.steps, 'register')).toMatchObject({ status: 'failed', detail: 'no answer within 120 ms' });
    await p.closed();
  });

  it('a connection dropped after RegisterClient is sent: unreachable, closed before answering', async () => {
    const p = await peer(tcpPeer(csmockResponder({ register: () => 'drop' })));
    const r = await runLogin(login(p.port));
    expect(r.outcome).toBe('unreachable');
    expect(r.message).toMatch(new RegExp(`^127\\.0\\.0\\.1:${p.port} (closed|reset) the connection before answering RegisterClient$`));
    expect(r.fix).toMatch(/still running/);
  });

  it('cancel through AbortSignal: outcome cancelled, the running step failed, the socket destroyed', async () => {
    const p = await peer(tcpPeer());
    const controller = new AbortController();
    const seen: string[] = [];
    const pending = runLogin(login(p.port, { signal: controller.signal, timeoutsMs: { hello: 10_000 } }), (s) => {
      seen.push(`${s.id}:${s.status}`);
      if (s.id === 'hello' && s.status === 'running') setTimeout(() => controller.abort(), 30);
    });
    const r = await pending;
    expect(r.outcome).toBe('cancelled');
    expect(r.message).toBe('cancelled during Hello (csmock/1)');
    expect(r.fix).toBe('');
    expect(step(r.steps, 'hello')).toMatchObject({ status: 'failed', detail: 'cancelled' });
    expect(seen).toContain('hello:failed');
    await p.closed();
    expect(p.accepted[0]!.destroyed).toBe(true);
  });

  it('a signal aborted before the start: cancelled, nothing opened', async () => {
    const p = await peer(tcpPeer());
    const r = await runLogin(login(p.port, { signal: AbortSignal.abort() }));
    expect(r.outcome).toBe('cancelled');
    expect(r.steps.every((s) => s.status === 'skipped')).toBe(true);
    expect(p.accepted).toHaveLength(0);
  });

  it('an onStep listener that throws does not break the login', async () => {
    const p = await peer(tcpPeer(csmockResponder()));
    const r = await runLogin(login(p.port), () => {
      throw new Error('window closed');
    });
    expect(r.outcome).toBe('accepted');
  });
});
