/**
 * runLogin against the real mock CS on 127.0.0.1: accepted by token and by password, refused for
 * each kind of reason with the server's code and a fix, and the trace itself (order, durations,
 * updates as they happen, no secret anywhere).
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runLogin, STEP_ORDER, type TraceStep } from '../../src-main/client/index.js';
import { expectNoSecret, gax, PASSWORD, step, until, useMockCs, WHOLE_TOKEN, withPassword, WRONG_UUID } from './mockcs-fixture.js';

const start = useMockCs();

describe('runLogin against the mock CS: accepted', () => {
  it('by token: every step in order, timed, reported as it runs, then a polite goodbye', async () => {
    const { port, events } = await start();
    const updates: TraceStep[] = [];
    const r = await runLogin(gax(port), (s) => updates.push(s));

    expect(r.outcome).toBe('accepted');
    expect(r.fix).toBe('');
    expect(r.message).toMatch(
      new RegExp(`^"alice" is registered on 127\\.0\\.0\\.1:${port} by token \\(session \\S+\\); the token expires at \\d{4}-`),
    );
    expect(r.steps.map((s) => s.id)).toEqual([...STEP_ORDER]);
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'ok', 'skipped', 'ok', 'ok', 'ok']);
    for (const s of r.steps.filter((s) => s.status === 'ok')) {
      expect(s.durationMs).toBeTypeOf('number');
      expect(s.durationMs!).toBeGreaterThanOrEqual(0);
      expect(s.durationMs!).toBeLessThan(5000);
    }
    for (let i = 1; i < r.steps.length; i++) expect(r.steps[i]!.startedAt).toBeGreaterThanOrEqual(r.steps[i - 1]!.startedAt);
    // onStep: each step that ran is announced running, then ok, in order
    const ran = updates.filter((u) => u.status !== 'skipped').map((u) => `${u.id}:${u.status}`);
    expect(ran).toEqual([
      'connect:running',
      'connect:ok',
      'hello:running',
      'hello:ok',
      'token:running',
      'token:ok',
      'register:running',
      'register:ok',
    ]);

    expect(r.session?.authMethod).toBe('token');
    expect(r.session?.sessionId).toBeTruthy();
    expect(r.token).toBeDefined();
    expect(r.session?.tokenExpires).toBe(r.token!.exp * 1000);
    expect(r.token!.exp - r.token!.iat).toBe(20 * 60);
    expect(Math.abs(r.token!.iat - Date.now() / 1000)).toBeLessThan(5);
    expect(r.token!.redacted).toMatch(/^\{PXZ\}[A-Za-z0-9_-]{6}…\(45 chars\)$/);
    expect(r.token!.length).toBe(45);
    expect(r.token!.fitsPasswordField).toBe(true);
    expect(step(r, 'token').detail).toMatch(/fits the Password field of the GAX interface \(Genesys: approximately 64 bytes, GAX-SECURE\)/);
    expect(step(r, 'token').detail).toMatch(/signed with token-uuid ••••••••-••••-••••-••••-••••••••[0-9a-f]{4}\b/);
    expect(Math.abs(r.clock!.offsetMs)).toBeLessThan(100);
    expect(r.clock!.roundTripMs).toBeGreaterThan(0);

    expectNoSecret(r, WHOLE_TOKEN);
    expectNoSecret(updates, WHOLE_TOKEN);
    // the server saw the registration, then UnregisterClient, then a close
    await until(() => events.some((e) => e.kind === 'close'));
    expect(events.some((e) => e.kind === 'register' && e.code === 'OK' && e.authMethod === 'token')).toBe(true);
    expect(events.some((e) => e.request === 'UnregisterClient' && e.code === 'OK')).toBe(true);
  });

  it('by password: the token step is skipped', async () => {
    const { port } = await start({ tokenAuthenticationMode: 'disable' });
    const r = await runLogin(withPassword(port));
    expect(r.outcome).toBe('accepted');
    expect(r.session?.authMethod).toBe('password');
    expect(r.session?.tokenExpires).toBeUndefined();
    expect(step(r, 'token')).toMatchObject({ status: 'skipped', detail: 'password login: no token' });
    expect(r.token).toBeUndefined();
    expectNoSecret(r);
  });

  it('GAX with confserv_trusted=false sends the password when one is given, and refuses to guess otherwise', async () => {
    const { port, events } = await start();
    const r = await runLogin(gax(port, { confservTrusted: false, password: PASSWORD }));
    expect(r.outcome).toBe('accepted');
    expect(r.session?.authMethod).toBe('password');
    expect(step(r, 'token').detail).toBe('confserv_trusted=false: GAX sends the password, not a token');

    const before = events.length;
    const refused = await runLogin(gax(port, { confservTrusted: false }));
    expect(refused.outcome).toBe('invalid-input');
    expect(refused.message).toBe("invalid input: GAX [general] confserv_trusted is false, so GAX sends the user's password, not a token");
    expect(refused.fix).toMatch(/confserv_trusted=true/);
    expect(events.length).toBe(before);
  });
});

describe('runLogin against the mock CS: refused, with the code, the message and a fix', () => {
  it('a token signed with another token-uuid: BAD_SIGNATURE, fix names token-uuid', async () => {
    const { port } = await start();
    const r = await runLogin(gax(port, { tokenUuid: WRONG_UUID }));
    expect(r.outcome).toBe('rejected');
    expect(r.server?.code).toBe('BAD_SIGNATURE');
    expect(r.message).toBe(`the server refused the login: BAD_SIGNATURE — ${r.server!.message}`);
    expect(r.fix).toMatch(/token-uuid/);
    expect(step(r, 'register')).toMatchObject({ status: 'failed' });
    expect(step(r, 'register').detail).toMatch(/^BAD_SIGNATURE: /);
    expect(JSON.stringify(r)).not.toContain(WRONG_UUID);
    expectNoSecret(r, WHOLE_TOKEN);
  });

  it("a GAX clock an hour behind: the 20-minute token has EXPIRED by the server's clock", async () => {
    const { port } = await start();
    const r = await runLogin(gax(port, { gaxClockOffsetSeconds: -3600 }));
    expect(r.outcome).toBe('rejected');
    expect(r.server?.code).toBe('EXPIRED');
    expect(r.fix).toMatch(/NTP|clock/);
    expect(step(r, 'token').detail).toMatch(/GAX clock set 1 h behind/);
    expect(Math.abs(r.token!.iat - (Date.now() / 1000 - 3600))).toBeLessThan(5);
  });

  it('a GAX clock two hours ahead, the CS reading a 20-minute life: NOT_YET_VALID', async () => {
    const { port } = await start({ gaxTokenLifeMinutes: 20 });
    const r = await runLogin(gax(port, { gaxClockOffsetSeconds: 7200 }));
    expect(r.outcome).toBe('rejected');
    expect(r.server?.code).toBe('NOT_YET_VALID');
    expect(r.fix).toMatch(/NTP|clock/);
  });

  it('realistic diagnostics: AUTH_FAILED, and the fix says where the reason is', async () => {
    const { port } = await start({ diagnostics: 'realistic' });
    const r = await runLogin(gax(port, { tokenUuid: WRONG_UUID }));
    expect(r.outcome).toBe('rejected');
    expect(r.server?.code).toBe('AUTH_FAILED');
    expect(r.server?.detail).toBeUndefined();
    expect(r.fix).toMatch(/hides the reason/);
    expect(r.fix).toMatch(/MSGCFG_ERROR/);
    expect(r.fix).toMatch(/teaching/);

    // the reason is hidden, but the client measured the clocks: a GAX clock an hour behind is named
    const late = await runLogin(gax(port, { gaxClockOffsetSeconds: -3600 }));
    expect(late.server?.code).toBe('AUTH_FAILED');
    expect(late.fix).toMatch(/Likely here: the server's clock is 1 h ahead of the clock that minted the token/);
  });

  it('an unknown user, a disabled user and a wrong password each get their own code', async () => {
    const { port } = await start({ tokenAuthenticationMode: 'disable' });
    const unknown = await runLogin(withPassword(port, 'carol'));
    expect(unknown.server?.code).toBe('UNKNOWN_USER');
    expect(unknown.outcome).toBe('rejected');
    const disabled = await runLogin(withPassword(port, 'bob'));
    expect(disabled.server?.code).toBe('USER_DISABLED');
    const wrong = await runLogin(withPassword(port, 'alice', 'not-it'));
    expect(wrong.server?.code).toBe('BAD_PASSWORD');
    for (const r of [unknown, disabled, wrong]) {
      expect(r.fix.length).toBeGreaterThan(10);
      expect(JSON.stringify(r)).not.toContain('not-it');
    }
  });

  it('a token sent to a CS with token authentication off: BAD_PASSWORD', async () => {
    const { port } = await start({ tokenAuthenticationMode: 'disable' });
    const r = await runLogin(gax(port));
    expect(r.outcome).toBe('rejected');
    expect(r.server?.code).toBe('BAD_PASSWORD');
    expect(r.fix).toMatch(/token-authentication-mode/);
  });

  it('a token too long for the Password field: PASSWORD_TOO_LONG, and the token step warned first', async () => {
    const long = 'a-rather-long-user-name-x';
    const { port } = await start({ users: [{ userName: long, password: PASSWORD, enabled: true }] });
    const r = await runLogin({ ...gax(port), userName: long });
    expect(r.outcome).toBe('rejected');
    expect(r.server?.code).toBe('PASSWORD_TOO_LONG');
    expect(r.token?.fitsPasswordField).toBe(false);
    expect(step(r, 'token').detail).toMatch(/characters over the Password field of the GAX interface \(Genesys: approximately 64 bytes/);
  });

  it('a full server: SERVER_BUSY instead of Hello', async () => {
    const { port } = await start({ maxConnections: 1 });
    // one connection holds the only slot (it has read its Hello), so the login is the one too many
    const held = connect({ host: '127.0.0.1', port });
    await new Promise((r) => held.once('data', r));
    const r = await runLogin(gax(port));
    held.destroy();
    expect(r.outcome).toBe('rejected');
    expect(r.server?.code).toBe('SERVER_BUSY');
    expect(step(r, 'hello').status).toBe('failed');
    expect(r.fix).toMatch(/maxConnections/);
  });
});
