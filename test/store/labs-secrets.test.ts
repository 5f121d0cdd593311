// labs-progress.json keeps the open lab's GAX token-uuid and password as the profiles keep theirs:
// sealed by the keeper, never in clear — a version 1 file (which held them in clear) is migrated
// and its .bak replaced; a value this session cannot open is said once and dropped, never guessed.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageCipher, type OpenLab, type SecretCipher, type Store } from '../../src-main/store/index.js';
import { eachTestInTempDir, fakeSafeStorage, openStoreIn, readAllFiles, secretForms } from './helpers.js';

const TOKEN_UUID = 'c0ffee42-dead-4bee-8f00-5ec7e75ec7e7';
const PASSWORD = 'Lab-Pangolin-5521!';

let dir: string;
eachTestInTempDir((d) => (dir = d));

const open = (cipher?: SecretCipher): Promise<Store> => openStoreIn(dir, cipher ? { cipher } : {});

const keychain = (account = 'lab-user') => safeStorageCipher(fakeSafeStorage(account));

function openLab(tokenUuid = TOKEN_UUID, password: string | undefined = PASSWORD): OpenLab {
  return {
    scenarioId: 'backup-cs-token-uuid',
    gax: {
      confservTrusted: false,
      tokenLifeMinutes: 10,
      tokenUuid,
      preamble: '{PXZ}',
      userName: 'default',
      ...(password ? { password } : {}),
      clockOffsetSeconds: 0,
      tokenSource: { kind: 'mint' },
    },
    extraOptions: {},
    openedAt: '2026-03-01T10:00:00.000Z',
  };
}

async function expectNoClearSecret(): Promise<void> {
  const files = await readAllFiles(dir);
  expect([...files.keys()]).toContain('labs-progress.json');
  for (const [name, bytes] of files) {
    const text = bytes.toString('latin1');
    for (const secret of [TOKEN_UUID, PASSWORD])
      for (const form of secretForms(secret)) expect(text.includes(form), `${name} holds a secret in clear`).toBe(false);
  }
}

describe('the open lab on disk', () => {
  it('holds the GAX token-uuid and password sealed, and a new session with the same keychain reads them back', async () => {
    const store = await open(keychain());
    expect((await store.labs.setOpen(openLab())).ok).toBe(true);
    await store.labs.putEntry('backup-cs-token-uuid', { ...store.labs.entry('backup-cs-token-uuid'), hintsShown: 1 });
    await store.close();
    await expectNoClearSecret();
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'labs-progress.json'), 'utf8')) as {
      version: number;
      open: { gax: { tokenUuid: unknown; password: unknown } };
    };
    expect(onDisk.version).toBe(2);
    expect(onDisk.open.gax.tokenUuid).toMatchObject({ scheme: 'safeStorage' });
    expect(onDisk.open.gax.password).toMatchObject({ scheme: 'safeStorage' });
    const again = await open(keychain());
    expect(again.labs.open()?.gax).toMatchObject({ tokenUuid: TOKEN_UUID, password: PASSWORD });
    expect(again.warnings).toEqual([]);
    await again.close();
  });

  it('migrates a version 1 file that held them in clear, its .bak included', async () => {
    const v1 = { version: 1, labs: {}, open: openLab() };
    await fs.writeFile(path.join(dir, 'labs-progress.json'), JSON.stringify(v1));
    await fs.writeFile(path.join(dir, 'labs-progress.json.bak'), JSON.stringify(v1));
    const store = await open(keychain());
    expect(store.labs.open()?.gax).toMatchObject({ tokenUuid: TOKEN_UUID, password: PASSWORD });
    expect(store.warnings).toEqual([]);
    await store.close();
    await expectNoClearSecret();
  });

  it('in web mode without the key file keeps them in memory only, and says once what the next session lost', async () => {
    const store = await open();
    await store.labs.setOpen(openLab());
    await store.close();
    await expectNoClearSecret();
    const again = await open();
    expect(again.labs.open()?.gax.tokenUuid).toBe('');
    expect(again.labs.open()?.gax.password).toBeUndefined();
    expect(again.warnings).toHaveLength(1);
    expect(again.warnings[0]).toMatch(/^labs-progress\.json: the open lab's GAX token-uuid and password could not be loaded \(.+\); type them again/);
    await again.close();
  });

  it('follows the person to the key file when they choose it, and back to memory only', async () => {
    const store = await open();
    await store.labs.setOpen(openLab(TOKEN_UUID, undefined));
    expect((await store.settings.update({ secretStorage: 'key-file' })).ok).toBe(true);
    const onDisk = await fs.readFile(path.join(dir, 'labs-progress.json'), 'utf8');
    expect(onDisk).toMatch(/"scheme": "aes-256-gcm-keyfile"/);
    await store.close();
    const again = await open();
    expect(again.labs.open()?.gax.tokenUuid).toBe(TOKEN_UUID);
    expect((await again.settings.update({ secretStorage: 'session-only' })).ok).toBe(true);
    expect(await fs.readFile(path.join(dir, 'labs-progress.json'), 'utf8')).toMatch(/"kept": "session-only"/);
    await again.close();
    await expectNoClearSecret();
  });
});
