// The labs as data: every scenario is complete and teaches what its story says, and the pure part
// stays pure (the renderer imports it).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/core/doctor/index.js';
import { isKnownSource, longestUsernameBytes, parseTokenUuid, passwordFieldFit } from '../../../src-main/core/index.js';
import {
  cloneLabSetup,
  findScenario,
  gaxSigning,
  LAB_SCENARIOS,
  labCsOptionsText,
  labGaxOptionsText,
  SCENARIO_RULES,
  type LabTool,
} from '../../../src-main/core/labs/index.js';
import { CSMOCK_ERROR_CODES } from '../../../src-main/mockcs/protocol.js';

// The nine faults of issue 7, the token-uuid and misspelt-option ones reworked to the tool's one model
// of GAX's side (GAX-SIDE: it signs with the primary CS's token-uuid and preamble, it has none of its own).
const REQUIRED = [
  'cs-mode-disabled',
  'backup-cs-token-uuid',
  'cs-clock-behind',
  'ttl-shorter-than-life',
  'expired-token-replayed',
  'preamble-too-long',
  'token-for-another-user',
  'user-disabled',
  'misspelt-mode-option',
];
const VIEWS: readonly LabTool[] = ['setup', 'tokens', 'server', 'connect', 'doctor'];
const GENESYS_NAMES = /token-authentication-mode|token-preambula|token-uuid|token-tolerance|token-ttl|confserv_trusted|token_life_in_minutes/;

