// Options: the spec's defaults, validation in one line per problem, and live merging.
import { describe, expect, it } from 'vitest';
import { mergeMockCsOptions, parseMockCsOptions } from '../../src-main/mockcs/index.js';

describe('mock CS options', { timeout: 20_000 }, () => {
  it('has the defaults of the spec', () => {
    const r = parseMockCsOptions({});
    expect(r).toEqual({
      ok: true,
      options: {
        tokenAuthenticationMode: 'disable',
        tokenPreambula: '{PXZ}',
        tokenUuid: null,
        tokenToleranceSeconds: 60,
        tokenTtlMinutes: null,
        gaxTokenLifeMinutes: null,
        clockOffsetSeconds: 0,
        diagnostics: 'teaching',
        passwordFieldLimit: 64,
        users: [{ userName: 'default', password: 'password', enabled: true }],
        listeners: [{ host: '127.0.0.1', port: 2020 }],
        maxConnections: 1000,
        maxConnectionsPerAddress: 100,
        maxLineBytes: 16384,
        registerTimeoutSeconds: 30,
        maxFailedAttempts: 5,
      },
    });
  });

  it('fills a partial user or listener', () => {
    const r = parseMockCsOptions({ users: [{ userName: 'svc' }], listeners: [{ port: 0, tls: true }] });
    expect(r.ok && r.options.users).toEqual([{ userName: 'svc', enabled: true }]);
    expect(r.ok && r.options.listeners).toEqual([{ host: '127.0.0.1', port: 0, tls: true }]);
  });

  it.each([
    [{ tokenAuthenticationMode: 'on' }, 'tokenAuthenticationMode: must be "enable" or "disable"'],
    [{ tokenPreambula: 'has space' }, 'tokenPreambula: the preamble may hold only printable ASCII without spaces; character 4 is not'],
    [{ tokenTtlMinutes: 2.5 }, 'tokenTtlMinutes: must be a whole number (minutes; 0 or null means unset)'],
    [{ listeners: [{ host: '127.0.0.1', port: 70000 }] }, 'listeners[0].port: must be at most 65535 (0 picks a free port)'],
    [{ listeners: [] }, 'listeners: needs at least one listener'],
    [{ listeners: [{ host: 'bad host!', port: 1 }] }, 'listeners[0].host: "bad host!" is not a host name or an IP address'],
    [{ users: [{ userName: 'a' }, { userName: 'a' }] }, 'users[1].userName: "a" appears twice'],
    [{ users: [{ userName: 'a', password: '' }] }, 'users[0].password: is empty: leave it out for a user who logs in only with a token'],
    [{ users: [{ name: 'a' }] }, 'users[0].userName: is missing; users[0]: unknown field "name"'],
    [{ tokenTolerance: 5 }, 'unknown option "tokenTolerance"'],
    [{ clockOffsetSeconds: 'ten' }, 'clockOffsetSeconds: must be a number of seconds'],
    [{ registerTimeoutSeconds: 0 }, 'registerTimeoutSeconds: must be at least 0.05 s'],
  ])('refuses %j: %s', (input, message) => {
    expect(parseMockCsOptions(input)).toEqual({ ok: false, message });
  });

  it('never quotes a token-uuid it refuses', () => {
    const r = parseMockCsOptions({ tokenUuid: 'c0ffee00-1234-4abc-8def-0123456789aZ' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^tokenUuid: is not a UUID: /);
    expect(!r.ok && r.message).not.toContain('c0ffee00');
  });

  it('merges a patch and validates the whole', () => {
    const base = parseMockCsOptions({});
    if (!base.ok) throw new Error('defaults invalid');
    expect(mergeMockCsOptions(base.options, { clockOffsetSeconds: -30 })).toMatchObject({
      ok: true,
      options: { clockOffsetSeconds: -30, maxConnections: 1000 },
    });
    expect(
      mergeMockCsOptions(base.options, {
        listeners: [
          { host: '127.0.0.1', port: 1 },
          { host: '127.0.0.1', port: 1 },
        ],
      }),
    ).toEqual({
      ok: false,
      message: 'listeners[1]: 127.0.0.1:1 is listed twice',
    });
    expect(mergeMockCsOptions(base.options, null as never)).toMatchObject({ ok: false });
  });
});
