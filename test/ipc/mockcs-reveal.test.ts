// mockcs.tokenUuid.reveal: the Server view's Show answers the very token-uuid the mock CS signs with
// (configured or generated), and only then: no other answer or event carries it.
import { describe, expect, it } from 'vitest';
import { mintToken } from '../../src-main/core/index.js';
import { runtimeForAll, SECRET_UUID, type TestRuntime } from './helpers.js';

let t: TestRuntime;

runtimeForAll((rt) => (t = rt));

describe('mockcs.tokenUuid.reveal', () => {
  it('answers the configured token-uuid, named as configured', async () => {
    await t.call('mockcs.options.update', { patch: { tokenUuid: SECRET_UUID } });
    const r = await t.call('mockcs.tokenUuid.reveal', undefined as never, { record: false });
    expect(r).toEqual({ tokenUuid: SECRET_UUID, source: 'configured' });
  });

  it('answers the generated one when none is configured, and a token signed with it is accepted', async () => {
    await t.call('mockcs.options.update', { patch: { tokenUuid: null, tokenAuthenticationMode: 'enable' } });
    const r = await t.call('mockcs.tokenUuid.reveal', undefined as never, { record: false });
    expect(r.source).toBe('generated');
    expect(r.tokenUuid).not.toBe(SECRET_UUID);
    const status = await t.call('mockcs.status', undefined as never);
    expect(status.options.tokenUuid.masked.slice(-4)).toBe(r.tokenUuid.slice(-4));
    const now = Math.floor(Date.now() / 1000);
    const minted = mintToken({ tokenUuid: r.tokenUuid, username: 'default', iat: now, exp: now + 600 });
    expect(minted.ok).toBe(true);
    const verdict = await t.call(
      'token.verify',
      { value: minted.ok ? minted.value.token : '', preamble: '{PXZ}', tokenUuid: { kind: 'mockcs' }, options: {} },
      { record: false },
    );
    expect(verdict.code).toBe('OK');
  });
});