describe('LAB_SCENARIOS', () => {
  it('holds the nine labs of issue 7 (and more), with unique kebab-case ids', () => {
    const ids = LAB_SCENARIOS.map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))('%s is complete', (_, s) => {
    expect(s.title.length).toBeGreaterThan(10);
    const sentences = s.story.split(/(?<=[.!?])\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(s.hints).toHaveLength(3);
    for (const h of s.hints) expect(h.text.length).toBeGreaterThan(20);
    expect(new Set(s.hints.map((h) => h.text)).size).toBe(3);
    expect(s.explanation.text).toMatch(GENESYS_NAMES);
    expect(s.explanation.text).toContain(s.brokenCode);
    expect(s.solution.text.length).toBeGreaterThan(10);
    // Every text says whose word it is, and a Genesys one names a Genesys document.
    for (const source of [s.storySource, ...s.hints.map((h) => h.source), s.explanation.source, s.solution.source])
      expect(isKnownSource(source), JSON.stringify(source)).toBe(true);
    // Nothing sets a token-uuid or preamble on GAX: those are the primary CS's (GAX-SIDE).
    for (const t of [s.story, ...s.hints.map((h) => h.text), s.explanation.text, s.solution.text]) {
      expect(t).not.toMatch(/GAX's token-uuid|token-uuid (on|to) GAX|same preamble on both sides|a real CS holds|never looks like/i);
    }
    expect(['primary', 'backup']).toContain(s.csRole);
    expect(s.tools.length).toBeGreaterThanOrEqual(2);
    for (const t of s.tools) {
      expect(VIEWS).toContain(t.view);
      expect(t.why.length).toBeGreaterThan(10);
    }
    expect(CSMOCK_ERROR_CODES).toContain(s.brokenCode);
    expect(s.fixIn.length).toBeGreaterThan(0);
    for (const r of s.rules) expect(Object.keys(SCENARIO_RULES)).toContain(r);
  });

  it('uses a valid, distinct training token-uuid per lab', () => {
    const canon = LAB_SCENARIOS.map((s) => {
      const p = parseTokenUuid(s.broken.cs.tokenUuid);
      expect(p.ok).toBe(true);
      return p.ok ? p.canonical : '';
    });
    expect(new Set(canon).size).toBe(LAB_SCENARIOS.length);
    for (const s of LAB_SCENARIOS) expect(parseTokenUuid(s.broken.gax.tokenUuid).ok).toBe(true);
  });

  it('breaks exactly what each story says', () => {
    const get = (id: string) => findScenario(id)!.broken;
    expect(get('cs-mode-disabled').cs.tokenAuthenticationMode).toBe('disable');
    expect(get('cs-mode-disabled').gax.confservTrusted).toBe(true);
    // The backup's token-uuid is not the primary's, which GAX signs with; every other lab's CS is the primary.
    const backup = findScenario('backup-cs-token-uuid')!;
    expect(backup.csRole).toBe('backup');
    expect(gaxSigning(backup, backup.broken).tokenUuid).not.toBe(backup.broken.cs.tokenUuid);
    for (const s of LAB_SCENARIOS.filter((x) => x.id !== backup.id)) {
      expect(s.csRole).toBe('primary');
      expect(gaxSigning(s, s.broken)).toMatchObject({ tokenUuid: s.broken.cs.tokenUuid, preamble: s.broken.cs.tokenPreambula });
    }
    const clock = get('cs-clock-behind');
    expect(clock.cs.clockOffsetSeconds).toBe(-600);
    expect(clock.cs.tokenToleranceSeconds).toBeNull(); // the default 60 s
    const ttl = get('ttl-shorter-than-life');
    expect(ttl.cs.tokenTtlMinutes!).toBeLessThan(ttl.gax.tokenLifeMinutes);
    const replay = get('expired-token-replayed').gax.tokenSource;
    expect(replay.kind === 'replay' && replay.issuedMinutesAgo > replay.lifeMinutes).toBe(true);
    const long = get('preamble-too-long');
    expect(long.cs.tokenPreambula).toBe(long.gax.preamble);
    expect(passwordFieldFit(long.cs.tokenPreambula, long.gax.userName).fits).toBe(false);
    expect(long.cs.users.some((u) => u.userName !== long.gax.userName && passwordFieldFit(long.cs.tokenPreambula, u.userName).fits)).toBe(true);
    expect(longestUsernameBytes('{PXZ}')).toBeGreaterThanOrEqual(Buffer.byteLength(long.gax.userName));
    const other = get('token-for-another-user');
    expect(other.gax.tokenUserName).toBeDefined();
    expect(other.gax.tokenUserName).not.toBe(other.gax.userName);
    expect(other.cs.users.map((u) => u.userName)).toEqual(expect.arrayContaining([other.gax.userName, other.gax.tokenUserName]));
    const disabled = get('user-disabled');
    expect(disabled.cs.users.find((u) => u.userName === disabled.gax.userName)?.enabled).toBe(false);
    const misspelt = get('misspelt-mode-option');
    expect(misspelt.cs.extraOptions).toEqual({ 'token-authentification-mode': 'enable' });
    expect(misspelt.cs.tokenAuthenticationMode).toBe('disable');
  });

  it('is frozen: an edit goes to a copy', () => {
    const s = findScenario('user-disabled')!;
    expect(() => {
      (s.broken.cs.users[0] as { enabled: boolean }).enabled = true;
    }).toThrow(TypeError);
    const copy = cloneLabSetup(s.broken);
    copy.cs.users[0]!.enabled = true;
    copy.cs.extraOptions['x'] = 'y';
    copy.gax.tokenSource = { kind: 'replay', issuedMinutesAgo: 1, lifeMinutes: 1 };
    expect(s.broken.cs.users[0]!.enabled).toBe(false);
    expect(s.broken.cs.extraOptions).toEqual({});
    expect(s.broken.gax.tokenSource).toEqual({ kind: 'mint' });
  });

  it('findScenario is exact', () => {
    expect(findScenario('user-disabled')?.id).toBe('user-disabled');
    expect(findScenario('User-Disabled')).toBeUndefined();
    expect(findScenario('')).toBeUndefined();
  });
});

describe('the option files of a lab (for the Doctor)', () => {
  it('writes the misspelt option as typed, without a token-authentication-mode line, and the Doctor flags it', () => {
    const { cs, gax } = findScenario('misspelt-mode-option')!.broken;
    const csText = labCsOptionsText(cs);
    const gaxText = labGaxOptionsText(gax);
    if (!csText.ok || !gaxText.ok) throw new Error('unwritable');
    expect(csText.text).toContain('[system]\n');
    expect(csText.text).toContain('token-authentification-mode=enable\n');
    expect(csText.text).not.toMatch(/^token-authentication-mode=/m);
    expect(gaxText.text).toContain('[general]\nconfserv_trusted=true\ntoken_life_in_minutes=20\n');
    const result = diagnose({
      files: [
        { name: 'cs.cfg', text: csText.text },
        { name: 'gax.cfg', text: gaxText.text },
      ],
    });
    const unknown = result.findings.find((f) => f.id === 'UNKNOWN_OPTION');
    expect(unknown?.message).toMatch(/token-authentification-mode/);
    expect(unknown?.fix).toMatch(/token-authentication-mode=enable/);
  });

  it("writes token-ttl and the CS's settings, which the Doctor reads back (TTL lab)", () => {
    const { cs, gax } = findScenario('ttl-shorter-than-life')!.broken;
    const csText = labCsOptionsText(cs);
    const gaxText = labGaxOptionsText(gax);
    if (!csText.ok || !gaxText.ok) throw new Error('unwritable');
    expect(csText.text).toMatch(/^token-ttl=10$/m);
    expect(csText.text).toMatch(/^token-authentication-mode=enable$/m);
    const result = diagnose({
      files: [
        { name: 'cs.cfg', text: csText.text },
        { name: 'gax.cfg', text: gaxText.text },
      ],
    });
    expect(result.findings.map((f) => f.id)).toContain('TTL_SHORTER_THAN_LIFE');
  });
});

describe('core/labs is pure (the renderer imports it)', () => {
  it('imports nothing from Node, nor the token core that needs node:crypto', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src-main/core/labs/index.ts');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
        const spec = m[1]!;
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^(fs|path|crypto|net|os)$/);
        if (!spec.startsWith('.')) continue;
        const target = join(dirname(file), spec.replace(/\.js$/, '.ts'));
        expect(target, `${file} imports ${spec}`).not.toMatch(/core[\\/](index|pxz1|decision|hmac-sha256)\.ts$/);
        visit(target);
      }
    };
    visit(root);
    expect(seen.size).toBeGreaterThan(5);
  });
});
