// Every csmock/1 message and answer, over real sockets, as a client written from the spec sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helloClient, LineClient, mint, startMockCs, type Running } from './helpers.js';

// 2026-01-01T00:00:00.123Z, as in the spec's Hello example.
const T0 = 1767225600;
const CLOCK_MS = T0 * 1000 + 123;
const UUID = '0f6a2d4e-8b1c-4e7f-9a3d-5c2b1e0f7a9d';
const OTHER_UUID = '11111111-2222-4333-8444-555555555555';

describe('csmock/1 messages', { timeout: 20_000 }, () => {
  let srv: Running;
  beforeAll(async () => {
    srv = await startMockCs(
      {
        tokenAuthenticationMode: 'enable',
        tokenUuid: UUID,
        users: [
          { userName: 'alice', password: 's3cret', enabled: true },
          { userName: 'bob', password: 'pw', enabled: false },
          { userName: 'gax', enabled: true },
        ],
        maxFailedAttempts: 100,
      },
      { clock: () => CLOCK_MS },
    );
  });
  afterAll(() => srv.stop());

  it('greets with the exact Hello of the spec', async () => {
    const c = await LineClient.connect(srv.port);
    await c.next();
    expect(c.raw).toBe('{"type":"Hello","protocol":"csmock/1","server":"confserv","serverTime":1767225600123}\n');
    c.destroy();
  });

  it('answers GetServerTime and Ping before registration, echoing requestId', async () => {
    const { client } = await helloClient(srv.port);
    expect(await client.request({ type: 'GetServerTime', requestId: 2 })).toEqual({ type: 'ServerTime', requestId: 2, serverTime: CLOCK_MS });
    expect(await client.request({ type: 'Ping', requestId: 3 })).toEqual({ type: 'Pong', requestId: 3 });
    client.destroy();
  });

  it('registers a token login and reports its expiry in ms', async () => {
    const token = mint(UUID, 'alice', T0 - 60, T0 + 1200);
    const { client } = await helloClient(srv.port);
    const answer = await client.request({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName: 'alice', password: token });
    expect(answer).toMatchObject({
      type: 'ClientRegistered',
      requestId: 1,
      userName: 'alice',
      authMethod: 'token',
      tokenExpires: (T0 + 1200) * 1000,
    });
    expect(typeof answer['sessionId']).toBe('string');
    expect((answer['sessionId'] as string).length).toBeGreaterThan(8);
    // Registered: a second RegisterClient is refused, the connection stays.
    const again = await client.request({ type: 'RegisterClient', requestId: 2, clientName: 'GAX', userName: 'alice', password: token });
    expect(again).toMatchObject({ type: 'Error', requestId: 2, code: 'ALREADY_REGISTERED' });
    expect(await client.request({ type: 'Ping', requestId: 3 })).toEqual({ type: 'Pong', requestId: 3 });
    client.destroy();
  });

  it('registers a password login without tokenExpires', async () => {
    const { client } = await helloClient(srv.port);
    const answer = await client.request({ type: 'RegisterClient', requestId: 7, clientName: 'GAX', userName: 'alice', password: 's3cret' });
    expect(answer).toMatchObject({ type: 'ClientRegistered', requestId: 7, userName: 'alice', authMethod: 'password' });
    expect(answer).not.toHaveProperty('tokenExpires');
    client.destroy();
  });

  it('answers UnregisterClient, then closes the connection', async () => {
    const { client } = await helloClient(srv.port);
    await client.request({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName: 'alice', password: 's3cret' });
    expect(await client.request({ type: 'UnregisterClient', requestId: 4 })).toEqual({ type: 'ClientUnregistered', requestId: 4 });
    await client.closed;
  });

  it('reproduces the spec example of EXPIRED, with detail in teaching mode', async () => {
    // exp 00:20:00Z, tolerance 60 s; the server clock at 00:21:35Z is 95 s past the expiry.
    const at = T0 + 1295;
    const local = await startMockCs(
      { tokenAuthenticationMode: 'enable', tokenUuid: UUID, users: [{ userName: 'alice', enabled: true }] },
      { clock: () => at * 1000 },
    );
    try {
      const token = mint(UUID, 'alice', T0, T0 + 1200);
      const { client } = await helloClient(local.port);
      const answer = await client.request({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName: 'alice', password: token });
      expect(answer['type']).toBe('Error');
      expect(answer['requestId']).toBe(1);
      expect(answer['code']).toBe('EXPIRED');
      expect(answer['message']).toMatch(/^token expired at 2026-01-01 00:20:00 UTC, 95 s before the server's clock/);
      expect(answer['detail']).toMatchObject({
        serverTime: at * 1000,
        validFrom: (T0 + 1200 - 1440 * 60 - 60) * 1000,
        validUntil: (T0 + 1260) * 1000,
        tokenExp: (T0 + 1200) * 1000,
      });
      expect((answer['detail'] as { hint: string }).hint).toMatch(/NTP|old/);
      client.destroy();
    } finally {
      await local.stop();
    }
  });

  describe('refused logins: every code, the connection stays open', () => {
    const body = (version: number, iat: number, exp: number, user: Buffer) => {
      const b = Buffer.alloc(9 + user.length + 16);
      b[0] = version;
      b.writeUInt32BE(iat, 1);
      b.writeUInt32BE(exp, 5);
      user.copy(b, 9);
      return `{PXZ}${b.toString('base64url')}`;
    };
    const cases: [string, string, string][] = [
      ['MALFORMED_ENCODING', 'alice', '{PXZ}abc=def'],
      ['TRUNCATED', 'alice', '{PXZ}AQAAAAA'],
      ['UNSUPPORTED_VERSION', 'alice', body(2, T0, T0 + 60, Buffer.from('alice'))],
      ['MALFORMED_USERNAME', 'alice', body(1, T0, T0 + 60, Buffer.from([0x61, 0x01]))],
      ['INVALID_TIMES', 'alice', body(1, T0 + 60, T0, Buffer.from('alice'))],
      ['BAD_SIGNATURE', 'alice', mint(OTHER_UUID, 'alice', T0, T0 + 1200)],
      ['EXPIRED', 'alice', mint(UUID, 'alice', T0 - 4000, T0 - 3000)],
      ['NOT_YET_VALID', 'alice', mint(UUID, 'alice', T0 + 86400 * 2, T0 + 86400 * 2 + 1200)],
      ['USER_MISMATCH', 'alice', mint(UUID, 'Alice', T0, T0 + 1200)],
      ['UNKNOWN_USER', 'ghost', mint(UUID, 'ghost', T0, T0 + 1200)],
      ['USER_DISABLED', 'bob', mint(UUID, 'bob', T0, T0 + 1200)],
      ['UNKNOWN_USER', 'nobody', 'whatever'],
      ['USER_DISABLED', 'bob', 'pw'],
      ['BAD_PASSWORD', 'alice', 'S3CRET'],
      ['BAD_PASSWORD', 'gax', 'no-password-user'],
      ['PASSWORD_TOO_LONG', 'alice', 'x'.repeat(65)],
    ];
    it.each(cases)('%s for user %s', async (code, userName, password) => {
      const { client } = await helloClient(srv.port);
      const answer = await client.request({ type: 'RegisterClient', requestId: 9, clientName: 'GAX', userName, password });
      expect(answer).toMatchObject({ type: 'Error', requestId: 9, code });
      expect(typeof answer['message']).toBe('string');
      expect((answer['message'] as string).length).toBeGreaterThan(10);
      expect(answer['detail']).toMatchObject({ serverTime: CLOCK_MS });
      expect(typeof (answer['detail'] as { hint?: unknown }).hint).toBe('string');
      expect(await client.request({ type: 'Ping', requestId: 10 })).toEqual({ type: 'Pong', requestId: 10 });
      client.destroy();
    });

    it('explains why a token-only user has no password and a wrong-case token user mismatches', async () => {
      const { client } = await helloClient(srv.port);
      const a = await client.request({ type: 'RegisterClient', requestId: 1, userName: 'gax', password: 'guess' });
      expect(a['message']).toMatch(/only with a token/);
      const b = await client.request({ type: 'RegisterClient', requestId: 2, userName: 'alice', password: mint(UUID, 'Alice', T0, T0 + 60) });
      expect(b['message']).toBe('the token is for "Alice" but the login asks for "alice"');
      client.destroy();
    });
  });

  describe('check order', () => {
    it('PASSWORD_TOO_LONG comes before decoding: a long, broken token is too long first', async () => {
      const { client } = await helloClient(srv.port);
      const answer = await client.request({ type: 'RegisterClient', requestId: 1, userName: 'alice', password: `{PXZ}${'!'.repeat(70)}` });
      expect(answer['code']).toBe('PASSWORD_TOO_LONG');
      client.destroy();
    });

    it('a valid PXZ-1 token for a long username is refused as PASSWORD_TOO_LONG with the username budget', async () => {
      const user = 'a.very.long.username.x';
      const token = mint(UUID, user, T0, T0 + 60);
      expect(token.length).toBeGreaterThan(64);
      const { client } = await helloClient(srv.port);
      const answer = await client.request({ type: 'RegisterClient', requestId: 1, userName: user, password: token });
      expect(answer['code']).toBe('PASSWORD_TOO_LONG');
      expect(answer['message']).toBe(`the Password is ${token.length} bytes; this server's Password field holds at most 64 (passwordFieldLimit)`);
      expect((answer['detail'] as { hint: string }).hint).toMatch(/up to 19 bytes fit 64/);
      client.destroy();
    });

    it('the signature is checked before the time window, and the window before the user', async () => {
      const { client } = await helloClient(srv.port);
      const expiredOtherKey = mint(OTHER_UUID, 'Alice', T0 - 9000, T0 - 8000);
      expect((await client.request({ type: 'RegisterClient', requestId: 1, userName: 'alice', password: expiredOtherKey }))['code']).toBe(
        'BAD_SIGNATURE',
      );
      const expiredOtherUser = mint(UUID, 'Alice', T0 - 9000, T0 - 8000);
      expect((await client.request({ type: 'RegisterClient', requestId: 2, userName: 'alice', password: expiredOtherUser }))['code']).toBe('EXPIRED');
      client.destroy();
    });

    it('the token is judged before the user exists: a bad token for an unknown user is the token error', async () => {
      const { client } = await helloClient(srv.port);
      const answer = await client.request({
        type: 'RegisterClient',
        requestId: 1,
        userName: 'ghost',
        password: mint(OTHER_UUID, 'ghost', T0, T0 + 60),
      });
      expect(answer['code']).toBe('BAD_SIGNATURE');
      client.destroy();
    });

    it('a value without the preamble is a plain password even in token mode', async () => {
      const { client } = await helloClient(srv.port);
      const answer = await client.request({ type: 'RegisterClient', requestId: 1, userName: 'alice', password: 's3cret' });
      expect(answer).toMatchObject({ type: 'ClientRegistered', authMethod: 'password' });
      client.destroy();
    });
  });

  describe('requests the server cannot read', () => {
    it.each([
      ['not JSON', 'hello there\n'],
      ['a JSON array', '[1,2,3]\n'],
      ['a JSON string', '"Ping"\n'],
      ['no type', '{"requestId":1}\n'],
      ['a numeric type', '{"type":7,"requestId":1}\n'],
      ['an empty line', '\n'],
    ])('BAD_FRAME for %s, requestId null, connection stays open', async (_what, line) => {
      const { client } = await helloClient(srv.port);
      client.send(line);
      expect(await client.next()).toMatchObject({ type: 'Error', requestId: null, code: 'BAD_FRAME' });
      expect(await client.request({ type: 'Ping', requestId: 5 })).toEqual({ type: 'Pong', requestId: 5 });
      client.destroy();
    });

    it('BAD_FRAME for invalid UTF-8', async () => {
      const { client } = await helloClient(srv.port);
      client.socket.write(Buffer.concat([Buffer.from('{"type":"Ping","requestId":1,"x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]));
      expect(await client.next()).toMatchObject({ type: 'Error', requestId: null, code: 'BAD_FRAME', message: 'the line is not valid UTF-8' });
      client.destroy();
    });

    it('UNKNOWN_REQUEST echoes the requestId and keeps the connection', async () => {
      const { client } = await helloClient(srv.port);
      const answer = await client.request({ type: 'DeleteEverything', requestId: 42 });
      expect(answer).toMatchObject({ type: 'Error', requestId: 42, code: 'UNKNOWN_REQUEST' });
      expect(answer['message']).toMatch(/RegisterClient, GetServerTime, Ping and UnregisterClient/);
      expect(await client.request({ type: 'Ping', requestId: 43 })).toEqual({ type: 'Pong', requestId: 43 });
      client.destroy();
    });

    it.each([
      ['missing', { type: 'Ping' }],
      ['zero', { type: 'Ping', requestId: 0 }],
      ['negative', { type: 'Ping', requestId: -3 }],
      ['fractional', { type: 'Ping', requestId: 1.5 }],
      ['a string', { type: 'Ping', requestId: '1' }],
      ['null', { type: 'GetServerTime', requestId: null }],
    ])('BAD_REQUEST with requestId null when requestId is %s', async (_what, msg) => {
      const { client } = await helloClient(srv.port);
      expect(await client.request(msg)).toMatchObject({ type: 'Error', requestId: null, code: 'BAD_REQUEST' });
      client.destroy();
    });

    it.each([
      ['no password', { type: 'RegisterClient', requestId: 3, userName: 'alice' }, /"password"/],
      [
        'a numeric password',
        { type: 'RegisterClient', requestId: 3, userName: 'alice', password: 1234 },
        /"password" must be a string, not a number/,
      ],
      ['no userName', { type: 'RegisterClient', requestId: 3, password: 'x' }, /"userName"/],
      ['an empty userName', { type: 'RegisterClient', requestId: 3, userName: '', password: 'x' }, /empty/],
      ['a numeric clientName', { type: 'RegisterClient', requestId: 3, clientName: 5, userName: 'a', password: 'x' }, /clientName/],
    ])('BAD_REQUEST echoing requestId for RegisterClient with %s', async (_what, msg, why) => {
      const { client } = await helloClient(srv.port);
      const answer = await client.request(msg);
      expect(answer).toMatchObject({ type: 'Error', requestId: 3, code: 'BAD_REQUEST' });
      expect(answer['message']).toMatch(why);
      client.destroy();
    });

    it('ignores unknown fields and accepts \\r\\n line ends', async () => {
      const { client } = await helloClient(srv.port);
      client.send('{"type":"Ping","requestId":8,"future":{"x":[1,2]},"note":"hi"}\r\n');
      expect(await client.next()).toEqual({ type: 'Pong', requestId: 8 });
      client.destroy();
    });

    it('answers pipelined requests in order, a password check included', async () => {
      const { client } = await helloClient(srv.port);
      const lines = [
        { type: 'Ping', requestId: 1 },
        { type: 'RegisterClient', requestId: 2, userName: 'alice', password: 's3cret' },
        { type: 'RegisterClient', requestId: 3, userName: 'alice', password: 's3cret' },
        { type: 'GetServerTime', requestId: 4 },
      ];
      for (let i = 5; i < 105; i++) lines.push({ type: 'Ping', requestId: i });
      client.send(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      const answers = [];
      for (let i = 0; i < lines.length; i++) answers.push(await client.next());
      expect(answers.map((a) => a['requestId'])).toEqual(lines.map((l) => l.requestId));
      expect(answers[1]!['type']).toBe('ClientRegistered');
      expect(answers[2]!['code']).toBe('ALREADY_REGISTERED');
      client.destroy();
    });

    it('answers what was asked before the client half-closed', async () => {
      const { client } = await helloClient(srv.port);
      client.send({ type: 'RegisterClient', requestId: 1, userName: 'alice', password: 's3cret' });
      client.end();
      expect(await client.next()).toMatchObject({ type: 'ClientRegistered', requestId: 1 });
      await client.closed;
    });
  });
});
