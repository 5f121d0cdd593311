import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  safeStorageCipher,
  SessionSecretVault,
  type CsProfile,
  type OpenStoreOptions,
  type SecretCipher,
  type Store,
} from '../../src-main/store/index.js';
import { eachTestInTempDir, fakeSafeStorage, openStoreIn, readAllFiles, readJson, secretForms } from './helpers.js';
import { GAX_SECRET, must, PASSWORD, TOKEN_UUID, writeSecrets } from './secret-fixtures.js';

let dir: string;
eachTestInTempDir((d) => (dir = d));

const open = (cipher?: SecretCipher, extra: Partial<OpenStoreOptions> = {}): Promise<Store> =>
  openStoreIn(dir, { ...(cipher ? { cipher } : {}), ...extra });

async function expectNoSecretOnDisk(): Promise<void> {
  const files = await readAllFiles(dir);
  expect(files.size).toBeGreaterThan(0);
  for (const [name, bytes] of files)
    for (const secret of [TOKEN_UUID, PASSWORD, GAX_SECRET])
      for (const form of secretForms(secret)) expect(bytes.includes(Buffer.from(form)), `${name} holds ${secret} as ${form}`).toBe(false);
}

type FileShape = { profiles: { kind: string; secretOptions?: Record<string, unknown>; users?: { password?: unknown }[] }[] };

describe('with the OS keychain (Electron safeStorage)', () => {
  const keychain = fakeSafeStorage('alice@ws1');

  it('secrets are encrypted in every file, and come back after a restart', async () => {
    const store = await open(safeStorageCipher(keychain));
    expect(store.secretMode()).toEqual({
      mode: 'os-keychain',
      persistent: true,
      summary: "Secrets are saved encrypted with the operating system's keychain.",
      problem: null,
    });
    const cs = await writeSecrets(store);
    await store.close();
    await expectNoSecretOnDisk();
    const file = (await readJson(path.join(dir, 'profiles.json'))) as FileShape;
    expect(file.profiles[0]!.secretOptions!['token-uuid']).toEqual({ enc: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/), scheme: 'safeStorage' });
    expect(file.profiles[0]!.users![0]!.password).toMatchObject({ scheme: 'safeStorage' });

    const again = await open(safeStorageCipher(keychain));
    expect(must(again.profiles.get(cs.id))).toEqual(cs);
    expect(cs.options['token-uuid']).toBe(TOKEN_UUID);
    expect(cs.users[0]!.password).toBe(PASSWORD);
  });

  it('another user or machine: the secrets are reported, the rest of the profile loads, and nothing is lost', async () => {
    const store = await open(safeStorageCipher(keychain));
    const cs = await writeSecrets(store);
    await store.close();
    const sealedBefore = ((await readJson(path.join(dir, 'profiles.json'))) as FileShape).profiles[0]!.secretOptions!['token-uuid'];

    const elsewhere = await open(safeStorageCipher(fakeSafeStorage('bob@ws2')));
    expect(elsewhere.notices).toEqual([]);
    const seen = must(elsewhere.profiles.get(cs.id)) as CsProfile;
    expect(seen.options).toEqual({ 'token-authentication-mode': 'enable', 'token-tolerance': '90' });
    expect(seen.listeners).toEqual(cs.listeners);
    expect(seen.users).toEqual([{ userName: 'alice', enabled: true }]);
    expect(seen.secretIssues).toEqual([
      {
        option: 'token-uuid',
        userName: null,
        state: 'unreadable',
        message:
          'the token-uuid of CS profile "Secret CS" could not be loaded: the OS keychain cannot decrypt it (it was saved by another user or on another machine); enter it again.',
      },
      {
        option: null,
        userName: 'alice',
        state: 'unreadable',
        message:
          'the password of user "alice" in CS profile "Secret CS" could not be loaded: the OS keychain cannot decrypt it (it was saved by another user or on another machine); enter it again.',
      },
    ]);
    expect(elsewhere.profiles.list().find((p) => p.id === cs.id)?.secretIssueCount).toBe(2);
    // One line for the one cause, not one per secret: both profiles' CS secrets (original and copy) plus the GAX one.
    expect(elsewhere.warnings).toEqual([
      expect.stringMatching(
        /^5 saved secrets \(in 3 profiles: "Secret CS", .+\) could not be loaded: the OS keychain cannot decrypt it \(it was saved by another user or on another machine\)\. Enter them again \(each is marked in its profile\)\.$/,
      ),
    ]);

    // Changing something else keeps the saved secret as it was: going back to the first machine still works.
    must(await elsewhere.profiles.update(cs.id, { listeners: [{ host: '127.0.0.1', port: 2999 }] }));
    const after = ((await readJson(path.join(dir, 'profiles.json'))) as FileShape).profiles[0]!;
    expect(after.secretOptions!['token-uuid']).toEqual(sealedBefore);
    expect(after.users![0]!.password).toMatchObject({ scheme: 'safeStorage' });
    // Entering it again clears the issue.
    const fixed = must(await elsewhere.profiles.update(cs.id, { options: { 'token-uuid': TOKEN_UUID } }));
    expect(fixed.secretIssues.map((i) => i.userName)).toEqual(['alice']);
    await elsewhere.close();

    const home = await open(safeStorageCipher(keychain));
    expect((must(home.profiles.get(cs.id)) as CsProfile).users[0]!.password).toBe(PASSWORD);
  });

  it('a keychain that fails to encrypt is answered with a typed error and changes nothing', async () => {
    const broken: SecretCipher = {
      kind: 'os-keychain',
      isAvailable: () => true,
      encrypt: () => {
        throw new Error('The user name or passphrase you entered is not correct.');
      },
      decrypt: () => '',
    };
    const store = await open(broken);
    const r = await store.profiles.create({ kind: 'gax', name: 'g', options: { 'token-uuid': TOKEN_UUID } });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'SECRET_STORAGE_FAILED',
        message: 'a secret could not be encrypted (The user name or passphrase you entered is not correct.)',
        hint: 'unlock the OS keychain and try again',
      },
    });
    expect(store.profiles.list()).toEqual([]);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('a keychain that is not there, or Linux basic_text, is not counted as one', async () => {
    for (const storage of [fakeSafeStorage('a', { available: false }), fakeSafeStorage('a', { backend: 'basic_text' })]) {
      const store = await open(safeStorageCipher(storage));
      expect(store.secretMode()).toMatchObject({ mode: 'session-only', persistent: false, problem: 'the OS keychain is not available' });
      must(await store.profiles.create({ kind: 'gax', name: `g${Math.random()}`, options: { 'token-uuid': TOKEN_UUID } }));
      await store.close();
      expect(storage.calls).toBe(0);
    }
    await expectNoSecretOnDisk();
  });
});

