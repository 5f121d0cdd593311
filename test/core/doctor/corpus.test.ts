/**
 * The fixture corpus, driven by test/fixtures/options/manifest.json: every rule fires on its
 * fixture, the good setups stay silent, unreadable files fail at the stated line, corrected files
 * come out clean, and no token-uuid ever reaches a finding or a corrected file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, decodeOptionBytes, diagnose, type DoctorResult, type Finding, type RuleId } from '../../../src-main/core/doctor/index.js';
import type { ApplicationKind } from '../../../src-main/core/options/index.js';

const root = fileURLToPath(new URL('../../fixtures/options/', import.meta.url));

interface ExpectedFinding {
  id: RuleId;
  file?: string | null;
  line?: number | null;
  severity?: Finding['severity'];
  afterFixes?: boolean;
}
interface Case {
  name: string;
  files: string[];
  apps?: ApplicationKind[];
  users?: string[];
  clockOffsetSeconds?: number;
  expect?: (RuleId | ExpectedFinding)[];
  forbid?: RuleId[] | 'errors-and-warnings' | 'nothing';
  normalised?: Record<string, string[]>;
  unreadable?: { code: string; line?: number | null };
}

const manifest = JSON.parse(readFileSync(`${root}manifest.json`, 'utf8')) as { cases: Case[] };
const SECRET = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
/** Findings no option can fix: they concern usernames or clocks. */
const UNFIXABLE: readonly RuleId[] = ['TOKEN_TOO_LONG', 'CLOCK_SKEW_EXCEEDS_TOLERANCE', 'USERNAME_INVALID', 'UUID_MALFORMED'];

const baseName = (p: string) => p.split('/').pop() ?? p;

function run(c: Case, revealSecrets = false): DoctorResult {
  return diagnose({
    files: c.files.map((f, i) => ({ name: baseName(f), application: c.apps?.[i], ...decodeOptionBytes(readFileSync(root + f)) })),
    users: c.users,
    clockOffsetSeconds: c.clockOffsetSeconds,
    revealSecrets,
  });
}

function matches(f: Finding, e: ExpectedFinding): boolean {
  return (
    f.id === e.id &&
    (e.file === undefined || f.file === e.file) &&
    (e.line === undefined || f.line === e.line) &&
    (e.severity === undefined || f.severity === e.severity) &&
    (e.afterFixes === undefined || f.afterFixes === e.afterFixes)
  );
}

const summary = (r: DoctorResult) => r.findings.map((f) => `${f.id}/${f.severity}@${f.file}:${f.line}${f.afterFixes ? '*' : ''}`);

describe('the fixture corpus', () => {
  it('holds at least 25 option files and covers every rule', () => {
    const files = new Set(manifest.cases.flatMap((c) => c.files));
    expect(files.size).toBeGreaterThanOrEqual(25);
    const fired = new Set(manifest.cases.flatMap((c) => (c.expect ?? []).map((e) => (typeof e === 'string' ? e : e.id))));
    expect(RULE_IDS.filter((id) => !fired.has(id))).toEqual([]);
    expect(manifest.cases.filter((c) => c.name.startsWith('good')).length).toBeGreaterThanOrEqual(5);
  });

  for (const c of manifest.cases) {
    it(c.name, () => {
      const r = run(c);
      if (c.unreadable) {
        expect(r.errors).toHaveLength(1);
        const error = r.errors[0]!;
        expect(error.code).toBe(c.unreadable.code);
        if (c.unreadable.line !== undefined) expect(error.line).toBe(c.unreadable.line);
        expect(error.message.startsWith(baseName(c.files[0]!))).toBe(true);
        expect(error.message).not.toMatch(/\n/);
        expect(error.message).not.toContain(SECRET);
        return;
      }
      expect(r.errors).toEqual([]);
      for (const e of c.expect ?? []) {
        const wanted: ExpectedFinding = typeof e === 'string' ? { id: e } : e;
        expect(
          r.findings.some((f) => matches(f, wanted)),
          `${JSON.stringify(wanted)} in ${summary(r).join(' ')}`,
        ).toBe(true);
      }
      const ids = r.findings.map((f) => f.id);
      if (c.forbid === 'nothing') expect(summary(r)).toEqual([]);
      else if (c.forbid === 'errors-and-warnings') expect(summary(r).filter((s) => !s.includes('/info@'))).toEqual([]);
      else for (const id of c.forbid ?? []) expect(ids, `${id} must not appear`).not.toContain(id);
      for (const [file, kinds] of Object.entries(c.normalised ?? {})) {
        const parsed = r.files.find((f) => f.name === file);
        expect(parsed?.normalised.map((n) => n.kind).sort()).toEqual([...kinds].sort());
      }
    });
  }
});

