// Damage is reported, never papered over: a damaged secret.key is one warning however many secrets
// it sealed; a settings file reset to defaults says what it reset and keeps the secret-storage
// choice (secrets typed afterwards are still kept); a profiles file restored from .bak says the last
// change may be missing.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Store, type StoreResult } from '../../src-main/store/index.js';
import { eachTestInTempDir, openStoreIn } from './helpers.js';

let dir: string;
eachTestInTempDir((d) => (dir = d));

const open = (): Promise<Store> => openStoreIn(dir);

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

describe('a damaged secret.key', () => {
  it('gives one warning for 2,001 secrets it sealed, naming what is lost and what to do', async () => {
    const store = await open();
    must(await store.settings.update({ secretStorage: 'key-file' }));
    const users = Array.from({ length: 1000 }, (_, i) => ({ userName: `u${i}`, password: `pw-${i}-Okapi` }));
    must(await store.profiles.create({ kind: 'cs', name: 'Class A', options: { 'token-uuid': 'c0ffee42-dead-4bee-8f00-5ec7e75ec7e7' }, users }));
    must(await store.profiles.create({ kind: 'cs', name: 'Class B', users }));
    await store.close();
    await fs.writeFile(path.join(dir, 'secret.key'), 'half a key');

    const next = await open();
    expect(next.warnings).toEqual([
      'secret.key does not hold a 32-byte key: 2,001 saved secrets (in 2 profiles: "Class A", "Class B") cannot be read and are lost unless a good copy of secret.key is put back. The damaged file was left as it is. Restore secret.key from a backup and restart, or enter the secrets again (each is marked in its profile).',
    ]);
    await next.close();
  });
});

describe('a settings file reset to its defaults', () => {
  for (const [what, damage] of [
    ['damaged', (file: string) => fs.writeFile(file, '{"version": 1, "theme": "plaid"')],
    ['deleted', (file: string) => fs.rm(file)],
  ] as const)
    it(`(${what}) keeps secret storage in the key file, says what it reset, and secrets typed afterwards are kept`, async () => {
      const store = await open();
      must(await store.settings.update({ secretStorage: 'key-file', theme: 'dark' }));
      await store.close();
      await damage(path.join(dir, 'settings.json'));
      await fs.rm(path.join(dir, 'settings.json.bak'), { force: true });

      const next = await open();
      expect(next.settings.get()).toMatchObject({ secretStorage: 'key-file', theme: 'system' });
      expect(next.secretMode().mode).toBe('key-file');
      if (what === 'damaged')
        expect(next.notices.map((n) => n.message)).toEqual([
          expect.stringMatching(
            /^settings\.json: .*default settings\. Reset to defaults: theme, zoom, the last view, the window's size and place, and the last used profiles; secret storage: kept as the key file \(secret\.key is in the data folder; choose "memory only" in Settings to change it\)\.$/,
          ),
        ]);
      const cs = must(await next.profiles.create({ kind: 'cs', name: 'After the reset', users: [{ userName: 'alice', password: 'Kept-Secret-1' }] }));
      await next.close();
      const third = await open();
      const again = must(third.profiles.get(cs.id));
      expect(again.kind === 'cs' && again.users[0]?.password).toBe('Kept-Secret-1');
      await third.close();
    });

  it('without a key file says secrets stay in memory only, as by default', async () => {
    const store = await open();
    must(await store.settings.update({ theme: 'dark' }));
    await store.close();
    await fs.writeFile(path.join(dir, 'settings.json'), 'not json');
    await fs.rm(path.join(dir, 'settings.json.bak'), { force: true });
    const next = await open();
    expect(next.settings.get().secretStorage).toBe('session-only');
    expect(next.notices[0]!.message).toMatch(/; secret storage: in memory only for this session \(the default\)\.$/);
    await next.close();
  });
});

describe('a profiles file restored from .bak', () => {
  it('says the last change may be missing', async () => {
    const store = await open();
    must(await store.profiles.create({ kind: 'gax', name: 'First' }));
    must(await store.profiles.create({ kind: 'gax', name: 'Second' }));
    await store.close();
    await fs.writeFile(path.join(dir, 'profiles.json'), '{"version": 2, "profiles": [');
    const next = await open();
    expect(next.profiles.list().map((p) => p.name)).toEqual(['First']);
    expect(next.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(
        /^profiles\.json: .*the last good copy \(profiles\.json\.bak\) was loaded: it is the copy before the last save, so the last change made may be missing\.$/,
      ),
    ]);
    await next.close();
  });
});
