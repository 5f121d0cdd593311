/** What the secret-storage tests share: distinctive secrets, and profiles that hold them in every kind of place. */
import type { CsProfile, Store, StoreResult } from '../../src-main/store/index.js';

export const TOKEN_UUID = 'c0ffee42-dead-4bee-8f00-5ec7e75ec7e7';
export const PASSWORD = 'Zebra-Quasar-1977!';
export const GAX_SECRET = 'gax-app-pw-91ffa';

export function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

/** Creates, changes and copies profiles with secrets, so the file, its .bak and the copy hold them. */
export async function writeSecrets(store: Store): Promise<CsProfile> {
  const cs = must(
    await store.profiles.create({
      kind: 'cs',
      name: 'Secret CS',
      options: { 'token-uuid': TOKEN_UUID, 'token-authentication-mode': 'enable' },
      listeners: [{ host: '127.0.0.1', port: 2020 }],
      users: [{ userName: 'alice', password: PASSWORD }],
    }),
  ) as CsProfile;
  must(await store.profiles.create({ kind: 'gax', name: 'Secret GAX', options: { confserv_trusted: 'true', 'confserv-password': GAX_SECRET } }));
  must(await store.profiles.update(cs.id, { options: { 'token-tolerance': '90' } }));
  must(await store.profiles.duplicate(cs.id));
  return must(store.profiles.get(cs.id)) as CsProfile;
}
