// Token mode on/off, teaching vs realistic diagnostics, and the simulated clock offset.
import { afterEach, describe, expect, it } from 'vitest';
import { helloClient, loginOnce, mint, nowSeconds, startMockCs, type Running } from './helpers.js';

const UUID = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
let srv: Running | null = null;
afterEach(async () => {
  await srv?.stop();
  srv = null;
});

describe('token authentication mode', { timeout: 20_000 }, () => {
  it('is disabled by default: a valid token is checked as a password, and the message says why it failed', async () => {
    srv = await startMockCs({ tokenUuid: UUID, users: [{ userName: 'alice', password: 'pw', enabled: true }] });
    const now = nowSeconds();
    const answer = await loginOnce(srv.port, 'alice', mint(UUID, 'alice', now, now + 1200));
    expect(answer).toMatchObject({ type: 'Error', code: 'BAD_PASSWORD' });
    expect(answer['message']).toMatch(/token authentication is disabled on this server/);
    expect((answer['detail'] as { hint: string }).hint).toMatch(/token-authentication-mode=enable/);
  });

  it('disabled: a password that happens to start with the preamble is still a password', async () => {
    srv = await startMockCs({ users: [{ userName: 'alice', password: '{PXZ}literally', enabled: true }] });
    expect(await loginOnce(srv.port, 'alice', '{PXZ}literally')).toMatchObject({ type: 'ClientRegistered', authMethod: 'password' });
  });

  it('uses the configured preamble to tell a token from a password', async () => {
    srv = await startMockCs({
      tokenAuthenticationMode: 'enable',
      tokenPreambula: '<TK>',
      tokenUuid: UUID,
      users: [{ userName: 'alice', password: '{PXZ}x', enabled: true }],
    });
    const now = nowSeconds();
    expect(await loginOnce(srv.port, 'alice', mint(UUID, 'alice', now, now + 60, '<TK>'))).toMatchObject({
      type: 'ClientRegistered',
      authMethod: 'token',
    });
    // With another preamble, "{PXZ}…" is a plain password.
    expect(await loginOnce(srv.port, 'alice', '{PXZ}x')).toMatchObject({ type: 'ClientRegistered', authMethod: 'password' });
  });
});

describe('diagnostics', { timeout: 20_000 }, () => {
  it('realistic: every authentication failure is AUTH_FAILED with a generic message and no detail', async () => {
    srv = await startMockCs({
      tokenAuthenticationMode: 'enable',
      tokenUuid: UUID,
      diagnostics: 'realistic',
      users: [
        { userName: 'alice', password: 'pw', enabled: true },
        { userName: 'off', password: 'pw', enabled: false },
      ],
    });
    const now = nowSeconds();
    const attempts: [string, string][] = [
      ['alice', mint(UUID, 'alice', now - 9000, now - 8000)], // EXPIRED
      ['alice', mint('00000000-0000-4000-8000-000000000000', 'alice', now, now + 60)], // BAD_SIGNATURE
      ['alice', 'wrong'], // BAD_PASSWORD
      ['nobody', 'pw'], // UNKNOWN_USER
      ['off', 'pw'], // USER_DISABLED
      ['alice', '{PXZ}@@@'], // MALFORMED_ENCODING
    ];
    for (const [user, password] of attempts) {
      const answer = await loginOnce(srv.port, user, password);
      expect(answer).toEqual({ type: 'Error', requestId: 1, code: 'AUTH_FAILED', message: 'authentication failed' });
    }
    // The server's own log still tells the real reasons.
    const refused = srv.events.filter((e) => e.kind === 'register' && e.code !== 'OK');
    expect(refused.map((e) => e.code)).toEqual(['EXPIRED', 'BAD_SIGNATURE', 'BAD_PASSWORD', 'UNKNOWN_USER', 'USER_DISABLED', 'MALFORMED_ENCODING']);
    expect(refused.every((e) => e.sentCode === 'AUTH_FAILED')).toBe(true);
  });

  it('realistic: protocol errors keep their code but lose detail; PASSWORD_TOO_LONG is not hidden', async () => {
    srv = await startMockCs({ diagnostics: 'realistic' });
    const { client } = await helloClient(srv.port);
    client.send('nonsense\n');
    const frame = await client.next();
    expect(frame).toMatchObject({ code: 'BAD_FRAME', requestId: null });
    expect(frame).not.toHaveProperty('detail');
    const long = await client.request({ type: 'RegisterClient', requestId: 2, userName: 'default', password: 'p'.repeat(80) });
    expect(long).toMatchObject({ code: 'PASSWORD_TOO_LONG', requestId: 2 });
    expect(long).not.toHaveProperty('detail');
    client.destroy();
  });

  it('realistic: TOO_MANY_ATTEMPTS says nothing about the reason', async () => {
    srv = await startMockCs({ diagnostics: 'realistic', maxFailedAttempts: 1 });
    const answer = await loginOnce(srv.port, 'default', 'nope');
    expect(answer).toEqual({
      type: 'Error',
      requestId: 1,
      code: 'TOO_MANY_ATTEMPTS',
      message: 'too many failed login attempts: the connection is closed',
    });
  });
});

describe('simulated clock offset', { timeout: 20_000 }, () => {
  it('Hello, ServerTime and the decisions use the CS clock = real clock + offset', async () => {
    const real = 1_800_000_000_000;
    srv = await startMockCs(
      { tokenAuthenticationMode: 'enable', tokenUuid: UUID, clockOffsetSeconds: 1300, users: [{ userName: 'alice', enabled: true }] },
      { clock: () => real },
    );
    const { client, hello } = await helloClient(srv.port);
    expect(hello['serverTime']).toBe(real + 1_300_000);
    expect(await client.request({ type: 'GetServerTime', requestId: 1 })).toMatchObject({ serverTime: real + 1_300_000 });
    // GAX minted it "now" (its clock) for 20 min; the CS is 1300 s ahead: past exp + 60 s tolerance.
    const t = real / 1000;
    const token = mint(UUID, 'alice', t, t + 1200);
    const answer = await client.request({ type: 'RegisterClient', requestId: 2, userName: 'alice', password: token });
    expect(answer).toMatchObject({ code: 'EXPIRED' });
    expect(answer['message']).toMatch(/100 s before the server's clock/);
    expect((answer['detail'] as { hint: string }).hint).toMatch(/ahead of GAX's/);
    client.destroy();

    // A CS clock 2 minutes behind, with token-ttl equal to the token's life: not valid yet.
    await srv.cs.updateOptions({ clockOffsetSeconds: -120, tokenTtlMinutes: 20 });
    const early = await loginOnce(srv.port, 'alice', token);
    expect(early).toMatchObject({ code: 'NOT_YET_VALID' });
    expect(early['message']).toMatch(/behind GAX's/);
    // Within tolerance (−50 s): accepted.
    await srv.cs.updateOptions({ clockOffsetSeconds: -50 });
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ type: 'ClientRegistered', tokenExpires: (t + 1200) * 1000 });
  });

  it('decides in whole seconds: the last inclusive second of the window is accepted, the next refused', async () => {
    const t = 1_800_000_000;
    let ms = (t + 1200 + 60) * 1000 + 999; // validUntil + 0.999 s
    srv = await startMockCs(
      { tokenAuthenticationMode: 'enable', tokenUuid: UUID, users: [{ userName: 'alice', enabled: true }] },
      { clock: () => ms },
    );
    const token = mint(UUID, 'alice', t, t + 1200);
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ type: 'ClientRegistered' });
    ms += 1;
    expect(await loginOnce(srv.port, 'alice', token)).toMatchObject({ code: 'EXPIRED' });
  });
});
