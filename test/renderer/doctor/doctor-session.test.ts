/**
 * The Doctor's controllers against the real main side (the core doctor behind doctor.diagnose):
 * reading dropped files as the doctor reads exports (UTF-16 too), the limits said per file, pasted
 * text with its application, saved profiles as input (their token-uuid never sent), the verdict,
 * saving the corrected files, and "Open in the wizard" into the real Set up wizard.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { DoctorInputs, type FileSource } from '../../../src-renderer/lib/doctor/doctor-inputs.svelte.js';
import { DoctorSession, correctedFileName } from '../../../src-renderer/lib/doctor/doctor-session.svelte.js';
import { saveText, type SaveRequest } from '../../../src-renderer/lib/server/save-file.js';
import { SetupWizard } from '../../../src-renderer/lib/setup/wizard.svelte.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/options');
const UUID = '9c41e7d2-3b8a-4f65-a1d0-7e2c5b9f4a83';

async function fixture(path: string): Promise<FileSource> {
  const bytes = await readFile(join(FIXTURES, path));
  return {
    name: path.split('/').pop()!,
    size: bytes.length,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
}

function textSource(name: string, text: string): FileSource {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer };
}

let bridge: RuntimeBridge;
let wizard: SetupWizard;
let navigated: number;
let saved: SaveRequest[];
let session: DoctorSession;

beforeEach(async () => {
  bridge = await runtimeBridge({ mode: 'web' });
  setBridge(bridge, 'web');
  wizard = new SetupWizard();
  navigated = 0;
  saved = [];
  session = new DoctorSession(
    wizard,
    () => navigated++,
    (req) => saveText(req, (r) => saved.push(r)),
  );
});
afterEach(async () => {
  await bridge.close();
});

describe('DoctorInputs', () => {
  it('decodes a UTF-16 export as the doctor does and says so', async () => {
    const inputs = new DoctorInputs();
    await inputs.addFiles([await fixture('utf16-windows/confserv.cfg')]);
    expect(inputs.files).toHaveLength(1);
    expect(inputs.files[0]?.encoding).toBe('UTF-16LE');
    expect(inputs.files[0]?.text).toContain('[system]');
  });

  it('refuses, by name, a file too large to be an export and files past the 48 the doctor reads (a whole deployment fits)', async () => {
    const inputs = new DoctorInputs();
    const huge: FileSource = { name: 'core.dump', size: 64 * 1024 * 1024, arrayBuffer: async () => new ArrayBuffer(0) };
    await inputs.addFiles([huge]);
    expect(inputs.refused).toEqual(["core.dump: 64.0 MB is far larger than an options export; export the application's options again."]);
    await inputs.addFiles(Array.from({ length: 49 }, (_, i) => textSource(`f${i}.cfg`, '[general]\nconfserv_trusted=true\n')));
    expect(inputs.files).toHaveLength(48);
    expect(inputs.refused).toEqual(['f48.cfg: not added, the doctor reads at most 48 files at once.']);
  });

  it('checks the optional usernames and clock offset as they are typed', () => {
    const inputs = new DoctorInputs();
    inputs.setUsers(' alice, bob ,alice,\n carol ');
    expect(inputs.users).toEqual(['alice', 'bob', 'carol']);
    inputs.setClockOffset('-95');
    expect(inputs.clockOffsetSeconds).toBe(-95);
    expect(inputs.clockOffsetError).toBeNull();
    inputs.setClockOffset('2 min');
    expect(inputs.clockOffsetSeconds).toBeUndefined();
    expect(inputs.clockOffsetError).toMatch(/^Type a number of seconds/);
  });

  it('sends each paste box as its side (CS and GAX at once, more CSs on request), and files as detected unless told', async () => {
    const inputs = new DoctorInputs();
    inputs.addText('a.cfg', '[system]\n');
    const [cs, gax] = inputs.pastes;
    inputs.setPaste(gax!.key, 'token_life_in_minutes=20');
    expect(inputs.fileRequests()).toEqual([
      { name: 'a.cfg', text: '[system]\n' },
      { name: 'Pasted GAX options', text: 'token_life_in_minutes=20', application: 'gax' },
    ]);
    inputs.setPaste(cs!.key, '[system]\ntoken-ttl=30\n');
    inputs.addPaste('cs');
    inputs.setPaste(inputs.pastes[2]!.key, '[csproxy]\n[system]\ntoken-ttl=20\n');
    expect(inputs.fileRequests().map((f) => [f.name, f.application])).toEqual([
      ['a.cfg', undefined],
      ['Pasted CS options', 'cs'],
      ['Pasted GAX options', 'gax'],
      ['Pasted CS options 2', 'cs'],
    ]);
    inputs.removePaste(inputs.pastes[2]!.key);
    inputs.removePaste(cs!.key); // the first CS box stays, emptied
    expect(inputs.pastes.map((p) => [p.application, p.text])).toEqual([
      ['cs', ''],
      ['gax', 'token_life_in_minutes=20'],
    ]);
    inputs.setApplication(inputs.files[0]!.key, 'cs');
    expect(inputs.fileRequests()[0]).toEqual({ name: 'a.cfg', text: '[system]\n', application: 'cs' });
  });
});

describe('DoctorSession.diagnose', () => {
  it('says in one sentence why GAX cannot log in, then the findings by severity and the corrected files', async () => {
    await session.inputs.addFiles([await fixture('mode-disabled/confserv.cfg'), await fixture('mode-disabled/gax.cfg')]);
    await session.diagnose();
    const d = session.diagnosis!;
    expect(session.error).toBeNull();
    expect(d.verdict).toEqual({
      kind: 'error',
      sentence:
        'GAX cannot log in: it sends a token as its password, but token authentication is not enabled on the CS, so the CS checks the token as an ordinary password and refuses it.',
    });
    expect(d.groups.map((g) => [g.severity, g.findings.map((f) => f.id)])).toEqual([['error', ['MODE_NOT_ENABLED']]]);
    expect(d.groups[0]?.findings[0]).toMatchObject({
      file: 'confserv.cfg',
      line: 27,
      fix: expect.stringContaining('token-authentication-mode=enable'),
    });
    expect(d.result.files.map((f) => [f.name, f.application, f.normalised.map((n) => n.kind)])).toEqual([
      ['confserv.cfg', 'cs', ['crlf', 'blank-lines']],
      ['gax.cfg', 'gax', ['crlf', 'blank-lines']],
    ]);
    expect(d.result.corrected.map((c) => [c.fileName, c.changed])).toEqual([
      ['confserv.cfg', true],
      ['gax.cfg', false],
    ]);
  });

  it('leads with the error that stops a login first, and counts the rest', async () => {
    await session.inputs.addFiles([await fixture('misspelt-ttl-too-short/cs.cfg'), await fixture('misspelt-ttl-too-short/gax.cfg')]);
    await session.diagnose();
    const d = session.diagnosis!;
    // token_ttl is misspelt, so today the CS ignores it; the ttl error only comes once it is renamed.
    expect(d.result.findings.find((f) => f.id === 'TTL_SHORTER_THAN_LIFE')?.afterFixes).toBe(true);
    expect(d.verdict.kind).toBe('warn');
    expect(d.verdict.sentence).toBe(
      'Nothing in these files stops GAX from logging in, but 2 things need attention: first, an option name is misspelt, so its application ignores it. Not seen here: the token-uuid GAX signs with is not in any export: compare it with the CS’s (see Not checked).',
    );
  });

  it('passes the usernames and the measured clock offset to the rules', async () => {
    session.inputs.addText('cs.cfg', '[system]\ntoken-authentication-mode=enable\ntoken-tolerance=60\n');
    session.inputs.addText('gax.cfg', '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=20\n');
    session.inputs.setUsers('a-very-long-user-name-for-tokens');
    session.inputs.setClockOffset('-300');
    await session.diagnose();
    const ids = session.diagnosis!.result.findings.map((f) => f.id);
    expect(ids).toContain('TOKEN_TOO_LONG');
    expect(ids).toContain('CLOCK_SKEW_EXCEEDS_TOLERANCE');
    expect(session.diagnosis!.verdict.kind).toBe('error');
    expect(bridge.calls.find((c) => c.channel === 'doctor.diagnose')?.input).toMatchObject({
      users: ['a-very-long-user-name-for-tokens'],
      clockOffsetSeconds: -300,
    });
  });

  it('says which input could not be read and what is wrong with it', async () => {
    session.inputs.setPaste(session.inputs.pastes[0]!.key, 'token-ttl=5\n');
    await session.diagnose();
    const d = session.diagnosis!;
    expect(d.result.files).toEqual([]);
    expect(d.result.errors[0]?.message).toMatch(/^Pasted CS options, line 1: /);
    expect(d.verdict).toEqual({ kind: 'error', sentence: 'The file could not be read, so nothing was checked: see why below.' });
  });

  it('diagnoses opened files at once, but not when none could be added', async () => {
    await session.addFilesAndDiagnose([{ name: 'core.dump', size: 64 * 1024 * 1024, arrayBuffer: async () => new ArrayBuffer(0) }]);
    expect(bridge.calls.filter((c) => c.channel === 'doctor.diagnose')).toHaveLength(0);
    await session.addFilesAndDiagnose([await fixture('good-unix/confserv.conf'), await fixture('good-unix/gax.conf')]);
    expect(session.diagnosis?.verdict.kind).toBe('ok');
    expect(session.stale).toBe(false);
    session.inputs.setClockOffset('400');
    expect(session.stale).toBe(true);
  });

  it('asks for input before sending anything', async () => {
    await session.diagnose();
    expect(session.error?.message).toBe('Open or drop an exported options file, paste options, or pick a saved profile first.');
    expect(bridge.calls.filter((c) => c.channel === 'doctor.diagnose')).toHaveLength(0);
  });

  it('reads saved profiles without ever sending their token-uuid, and checks a CS profile’s users', async () => {
    const cs = await bridge.call('profiles.create', {
      kind: 'cs',
      name: 'Prod CS',
      options: { 'token-authentication-mode': 'enable', 'token-uuid': UUID, 'token-ttl': '5' },
      users: [{ userName: 'svc-gax-administrator-01', enabled: true }],
    });
    const gax = await bridge.call('profiles.create', {
      kind: 'gax',
      name: 'Prod GAX',
      options: { confserv_trusted: 'true', token_life_in_minutes: '30' },
    });
    const pair = await bridge.call('profiles.create', { kind: 'pair', name: 'Prod', csProfileId: cs.id, gaxProfileId: gax.id });
    await session.profiles.load();
    session.profiles.setPicked(pair.id, true);
    session.profiles.setPicked(cs.id, true);
    await session.diagnose();
    const d = session.diagnosis!;
    expect(d.result.files.map((f) => f.name)).toEqual(['CS profile “Prod CS”', 'GAX profile “Prod GAX”']);
    expect(d.withheld).toEqual([{ file: 'CS profile “Prod CS”', options: ['token-uuid'] }]);
    const ids = d.result.findings.map((f) => f.id);
    expect(ids).not.toContain('UUID_NOT_SET');
    expect(ids).toContain('TTL_SHORTER_THAN_LIFE');
    expect(ids).toContain('TOKEN_TOO_LONG');
    expect(d.users).toEqual(['svc-gax-administrator-01']);
    const sentToMain = JSON.stringify(bridge.calls);
    expect(sentToMain).not.toContain(UUID);
    expect(JSON.stringify(bridge.sent)).not.toContain(UUID);
  });
});

describe('the corrected files', () => {
  it('are saved as "<name>-corrected.cfg" (a download in web mode)', async () => {
    await session.inputs.addFiles([await fixture('mode-disabled/confserv.cfg')]);
    await session.diagnose();
    const file = session.diagnosis!.result.corrected[0]!;
    await session.saveCorrected(file);
    expect(session.saves['confserv.cfg']).toEqual({ ok: true, how: 'downloaded' });
    expect(saved).toEqual([{ suggestedName: 'confserv-corrected.cfg', content: file.text, mime: 'text/plain' }]);
  });

  it('name a file a file system accepts', () => {
    expect(correctedFileName('gax.conf')).toBe('gax-corrected.conf');
    expect(correctedFileName('CS profile “Lab: 1/2”')).toBe('CS profile “Lab- 1-2”-corrected.cfg');
    expect(correctedFileName('Pasted text')).toBe('Pasted text-corrected.cfg');
  });

  it('open in the Set up wizard with every fix applied, and show it', async () => {
    await session.inputs.addFiles([await fixture('misspelt-ttl-too-short/cs.cfg'), await fixture('misspelt-ttl-too-short/gax.cfg')]);
    await session.diagnose();
    expect(session.openInWizard()).toBe(true);
    expect(navigated).toBe(1);
    expect(wizard.step).toBe('cs');
    expect(wizard.cs).toMatchObject({ mode: 'enable', ttl: '20', uuidChoice: 'cs' });
    expect(wizard.gax).toEqual({ trusted: 'true', life: '20' });
  });

  it('ask the wizard for the token-uuid when a profile’s was not shown to the doctor', async () => {
    const cs = await bridge.call('profiles.create', {
      kind: 'cs',
      name: 'Lab CS',
      options: { 'token-authentication-mode': 'enable', 'token-uuid': UUID },
    });
    await session.profiles.load();
    session.profiles.setPicked(cs.id, true);
    await session.diagnose();
    session.openInWizard();
    expect(wizard.cs).toMatchObject({ mode: 'enable', uuidChoice: 'paste', pastedUuid: '' });
  });
});
