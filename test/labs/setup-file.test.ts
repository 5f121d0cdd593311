// The lab setup file (`lab show --setup` / `lab check --config`) and the mapping to the mock CS's
// options: round trips, and one-line errors that name the field and never quote a secret.
import { describe, expect, it } from 'vitest';
import { cloneLabSetup, findScenario, LAB_SCENARIOS } from '../../src-main/core/labs/index.js';
import { checkLabSetup, labCsFromMockCs, labCsToMockCsOptions, labSetupToJson, parseLabSetup } from '../../src-main/labs/index.js';
import { parseMockCsOptions } from '../../src-main/mockcs/index.js';

const clockLab = findScenario('cs-clock-behind')!;
const UUID = clockLab.broken.cs.tokenUuid;

function edited(change: (v: Record<string, any>) => void): string {
  const v = JSON.parse(labSetupToJson(clockLab.broken)) as Record<string, any>;
  change(v);
  return JSON.stringify(v);
}

function errorOf(text: string): string {
  const r = parseLabSetup(text);
  if (r.ok) throw new Error('expected an error');
  expect(r.message.split('\n')).toHaveLength(1);
  return r.message;
}

describe('parseLabSetup / labSetupToJson', () => {
  it.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))('%s: the broken setup round-trips', (_, s) => {
    const text = labSetupToJson(s.broken);
    expect(text).toMatch(/^\{\n {2}"cs": \{\n {4}"tokenAuthenticationMode"/);
    expect(text.endsWith('}\n')).toBe(true);
    const back = parseLabSetup(text);
    expect(back).toEqual({ ok: true, setup: s.broken });
  });

  it('takes a UTF-8 byte order mark, as Windows editors write one', () => {
    expect(parseLabSetup(`\uFEFF${labSetupToJson(clockLab.broken)}`).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"cs": ', /^not valid JSON/],
    ['an array', '[]', /^the setup: must be a JSON object with "cs" and "gax"$/],
    ['an unknown top-level field', edited((v) => (v['extra'] = 1)), /^the setup: unknown field "extra"$/],
    ['a misspelt nested field', edited((v) => (v['gax']['tokenUUID'] = 'x')), /^gax: unknown field "tokenUUID"$/],
    ['a missing field', edited((v) => delete v['cs']['passwordFieldLimit']), /^cs\.passwordFieldLimit: is missing$/],
    ['a wrong type', edited((v) => (v['cs']['tokenToleranceSeconds'] = '60')), /^cs\.tokenToleranceSeconds: must be a whole number/],
    ['a bad mode', edited((v) => (v['cs']['tokenAuthenticationMode'] = 'on')), /^cs\.tokenAuthenticationMode: must be "enable" or "disable"$/],
    ['a bad preamble', edited((v) => (v['gax']['preamble'] = '{P X}')), /^gax\.preamble: the preamble may hold only printable ASCII/],
    ['a user twice', edited((v) => v['cs']['users'].push({ userName: 'rnaidoo', enabled: true })), /^cs\.users: "rnaidoo" appears twice$/],
    [
      'a bad token source',
      edited((v) => (v['gax']['tokenSource'] = { kind: 'steal' })),
      /^gax\.tokenSource\.kind: must be \{"kind":"mint"\} or \{"kind":"replay"/,
    ],
    ['a replay without its times', edited((v) => (v['gax']['tokenSource'] = { kind: 'replay' })), /^gax\.tokenSource\.issuedMinutesAgo: is missing/],
    [
      'a known option as an extra option',
      edited((v) => (v['cs']['extraOptions'] = { 'token-ttl': '20' })),
      /^cs\.extraOptions: "token-ttl" is an option the CS knows: set cs\.tokenTtlMinutes instead$/,
    ],
    [
      'an extra option value with a line break',
      edited((v) => (v['cs']['extraOptions'] = { 'token-preamble': 'a\nb' })),
      /^cs\.extraOptions: the value of "token-preamble" holds a line break/,
    ],
    ['an empty password', edited((v) => (v['gax']['password'] = '')), /^gax\.password: is empty/],
    ['a clock ten years off', edited((v) => (v['gax']['clockOffsetSeconds'] = -4e8)), /^gax\.clockOffsetSeconds: is more than ten years behind$/],
  ])('%s → one line naming the field', (_, text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });

  it('never quotes a token-uuid or a password, even when they are what is wrong', () => {
    const almost = `${UUID.slice(0, -1)}z`;
    const m1 = errorOf(edited((v) => (v['cs']['tokenUuid'] = almost)));
    expect(m1).toMatch(/^cs\.tokenUuid: is not a UUID: /);
    expect(m1).not.toContain(UUID.slice(0, 8));
    const m2 = errorOf(edited((v) => (v['gax']['tokenUuid'] = 42)));
    expect(m2).toBe('gax.tokenUuid: must be text');
    const m3 = errorOf(`{"cs": {"tokenUuid": "${UUID}", "password": "Sesame-42"`);
    expect(m3).not.toContain(UUID.slice(0, 8));
    expect(m3).not.toContain('Sesame');
    const m4 = errorOf(edited((v) => (v['cs']['users'][0]['password'] = 'x'.repeat(2000))));
    expect(m4).toBe('cs.users[0].password: is longer than 1024 characters');
  });

  it('checkLabSetup takes a value (IPC, tests) and refuses junk without throwing', () => {
    expect(checkLabSetup(cloneLabSetup(clockLab.broken)).ok).toBe(true);
    for (const junk of [null, undefined, 42, 'x', { cs: null, gax: null }]) expect(checkLabSetup(junk).ok).toBe(false);
  });
});

describe('labCsToMockCsOptions / labCsFromMockCs', () => {
  it.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))('%s: the mock CS takes the CS side, and reads back as it', (_, s) => {
    const options = labCsToMockCsOptions(s.broken.cs);
    expect(options).not.toHaveProperty('extraOptions');
    const parsed = parseMockCsOptions(options);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.options.tokenAuthenticationMode).toBe(s.broken.cs.tokenAuthenticationMode);
    expect(parsed.options.clockOffsetSeconds).toBe(s.broken.cs.clockOffsetSeconds);
    expect(labCsFromMockCs(parsed.options, s.broken.cs.tokenUuid, s.broken.cs.extraOptions)).toEqual(s.broken.cs);
  });

  it('the misspelt option is not a mock CS option: token authentication stays off', () => {
    const options = labCsToMockCsOptions(findScenario('misspelt-mode-option')!.broken.cs);
    expect(options.tokenAuthenticationMode).toBe('disable');
    expect(JSON.stringify(options)).not.toContain('authentification');
  });
});
