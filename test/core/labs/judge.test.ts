// The judge alone (pure): given a setup and how the login went, which problems does it name?
// The end-to-end checks with real logins are in test/labs/scenario-checks.test.ts.
import { describe, expect, it } from 'vitest';
import { isKnownSource } from '../../../src-main/core/sources.js';
import { cloneLabSetup, findScenario, judgeFix, type LabCheckResult, type LabScenario, type LabSetup } from '../../../src-main/core/labs/index.js';

const TOKEN_OK: LabCheckResult['login'] = { outcome: 'accepted', code: 'OK', message: 'registered', authMethod: 'token' };

function scenario(id: string): LabScenario {
  const s = findScenario(id);
  if (!s) throw new Error(`no lab ${id}`);
  return s;
}

/** The lab's setup with the intended fix for its fault, so only `change` can make it wrong. */
function fixedSetup(id: string, change: (s: LabSetup) => void = () => {}): LabSetup {
  const s = cloneLabSetup(scenario(id).broken);
  if (id === 'user-disabled') s.cs.users[0]!.enabled = true;
  if (id === 'cs-mode-disabled') s.cs.tokenAuthenticationMode = 'enable';
  change(s);
  return s;
}

const ids = (p: { id: string }[]) => p.map((x) => x.id);

describe('judgeFix: the login', () => {
  it('a token login with nothing weakened is solved', () => {
    expect(judgeFix(scenario('user-disabled'), fixedSetup('user-disabled'), TOKEN_OK)).toEqual([]);
  });

  it('a refusal names the code once, with the reason', () => {
    const p = judgeFix(scenario('user-disabled'), fixedSetup('user-disabled'), {
      outcome: 'rejected',
      code: 'USER_DISABLED',
      message: 'the server refused the login: USER_DISABLED — the token is valid, but the account "kwilson" is disabled',
    });
    expect(p).toEqual([
      {
        id: 'login-failed',
        message: 'GAX\'s login is still refused with USER_DISABLED: the token is valid, but the account "kwilson" is disabled.',
        source: { kind: 'model', id: 'CSMOCK-1' },
      },
    ]);
  });

  it('no decision at all (unreachable, timeout) is a failed login too', () => {
    const p = judgeFix(scenario('user-disabled'), fixedSetup('user-disabled'), { outcome: 'unreachable', message: 'connection refused' });
    expect(p[0]).toEqual({
      id: 'login-failed',
      message: "GAX's login did not get a decision from the CS (unreachable): connection refused.",
      source: { kind: 'model', id: 'CSMOCK-1' },
    });
  });

  it('a password login is not a fix, even when accepted', () => {
    const p = judgeFix(scenario('user-disabled'), fixedSetup('user-disabled'), { ...TOKEN_OK, authMethod: 'password' });
    expect(ids(p)).toEqual(['password-login']);
    expect(p[0]!.message).toMatch(/token-authentication-mode=enable.*confserv_trusted=true/);
  });
});