describe('web mode, session only (the default without a keychain)', () => {
  it('secrets live in memory: the file says so, and the next session asks for them again', async () => {
    const store = await open();
    expect(store.secretMode()).toEqual({
      mode: 'session-only',
      persistent: false,
      summary: 'Secrets are kept in memory for this session only and are not saved: you will enter them again next time.',
      problem: null,
    });
    const cs = await writeSecrets(store);
    expect(cs.options['token-uuid']).toBe(TOKEN_UUID); // available for the whole session
    await store.close();
    await expectNoSecretOnDisk();
    const file = (await readJson(path.join(dir, 'profiles.json'))) as FileShape;
    expect(file.profiles[0]!.secretOptions!['token-uuid']).toEqual({ kept: 'session-only' });

    const next = await open();
    const seen = must(next.profiles.get(cs.id)) as CsProfile;
    expect(seen.options['token-uuid']).toBeUndefined();
    expect(seen.secretIssues.map((i) => [i.option ?? i.userName, i.state])).toEqual([
      ['token-uuid', 'not-kept'],
      ['alice', 'not-kept'],
    ]);
    expect(seen.secretIssues[0]!.message).toBe(
      'the token-uuid of CS profile "Secret CS" could not be loaded: it was kept only in the memory of an earlier session; enter it again.',
    );
    expect(next.warnings).toEqual([]); // expected in this mode: shown beside the field, not as a start-up warning
  });

  it('close() forgets the secrets of the session', async () => {
    const vault = new SessionSecretVault();
    const store = await open(vault);
    await writeSecrets(store);
    expect(vault.slots().length).toBeGreaterThan(0);
    await store.close();
    expect(vault.slots()).toEqual([]);
  });
});

