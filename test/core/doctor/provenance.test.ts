/**
 * Whose word each finding is, and what that allows: every rule and every finding names a known
 * source; only a Genesys source can make an ERROR; no fix touches a token-uuid; the wrong claims
 * of issue 12 stay corrected; whole deployments are read as such; what was not checked is said.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULE_INFO, decodeOptionBytes, diagnose, type DoctorResult, type RuleId } from '../../../src-main/core/doctor/index.js';
import { OPTION_DEFINITIONS } from '../../../src-main/core/options/index.js';
import { isKnownSource } from '../../../src-main/core/sources.js';
import { parseTokenUuid } from '../../../src-main/core/uuid.js';

const root = fileURLToPath(new URL('../../fixtures/options/', import.meta.url));
const SECRET = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';

/** Every readable fixture folder, its files diagnosed together as one deployment. */
function fixtureSets(): { name: string; result: DoctorResult; revealed: DoctorResult; texts: Map<string, string> }[] {
  return readdirSync(root)
    .filter((d) => d !== 'unreadable' && statSync(root + d).isDirectory())
    .map((d) => {
      const names = readdirSync(root + d).filter((f) => !f.endsWith('.json') || d.includes('profile'));
      const texts = new Map(names.map((f) => [f, decodeOptionBytes(readFileSync(`${root}${d}/${f}`)).text]));
      const files = names.map((f) => ({ name: f, ...decodeOptionBytes(readFileSync(`${root}${d}/${f}`)) }));
      const users = ['default', 'integration.service.account@example.com'];
      return { name: d, result: diagnose({ files, users }), revealed: diagnose({ files, users, revealSecrets: true }), texts };
    });
}
const sets = fixtureSets();

const deployment = () => sets.find((s) => s.name === 'deployment')!.result;
const of = (r: DoctorResult, id: RuleId) => r.findings.filter((f) => f.id === id);

describe('every rule and every finding names its source', () => {
  it('each rule id has a known source in RULE_INFO, and only Genesys rules may be errors', () => {
    expect(Object.keys(RULE_INFO).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      expect(isKnownSource(RULE_INFO[id].source), id).toBe(true);
      if (RULE_INFO[id].severity === 'error') expect(RULE_INFO[id].source.kind, id).toBe('genesys');
    }
    for (const d of OPTION_DEFINITIONS) expect(isKnownSource(d.source), d.name).toBe(true);
  });

  it('every finding of every fixture carries a known source, and no ERROR rests on the model or advice alone', () => {
    expect(sets.length).toBeGreaterThanOrEqual(25);
    for (const s of sets)
      for (const f of s.result.findings) {
        expect(isKnownSource(f.source), `${s.name}: ${f.id}`).toBe(true);
        if (f.severity === 'error') expect(f.source.kind, `${s.name}: ${f.id} ${f.message}`).toBe('genesys');
      }
  });
});

