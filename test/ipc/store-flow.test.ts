// Profiles, secrets and settings through the contract, on real files in a temp folder.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestInput } from '../../src-main/ipc/contract/index.js';
import { expectNoLeak, runtimeForAll, SECRET_PASSWORD, SECRET_UUID, startRuntime, type TestRuntime } from './helpers.js';

const MASKED_UUID = `••••••••-••••-••••-••••-••••••••${SECRET_UUID.slice(-4)}`;

describe('profiles', () => {
  let t: TestRuntime;
  let csId: string;
  let gaxId: string;
  let revealed: unknown[] = [];

  runtimeForAll((rt) => (t = rt));

  it('create → get shows every secret masked, with whether it is set', async () => {
    const summary = await t.call('profiles.create', {
      kind: 'cs',
      name: 'Lab CS',
      options: { 'token-authentication-mode': 'enable', 'token-uuid': SECRET_UUID, 'token-ttl': '30' },
      listeners: [{ host: '127.0.0.1', port: 2020 }],
      users: [{ userName: 'alice', password: SECRET_PASSWORD }, { userName: 'svc-gax' }],
    });
    expect(summary).toMatchObject({ kind: 'cs', name: 'Lab CS', secretIssueCount: 0 });
    csId = summary.id;
    const view = await t.call('profiles.get', { id: csId });
    expect(view.kind).toBe('cs');
    if (view.kind !== 'cs') return;
    expect(view.options).toEqual({ 'token-authentication-mode': 'enable', 'token-uuid': { set: true, masked: MASKED_UUID }, 'token-ttl': '30' });
    expect(view.users).toEqual([
      { userName: 'alice', enabled: true, password: { set: true, masked: '••••••••' } },
      { userName: 'svc-gax', enabled: true, password: { set: false, masked: '' } },
    ]);
    gaxId = (await t.call('profiles.create', { kind: 'gax', name: 'Lab GAX', options: { confserv_trusted: 'true', token_life_in_minutes: '10' } }))
      .id;
    expect((await t.call('profiles.list', undefined)).profiles.map((p) => p.name)).toEqual(['Lab CS', 'Lab GAX']);
  });

  it('secrets.reveal answers the value only when asked, and says why when there is none', async () => {
    const uuid = await t.call('secrets.reveal', { profileId: csId, field: { option: 'token-uuid' } }, { record: false });
    const password = await t.call('secrets.reveal', { profileId: csId, field: { userName: 'alice' } }, { record: false });
    revealed = [uuid, password];
    expect(uuid.value).toBe(SECRET_UUID);
    expect(password.value).toBe(SECRET_PASSWORD);
    const none = await t.invoke('secrets.reveal', { profileId: csId, field: { userName: 'svc-gax' } });
    expect(none.ok ? null : none.error.code).toBe('NO_PASSWORD');
    const plain = await t.invoke('secrets.reveal', { profileId: csId, field: { option: 'token-ttl' } });
    expect(plain.ok ? null : plain.error.code).toBe('NOT_A_SECRET');
  });

  it('the leak check would catch a revealed value among the answers', () => {
    const withReveal = { ...t, received: [...t.received, { channel: 'secrets.reveal', result: { ok: true as const, data: revealed[0] } }] };
    expect(() => expectNoLeak(withReveal, [SECRET_UUID])).toThrow();
    const base64 = { ...t, received: [{ channel: 'x', result: { ok: true as const, data: Buffer.from(SECRET_PASSWORD).toString('base64') } }] };
    expect(() => expectNoLeak(base64, [SECRET_PASSWORD])).toThrow();
  });

  it("a profile is a token-uuid source: a CS profile's, a pair's CS profile's; a GAX profile has none", async () => {
    /** token.mint's input for alice, signed with the token-uuid of profile `profileId`, 10 min, {PXZ}. */
    const mintAsAlice = (profileId: string) => ({
      username: 'alice',
      tokenUuid: { kind: 'profile' as const, profileId },
      lifeMinutes: 10,
      preamble: '{PXZ}',
    });
    /** token.verify of `value` for alice with {PXZ}, against `tokenUuid`. */
    const verifyAsAlice = (value: string, tokenUuid: RequestInput<'token.verify'>['tokenUuid']) =>
      t.call('token.verify', { value, preamble: '{PXZ}', tokenUuid, userName: 'alice' });
    const minted = await t.call('token.mint', mintAsAlice(csId));
    const verdict = await verifyAsAlice(minted.token, { kind: 'typed', value: SECRET_UUID });
    expect(verdict.code).toBe('OK');
    const pairId = (await t.call('profiles.create', { kind: 'pair', name: 'Lab', csProfileId: csId, gaxProfileId: gaxId })).id;
    const viaPair = await verifyAsAlice(minted.token, { kind: 'profile', profileId: pairId });
    expect(viaPair.code).toBe('OK');
    const gax = await t.invoke('token.mint', mintAsAlice(gaxId));
    expect(gax.ok ? null : gax.error.code).toBe('WRONG_KIND');
    const missing = await t.invoke('token.mint', mintAsAlice('no-such-id'));
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const inUse = await t.invoke('profiles.remove', { id: csId });
    expect(inUse.ok ? null : inUse.error.code).toBe('IN_USE');
    await t.call('profiles.remove', { id: pairId });
  });

  it('export leaves secrets out unless asked; import adds the profiles back under free names', async () => {
    const exported = await t.call('profiles.export', { ids: [csId], includeSecrets: false });
    expect(exported.fileName).toMatch(/^gax-token-lab-profiles-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.warnings).toEqual([]);
    expect(exported.content).toContain('"Lab CS"');
    const imported = await t.call('profiles.import', { text: exported.content });
    expect(imported.imported.map((p) => p.name)).toEqual(['Lab CS (imported)']);
    expect(imported.problems).toEqual(['"Lab CS" was imported as "Lab CS (imported)": a profile of that kind already had the name']);
    const copy = await t.call('profiles.get', { id: imported.imported[0]!.id });
    expect(copy.kind === 'cs' && copy.options['token-uuid']).toBeUndefined();

    const withSecrets = await t.call('profiles.export', { includeSecrets: true }, { record: false });
    expect(withSecrets.content).toContain(SECRET_UUID);
    expect(withSecrets.content).toContain(SECRET_PASSWORD);

    const bad = await t.invoke('profiles.import', { text: '{"format":"something-else"}' });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_IMPORT');
  });

  it('update, rename, duplicate and remove answer the summary; errors keep the store codes', async () => {
    const updated = await t.call('profiles.update', { id: csId, patch: { users: [{ userName: 'alice', password: null }] } });
    expect(updated.id).toBe(csId);
    const view = await t.call('profiles.get', { id: csId });
    expect(view.kind === 'cs' && view.users).toEqual([{ userName: 'alice', enabled: true, password: { set: false, masked: '' } }]);
    const wrongKind = await t.invoke('profiles.update', { id: gaxId, patch: { users: [] } });
    expect(wrongKind.ok ? null : wrongKind.error.code).toBe('INVALID_INPUT');
    expect((await t.call('profiles.rename', { id: gaxId, name: 'GAX 8.5' })).name).toBe('GAX 8.5');
    const dup = await t.call('profiles.duplicate', { id: gaxId });
    expect(dup.name).toBe('GAX 8.5 (copy)');
    const clash = await t.invoke('profiles.rename', { id: dup.id, name: 'gax 8.5' });
    expect(clash.ok ? null : clash.error.code).toBe('DUPLICATE_NAME');
    expect(await t.call('profiles.remove', { id: dup.id })).toEqual({ id: dup.id });
    expect((await t.invoke('profiles.get', { id: dup.id })).ok).toBe(false);
  });

  it('nothing secret reached the profiles file either', async () => {
    const file = await readFile(join(t.dir, 'profiles.json'), 'utf8');
    expect(file).not.toContain(SECRET_UUID);
    expect(file).not.toContain(SECRET_PASSWORD);
  });
});

