// options.render and doctor.diagnose through the contract: the snippets read back as written, the
// secret is a placeholder unless asked for, and the doctor's answer never repeats a token-uuid.
import { describe, expect, it } from 'vitest';
import { readOptionText } from '../../src-main/core/doctor/index.js';
import { runtimeForAll, SECRET_UUID, type TestRuntime } from './helpers.js';

let t: TestRuntime;
runtimeForAll((rt) => (t = rt));

const cs = { 'token-authentication-mode': 'enable', 'token-uuid': SECRET_UUID, 'token-tolerance': '90', 'token-ttl': '30' };
const gax = { confserv_trusted: 'true', token_life_in_minutes: '20' };

function readBack(text: string, application: 'cs' | 'gax'): Record<string, string> {
  const read = readOptionText({ name: 'snippet', text, application });
  if (!read.ok) throw new Error(read.error.message);
  return Object.fromEntries(read.file.sections.flatMap((s) => s.options.map((o) => [o.name, o.value])));
}

describe('options.render', () => {
  it('writes both snippets that read back to the options, the token-uuid as a commented placeholder', async () => {
    const out = await t.call('options.render', { cs, gax, includeSecrets: false });
    expect(out.cs.fileName).toBe('cs-system-options.cfg');
    expect(out.gax.fileName).toBe('gax-general-options.cfg');
    expect(out.cs.text).toContain('[system]\n');
    expect(out.cs.text).toMatch(/^# token-uuid=<paste the value here/m);
    const { 'token-uuid': _secret, ...plain } = cs;
    expect(readBack(out.cs.text, 'cs')).toEqual(plain);
    expect(readBack(out.gax.text, 'gax')).toEqual(gax);
  });

  it('writes the token-uuid in clear only when asked', async () => {
    const out = await t.call('options.render', { cs, gax, includeSecrets: true }, { record: false });
    expect(readBack(out.cs.text, 'cs')).toEqual(cs);
    expect(out.checklist).toContain('keep the file private');
  });

  it('the checklist changes Configuration Server first, then GAX, and says what is left unset and what looks wrong', async () => {
    const out = await t.call('options.render', {
      cs: { 'token-authentication-mode': 'Enable', 'token-tolerance': '2min' },
      gax: { confserv_trusted: 'true', 'token-ttl': '5' },
      includeSecrets: false,
    });
    const text = out.checklist;
    expect(text.indexOf('1. Configuration Server application, [system]')).toBeGreaterThan(0);
    expect(text.indexOf('2. GAX application, [general]')).toBeGreaterThan(text.indexOf('1. Configuration Server'));
    expect(text).toMatch(/! token-authentication-mode=Enable: .*"enable"/);
    expect(text).toMatch(/! token-tolerance=2min: .*unit.*correct it before you apply it \(token-tolerance=120 is most likely what was meant\)/);
    expect(text).toMatch(/! token-ttl belongs to the Configuration Server \[system\] section/);
    expect(text).toMatch(/- leave token-uuid unset: the primary master Configuration Server generates one/);
    expect(text).toMatch(/- leave token_life_in_minutes unset/);
  });

  it('an option a file cannot hold is refused in one line', async () => {
    const r = await t.invoke('options.render', { cs: { '[system]': 'x' }, gax: {}, includeSecrets: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_OPTIONS');
    expect(r.error.message).toMatch(/^CS \[system\]: /);
  });
});

describe('doctor.diagnose', () => {
  it("reads both applications' files, finds what is wrong, and masks the token-uuid in what it read", async () => {
    const result = await t.call('doctor.diagnose', {
      files: [
        { name: 'confserv.cfg', text: `[system]\r\ntoken-authentication-mode = Enable\r\ntoken-uuid=${SECRET_UUID}\r\n` },
        { name: 'gax.conf', text: '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=5000\n' },
      ],
      users: ['default'],
    });
    expect(result.errors).toEqual([]);
    expect(result.files.map((f) => f.application)).toEqual(['cs', 'gax']);
    const ids = result.findings.map((f) => f.id);
    expect(ids).toContain('VALUE_NOT_NORMAL');
    expect(ids).toContain('LIFE_TOO_LONG');
    const uuid = result.files[0]!.sections[0]!.options.find((o) => o.name === 'token-uuid')!;
    expect(uuid).toMatchObject({ secret: true, value: `••••••••-••••-••••-••••-••••••••${SECRET_UUID.slice(-4)}` });
    expect(result.corrected.find((c) => c.application === 'cs')?.text).toContain('token-authentication-mode=enable');
  });

  it("answers for a whole deployment: each file's role, a source on every finding, the CSs compared (masked), what was not checked", async () => {
    const primary = `[confserv]\nport=2020\n[system]\ntoken-authentication-mode=enable\ntoken-uuid=${SECRET_UUID}\ntoken-ttl=30\n`;
    const result = await t.call('doctor.diagnose', {
      files: [
        { name: 'primary.cfg', text: primary },
        { name: 'backup.cfg', text: '[confserv]\nport=2020\n[system]\ntoken-authentication-mode=enable\n' },
        {
          name: 'proxy.conf',
          text: `[csproxy]\nproxy-writable=true\n[system]\ntoken-authentication-mode=enable\ntoken-uuid=${SECRET_UUID}\ntoken-ttl=30\n`,
        },
        { name: 'gax.conf', text: '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=30\n' },
        { name: 'confserv.conf', text: '[confserv]\nport=2020\ndbname=config\ndbserver=db01\n' },
      ],
    });
    expect(result.files.map((f) => f.role)).toEqual(['cs', 'cs', 'csproxy', 'gax', 'cs-local-config']);
    for (const f of result.findings) expect(['genesys', 'model', 'advice']).toContain(f.source.kind);
    const differ = result.findings.filter((f) => f.id === 'CS_OPTIONS_DIFFER');
    expect(differ.map((f) => [f.file, f.option])).toEqual([
      ['backup.cfg', 'token-uuid'],
      ['backup.cfg', 'token-ttl'],
    ]);
    expect(differ[0]!.message).toContain(`••••${SECRET_UUID.slice(-4)}`);
    expect(result.findings.map((f) => f.id)).toContain('CS_LOCAL_CONFIG_FILE');
    expect(result.notChecked[0]).toMatch(/^the token-uuid GAX signs with/);
  });

  it('a file it cannot read is an error in the answer, not a failure of the request', async () => {
    const result = await t.call('doctor.diagnose', { files: [{ name: 'notes.txt', text: 'just some words\n' }] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.file).toBe('notes.txt');
  });
});
