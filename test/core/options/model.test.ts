import { describe, expect, it } from 'vitest';
import {
  HOME_SECTION,
  OPTION_DEFINITIONS,
  checkOptionValue,
  findOption,
  fromMockCsOptions,
  fromProfile,
  optionDefinition,
  optionSetFromJson,
  optionsOf,
  toGaxTokenSettings,
  toMockCsOptions,
  toProfile,
  toTokenTimeOptions,
  type OptionName,
  type OptionSet,
} from '../../../src-main/core/options/index.js';
import { effectiveTtl, validityWindow } from '../../../src-main/core/index.js';

const check = (name: OptionName, raw: string) => checkOptionValue(optionDefinition(name), raw);

describe('the option catalog', () => {
  it('holds the Genesys token options in the right application and section', () => {
    const where = Object.fromEntries(OPTION_DEFINITIONS.map((d) => [d.name, `${d.application}/${d.section}`]));
    expect(where).toEqual({
      'token-authentication-mode': 'cs/system',
      'token-preambula': 'cs/system',
      'token-uuid': 'cs/system',
      'token-tolerance': 'cs/system',
      'token-ttl': 'cs/system',
      confserv_trusted: 'gax/general',
      token_life_in_minutes: 'gax/general',
    });
    for (const d of OPTION_DEFINITIONS) {
      expect(d.section).toBe(HOME_SECTION[d.application]);
      expect(d.summary.length).toBeGreaterThan(40);
    }
  });

  it('gives GAX no token-uuid of its own, and marks only token-uuid secret', () => {
    expect(optionsOf('gax').map((d) => d.name)).toEqual(['confserv_trusted', 'token_life_in_minutes']);
    expect(OPTION_DEFINITIONS.filter((d) => d.secret).map((d) => d.name)).toEqual(['token-uuid']);
  });

  it('states the published defaults', () => {
    expect(optionDefinition('token-authentication-mode').default).toBe('disable');
    expect(optionDefinition('token-preambula').default).toBe('{PXZ}');
    expect(optionDefinition('token-tolerance').default).toBe('60');
    // Genesys publishes no default for confserv_trusted either; `disable` is the tool's word for off
    expect(optionDefinition('confserv_trusted').default).toBeNull();
    expect(optionDefinition('confserv_trusted').defaultMeaning).toMatch(/^not published/);
    expect(optionDefinition('token-authentication-mode').accepts).toMatch(/^enable \(the only value Genesys names/);
    expect(optionDefinition('token-uuid').default).toBeNull();
    // not published by Genesys: the tool does not invent one
    expect(optionDefinition('token_life_in_minutes').default).toBeNull();
    expect(findOption('token-preamble')).toBeUndefined();
  });
});

describe('reading a value', () => {
  it.each([
    ['token-authentication-mode', 'enable'],
    ['token-authentication-mode', 'disable'],
    ['confserv_trusted', 'true'],
    ['token-tolerance', '0'],
    ['token-tolerance', '2147483647'],
    ['token-ttl', '65'],
    ['token_life_in_minutes', '1'],
    ['token-preambula', '{PXZ}'],
    ['token-preambula', '~'],
    ['token-uuid', '{3F2B8C1E-9D4A-4F6B-8E21-5C7D9A0B1E42}'],
    ['token-uuid', 'urn:uuid:3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42'],
  ] as const)('%s=%s is accepted as written', (name, raw) => {
    expect(check(name, raw)).toEqual({ status: 'ok', normal: raw });
  });

  it.each([
    ['token-authentication-mode', 'Enable', 'enable'],
    ['token-authentication-mode', ' enable ', 'enable'],
    ['token-authentication-mode', 'DISABLE', 'disable'],
    ['confserv_trusted', 'TRUE', 'true'],
    ['confserv_trusted', 'False', 'false'],
    ['token-tolerance', '060', '60'],
    ['token-tolerance', '+60', '60'],
    ['token-ttl', ' 30', '30'],
  ] as const)('%s=%j means %s but is not its normal spelling', (name, raw, normal) => {
    const c = check(name, raw);
    expect(c.status).toBe('not-normal');
    expect(c.status === 'not-normal' && c.normal).toBe(normal);
  });

  it.each([
    ['token-authentication-mode', 'enabled', 'enable'],
    ['token-authentication-mode', 'on', 'enable'],
    ['token-authentication-mode', 'off', 'disable'],
    ['token-authentication-mode', 'sometimes', null],
    ['token-authentication-mode', '', null],
    ['confserv_trusted', 'yes', 'true'],
    ['confserv_trusted', '0', 'false'],
    ['token-tolerance', '2min', '120'],
    ['token-tolerance', '90s', '90'],
    ['token-tolerance', '-5', null],
    ['token-tolerance', '1.5', null],
    ['token-tolerance', '2147483648', null],
    ['token-tolerance', '99999999999999999999', null],
    ['token-ttl', '1h', '60'],
    ['token-ttl', '90s', null],
    ['token-ttl', 'abc', null],
    ['token_life_in_minutes', '0', null],
    ['token_life_in_minutes', '20min', '20'],
    ['token-preambula', '{GAX-TOKEN-PREAMBLE}', '{PXZ}'],
    ['token-preambula', ' {GAX} ', '{GAX}'],
    ['token-preambula', 'é', '{PXZ}'],
    ['token-preambula', '', '{PXZ}'],
  ] as const)('%s=%j is not accepted; likely meant: %s', (name, raw, suggestion) => {
    const c = check(name, raw);
    expect(c.status).toBe('invalid');
    expect(c.status === 'invalid' && c.suggestion).toBe(suggestion);
  });

  it('never quotes a token-uuid in its reason', () => {
    const secret = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e4';
    const c = check('token-uuid', secret);
    expect(c.status).toBe('invalid');
    expect(c.status === 'invalid' && c.reason).not.toContain('3f2b8c1e');
    expect(c.status === 'invalid' && c.suggestion).toBeNull();
  });
});

const cs: OptionSet = {
  application: 'cs',
  sections: {
    confserv: { port: '2020', 'token-ttl': '5' },
    system: {
      'token-authentication-mode': 'Enable',
      'token-preambula': '{GAX}',
      'token-uuid': ' {3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42} ',
      'token-tolerance': '120',
      'token-ttl': 'abc',
    },
  },
};
const gax: OptionSet = { application: 'gax', sections: { general: { confserv_trusted: 'true', token_life_in_minutes: '20' } } };

describe('converters', () => {
  it('give the token core the options the CS would run with', () => {
    // token-ttl under [confserv] is not read; the [system] one is not a number, so it counts as unset
    expect(toTokenTimeOptions({ cs, gax })).toEqual({ tokenToleranceSeconds: 120, tokenTtlMinutes: null, gaxTokenLifeMinutes: 20 });
    expect(effectiveTtl(toTokenTimeOptions({ cs, gax }))).toEqual({ minutes: 20, source: 'token_life_in_minutes' });
    const w = validityWindow(10_000, toTokenTimeOptions({ cs, gax }));
    expect([w.validFrom, w.validUntil]).toEqual([10_000 - 20 * 60 - 120, 10_000 + 120]);
  });

  it('give the mock CS its option names, reading unusual but clear spellings', () => {
    expect(toMockCsOptions({ cs, gax })).toEqual({
      tokenAuthenticationMode: 'enable',
      tokenPreambula: '{GAX}',
      tokenUuid: '{3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42}',
      tokenToleranceSeconds: 120,
      tokenTtlMinutes: null,
      gaxTokenLifeMinutes: 20,
    });
    expect(toMockCsOptions({})).toEqual({
      tokenAuthenticationMode: 'disable',
      tokenPreambula: '{PXZ}',
      tokenUuid: null,
      tokenToleranceSeconds: null,
      tokenTtlMinutes: null,
      gaxTokenLifeMinutes: null,
    });
    expect(toGaxTokenSettings({ cs, gax })).toMatchObject({ confservTrusted: true, tokenLifeMinutes: 20, preamble: '{GAX}' });
  });

  it('turn mock CS options back into CS [system] and GAX [general] options, and round-trip', () => {
    const mock = {
      tokenAuthenticationMode: 'enable' as const,
      tokenPreambula: '{T}',
      tokenUuid: '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42',
      tokenToleranceSeconds: 30,
      tokenTtlMinutes: 65,
      gaxTokenLifeMinutes: 60,
    };
    const sets = fromMockCsOptions(mock);
    expect(sets.cs.sections['system']).toEqual({
      'token-authentication-mode': 'enable',
      'token-preambula': '{T}',
      'token-uuid': mock.tokenUuid,
      'token-tolerance': '30',
      'token-ttl': '65',
    });
    expect(sets.gax.sections['general']).toEqual({ confserv_trusted: 'true', token_life_in_minutes: '60' });
    expect(toMockCsOptions(sets)).toEqual(mock);
    // the default preamble is not written: Genesys recommends leaving it unconfigured
    expect(fromMockCsOptions({ tokenPreambula: '{PXZ}' }).cs.sections['system']).not.toHaveProperty('token-preambula');
  });

  it('read profiles and the plain shape, and say what is wrong with anything else', () => {
    expect(fromProfile({ kind: 'cs', system: { 'token-tolerance': 60, 'token-ttl': null, x: true } })).toEqual({
      application: 'cs',
      sections: { system: { 'token-tolerance': '60', x: 'true' } },
    });
    // the store keeps a profile's options under "options"
    expect(fromProfile({ kind: 'gax', options: { confserv_trusted: true } })).toEqual({
      application: 'gax',
      sections: { general: { confserv_trusted: 'true' } },
    });
    expect(optionSetFromJson({ id: 'x', name: 'Lab', kind: 'cs', options: { 'token-ttl': '30' }, users: [] })).toEqual({
      ok: true,
      set: { application: 'cs', sections: { system: { 'token-ttl': '30' } } },
    });
    expect(toProfile(gax)).toEqual({ kind: 'gax', general: { confserv_trusted: 'true', token_life_in_minutes: '20' } });
    expect(optionSetFromJson({ application: 'gax', sections: { general: { a: 1 } } })).toEqual({
      ok: true,
      set: { application: 'gax', sections: { general: { a: '1' } } },
    });
    const bad = optionSetFromJson({ kind: 'cs', system: { 'token-ttl': [1] } });
    expect(bad).toEqual({ ok: false, reason: '"system"."token-ttl" must be text, a number, true/false or null' });
    expect(optionSetFromJson([1]).ok).toBe(false);
    expect(optionSetFromJson({ kind: 'other' })).toMatchObject({ ok: false, reason: expect.stringContaining('not a CS or GAX profile') });
  });

  it('keep an option named __proto__ as an ordinary option', () => {
    const parsed = optionSetFromJson(JSON.parse('{"kind":"gax","general":{"__proto__":"x"}}'));
    expect(parsed.ok && Object.hasOwn(parsed.set.sections['general'] ?? {}, '__proto__')).toBe(true);
  });
});
