import { describe, expect, it } from 'vitest';
import { editDistance, isSecretOptionName, normaliseOptionName, suggestOptionName } from '../../../src-main/core/options/index.js';

describe('the likely intended option name', () => {
  it.each([
    ['token-preamble', 'token-preambula', 'spelling'],
    ['token_ttl', 'token-ttl', 'case-or-separators'],
    ['confserv-trusted', 'confserv_trusted', 'case-or-separators'],
    ['Token-Authentication-Mode', 'token-authentication-mode', 'case-or-separators'],
    ['token-authentification-mode', 'token-authentication-mode', 'spelling'],
    ['token-tolerence', 'token-tolerance', 'spelling'],
    ['token-tll', 'token-ttl', 'spelling'],
    ['token_uuid', 'token-uuid', 'case-or-separators'],
    ['token-life-in-minutes', 'token_life_in_minutes', 'case-or-separators'],
    ['token_life_in_minute', 'token_life_in_minutes', 'spelling'],
    ['confserv_trust', 'confserv_trusted', 'spelling'],
    ['token-ttl-minutes', 'token-ttl', 'extra-or-missing-words'],
    ['token-tolerance-seconds', 'token-tolerance', 'extra-or-missing-words'],
    ['token-authentication', 'token-authentication-mode', 'extra-or-missing-words'],
    ['token-id', 'token-uuid', 'spelling'],
  ])('%s → %s (%s)', (typed, intended, basis) => {
    const s = suggestOptionName(typed);
    expect(s?.definition.name).toBe(intended);
    expect(s?.basis).toBe(basis);
  });

  it.each([
    // ordinary options of real CS and GAX exports must never be taken for typos
    'port',
    'management-port',
    'server',
    'encryption',
    'dbthread',
    'verbose',
    'all',
    'expire',
    'segment',
    'schema',
    'confserv_timeout',
    'inactivity_timeout',
    'max_rows_per_page',
    'auditing',
    'session_cookie_secure',
    'token',
    'token-refresh-interval',
    'token-authentication-mode', // known: no suggestion needed
  ])('%s has no suggestion', (name) => {
    expect(suggestOptionName(name)).toBeNull();
  });

  it('normalises case and separators and measures edits with swaps', () => {
    expect(normaliseOptionName('  Token__TTL ')).toBe('token-ttl');
    expect(editDistance('token-tll', 'token-ttl')).toBe(1);
    expect(editDistance('preamble', 'preambula')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('knows which names hold secrets', () => {
    for (const n of ['token-uuid', 'token_uuid', 'password', 'dbpassword', 'db-passwd', 'client_secret']) expect(isSecretOptionName(n)).toBe(true);
    for (const n of ['token-ttl', 'port', 'confserv_trusted']) expect(isSecretOptionName(n)).toBe(false);
  });
});