describe('judgeFix: the general rules, each naming its option', () => {
  const cases: [string, (s: LabSetup) => void, string, RegExp][] = [
    ['token auth off on the CS', (s) => void (s.cs.tokenAuthenticationMode = 'disable'), 'token-auth-off', /token-authentication-mode is not enable/],
    ['GAX not trusted', (s) => void (s.gax.confservTrusted = false), 'gax-not-trusted', /confserv_trusted is false/],
    ['another login user', (s) => void (s.gax.userName = 'tnguyen'), 'wrong-user', /logs in as "tnguyen", but the lab is about "kwilson"/],
    [
      'a token for another user',
      (s) => void (s.gax.tokenUserName = 'tnguyen'),
      'token-for-other-user',
      /minted for "tnguyen" but it logs in as "kwilson"/,
    ],
    [
      'a replayed token',
      (s) => void (s.gax.tokenSource = { kind: 'replay', issuedMinutesAgo: 2, lifeMinutes: 20 }),
      'replayed-token',
      /minted 2 min ago/,
    ],
    ['token-tolerance 301 s', (s) => void (s.cs.tokenToleranceSeconds = 301), 'tolerance-too-wide', /token-tolerance is 301 s, above 300 s/],
    [
      'token-ttl 41 min for 20-minute tokens',
      (s) => void (s.cs.tokenTtlMinutes = 41),
      'ttl-too-long',
      /token-ttl is 41 min, far above GAX token_life_in_minutes \(20 min\)/,
    ],
    [
      'the Password field widened',
      (s) => void (s.cs.passwordFieldLimit = 65),
      'field-limit-raised',
      /65 bytes.*Password field of the GAX interface as approximately 64/,
    ],
    [
      'the CS clock 61 s ahead',
      (s) => void (s.cs.clockOffsetSeconds = 61),
      'cs-clock-off',
      /CS host's clock is 61 s ahead of real time, more than 60 s/,
    ],
    ['the GAX clock 2 min behind', (s) => void (s.gax.clockOffsetSeconds = -120), 'gax-clock-off', /GAX host's clock is 2 min behind real time/],
    [
      'the CS reading another token life',
      (s) => void (s.cs.gaxTokenLifeMinutes = 30),
      'life-out-of-sync',
      /reads GAX's token_life_in_minutes as 30 min but GAX \[general\] token_life_in_minutes is 20/,
    ],
  ];
  it.each(cases)('%s', (_, change, id, message) => {
    const p = judgeFix(scenario('user-disabled'), fixedSetup('user-disabled', change), TOKEN_OK);
    expect(ids(p)).toEqual([id]);
    expect(p[0]!.message).toMatch(message);
    expect(p[0]!.message).toMatch(/\.$/);
    expect(isKnownSource(p[0]!.source)).toBe(true);
  });

  it('says whose word each rule is: published ones name their Genesys page, judgements are advice', () => {
    const judged = (change: (s: LabSetup) => void) => judgeFix(scenario('user-disabled'), fixedSetup('user-disabled', change), TOKEN_OK)[0]!;
    expect(judged((s) => void (s.gax.confservTrusted = false)).source).toEqual({ kind: 'genesys', id: 'GAX-SECURE' });
    expect(judged((s) => void (s.cs.tokenToleranceSeconds = 900)).source).toEqual({ kind: 'advice', id: 'TOOL-ADVICE' });
    expect(judged((s) => void (s.cs.gaxTokenLifeMinutes = 30)).source).toEqual({ kind: 'genesys', id: 'CSP-SYSTEM' });
  });

  it('accepts what is within bounds: token-tolerance 300, token-ttl twice the life, clocks within token-tolerance, token-ttl unset', () => {
    const p = judgeFix(
      scenario('user-disabled'),
      fixedSetup('user-disabled', (s) => {
        s.cs.tokenToleranceSeconds = 300;
        s.cs.tokenTtlMinutes = 40;
        s.cs.clockOffsetSeconds = -290;
        s.gax.clockOffsetSeconds = 250;
        s.gax.tokenUserName = s.gax.userName;
      }),
      TOKEN_OK,
    );
    expect(p).toEqual([]);
    expect(
      judgeFix(
        scenario('user-disabled'),
        fixedSetup('user-disabled', (s) => void (s.cs.gaxTokenLifeMinutes = null)),
        TOKEN_OK,
      ),
    ).toEqual([]);
  });
});

describe("judgeFix: each scenario's own rules", () => {
  it('backup lab: the primary keeps its token-uuid (any spelling of it), the backup takes it, and no value is quoted', () => {
    const lab = scenario('backup-cs-token-uuid');
    const same = fixedSetup('backup-cs-token-uuid', (s) => {
      s.gax.tokenUuid = `{${s.gax.tokenUuid.toUpperCase()}}`;
      s.cs.tokenUuid = s.gax.tokenUuid;
    });
    expect(judgeFix(lab, same, TOKEN_OK)).toEqual([]);
    const moved = fixedSetup('backup-cs-token-uuid', (s) => void (s.gax.tokenUuid = s.cs.tokenUuid));
    const p = judgeFix(lab, moved, TOKEN_OK);
    expect(ids(p)).toEqual(['primary-token-uuid-changed']);
    expect(p[0]!.message).not.toMatch(/[0-9a-f]{8}-/);
    // Where the lab's CS is the primary, GAX follows its token-uuid: changing it is no fault of the judge's.
    expect(
      judgeFix(
        scenario('user-disabled'),
        fixedSetup('user-disabled', (s) => {
          s.cs.users.find((u) => u.userName === 'kwilson')!.enabled = true;
          s.cs.tokenUuid = '0d9e6b7a-1c2f-4e3d-9a8b-7c6d5e4f3a21';
        }),
        TOKEN_OK,
      ),
    ).toEqual([]);
  });

  it('CS clock lab: a CS clock hidden by a wider (but fair) token-tolerance is still wrong, and named once', () => {
    const lab = scenario('cs-clock-behind');
    const hidden = fixedSetup('cs-clock-behind', (s) => {
      s.cs.clockOffsetSeconds = -240;
      s.cs.tokenToleranceSeconds = 300;
    });
    expect(ids(judgeFix(lab, hidden, TOKEN_OK))).toEqual(['cs-clock-off']);
    const far = fixedSetup('cs-clock-behind', (s) => void (s.cs.tokenToleranceSeconds = 300));
    expect(ids(judgeFix(lab, far, TOKEN_OK))).toEqual(['cs-clock-off']);
    // The same hidden clock in a lab that is not about clocks passes the general rule.
    expect(
      judgeFix(
        scenario('user-disabled'),
        fixedSetup('user-disabled', (s) => {
          s.cs.clockOffsetSeconds = -240;
          s.cs.tokenToleranceSeconds = 300;
        }),
        TOKEN_OK,
      ),
    ).toEqual([]);
  });

  it('TTL lab: token-ttl below the token life is named even if a wider token-tolerance lets the login in', () => {
    const p = judgeFix(scenario('ttl-shorter-than-life'), cloneLabSetup(scenario('ttl-shorter-than-life').broken), TOKEN_OK);
    expect(ids(p)).toEqual(['ttl-below-life']);
    expect(p[0]!.message).toMatch(/token-ttl \(10 min\) is still shorter than GAX token_life_in_minutes \(20 min\)/);
  });

  it("preamble lab: the CS's preamble, which GAX follows, short enough for the lab user", () => {
    const lab = scenario('preamble-too-long');
    const broken = cloneLabSetup(lab.broken);
    expect(ids(judgeFix(lab, broken, TOKEN_OK))).toEqual(['preamble-too-long']);
    // GAX has no preamble of its own (GAX-SIDE): a value on its side changes nothing.
    broken.gax.preamble = '{PXZ}';
    expect(ids(judgeFix(lab, broken, TOKEN_OK))).toEqual(['preamble-too-long']);
    broken.cs.tokenPreambula = '{PXZ}';
    expect(judgeFix(lab, broken, TOKEN_OK)).toEqual([]);
  });

  it('misspelt option lab: a near miss of a token option is named; an unrelated extra option is not', () => {
    const lab = scenario('misspelt-mode-option');
    const s = cloneLabSetup(lab.broken);
    s.cs.tokenAuthenticationMode = 'enable';
    expect(judgeFix(lab, s, TOKEN_OK)).toEqual([
      {
        id: 'misspelt-option',
        message:
          'The CS still has the option "token-authentification-mode", which is not an option Genesys publishes (the mock CS ignores it): delete it (the option is token-authentication-mode).',
        source: { kind: 'advice', id: 'TOOL-ADVICE' },
      },
    ]);
    s.cs.extraOptions = { 'dbserver-timeout': '30' };
    expect(judgeFix(lab, s, TOKEN_OK)).toEqual([]);
    s.cs.extraOptions = { token_ttl: '20' };
    expect(judgeFix(lab, s, TOKEN_OK)[0]?.message).toMatch(/"token_ttl".*the option is token-ttl/);
  });
});
