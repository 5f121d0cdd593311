/**
 * Bad input never opens a socket: one line on what is wrong, one on what to do, no secret
 * quoted back, and every step marked as not run.
 */
import { describe, expect, it } from 'vitest';
import { probeServerTime, runLogin, type LoginRequest } from '../../src-main/client/index.js';
import { tcpPeer } from './peers.js';

const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';

function gax(extra: Partial<LoginRequest> = {}, creds: Record<string, unknown> = {}): LoginRequest {
  return {
    host: '127.0.0.1',
    port: 2020,
    userName: 'alice',
    credentials: {
      kind: 'gax',
      confservTrusted: true,
      tokenLifeMinutes: 20,
      tokenUuid: UUID,
      preamble: '{PXZ}',
      ...creds,
    } as LoginRequest['credentials'],
    ...extra,
  };
}

const cases: [string, LoginRequest, RegExp][] = [
  ['an empty host', gax({ host: ' ' }), /the host is empty/],
  ['port 0', gax({ port: 0 }), /port must be a whole number from 1 to 65535/],
  ['port 70000', gax({ port: 70000 }), /port must be a whole number from 1 to 65535/],
  ['a fractional port', gax({ port: 20.5 }), /port must be a whole number/],
  ['an empty UserName', gax({ userName: '' }), /UserName is empty/],
  ['a token-uuid that is not a UUID', gax({}, { tokenUuid: `${UUID}ff` }), /the token-uuid is not a UUID: it has 34 hex digits where a UUID has 32/],
  ['a bad preamble', gax({}, { preamble: 'has space' }), /preamble may hold only printable ASCII/],
  ['a zero token life', gax({}, { tokenLifeMinutes: 0 }), /token_life_in_minutes must be a whole number of minutes, at least 1/],
  ['a GAX clock offset that is not a number', gax({}, { gaxClockOffsetSeconds: Number.NaN }), /GAX clock offset must be a number/],
  ['a fingerprint of the wrong length', gax({ tls: { fingerprint256: 'AB:CD' } }), /fingerprint is not a SHA-256 fingerprint/],
  [
    'a CA that is not a certificate',
    gax({ tls: { caPem: '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----' } }),
    /CA is not a PEM certificate/,
  ],
  ['a fingerprint and a CA', gax({ tls: { fingerprint256: 'ab'.repeat(32), caPem: 'x' } }), /both a fingerprint and a CA were given/],
  ['a negative timeout', gax({ timeoutsMs: { connect: -1 } }), /the connect timeout must be from 1 to 600000 ms/],
  ['a timeout for a step that does not exist', gax({ timeoutsMs: { token: 5 } as never }), /there is no step "token" to time/],
  ['an unknown credentials kind', gax({ credentials: { kind: 'kerberos' } as never }), /credentials.kind must be "password" or "gax"/],
  ['a password that is not text', gax({ credentials: { kind: 'password', password: 42 } as never }), /the password is missing/],
];

describe('runLogin with bad input', () => {
  it.each(cases)('%s: invalid-input, one line, nothing run', async (_name, req, message) => {
    const r = await runLogin(req);
    expect(r.outcome).toBe('invalid-input');
    expect(r.message).toMatch(/^invalid input: /);
    expect(r.message).toMatch(message);
    expect(r.message).not.toMatch(/\n/);
    expect(r.fix).not.toBe('');
    expect(r.steps.map((s) => s.status)).toEqual(Array(6).fill('skipped'));
    expect(JSON.stringify(r)).not.toContain(UUID);
  });

  it('a null request, or one missing its credentials, is a value, not a throw', async () => {
    await expect(runLogin(null as never)).resolves.toMatchObject({ outcome: 'invalid-input' });
    await expect(runLogin({ host: 'h', port: 1, userName: 'u' } as never)).resolves.toMatchObject({
      outcome: 'invalid-input',
      message: 'invalid input: no credentials',
    });
  });

  it('never connects when the input is bad', async () => {
    const p = await tcpPeer();
    try {
      const r = await runLogin(gax({ port: p.port }, { tokenUuid: 'not-a-uuid' }));
      expect(r.outcome).toBe('invalid-input');
      expect(p.accepted).toHaveLength(0);
    } finally {
      await p.stop();
    }
  });

  it('probeServerTime checks its target the same way', async () => {
    expect(await probeServerTime({ host: '', port: 1 })).toMatchObject({ ok: false, outcome: 'invalid-input' });
    expect(await probeServerTime({ host: 'h', port: 1, samples: 101 })).toMatchObject({ ok: false, outcome: 'invalid-input' });
    expect(await probeServerTime({ host: 'h', port: 1, timeoutMs: 0 })).toMatchObject({ ok: false, outcome: 'invalid-input' });
    expect(await probeServerTime({ host: 'h', port: 1, tls: { fingerprint256: 'zz' } })).toMatchObject({ ok: false, outcome: 'invalid-input' });
  });
});
