// Events and CS-style log lines: one per connection, decision, request and close — and no secret, ever.
import { afterEach, describe, expect, it } from 'vitest';
import { formatLogLine, redactToken, type MockCsEvent } from '../../src-main/mockcs/index.js';
import { helloClient, loginOnce, mint, nowSeconds, startMockCs, until, type Running } from './helpers.js';

const SECRET_UUID = '5ec2e7a1-dead-4eef-8afe-0123456789ab';
const SECRET_PASSWORD = 'Zebra-Quartz-9071';
let srv: Running | null = null;
afterEach(async () => {
  await srv?.stop();
  srv = null;
});

describe('events', { timeout: 20_000 }, () => {
  it('connect, register, request, error and close, each with the fields the spec lists and a log line', async () => {
    const clock = Date.UTC(2026, 0, 1, 12, 0, 1, 234);
    srv = await startMockCs(
      { tokenAuthenticationMode: 'enable', tokenUuid: SECRET_UUID, users: [{ userName: 'alice', enabled: true }] },
      { clock: () => clock },
    );
    const t = Math.floor(clock / 1000);
    const token = mint(SECRET_UUID, 'alice', t, t + 1200);
    const { client } = await helloClient(srv.port);
    await client.request({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName: 'alice', password: token });
    await client.request({ type: 'Ping', requestId: 2 });
    await client.request({ type: 'Nope', requestId: 3 });
    await client.request({ type: 'UnregisterClient', requestId: 4 });
    await client.closed;
    await until(() => srv!.events.some((e) => e.kind === 'close'));

    const kinds = srv.events.map((e) => e.kind);
    expect(kinds).toEqual(['connect', 'register', 'request', 'error', 'request', 'close']);
    const remote = srv.events[0]!.remote;
    expect(remote).toMatch(/^127\.0\.0\.1:\d+$/);
    for (const e of srv.events) {
      expect(e).toMatchObject({ time: clock, listener: `127.0.0.1:${srv.port}`, remote });
      expect(e.logLine.startsWith('12:00:01.234 ')).toBe(true);
      expect(e.logLine).not.toContain('\n');
    }
    const reg = srv.events[1]!;
    expect(reg).toMatchObject({ kind: 'register', clientName: 'GAX', userName: 'alice', authMethod: 'token', code: 'OK', requestId: 1 });
    expect(reg.token).toBe(`{PXZ}${token.slice(5, 11)}…(${token.length} chars)`);
    expect(typeof reg.latencyMs).toBe('number');
    expect(reg.logLine).toBe(
      `12:00:01.234 Trc 04542 Message MSGCFG_CLIENTREGISTERED sent to ${remote} [GAX] user 'alice' authenticated by token ${reg.token} (${reg.latencyMs!.toFixed(1)} ms)`,
    );
    expect(srv.events[0]!.logLine).toBe(`12:00:01.234 Trc ----- New client connection from ${remote} on 127.0.0.1:${srv.port}`);
    expect(srv.events[3]!.logLine).toMatch(/MSGCFG_ERROR sent to .* \[GAX\] user 'alice': UNKNOWN_REQUEST — unknown request type "Nope"/);
    expect(srv.events[5]).toMatchObject({ kind: 'close', latencyMs: null, message: 'unregistered' });
    expect(srv.events[5]!.logLine).toMatch(/Trc ----- Client .* \[GAX\] user 'alice' disconnected: unregistered$/);
  });

  it('a refused login logs the message name, client, user, code and reason', async () => {
    srv = await startMockCs({ tokenAuthenticationMode: 'enable', tokenUuid: SECRET_UUID, users: [{ userName: 'alice', enabled: true }] });
    const now = nowSeconds();
    await loginOnce(srv.port, 'alice', mint(SECRET_UUID, 'alice', now - 5000, now - 4000));
    const e = srv.events.find((x) => x.kind === 'register')!;
    expect(e).toMatchObject({ code: 'EXPIRED', authMethod: 'token', userName: 'alice' });
    expect(e.hint).toMatch(/NTP|old/);
    expect(e.logLine).toMatch(
      /Trc 04542 Message MSGCFG_ERROR sent to 127\.0\.0\.1:\d+ \[GAX\] user 'alice' \(token \{PXZ\}.{6}…\(\d+ chars\)\): EXPIRED — token expired at /,
    );
  });

  it('never holds the token-uuid, a password or a whole token', async () => {
    srv = await startMockCs({
      tokenAuthenticationMode: 'enable',
      tokenUuid: SECRET_UUID,
      users: [{ userName: 'alice', password: SECRET_PASSWORD, enabled: true }],
      maxFailedAttempts: 100,
    });
    const now = nowSeconds();
    const good = mint(SECRET_UUID, 'alice', now, now + 600);
    const expired = mint(SECRET_UUID, 'alice', now - 9000, now - 8000);
    const alien = mint('00000000-1111-4222-8333-444444444444', 'alice', now, now + 600);
    const tooLong = mint(SECRET_UUID, 'alice.with.a.long.name', now, now + 600);
    const { client } = await helloClient(srv.port);
    const send = (id: number, password: string, userName = 'alice') =>
      client.request({ type: 'RegisterClient', requestId: id, clientName: 'GAX', userName, password });
    await send(1, SECRET_PASSWORD.toLowerCase());
    await send(2, expired);
    await send(3, alien);
    await send(4, tooLong, 'alice.with.a.long.name');
    await send(5, `${SECRET_PASSWORD}x`);
    client.send(`{"type":"RegisterClient","requestId":6,"userName":"alice","password":"${SECRET_PASSWORD}"\n`); // broken JSON
    await client.next();
    await send(7, good);
    await srv.cs.updateOptions({ tokenAuthenticationMode: 'disable' });
    await loginOnce(srv.port, 'alice', good); // a token taken as a password
    await loginOnce(srv.port, 'alice', SECRET_PASSWORD);
    client.destroy();
    await until(() => srv!.events.filter((e) => e.kind === 'close').length === 3);

    const all = JSON.stringify(srv.events);
    const forbidden = [
      SECRET_UUID,
      SECRET_UUID.replace(/-/g, ''),
      SECRET_UUID.toUpperCase(),
      SECRET_UUID.slice(-12),
      SECRET_PASSWORD,
      SECRET_PASSWORD.toLowerCase(),
    ];
    for (const tok of [good, expired, alien, tooLong]) forbidden.push(tok, tok.slice(5, 5 + 12), tok.slice(-10));
    for (const f of forbidden) expect(all).not.toContain(f);
    expect(srv.events.filter((e) => e.kind === 'register').length).toBe(8);
  });

  it('names from the network cannot forge log lines', async () => {
    srv = await startMockCs();
    await loginOnce(srv.port, 'eve\n12:00:00.000 Std 04542 MSGCFG_CLIENTREGISTERED fake', 'x');
    const e = srv.events.find((x) => x.kind === 'register')!;
    expect(e.userName).toContain('\n'); // the data is kept as sent…
    expect(e.logLine).not.toContain('\n'); // …but the log line escapes it
    expect(e.logLine).toContain("user 'eve\\x0a12:00:00.000 Std");
  });

  it('a listener that throws does not stop the server or the other listeners; unsubscribe works', async () => {
    srv = await startMockCs();
    const seen: MockCsEvent[] = [];
    srv.cs.onEvent(() => {
      throw new Error('listener bug');
    });
    const off = srv.cs.onEvent((e) => seen.push(e));
    expect(await loginOnce(srv.port, 'default', 'password')).toMatchObject({ type: 'ClientRegistered' });
    await until(() => seen.some((e) => e.kind === 'close'));
    off();
    const count = seen.length;
    await loginOnce(srv.port, 'default', 'password');
    expect(seen.length).toBe(count);
  });
});

describe('redaction and log format', { timeout: 20_000 }, () => {
  it('redactToken keeps the preamble, 6 characters and the length', () => {
    expect(redactToken('{PXZ}AWlV7Aabcdefghijklmnop', '{PXZ}')).toBe('{PXZ}AWlV7A…(27 chars)');
  });

  it('formats realistic refusals with the code sent and the real reason', () => {
    const line = formatLogLine({
      time: Date.UTC(2026, 0, 1, 9, 5, 7, 8),
      kind: 'register',
      listener: '127.0.0.1:2020',
      remote: '127.0.0.1:5000',
      clientName: 'GAX',
      userName: 'bob',
      authMethod: 'password',
      code: 'BAD_PASSWORD',
      sentCode: 'AUTH_FAILED',
      message: 'the password for "bob" does not match',
      latencyMs: 3.25,
    });
    expect(line).toBe(
      `09:05:07.008 Trc 04542 Message MSGCFG_ERROR sent to 127.0.0.1:5000 [GAX] user 'bob' (password): AUTH_FAILED sent, reason BAD_PASSWORD — the password for "bob" does not match (3.3 ms)`,
    );
  });
});