describe('settings', () => {
  it('round trip: an update is answered, read back, and still there in a new runtime on the same folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gax-ipc-settings-'));
    try {
      const first = await startRuntime({}, dir);
      const { settings } = await first.call('settings.update', { patch: { theme: 'dark', zoomFactor: 1.25, lastView: 'server' } });
      expect(settings).toMatchObject({ theme: 'dark', zoomFactor: 1.25, lastView: 'server' });
      const got = await first.call('settings.get', undefined);
      expect(got.settings).toEqual(settings);
      expect(got).toMatchObject({ notices: [], warnings: [], dataDir: dir, secretStorage: { mode: 'session-only' } });
      await first.close();

      const second = await startRuntime({}, dir);
      expect((await second.call('settings.get', undefined)).settings).toEqual(settings);
      const refused = await second.invoke('settings.update', { patch: { zoomFactor: 9 } });
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('zoomFactor') });
      expect((await second.call('settings.get', undefined)).settings).toEqual(settings);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a corrupt settings file is set aside: settings.get tells, and a new listener gets store.notices', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gax-ipc-settings-'));
    try {
      await writeFile(join(dir, 'settings.json'), '{"version": 1, "theme": ');
      const t = await startRuntime({}, dir);
      const got = await t.call('settings.get', undefined);
      expect(got.notices).toHaveLength(1);
      expect(got.notices[0]).toMatchObject({ file: 'settings.json', recoveredFrom: 'defaults' });
      expect(got.notices[0]!.setAsideTo).toMatch(/^settings\.json\.corrupt-|settings\.corrupt-/);
      expect(t.events[0]).toEqual({ event: 'store.notices', payload: { notices: got.notices } });
      expect(got.settings.theme).toBe('system');
      await t.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