describe('web mode, secrets saved with the key file (opt-in)', () => {
  it('opting in creates secret.key (0600), re-saves the secrets encrypted, and they survive a restart', async () => {
    const store = await open();
    const cs = await writeSecrets(store);
    must(await store.settings.update({ secretStorage: 'key-file' }));
    expect(store.secretMode()).toMatchObject({ mode: 'key-file', persistent: true, problem: null });
    expect(store.secretMode().summary).toMatch(/weaker than an OS keychain/);
    const keyFile = path.join(dir, 'secret.key');
    if (process.platform !== 'win32') expect((await fs.stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(keyFile, 'utf8')).toMatch(
      /^GAX Token Lab secret key \(AES-256-GCM\)\. Anyone who can read this file can read the secrets stored beside it\.\n[A-Za-z0-9+/]{43}=\n$/,
    );
    const file = (await readJson(path.join(dir, 'profiles.json'))) as FileShape;
    expect(file.profiles[0]!.secretOptions!['token-uuid']).toMatchObject({ scheme: 'aes-256-gcm-keyfile' });
    await store.close();
    await expectNoSecretOnDisk();

    const next = await open();
    expect(next.secretMode().mode).toBe('key-file');
    expect(must(next.profiles.get(cs.id))).toEqual(cs);
  });

  it('opting out forgets the key: the secrets stay for this session, then are gone', async () => {
    const store = await open();
    must(await store.settings.update({ secretStorage: 'key-file' }));
    const cs = await writeSecrets(store);
    must(await store.settings.update({ secretStorage: 'session-only' }));
    expect(store.secretMode().mode).toBe('session-only');
    await expect(fs.access(path.join(dir, 'secret.key'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((must(store.profiles.get(cs.id)) as CsProfile).options['token-uuid']).toBe(TOKEN_UUID);
    const file = (await readJson(path.join(dir, 'profiles.json'))) as FileShape;
    expect(file.profiles[0]!.secretOptions!['token-uuid']).toEqual({ kept: 'session-only' });
    await store.close();
    expect((must((await open()).profiles.get(cs.id)) as CsProfile).secretIssues).toHaveLength(2);
  });

  it('the desktop app opening the same folder moves the secrets to the keychain', async () => {
    const web = await open();
    must(await web.settings.update({ secretStorage: 'key-file' }));
    const cs = await writeSecrets(web);
    await web.close();
    const desktop = await open(safeStorageCipher(fakeSafeStorage('alice@ws1')));
    expect(must(desktop.profiles.get(cs.id))).toEqual(cs);
    const file = (await readJson(path.join(dir, 'profiles.json'))) as FileShape;
    expect(file.profiles[0]!.secretOptions!['token-uuid']).toMatchObject({ scheme: 'safeStorage' });
  });

  it('a damaged key file is reported and left alone; the secrets it sealed are reported, not crashed on', async () => {
    const store = await open();
    must(await store.settings.update({ secretStorage: 'key-file' }));
    const cs = await writeSecrets(store);
    await store.close();
    await fs.writeFile(path.join(dir, 'secret.key'), 'half a key');
    const next = await open();
    expect(next.secretMode()).toMatchObject({
      mode: 'session-only',
      problem: 'secret.key does not hold a 32-byte key, so secrets stay in memory for this session',
    });
    const seen = must(next.profiles.get(cs.id)) as CsProfile;
    expect(seen.options['token-authentication-mode']).toBe('enable');
    expect(seen.secretIssues[0]!.message).toMatch(
      /could not be loaded: it was saved with secret\.key, which is missing or damaged; enter it again\.$/,
    );
    expect(await fs.readFile(path.join(dir, 'secret.key'), 'utf8')).toBe('half a key');
    expect(await next.settings.update({ secretStorage: 'session-only' })).toMatchObject({ ok: true });
    expect(await next.settings.update({ secretStorage: 'key-file' })).toMatchObject({ ok: false, error: { code: 'SECRET_STORAGE_FAILED' } });
  });

  it('a replaced key cannot read the old secrets and says so', async () => {
    const store = await open();
    must(await store.settings.update({ secretStorage: 'key-file' }));
    const cs = await writeSecrets(store);
    await store.close();
    await fs.rm(path.join(dir, 'secret.key'));
    const next = await open(); // still opted in: a new key is made at start
    expect(next.secretMode().mode).toBe('key-file');
    const seen = must(next.profiles.get(cs.id)) as CsProfile;
    expect(seen.secretIssues[0]!.message).toMatch(
      /could not be loaded: secret\.key cannot decrypt it \(the key was replaced since it was saved\); enter it again\.$/,
    );
    expect(seen.options['token-authentication-mode']).toBe('enable');
    // a new value is sealed with the new key and readable from then on
    must(await next.profiles.update(cs.id, { options: { 'token-uuid': TOKEN_UUID } }));
    await next.close();
    const third = await open();
    expect((must(third.profiles.get(cs.id)) as CsProfile).options['token-uuid']).toBe(TOKEN_UUID);
  });
});
