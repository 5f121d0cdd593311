// GaxCredentials.token: a token minted earlier, sent instead of a fresh one (what the labs use to
// replay a capture or send another user's token). The trace says so; the token stays redacted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLogin, type GaxCredentials } from '../../src-main/client/index.js';
import { mintToken } from '../../src-main/core/index.js';
import { MockCs } from '../../src-main/mockcs/index.js';

const UUID = '3f0c5a1e-8b2d-4c7f-9e61-2a4d8b0c6e13';
let cs: MockCs;
let port: number;

beforeAll(async () => {
  cs = new MockCs({
    options: {
      tokenAuthenticationMode: 'enable',
      tokenUuid: UUID,
      gaxTokenLifeMinutes: 20,
      users: [
        { userName: 'alice', enabled: true },
        { userName: 'bob', enabled: true },
      ],
      listeners: [{ host: '127.0.0.1', port: 0 }],
    },
  });
  port = (await cs.start())[0]!.port;
});
afterAll(() => cs.stop());

function token(username: string, iat: number, exp: number): string {
  const m = mintToken({ tokenUuid: UUID, username, iat, exp });
  if (!m.ok) throw new Error(m.reason);
  return m.value.token;
}

const gax = (extra: Partial<GaxCredentials>): GaxCredentials => ({
  kind: 'gax',
  confservTrusted: true,
  tokenLifeMinutes: 20,
  tokenUuid: UUID,
  preamble: '{PXZ}',
  ...extra,
});

describe('runLogin with a given token', { timeout: 20_000 }, () => {
  it('sends it instead of minting: an expired capture is refused EXPIRED, and the trace says it was replayed', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = token('alice', now - 1800, now - 600);
    const r = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: old }) });
    expect(r.outcome).toBe('rejected');
    expect(r.server?.code).toBe('EXPIRED');
    const step = r.steps.find((s) => s.id === 'token')!;
    expect(step.status).toBe('ok');
    expect(step.detail).toMatch(/^replayed a given token \(not minted by this login\): \{PXZ\}.{6}…\(\d+ chars\) for "alice", issued /);
    expect(step.data).toMatchObject({ replayed: true, iat: now - 1800, exp: now - 600 });
    expect(r.token).toMatchObject({ iat: now - 1800, exp: now - 600, length: old.length });
    expect(JSON.stringify(r)).not.toContain(old);
  });

  it("another user's token: the trace names both users, and the CS refuses USER_MISMATCH", async () => {
    const now = Math.floor(Date.now() / 1000);
    const bobs = token('bob', now, now + 1200);
    const r = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: bobs }) });
    expect(r.server?.code).toBe('USER_MISMATCH');
    expect(r.steps.find((s) => s.id === 'token')!.detail).toMatch(/for "bob" \(logging in as "alice"\)/);
    expect(r.message).toMatch(/"bob"/);
  });

  it('a fresh given token for the right user is accepted', async () => {
    const now = Math.floor(Date.now() / 1000);
    const r = await runLogin({ host: '127.0.0.1', port, userName: 'bob', credentials: gax({ token: token('bob', now, now + 1200) }) });
    expect(r.outcome).toBe('accepted');
    expect(r.session?.authMethod).toBe('token');
  });

  it('refuses a given token that is not one, without quoting it', async () => {
    const noPreamble = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: 'hunter2-not-a-token' }) });
    expect(noPreamble.outcome).toBe('invalid-input');
    expect(noPreamble.message).toBe('invalid input: the given token does not start with the preamble {PXZ}');
    expect(JSON.stringify(noPreamble)).not.toContain('hunter2');

    const broken = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: '{PXZ}AAAA' }) });
    expect(broken.outcome).toBe('invalid-input');
    expect(broken.message).toMatch(/^invalid input: the given token cannot be read \(TRUNCATED\)/);
    expect(broken.steps.find((s) => s.id === 'token')?.status).toBe('failed');

    const control = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: '{PXZ}a\nb' }) });
    expect(control.outcome).toBe('invalid-input');
    expect(control.message).toMatch(/split by a line break/);
    // a pasted token with a copy mistake is named for the mistake, and never quoted
    const whole = token('alice', Math.floor(Date.now() / 1000), Math.floor(Date.now() / 1000) + 1200);
    const spaced = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: ` ${whole}` }) });
    expect(spaced.outcome).toBe('invalid-input');
    expect(spaced.message).toMatch(/^invalid input: the given token: the value has white space before the token/);
    const wrapped = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: `${whole}\n` }) });
    expect(wrapped.message).toMatch(/line break after the token/);
    const lower = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: `{pxz}${whole.slice(5)}` }) });
    expect(lower.message).toMatch(/compared exactly/);
    const cut = await runLogin({ host: '127.0.0.1', port, userName: 'alice', credentials: gax({ token: whole.slice(0, 12) }) });
    expect(cut.message).toMatch(/cut short/);
    for (const r of [spaced, wrapped, lower, cut]) expect(JSON.stringify(r)).not.toContain(whole.slice(5));
  });
});
