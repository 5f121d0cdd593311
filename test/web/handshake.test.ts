import { describe, expect, it } from 'vitest';
import { checkHandshake, createSessionSecret, parseSubprotocols, sameSecret } from '../../src-main/web/handshake.js';
import { KEY_SUBPROTOCOL_PREFIX, WEB_SUBPROTOCOL } from '../../src-main/core/web-bridge.js';

const PORT = 43210;
const SECRET = createSessionSecret();
const good = {
  host: `127.0.0.1:${PORT}`,
  origin: `http://127.0.0.1:${PORT}`,
  'sec-websocket-protocol': `${WEB_SUBPROTOCOL}, ${KEY_SUBPROTOCOL_PREFIX}${SECRET}`,
};

function refusal(headers: Partial<typeof good>): string {
  const verdict = checkHandshake({ ...good, ...headers }, PORT, SECRET);
  if (verdict.ok) throw new Error('expected a refusal');
  expect(verdict.status).toBe(403);
  expect(verdict.reason).not.toContain(SECRET);
  expect(verdict.reason.split('\n')).toHaveLength(1);
  return verdict.reason;
}

describe('the session secret', () => {
  it('is 32 random bytes in base64url, different every time', () => {
    const a = createSessionSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(createSessionSecret()).not.toBe(a);
  });

  it('compares equal only to itself, whatever the length of the guess', () => {
    expect(sameSecret(SECRET, SECRET)).toBe(true);
    expect(sameSecret(SECRET.slice(0, -1), SECRET)).toBe(false);
    expect(sameSecret(`${SECRET}x`, SECRET)).toBe(false);
    expect(sameSecret('', SECRET)).toBe(false);
  });
});

describe('checkHandshake', () => {
  it("accepts this server's own page with the secret, by 127.0.0.1 or localhost", () => {
    expect(checkHandshake(good, PORT, SECRET)).toEqual({ ok: true, origin: `http://127.0.0.1:${PORT}` });
    expect(checkHandshake({ ...good, host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` }, PORT, SECRET)).toEqual({
      ok: true,
      origin: `http://localhost:${PORT}`,
    });
  });

  it('refuses a foreign or missing Host (DNS rebinding)', () => {
    expect(refusal({ host: `evil.example:${PORT}` })).toMatch(/Host.*DNS rebinding/);
    expect(refusal({ host: `127.0.0.1:${PORT + 1}` })).toMatch(/Host/);
    expect(refusal({ host: '127.0.0.1' })).toMatch(/Host/);
    expect(refusal({ host: undefined })).toMatch(/Host/);
  });

  it("refuses another site's page, a look-alike origin and no Origin", () => {
    for (const origin of ['http://evil.example', `https://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT}.evil.example`, 'null', undefined])
      expect(refusal({ origin })).toMatch(/own page/);
  });

  it('refuses without the protocol, without the key, with a wrong key, or with two keys', () => {
    expect(refusal({ 'sec-websocket-protocol': `${KEY_SUBPROTOCOL_PREFIX}${SECRET}` })).toContain(WEB_SUBPROTOCOL);
    expect(refusal({ 'sec-websocket-protocol': WEB_SUBPROTOCOL })).toMatch(/key .*missing/);
    expect(refusal({ 'sec-websocket-protocol': undefined })).toContain(WEB_SUBPROTOCOL);
    expect(refusal({ 'sec-websocket-protocol': `${WEB_SUBPROTOCOL}, ${KEY_SUBPROTOCOL_PREFIX}${createSessionSecret()}` })).toMatch(/does not match/);
    expect(refusal({ 'sec-websocket-protocol': `${WEB_SUBPROTOCOL}, ${KEY_SUBPROTOCOL_PREFIX}wrong, ${KEY_SUBPROTOCOL_PREFIX}${SECRET}` })).toMatch(
      /key/,
    );
  });

  it('reads the subprotocol list as the header carries it', () => {
    expect(parseSubprotocols(' a ,b,, c ')).toEqual(['a', 'b', 'c']);
    expect(parseSubprotocols(undefined)).toEqual([]);
  });
});
