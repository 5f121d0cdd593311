// The secret scanner of the hygiene tests (secret-scan.ts) finds every form of a secret it claims to
// — text, capitals, without dashes, hex, base64 at any offset, raw bytes, a whole token — and stays
// quiet on the redacted and masked forms the app shows: a scan that cannot fail proves nothing.
import { describe, expect, it } from 'vitest';
import { mintToken } from '../../src-main/core/index.js';
import { CS_PASSWORD, PROFILE_PASSWORD, TOKEN_UUID } from './distinctive-secrets.js';
import { expectClean, hygieneScanner, NOW, PREAMBLE } from './flows.js';
import { base64Runs } from './secret-scan.js';

describe('the scanner finds every form it claims to (a scan that cannot fail proves nothing)', () => {
  const scanner = hygieneScanner();
  const minted = mintToken({ tokenUuid: TOKEN_UUID, username: 'alice', iat: NOW, exp: NOW + 600 });
  if (!minted.ok) throw new Error('mint failed');
  const token = minted.value.token;

  it.each([
    ['the token-uuid in capitals', `uuid=${TOKEN_UUID.toUpperCase()};`, 'the token-uuid'],
    ['the token-uuid without dashes', `x${TOKEN_UUID.replace(/-/g, '')}x`, 'the token-uuid'],
    ['the uuid text as hex', Buffer.from(TOKEN_UUID).toString('hex').toUpperCase(), 'the token-uuid'],
    [
      'the uuid bytes in base64 inside a longer blob',
      Buffer.concat([Buffer.from('ab'), Buffer.from(TOKEN_UUID.replace(/-/g, ''), 'hex'), Buffer.from('z')]).toString('base64'),
      'the token-uuid',
    ],
    ['the uuid bytes raw in a binary file', Buffer.concat([Buffer.from([0, 1]), Buffer.from(TOKEN_UUID.replace(/-/g, ''), 'hex')]), 'the token-uuid'],
    ['a password as base64url at an odd offset', Buffer.from(`x${CS_PASSWORD}`).toString('base64url'), 'the CS user password'],
    ['a password as base64 with two bytes before it', Buffer.from(`{"${PROFILE_PASSWORD}"}`).toString('base64'), 'the profile password'],
    ['a whole token the test never saw', `sent ${token} to the CS`, 'a whole token'],
  ] as const)('%s', (_name, content, secret) => {
    expect(scanner.scan('self-test', content).map((f) => f.secret)).toContain(secret);
  });

  it('stays quiet on a redacted token, a masked token-uuid and other text', () => {
    const redacted = `${token.slice(0, PREAMBLE.length + 6)}…(${token.length} chars)`;
    expectClean(scanner.scan('self-test', `token ${redacted}, uuid ••••••••-••••-••••-••••-••••••••${TOKEN_UUID.slice(-4)}, user alice`));
  });

  it('computes base64 runs that survive any prefix', () => {
    const secret = Buffer.from('abcdefgh');
    for (let prefix = 0; prefix < 6; prefix++) {
      const blob = Buffer.concat([Buffer.alloc(prefix, 7), secret, Buffer.from('tail')]).toString('base64');
      expect(
        base64Runs(secret, 'base64').some((run) => blob.includes(run)),
        `prefix ${prefix}`,
      ).toBe(true);
    }
  });
});
