// The mock CS in teaching mode names a badly copied token for what it is; the answer's code stays the spec's.
import { afterEach, describe, expect, it } from 'vitest';
import { loginOnce, mint, nowSeconds, startMockCs, type Running } from './helpers.js';

const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
let srv: Running | undefined;

afterEach(async () => {
  await srv?.stop();
  srv = undefined;
});

async function start(): Promise<number> {
  srv = await startMockCs({ tokenAuthenticationMode: 'enable', tokenUuid: UUID, users: [{ userName: 'default', password: 'pw', enabled: true }] });
  return srv.port;
}

const fresh = () => mint(UUID, 'default', nowSeconds(), nowSeconds() + 1200);
const detailHint = (m: Record<string, unknown>) => (m['detail'] as { hint?: string } | undefined)?.hint ?? '';

describe('teaching answers name paste mistakes', { timeout: 20_000 }, () => {
  it('a token cut by 3 characters: BAD_SIGNATURE, worded as cut short, not as another token-uuid', async () => {
    const port = await start();
    const a = await loginOnce(port, 'default', fresh().slice(0, -3));
    expect(a['code']).toBe('BAD_SIGNATURE');
    expect(a['message']).toMatch(/cut short by 3 characters/);
    expect(a['message']).not.toMatch(/different token-uuid/);
    expect(detailHint(a)).toMatch(/before suspecting the token-uuid/);
  });

  it('a leading space: judged as a password (it does not start with the preamble), and the hint names the space', async () => {
    const port = await start();
    const a = await loginOnce(port, 'default', ` ${fresh()}`);
    expect(a['code']).toBe('BAD_PASSWORD');
    expect(detailHint(a)).toMatch(/Remove the white space around the token/);
    expect(detailHint(a)).not.toMatch(/does not start with the preamble/);
  });

  it('a preamble in lower case: the hint says the preamble is compared exactly', async () => {
    const port = await start();
    const a = await loginOnce(port, 'default', `{pxz}${fresh().slice(5)}`);
    expect(a['code']).toBe('BAD_PASSWORD');
    expect(detailHint(a)).toMatch(/Keep the preamble exactly as token-preambula has it/);
  });

  it('a whole token from another token-uuid keeps the usual words', async () => {
    const port = await start();
    const a = await loginOnce(port, 'default', mint('0d9e6b7a-1c2f-4e3d-9a8b-7c6d5e4f3a21', 'default', nowSeconds(), nowSeconds() + 1200));
    expect(a['code']).toBe('BAD_SIGNATURE');
    expect(a['message']).toMatch(/different token-uuid/);
    expect(detailHint(a)).toMatch(/Server view shows the mock CS's own \(Show\)/);
  });
});
