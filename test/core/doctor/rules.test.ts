/**
 * The rules' words and numbers, and their agreement with the token core: what the doctor predicts
 * for the next login is what `decide()` answers for a token GAX would mint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, mintToken } from '../../../src-main/core/index.js';
import { diagnose, preambleAmbiguity, type DoctorResult, type RuleId } from '../../../src-main/core/doctor/index.js';
import { csText, doctor, gaxText, one } from './diagnose-files.js';

const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';

const has = (r: DoctorResult, id: RuleId) => r.findings.some((f) => f.id === id);

describe('MODE_NOT_ENABLED and TOKEN_AUTH_UNUSED', () => {
  it('explain why every GAX login fails, and enable the CS', () => {
    const f = one(doctor('[system]\ntoken-authentication-mode=disable\n', '[general]\nconfserv_trusted=true\n'), 'MODE_NOT_ENABLED');
    expect(f).toMatchObject({ severity: 'error', application: 'cs', file: 'cs.cfg', line: 2, option: 'token-authentication-mode' });
    expect(f.message).toBe(
      'GAX logs in with tokens (confserv_trusted=true (line 2) in gax.cfg) but the CS has token-authentication-mode="disable" (line 2)',
    );
    expect(f.why).toContain("compares the token with the user's password as a plain password");
    expect(f.fix).toBe('[system]\ntoken-authentication-mode=enable\n# or, to go back to passwords: GAX [general] confserv_trusted=false');
  });

  it('say that GAX still sends passwords when only the CS is enabled', () => {
    const f = one(doctor('[system]\ntoken-authentication-mode=enable\n', '[general]\nconfserv_trusted=false\n'), 'TOKEN_AUTH_UNUSED');
    expect(f).toMatchObject({ severity: 'warning', application: 'gax', file: 'gax.cfg', line: 2 });
    expect(f.fix).toBe('[general]\nconfserv_trusted=true');
  });

  it('stay silent when both agree, either way', () => {
    for (const [cs, gax] of [
      ['enable', 'true'],
      ['disable', 'false'],
    ]) {
      const r = doctor(`[system]\ntoken-authentication-mode=${cs}\n`, `[general]\nconfserv_trusted=${gax}\n`);
      expect(has(r, 'MODE_NOT_ENABLED') || has(r, 'TOKEN_AUTH_UNUSED')).toBe(false);
    }
  });
});

describe('TTL_SHORTER_THAN_LIFE', () => {
  it('counts how long fresh tokens are refused, from the core window', () => {
    const r = doctor(csText({ 'token-ttl': 10 }), gaxText(30));
    const f = one(r, 'TTL_SHORTER_THAN_LIFE');
    expect(f.message).toBe('[system] token-ttl=10 (line 3) is shorter than GAX token_life_in_minutes=30 (line 3) in gax.cfg');
    // validFrom = exp − 10 min − 60 s, the token was minted at exp − 30 min: refused for 19 min
    expect(f.why).toContain('for its first 19 min it is refused as not yet valid (NOT_YET_VALID)');
    expect(f.fix.split('\n').slice(0, 2)).toEqual(['[system]', 'token-ttl=30']);
  });

  it('fires exactly when a token GAX just minted is NOT_YET_VALID at the CS (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 4000 }), (ttl, life, tol) => {
        const r = doctor(csText({ 'token-ttl': ttl, 'token-tolerance': tol }), gaxText(life));
        const iat = 1_767_225_600;
        const token = mintToken({ tokenUuid: UUID, username: 'default', iat, exp: iat + life * 60 });
        if (!token.ok) throw new Error(token.reason);
        const d = decide({
          value: token.value.token,
          tokenUuid: UUID,
          userName: 'default',
          now: iat,
          options: { tokenTtlMinutes: ttl, tokenToleranceSeconds: tol, gaxTokenLifeMinutes: life },
        });
        // as the files stand (a finding marked afterFixes follows from another fix, e.g. a lowered tolerance)
        const asGiven = r.findings.some((f) => f.id === 'TTL_SHORTER_THAN_LIFE' && !f.afterFixes);
        expect(asGiven).toBe(d.code === 'NOT_YET_VALID');
      }),
      { numRuns: 150 },
    );
  });

  it('needs both files', () => {
    const r = doctor(csText({ 'token-ttl': 10 }), null);
    expect(has(r, 'TTL_SHORTER_THAN_LIFE')).toBe(false);
    expect(one(r, 'OTHER_APPLICATION_MISSING').why).toContain('TTL_SHORTER_THAN_LIFE');
  });
});

describe('CLOCK_SKEW_EXCEEDS_TOLERANCE', () => {
  it('is an error exactly when a fresh token is refused at the CS clock (checked with decide)', () => {
    const configs = [
      { cs: csText({}), life: 20, options: { gaxTokenLifeMinutes: 20 } },
      { cs: csText({ 'token-tolerance': 300 }), life: 5, options: { gaxTokenLifeMinutes: 5, tokenToleranceSeconds: 300 } },
      { cs: csText({ 'token-ttl': 1440 }), life: 20, options: { gaxTokenLifeMinutes: 20, tokenTtlMinutes: 1440 } },
    ];
    for (const c of configs) {
      for (let offset = -2000; offset <= 2000; offset += 97) {
        const r = doctor(c.cs, gaxText(c.life), { clockOffsetSeconds: offset });
        const iat = 1_767_225_600;
        const token = mintToken({ tokenUuid: UUID, username: 'u', iat, exp: iat + c.life * 60 });
        if (!token.ok) throw new Error(token.reason);
        const d = decide({ value: token.value.token, tokenUuid: UUID, userName: 'u', now: iat + offset, options: c.options });
        const skew = r.findings.find((f) => f.id === 'CLOCK_SKEW_EXCEEDS_TOLERANCE');
        const tol = c.options.tokenToleranceSeconds ?? 60;
        expect(skew !== undefined, `offset ${offset}`).toBe(Math.abs(offset) > tol);
        if (skew) expect(skew.severity === 'error', `offset ${offset}: ${skew.why}`).toBe(d.code !== 'OK');
      }
    }
  });

  it('says which side is off, by how much, and what to do', () => {
    const behind = one(doctor(csText({}), gaxText(20), { clockOffsetSeconds: -150 }), 'CLOCK_SKEW_EXCEEDS_TOLERANCE');
    expect(behind.message).toBe("The CS clock is 2 min 30 s behind GAX's, more than token-tolerance (60 s)");
    expect(behind.why).toContain('not valid for another 90 s (NOT_YET_VALID)');
    expect(behind.fix).toContain('NTP');
    expect(behind.fix).toContain('token-tolerance=150 or more');
    const ahead = one(doctor(csText({}), gaxText(20), { clockOffsetSeconds: 150 }), 'CLOCK_SKEW_EXCEEDS_TOLERANCE');
    expect(ahead.severity).toBe('warning');
    expect(ahead.why).toContain('expires at the CS 90 s before GAX expects');
  });

  it('is not reported without a measured offset', () => {
    expect(has(doctor(csText({ 'token-tolerance': 1 }), gaxText(20)), 'CLOCK_SKEW_EXCEEDS_TOLERANCE')).toBe(false);
  });
});

describe('tolerance and life thresholds', () => {
  it.each([
    [0, null],
    [30, null],
    [29, 'TOLERANCE_TOO_SMALL'],
    [1, 'TOLERANCE_TOO_SMALL'],
    [300, null],
    [301, 'TOLERANCE_TOO_LARGE'],
  ] as const)('token-tolerance=%i → %s', (tol, id) => {
    const r = doctor(csText({ 'token-tolerance': tol }), gaxText(20));
    expect(r.findings.filter((f) => f.id.startsWith('TOLERANCE_')).map((f) => f.id)).toEqual(id ? [id] : []);
  });

  it.each([
    [60, false],
    [61, true],
  ])('token_life_in_minutes=%i → LIFE_TOO_LONG %s', (life, fires) => {
    expect(has(doctor(csText({ 'token-ttl': 0 }), gaxText(life)), 'LIFE_TOO_LONG')).toBe(fires);
  });
});

describe('preamble rules', () => {
  it.each([
    ['{PXZ}', null],
    ['{X}', null],
    ['<<GAX>>', null],
    ['#', 'only 1 character long'],
    ['{P', 'only 2 characters long'],
    ['GAX', 'only letters and digits'],
    ['Token2024', 'only letters and digits'],
    ['P@ss', 'common passwords begin with it'],
    ['!@#', 'common passwords begin with it'],
    ['Welc', 'common passwords begin with it'],
  ])('%j: %s', (preamble, reason) => {
    const found = preambleAmbiguity(preamble);
    if (reason === null) expect(found).toBeNull();
    else expect(found).toContain(reason);
  });

  it('reports an invalid preamble without also calling it ambiguous, and proposes the default', () => {
    const r = doctor(csText({ 'token-preambula': '"{ GAX }"' }), gaxText(20));
    const f = one(r, 'PREAMBLE_INVALID');
    expect(f.message).toBe(
      '[system] token-preambula="{ GAX }" (line 3): the preamble may hold only printable ASCII without spaces; character 2 is not',
    );
    expect(f.fix).toBe('[system]\ntoken-preambula={PXZ}');
    expect(has(r, 'PREAMBLE_AMBIGUOUS')).toBe(false);
  });
});

describe('structure rules', () => {
  it('moves a misspelt option to its real name and reports what follows from it', () => {
    const r = doctor('[system]\ntoken-authentication-mode=enable\ntoken_ttl=5\n', gaxText(20));
    const unknown = one(r, 'UNKNOWN_OPTION');
    expect(unknown.message).toBe('[system] token_ttl (line 3) is not a Genesys option; it looks like [system] token-ttl');
    expect(unknown.fix).toBe('# delete [system] token_ttl (line 3): misspelt token-ttl\n[system]\ntoken-ttl=5');
    const ttl = one(r, 'TTL_SHORTER_THAN_LIFE');
    expect(ttl.afterFixes).toBe(true);
    expect(r.corrected[0]?.text).toContain('token-ttl=20');
  });

  it('never repeats a token-uuid it moves, duplicates or finds malformed', () => {
    const r = doctor(
      `[confserv]\ntoken-uuid=${UUID}\n[system]\ntoken-authentication-mode=enable\n`,
      `[general]\nconfserv_trusted=true\ntoken-uuid=${UUID}\n`,
    );
    const moved = r.findings.find((f) => f.id === 'WRONG_SECTION' && f.file === 'cs.cfg')!;
    // no fix moves, deletes or writes a token-uuid: it says what to compare instead
    expect(moved.fix).toContain('# leave [confserv] token-uuid (line 2) in cs.cfg as it is for now');
    expect(moved.fix).toContain('# token-uuid is not written in cs.cfg by this tool');
    expect(moved.fix).toContain('last 4 characters only');
    expect(moved.fix).not.toMatch(/^# delete|^token-uuid=/m);
    const inGax = r.findings.find((f) => f.id === 'WRONG_SECTION' && f.file === 'gax.cfg')!;
    expect(inGax.why).toContain("In the tool's model GAX has no token-uuid option of its own");
    expect(inGax.source).toEqual({ kind: 'model', id: 'GAX-SIDE' });
    const dup = one(doctor(`[system]\ntoken-uuid=${UUID}\ntoken-uuid=${UUID.replace('3f', '4f')}\n`, null), 'DUPLICATE_OPTION');
    const bad = one(doctor(`[system]\ntoken-uuid=${UUID.slice(0, -1)}\n`, null), 'UUID_MALFORMED');
    // (the parsed files keep values, marked secret, for a view to mask; findings and corrected files never hold one)
    for (const x of [r, { findings: [dup], corrected: [] }, { findings: [bad], corrected: [] }])
      expect(JSON.stringify([x.findings, x.corrected])).not.toContain(UUID.slice(0, 20));
    expect(dup.why).toContain('token-uuid=(secret, not shown) (line 3)');
  });

  it("moves an option to the application it belongs to, without overriding that application's own intent", () => {
    const gax = '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=30\ntoken-ttl=45\n';
    const moved = doctor('[system]\ntoken-authentication-mode=enable\n', gax);
    expect(one(moved, 'WRONG_SECTION').fix).toBe(
      '# on the GAX application (gax.cfg):\n# delete [general] token-ttl (line 4): a CS option\n# on the CS application (cs.cfg):\n[system]\ntoken-ttl=45',
    );
    expect(moved.corrected.find((c) => c.application === 'cs')?.options.sections['system']?.['token-ttl']).toBe('45');
    const own = doctor('[system]\ntoken-authentication-mode=enable\ntoken_ttl=40\n', gax);
    expect(own.corrected.find((c) => c.application === 'cs')?.options.sections['system']?.['token-ttl']).toBe('40');
  });

  it('leaves unknown options that are not near a token option alone', () => {
    const r = doctor('[system]\ntoken-authentication-mode=enable\nforce-md5=false\nlast-login=true\n[log]\ntoken_verbose=1\n', gaxText(20));
    expect(r.findings.filter((f) => f.id === 'UNKNOWN_OPTION')).toEqual([]);
  });
});

describe('diagnose()', () => {
  it('takes option sets as well as text, and sorts findings by severity', () => {
    const r = diagnose({
      files: [
        {
          name: 'wizard CS',
          options: { application: 'cs', sections: { system: { 'token-authentication-mode': 'disable', 'token-tolerance': '5' } } },
        },
        { name: 'wizard GAX', options: { application: 'gax', sections: { general: { confserv_trusted: 'true' } } } },
      ],
    });
    expect(r.findings.map((f) => [f.id, f.severity, f.line])).toEqual([
      ['MODE_NOT_ENABLED', 'error', null],
      ['TOLERANCE_TOO_SMALL', 'warning', null],
    ]);
    expect(r.files.map((f) => f.format)).toEqual(['option-set', 'option-set']);
    expect(r.corrected[0]?.options).toEqual({
      application: 'cs',
      sections: { system: { 'token-authentication-mode': 'enable', 'token-tolerance': '60' } },
    });
  });

  it('reads the other files when one cannot be read, and names files apart', () => {
    const r = diagnose({
      files: [
        { name: 'opts.cfg', text: '[system]\ntoken-authentication-mode=enable\n' },
        { name: 'opts.cfg', text: '[general]\nconfserv_trusted=true\n' },
        { name: 'broken.cfg', text: '[system]\noops\n' },
      ],
    });
    expect(r.files.map((f) => f.name)).toEqual(['opts.cfg', 'opts.cfg (2)']);
    expect(r.errors.map((e) => e.message)).toEqual([
      'broken.cfg, line 2: this line is neither a [section] line, a name=value line nor a # comment: fix or delete it',
    ]);
    expect(r.corrected.map((c) => c.fileName)).toEqual(['opts.cfg', 'opts.cfg (2)']);
  });

  it('splits a profiles export into its CS and GAX profiles, and refuses a broken one in one line', () => {
    const text = JSON.stringify({
      format: 'gax-token-lab/profiles',
      profiles: [
        { kind: 'cs', name: 'A', options: { 'token-authentication-mode': 'disable' } },
        { kind: 'gax', name: 'A', options: { confserv_trusted: 'true' } },
        { kind: 'pair', name: 'A', csProfileId: 'x', gaxProfileId: 'y' },
      ],
    });
    const r = diagnose({ files: [{ name: 'export.json', text }] });
    expect(r.files.map((f) => [f.name, f.application])).toEqual([
      ['export.json › CS profile "A"', 'cs'],
      ['export.json › GAX profile "A"', 'gax'],
    ]);
    expect(one(r, 'MODE_NOT_ENABLED').file).toBe('export.json › CS profile "A"');
    const broken = diagnose({ files: [{ name: 'export.json', text: JSON.stringify({ profiles: [{ kind: 'cs', options: 5 }] }) }] });
    expect(broken.errors.map((e) => e.message)).toEqual(['export.json: profile 1: "options" must be an object of option names and values']);
    expect(diagnose({ files: [{ name: 'e.json', text: '{"profiles":[]}' }] }).errors[0]?.message).toBe(
      'e.json: the export holds no CS or GAX profile',
    );
  });
});
