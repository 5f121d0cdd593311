/**
 * The Apply step's controller against the real main side: the real options writer, a real file
 * written by export.save (as Electron's save dialog would), the real profile store in a temp folder.
 */
import { readFile } from 'node:fs/promises';
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { SetupWizard } from '../../../src-renderer/lib/setup/wizard.svelte.js';
import { ApplyStep } from '../../../src-renderer/lib/setup/apply.svelte.js';
import { startRuntimeBridge, type RuntimeBridge } from './runtime-bridge.js';

const UUID = '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35';
const NOW_MS = Date.UTC(2026, 2, 14, 9, 30);

let rb: RuntimeBridge;
let wizard: SetupWizard;
let apply: ApplyStep;

afterEach(async () => {
  await rb.close();
  vi.restoreAllMocks();
});

describe('Apply: the option files and the checklist', () => {
  beforeEach(async () => {
    rb = await startRuntimeBridge({ saveFiles: true });
    wizard = new SetupWizard();
    apply = new ApplyStep(wizard, () => NOW_MS);
  });

  it('writes [system] and [general] with the token-uuid as a placeholder unless asked to include it', async () => {
    wizard.cs.uuidChoice = 'generate';
    wizard.cs.generatedUuid = UUID;
    wizard.cs.ttl = '60';
    await apply.render();
    const r = apply.rendered!;
    expect(r.cs.fileName).toBe('cs-system-options.cfg');
    expect(r.cs.text).toContain('[system]\ntoken-authentication-mode=enable\ntoken-ttl=60\n');
    expect(r.cs.text).toMatch(/^# token-uuid=<paste the value here/m);
    expect(r.cs.text).not.toContain(UUID);
    expect(r.gax.text).toContain('[general]\nconfserv_trusted=true\ntoken_life_in_minutes=60\n');
    expect(r.checklist.indexOf('Configuration Server application')).toBeLessThan(r.checklist.indexOf('GAX application'));

    apply.includeSecrets = true;
    await apply.render();
    expect(apply.rendered!.cs.text).toContain(`token-uuid=${UUID}`);
  });

  it('has no secret to include when the token-uuid is left to the CS', async () => {
    expect(apply.hasSecret).toBe(false);
    apply.includeSecrets = true;
    await apply.render();
    expect(apply.rendered!.cs.text).not.toMatch(/token-uuid/);
    expect(rb.calls.at(-1)!.input).toMatchObject({ includeSecrets: false });
  });

  it('saves a file through export.save (Electron: the save dialog)', async () => {
    await apply.render();
    await apply.save('gax');
    const outcome = apply.saved.gax!;
    expect(outcome).toMatchObject({ ok: true, how: 'saved' });
    const path = (outcome as { path: string }).path;
    expect(path.endsWith('gax-general-options.cfg')).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(apply.rendered!.gax.text);
    await apply.save('checklist');
    expect(await readFile((apply.saved.checklist as { path: string }).path, 'utf8')).toBe(apply.rendered!.checklist);
  });
});

describe('Apply: saved as a download in web mode', () => {
  beforeEach(async () => {
    rb = await startRuntimeBridge();
    wizard = new SetupWizard();
    apply = new ApplyStep(wizard, () => NOW_MS);
  });

  it('downloads a Blob when the main side answers USE_DOWNLOAD', async () => {
    const blobs: Blob[] = [];
    // jsdom has no object URLs; the browser's are stood in for, to read what would be downloaded
    URL.createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => undefined;
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await apply.render();
    await apply.save('cs');
    expect(apply.saved.cs).toEqual({ ok: true, how: 'downloaded' });
    expect(clicks).toEqual(['cs-system-options.cfg']);
    expect(await blobs[0]!.text()).toBe(apply.rendered!.cs.text);
  });
});

describe('Apply: the pair saved as profiles', () => {
  beforeEach(async () => {
    rb = await startRuntimeBridge();
    wizard = new SetupWizard();
    apply = new ApplyStep(wizard, () => NOW_MS);
  });

  it('saves a CS profile (token-uuid encrypted), a GAX profile and the pair naming them', async () => {
    wizard.cs.uuidChoice = 'paste';
    wizard.cs.pastedUuid = UUID;
    wizard.gax.life = '20';
    apply.offerProfileName();
    expect(apply.profileName).toBe('Token authentication 2026-03-14');
    await apply.saveProfile();
    expect(apply.profileProblem).toBeNull();
    const pair = apply.savedPair!;
    expect(pair.pair).toMatchObject({ kind: 'pair', name: 'Token authentication 2026-03-14' });
    const cs = await rb.t.call('profiles.get', { id: pair.cs.id });
    expect(cs.kind === 'cs' && cs.options).toEqual({
      'token-authentication-mode': 'enable',
      'token-uuid': { set: true, masked: expect.stringMatching(/6e35$/) },
    });
    const gax = await rb.t.call('profiles.get', { id: pair.gax.id });
    expect(gax.kind === 'gax' && gax.options).toEqual({ confserv_trusted: 'true', token_life_in_minutes: '20' });
    const p = await rb.t.call('profiles.get', { id: pair.pair.id });
    expect(p).toMatchObject({ kind: 'pair', csProfileId: pair.cs.id, gaxProfileId: pair.gax.id });
    // the token-uuid is usable from the profile, as the Tokens and Connect views use it
    const minted = await rb.t.call('token.mint', {
      username: 'alice',
      tokenUuid: { kind: 'profile', profileId: pair.pair.id },
      lifeMinutes: 20,
      preamble: '{PXZ}',
    });
    const verified = await rb.t.call('token.verify', {
      value: minted.token,
      preamble: '{PXZ}',
      tokenUuid: { kind: 'typed', value: UUID },
      userName: 'alice',
    });
    expect(verified.code).toBe('OK');
  });

  it('leaves nothing half-made when one of the three is refused, and says why next to the name', async () => {
    await rb.t.call('profiles.create', { kind: 'gax', name: 'Lab' });
    apply.profileName = 'Lab';
    await apply.saveProfile();
    expect(apply.savedPair).toBeNull();
    expect(apply.profileProblem?.message).toMatch(/Lab/);
    const { profiles } = await rb.t.call('profiles.list', {});
    expect(profiles.map((p) => [p.kind, p.name])).toEqual([['gax', 'Lab']]);
  });
});