describe('every finding and every corrected file', () => {
  const readable = manifest.cases.filter((c) => !c.unreadable);

  it('has a message, a why, and a fix when an option can change; each message is one line', () => {
    for (const c of readable) {
      for (const f of run(c).findings) {
        expect(f.message.length, f.id).toBeGreaterThan(10);
        expect(f.message).not.toContain('\n');
        expect(f.why.length, f.id).toBeGreaterThan(40);
        if (f.severity !== 'info') expect(f.fix, `${c.name}: ${f.id}`).not.toBe('');
      }
    }
  });

  it('never shows a token-uuid unless asked', () => {
    for (const c of readable) {
      const r = run(c);
      const out = JSON.stringify({ findings: r.findings, corrected: r.corrected.map((x) => [x.text, x.options]) });
      expect(out, c.name).not.toContain(SECRET);
      expect(out, c.name).not.toContain(SECRET.replace(/-/g, ''));
    }
    const unix = readable.find((c) => c.files.includes('good-unix/confserv.conf'))!;
    const hidden = run(unix).corrected[0]!;
    expect(hidden.secretsOmitted).toBe(true);
    expect(hidden.text).toContain('# token-uuid=… (the value from line 14 of confserv.conf; a secret, not repeated here)');
    const shown = run(unix, true).corrected[0]!;
    expect(shown.text).toContain(`token-uuid={${SECRET}}`);
    expect(shown.options.sections['system']?.['token-uuid']).toBe(`{${SECRET}}`);
  });

  it('reads back clean: the corrected files hold no error or warning an option can fix', () => {
    for (const c of readable) {
      const r = run(c, true);
      const again = diagnose({
        // (a master CS's local file without token options has nothing to read back)
        files: r.corrected.filter((x) => /^\[/m.test(x.text)).map((x) => ({ name: x.fileName, text: x.text, application: x.application })),
        users: c.users,
        clockOffsetSeconds: c.clockOffsetSeconds,
      });
      expect(again.errors, c.name).toEqual([]);
      // a token-uuid is never changed by a fix, so two CSs that disagree on it still do
      const tokenUuidDiffers = (f: Finding) => f.id === 'CS_OPTIONS_DIFFER' && f.option === 'token-uuid';
      const left = again.findings.filter((f) => f.severity !== 'info' && !UNFIXABLE.includes(f.id) && !tokenUuidDiffers(f));
      expect(
        left.map((f) => `${f.id}: ${f.message}`),
        c.name,
      ).toEqual([]);
      // and the unfixable ones were there from the start
      for (const f of again.findings.filter((x) => UNFIXABLE.includes(x.id)))
        expect(
          r.findings.map((x) => x.id),
          c.name,
        ).toContain(f.id);
    }
  });

  it('says "no change" exactly for files whose token options are already right', () => {
    for (const c of readable.filter((x) => x.forbid === 'nothing' || x.forbid === 'errors-and-warnings')) {
      for (const corrected of run(c).corrected) expect(corrected.changed, `${c.name}: ${corrected.fileName}`).toBe(false);
    }
    const broken = readable.find((c) => c.files.includes('mode-disabled/confserv.cfg'))!;
    const cs = run(broken).corrected.find((x) => x.application === 'cs')!;
    expect(cs.changed).toBe(true);
    expect(cs.text).toContain('[system]\ntoken-authentication-mode=enable\ntoken-tolerance=60\n');
  });
});
