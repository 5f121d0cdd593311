// gax-token doctor, run as the real built command on the fixture corpus and on files in a temp folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, runGaxToken } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/options/', import.meta.url));
const fx = (p: string) => join(FIXTURES, p);
const SECRET = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gax-doctor-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gax-token doctor', () => {
  it('exits 0 on a good pair of exports, saying what it read and that nothing needs changing', async () => {
    const r = await runGaxToken(['doctor', fx('good-unix/confserv.conf'), fx('good-unix/gax.conf')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('confserv.conf: Configuration Server options export (it has a [system] section;');
    expect(r.stdout).toContain('read: quotes around the value removed on lines 9 and 15');
    expect(r.stdout).toContain('0 errors, 0 warnings, 0 notes.');
    expect(r.stdout).toMatch(/gax\.conf: no change needed/);
    expect(r.stdout).not.toContain(SECRET);
  });

  it('exits 1 when GAX cannot log in, with the findings grouped by severity, then the corrected lines', async () => {
    const r = await runGaxToken(['doctor', fx('mode-disabled/confserv.cfg'), fx('mode-disabled/gax.cfg'), '--users', 'default,alice']);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toContain('1 error, 0 warnings, 0 notes.');
    const error = out.indexOf('1 ERROR');
    const corrected = out.indexOf('CORRECTED OPTIONS');
    expect(error).toBeGreaterThan(0);
    expect(corrected).toBeGreaterThan(error);
    expect(out.slice(error)).toMatch(/MODE_NOT_ENABLED {2}\S*confserv\.cfg:27 {2}\[genesys GAX-SECURE\]\n {4}GAX logs in with tokens/);
    expect(out.slice(corrected)).toContain('    [system]\n    token-authentication-mode=enable\n    token-tolerance=60');
  });

  it('prints JSON with findings (id, severity, message, why, fix, file, line) and corrected files', async () => {
    const r = await runGaxToken(['doctor', fx('misspelt-ttl-too-short/cs.cfg'), fx('misspelt-ttl-too-short/gax.cfg'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      files: { name: string; application: string }[];
      findings: Record<string, unknown>[];
      corrected: { application: string; fileName: string; changed: boolean; text: string }[];
    };
    expect(report.files.map((f) => f.application)).toEqual(['cs', 'gax']);
    const ttl = report.findings.find((f) => f['id'] === 'TTL_SHORTER_THAN_LIFE')!;
    expect(Object.keys(ttl)).toEqual(expect.arrayContaining(['id', 'severity', 'message', 'why', 'fix', 'file', 'line']));
    expect(ttl).toMatchObject({ severity: 'error', line: 3, afterFixes: true });
    expect(report.findings.map((f) => f['id'])).toContain('UNKNOWN_OPTION');
    expect(report.corrected[0]).toMatchObject({ application: 'cs', changed: true });
    expect(report.corrected[0]!.text).toContain('token-ttl=20\n');
  });

  it('exits 0 with warnings only, and reads a UTF-16 Windows file', async () => {
    const r = await runGaxToken(['doctor', fx('utf16-windows/confserv.cfg'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].normalised).toContain('read as UTF-16LE text');
    expect(report.findings.map((f: { id: string }) => f.id)).toContain('VALUE_NOT_NORMAL');
  });

  it('reads standard input with -, with the application given', async () => {
    const r = await runGaxToken(['doctor', '-', '--app', 'gax', '--clock-offset', '-90.5'], {
      stdin: '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=20\n',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('stdin: GAX options export (as given)');
    expect(r.stdout).toContain('CLOCK_SKEW_EXCEEDS_TOLERANCE');
    expect(r.stdout).toContain("The CS clock is 90 s behind GAX's, more than token-tolerance (60 s)");
    expect(r.stdout).toContain('not valid for another 30 s');
  });

  it("checks the tool's own profiles", async () => {
    const r = await runGaxToken(['doctor', fx('good-profiles/cs-profile.json'), fx('good-profiles/gax-profile.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cs-profile.json: Configuration Server options export (it is a CS profile;');
  });

  it("reads a whole deployment: each file's role with its reason, a source on every finding, what was not checked", async () => {
    const files = ['primary-cs.cfg', 'backup-cs.cfg', 'csproxy.conf', 'gax.conf', 'confserv.cfg'].map((f) => fx(`deployment/${f}`));
    const json = await runGaxToken(['doctor', ...files, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      files: { role: string; roleReason: string }[];
      findings: { id: string; source: { kind: string; id: string }; message: string }[];
      notChecked: string[];
    };
    expect(report.files.map((f) => f.role)).toEqual(['cs', 'cs', 'csproxy', 'gax', 'cs-local-config']);
    expect(report.files[2]!.roleReason).toBe('it has a [csproxy] section');
    expect(report.files[4]!.roleReason).toContain('dbengine under [confserv]');
    for (const f of report.findings) expect(Object.keys(f.source).sort(), f.id).toEqual(['id', 'kind']);
    const differ = report.findings.filter((f) => f.id === 'CS_OPTIONS_DIFFER');
    expect(differ.map((f) => f.source)).toEqual(
      expect.arrayContaining([
        { kind: 'model', id: 'GAX-SIDE' },
        { kind: 'genesys', id: 'CSP-SYSTEM' },
      ]),
    );
    expect(report.findings.map((f) => f.id)).toContain('CS_LOCAL_CONFIG_FILE');
    expect(report.notChecked[0]).toContain('the token-uuid GAX signs with');
    expect(report.notChecked.join('\n')).toMatch(/clocks/);
    expect(json.stdout).not.toContain(SECRET);
    const text = await runGaxToken(['doctor', ...files, '--clock-offset', '3']);
    expect(text.stdout).toContain('csproxy.conf: Configuration Server Proxy options export (it has a [csproxy] section)');
    expect(text.stdout).toMatch(/CS_OPTIONS_DIFFER {2}\S*backup-cs\.cfg {2}\[model\]/);
    expect(text.stdout).toContain('NOT CHECKED');
    expect(text.stdout).not.toMatch(/clocks of the GAX and CS hosts/);
    expect(text.stdout).toContain('••••1e42');
  });

  it('never prints a token-uuid, even one on a line it cannot read', async () => {
    const files = [fx('wrong-section/cs.cfg'), fx('wrong-section/gax.cfg'), fx('good-unix/confserv.conf')];
    const r = await runGaxToken(['doctor', ...files, '--json']);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    const bad = await runGaxToken(['doctor', fx('unreadable/bad-line.cfg')]);
    expect(bad.stdout + bad.stderr).not.toContain(SECRET);
  });

  it.each([
    ['unreadable/bad-line.cfg', 'bad-line.cfg, line 3: this line is neither a [section] line'],
    ['unreadable/unclosed-section.cfg', 'unclosed-section.cfg, line 3: a section line must end with "]"'],
    ['unreadable/broken.json', 'broken.json, line 5: this looks like JSON'],
    ['unreadable/binary.cfg', 'binary.cfg, line 3: this is not a text file'],
    ['unreadable/no-application.cfg', 'say which application it is (CS or GAX) (--app cs or --app gax)'],
  ])('exits 2 on unreadable %s, in one line naming the file and line', async (file, text) => {
    const r = await runGaxToken(['doctor', fx(file)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(expectOneLineError(r)).toContain(text);
  });

  it('reports an unreadable file as JSON too, with exit 2', async () => {
    const r = await runGaxToken(['doctor', fx('good-windows/confserv.cfg'), fx('unreadable/bad-line.cfg'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      errors: [{ code: 'BAD_LINE', file: fx('unreadable/bad-line.cfg'), line: 3, message: expect.stringContaining('line 3') }],
    });
  });

  it.each([
    [['doctor'], "'doctor' needs FILE"],
    [['doctor', '/nonexistent/cs.cfg'], 'cannot read /nonexistent/cs.cfg: no such file'],
    [['doctor', 'x.cfg', '--app', 'proxy'], '--app must be cs or gax'],
    [['doctor', 'a.cfg', 'b.cfg', 'c.cfg', '--app', 'cs', '--app', 'gax'], '--app is given 2 times for 3 files'],
    [['doctor', 'x.cfg', '--clock-offset', 'soon'], '--clock-offset must be a number of seconds'],
    [['doctor', 'x.cfg', '--users', ' , '], '--users needs at least one username'],
    [['doctor', '-', '-'], 'standard input (-) can be read only once'],
  ])('usage error %j → exit 2, one line', async (args, text) => {
    const r = await runGaxToken(args);
    expect(r.code).toBe(2);
    expect(expectOneLineError(r)).toContain(text);
  });

  it('names a file given twice apart', async () => {
    const file = join(dir, 'cs.cfg');
    await writeFile(file, '\uFEFF[system]\r\ntoken-authentication-mode=Enable\r\n');
    const r = await runGaxToken(['doctor', file, file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { name: string }) => f.name)).toEqual([file, `${file} (2)`]);
  });
});
