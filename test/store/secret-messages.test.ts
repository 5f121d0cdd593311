// Secrets never reach a message (warnings, notices, issues, errors), and the session vault's values are its own.
import { describe, expect, it } from 'vitest';
import { safeStorageCipher, SessionSecretVault, type SecretCipher, type Store } from '../../src-main/store/index.js';
import { eachTestInTempDir, fakeSafeStorage, openStoreIn } from './helpers.js';
import { GAX_SECRET, PASSWORD, TOKEN_UUID, writeSecrets } from './secret-fixtures.js';

let dir: string;
eachTestInTempDir((d) => (dir = d));

const open = (cipher?: SecretCipher): Promise<Store> => openStoreIn(dir, cipher ? { cipher } : {});

describe('secrets in messages', () => {
  it('no warning, notice, issue or error ever holds a secret', async () => {
    const store = await open(safeStorageCipher(fakeSafeStorage('x')));
    const cs = await writeSecrets(store);
    const texts: unknown[] = [];
    texts.push(await store.profiles.create({ kind: 'gax', name: 'Secret GAX', options: { 'token-uuid': TOKEN_UUID } }));
    texts.push(await store.profiles.update(cs.id, { users: [{ userName: 'alice', password: 'p'.repeat(2000) }] }));
    texts.push(await store.profiles.update(cs.id, { options: { 'token-uuid': `${TOKEN_UUID}\n` } }));
    await store.close();
    const other = await open(safeStorageCipher(fakeSafeStorage('y')));
    texts.push(other.warnings, other.notices, other.profiles.get(cs.id));
    const text = JSON.stringify(texts);
    expect(text).toContain('could not be loaded');
    for (const secret of [TOKEN_UUID, PASSWORD, GAX_SECRET]) expect(text).not.toContain(secret);
  });
});

describe('SessionSecretVault', () => {
  it('holds values sealed with a key of its own; another vault cannot open them', () => {
    const a = new SessionSecretVault();
    a.set('s', PASSWORD);
    expect(a.get('s')).toBe(PASSWORD);
    expect(a.has('s')).toBe(true);
    const sealed = a.encrypt(PASSWORD);
    expect(sealed.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(() => new SessionSecretVault().decrypt(sealed)).toThrow();
    a.delete('s');
    expect(a.get('s')).toBeUndefined();
  });
});