describe('no fix touches a token-uuid', () => {
  it('no fix sets, unsets or deletes a token-uuid line, and every corrected file keeps the value it had', () => {
    for (const s of sets) {
      for (const f of s.result.findings) {
        expect(f.fix, `${s.name}: ${f.id}`).not.toMatch(/^token-uuid=|^# token-uuid=…|^# delete \[[^\]]*\] token[-_]?uuid/im);
      }
      for (const c of s.revealed.corrected) {
        const was = s.revealed.files.find((f) => f.name === c.fileName);
        const original = was?.sections
          .find((x) => x.name === 'system')
          ?.options.filter((o) => o.name === 'token-uuid')
          .pop()?.value;
        expect(c.options.sections['system']?.['token-uuid'], `${s.name}: ${c.fileName}`).toBe(original);
      }
    }
  });

  it('32 hex digits without dashes is a model warning whose fix says how to compare, masked', () => {
    const r = diagnose({ files: [{ name: 'cs.cfg', text: `[system]\ntoken-authentication-mode=enable\ntoken-uuid=${SECRET.replace(/-/g, '')}\n` }] });
    const [f] = of(r, 'UUID_MALFORMED');
    expect(f).toMatchObject({ severity: 'warning', source: { kind: 'model', id: 'PXZ-1' } });
    expect(f!.fix).toMatch(
      /^# compare the token-uuid GAX signs with and the CS's on the hosts themselves \(last 4 characters only, never pasted anywhere public\)/,
    );
    expect(JSON.stringify(r.findings)).not.toContain(SECRET.replace(/-/g, '').slice(0, 12));
  });
});

const cs = (extra: string) => ({ name: 'cs.cfg', text: `[system]\ntoken-authentication-mode=enable\n${extra}` });
const gax = (extra: string) => ({ name: 'gax.cfg', text: `[general]\nconfserv_trusted=true\n${extra}` });

describe('the wrong claims of issue 12, corrected', () => {
  it('PREAMBLE_INVALID is a model warning, not a Genesys rule', () => {
    const [f] = of(diagnose({ files: [cs('token-preambula={THIS-PREAMBLE-IS-LONG}\n')] }), 'PREAMBLE_INVALID');
    expect(f).toMatchObject({ severity: 'warning', source: { kind: 'model', id: 'PXZ-1' } });
    expect(f!.why).toContain("the tool's reference token format (PXZ-1), not a published one");
  });

  it('token_life_in_minutes=0 is not an error: the CS Proxy page reads 0 as unset', () => {
    const r = diagnose({ files: [cs(''), gax('token_life_in_minutes=0\n')] });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const [f] = r.findings.filter((x) => x.option === 'token_life_in_minutes');
    expect(f).toMatchObject({ severity: 'warning', source: { kind: 'advice' } });
    expect(f!.why).toContain('reads token_life_in_minutes=0 as unset');
  });

  it("names no published disable, no confserv_trusted default, no byte-for-byte compare, and the Password field as the GAX interface's", () => {
    const all = sets.flatMap((s) => s.result.findings.map((f) => `${f.message}\n${f.why}\n${f.fix}`)).join('\n');
    expect(all).not.toMatch(/accepts only enable or disable|default: disable|defaults to false|default: false/);
    expect(all).not.toMatch(/byte for byte|case included/);
    expect(all).not.toMatch(/a real CS holds|the CS's Password field/);
    const catalog = OPTION_DEFINITIONS.map((d) => `${d.summary} ${d.accepts} ${d.defaultMeaning}`).join('\n');
    expect(catalog).toContain('Password field of the GAX interface');
    for (const d of OPTION_DEFINITIONS) {
      const immediate = /takes? effect immediately/i.test(d.summary);
      expect(immediate, d.name).toBe(d.name === 'token-tolerance' || d.name === 'token-ttl');
      if (immediate) expect(d.summary).toContain('Documented for Configuration Server Proxy');
    }
  });
});

describe('the corrected files are one consistent set', () => {
  it('token-ttl is raised to the life GAX will have once corrected, and the set reads back with nothing to fix', () => {
    const r = diagnose({ files: [cs('token-ttl=10\n'), gax('token_life_in_minutes=120\n')] });
    expect(r.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['TTL_SHORTER_THAN_LIFE', 'LIFE_TOO_LONG']));
    const [csFixed, gaxFixed] = r.corrected;
    expect(csFixed!.options.sections['system']?.['token-ttl']).toBe('60');
    expect(gaxFixed!.options.sections['general']?.['token_life_in_minutes']).toBe('60');
    const again = diagnose({ files: r.corrected.map((c) => ({ name: c.fileName, text: c.text })) });
    expect(again.findings.filter((f) => f.severity !== 'info').map((f) => f.id)).toEqual([]);
  });
});

describe('a whole deployment', () => {
  it("states each file's role and the reason", () => {
    const roles = Object.fromEntries(deployment().files.map((f) => [f.name, [f.role, f.roleReason]]));
    expect(roles['primary-cs.cfg']?.[0]).toBe('cs');
    expect(roles['backup-cs.cfg']?.[0]).toBe('cs');
    expect(roles['csproxy.conf']).toEqual(['csproxy', 'it has a [csproxy] section']);
    expect(roles['gax.conf']?.[0]).toBe('gax');
    expect(roles['confserv.cfg']?.[0]).toBe('cs-local-config');
    expect(roles['confserv.cfg']?.[1]).toContain('Configuration Database connection');
  });

  it('CS_OPTIONS_DIFFER: one finding per option, both files, both values, the token-uuid masked', () => {
    const differ = of(deployment(), 'CS_OPTIONS_DIFFER');
    expect(differ.map((f) => f.option).sort()).toEqual(['token-authentication-mode', 'token-ttl', 'token-uuid']);
    for (const f of differ) {
      expect(f.message).toContain('primary-cs.cfg and backup-cs.cfg disagree');
      expect(f.why).toContain('switchover to the backup');
      expect(f.severity).toBe('warning');
    }
    const uuid = differ.find((f) => f.option === 'token-uuid')!;
    expect(uuid.message).toBe(
      `primary-cs.cfg and backup-cs.cfg disagree on [system] token-uuid: primary-cs.cfg has ••••••••-••••-••••-••••-••••••••${SECRET.slice(-4)} (line 14), backup-cs.cfg has it not set (the value the primary master CS generated)`,
    );
    expect(uuid.source).toEqual({ kind: 'model', id: 'GAX-SIDE' });
    expect(differ.find((f) => f.option === 'token-ttl')!.message).toContain('primary-cs.cfg has 30 (line 15), backup-cs.cfg has it not set');
    // the proxy agrees with the primary, and the local file holds no token options to compare
    expect(differ.every((f) => f.file === 'backup-cs.cfg')).toBe(true);
  });

  it('CS_LOCAL_CONFIG_FILE says what the file is and what the doctor cannot see; it is not paired with GAX', () => {
    const r = deployment();
    const [f] = of(r, 'CS_LOCAL_CONFIG_FILE');
    expect(f).toMatchObject({ severity: 'info', file: 'confserv.cfg', source: { kind: 'genesys', id: 'CS-SYSTEM' } });
    expect(f!.why).toContain('the doctor cannot see what this CS runs with');
    expect(r.findings.filter((x) => x.file === 'confserv.cfg' && x.id !== 'CS_LOCAL_CONFIG_FILE')).toEqual([]);
    const withSystem = sets.find((s) => s.name === 'local-with-system')!.result;
    expect(of(withSystem, 'CS_LOCAL_CONFIG_FILE')[0]!.why).toContain("the values used for this CS are confserv.conf's");
  });

  it('TTL_LOOKS_LIKE_SECONDS gives both readings, and its fix does not undercut the token life', () => {
    const r = sets.find((s) => s.name === 'ttl-seconds')!.result;
    const [f] = of(r, 'TTL_LOOKS_LIKE_SECONDS');
    expect(f!.message).toContain('token-ttl=3600 (line 3) reads like seconds next to a token life of 60 min');
    expect(f!.message).toMatch(/as minutes it is 60 h.*as seconds 60 min|as minutes it is 2 d.*as seconds 1 h/);
    expect(f!.fix).toBe('[system]\ntoken-ttl=60');
    const cases: [number, number, boolean][] = [
      [1440, 30, false], // the published default
      [3599, 60, false],
      [3600, 60, true],
      [7200, 20, true],
      [3660, 61, true], // 61 × 60: the life in seconds
      [3660, 62, false],
    ];
    for (const [ttl, life, fires] of cases) {
      const x = diagnose({ files: [cs(`token-ttl=${ttl}\n`), gax(`token_life_in_minutes=${life}\n`)] });
      const asGiven = of(x, 'TTL_LOOKS_LIKE_SECONDS').filter((f) => !f.afterFixes);
      expect(asGiven.length > 0, `ttl ${ttl}, life ${life}`).toBe(fires);
    }
    const long = diagnose({ files: [cs('token-ttl=7200\n'), gax('token_life_in_minutes=180\n')] });
    expect(of(long, 'TTL_LOOKS_LIKE_SECONDS')[0]!.fix).toContain('token-ttl=120 would be shorter than the token life (180 min)');
  });

  it('says what was not checked, first the token-uuid GAX signs with; clocks only when no offset was given', () => {
    const r = deployment();
    expect(r.notChecked[0]).toMatch(/^the token-uuid GAX signs with/);
    expect(r.notChecked.join('\n')).toMatch(/clocks[\s\S]*TLS[\s\S]*lockout[\s\S]*running CS/);
    const withClock = diagnose({ files: [cs(''), gax('')], clockOffsetSeconds: 2, users: ['default'] });
    expect(withClock.notChecked.join('\n')).not.toMatch(/clocks|--users/);
    expect(withClock.notChecked[0]).toMatch(/^the token-uuid GAX signs with/);
  });

  it('reads a UTF-16 LE export with a BOM and CRLF', () => {
    const backup = deployment().files.find((f) => f.name === 'backup-cs.cfg')!;
    expect(backup.normalised.map((n) => n.kind)).toEqual(expect.arrayContaining(['encoding', 'bom', 'crlf']));
    expect(parseTokenUuid(SECRET).ok).toBe(true);
  });
});
