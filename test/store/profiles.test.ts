import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, safeStorageCipher, type CsProfile, type Profile, type Store, type StoreResult } from '../../src-main/store/index.js';
import { fakeSafeStorage, fixedClock, makeTempDir, readJson, removeDir } from './helpers.js';

let dir: string;
let clock = fixedClock();
const keychain = fakeSafeStorage('alice@workstation');
const UUID = '7d4e2a10-5b3c-4f6d-8e9a-0b1c2d3e4f50';

beforeEach(async () => {
  dir = await makeTempDir();
  clock = fixedClock('2026-03-01T10:00:00.000Z');
});
afterEach(async () => {
  await removeDir(dir);
});

async function open(): Promise<Store> {
  const opened = await openStore({ dir, cipher: safeStorageCipher(keychain), clock: clock.now });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.data;
}

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

const LAB_CS = {
  kind: 'cs' as const,
  name: 'Lab CS',
  options: { 'token-authentication-mode': 'enable', 'token-preambula': '{PXZ}', 'token-uuid': UUID, 'token-tolerance': '60' },
  listeners: [{ host: '127.0.0.1', port: 2020 }],
  users: [
    { userName: 'default', password: 'password' },
    { userName: 'svc_gax', enabled: false },
  ],
};

async function seed(store: Store): Promise<{ cs: CsProfile; gax: Profile; pair: Profile }> {
  const cs = must(await store.profiles.create(LAB_CS)) as CsProfile;
  const gax = must(await store.profiles.create({ kind: 'gax', name: 'Lab GAX', options: { confserv_trusted: 'true', token_life_in_minutes: '20' } }));
  const pair = must(await store.profiles.create({ kind: 'pair', name: 'Lab', csProfileId: cs.id, gaxProfileId: gax.id }));
  return { cs, gax, pair };
}

describe('profiles', () => {
  it('a CS, a GAX profile and a pair round-trip through a restart', async () => {
    const store = await open();
    const { cs, gax, pair } = await seed(store);
    expect(cs).toEqual({
      id: cs.id,
      kind: 'cs',
      name: 'Lab CS',
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      options: LAB_CS.options,
      listeners: [{ host: '127.0.0.1', port: 2020, tls: false }],
      users: [
        { userName: 'default', enabled: true, password: 'password' },
        { userName: 'svc_gax', enabled: false },
      ],
      secretIssues: [],
    });
    expect(cs.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await store.close();

    const again = await open();
    expect(again.notices).toEqual([]);
    expect(again.profiles.list()).toEqual([
      { id: cs.id, kind: 'cs', name: 'Lab CS', createdAt: cs.createdAt, updatedAt: cs.updatedAt, secretIssueCount: 0 },
      { id: gax.id, kind: 'gax', name: 'Lab GAX', createdAt: gax.createdAt, updatedAt: gax.updatedAt, secretIssueCount: 0 },
      { id: pair.id, kind: 'pair', name: 'Lab', createdAt: pair.createdAt, updatedAt: pair.updatedAt, secretIssueCount: 0 },
    ]);
    expect(must(again.profiles.get(cs.id))).toEqual(cs);
    expect(must(again.profiles.get(gax.id))).toEqual(gax);
    expect(must(again.profiles.get(pair.id))).toEqual(pair);
  });

  it('names are unique per kind, whatever the case and spaces', async () => {
    const store = await open();
    await seed(store);
    expect(await store.profiles.create({ kind: 'cs', name: '  lab cs ' })).toEqual({
      ok: false,
      error: { code: 'DUPLICATE_NAME', message: 'a CS profile named "Lab CS" already exists', hint: 'choose another name' },
    });
    // the same name for another kind is fine
    expect((await store.profiles.create({ kind: 'gax', name: 'Lab CS' })).ok).toBe(true);
  });

  it('rename keeps the id; renaming onto a taken name is refused', async () => {
    const store = await open();
    const { cs, gax } = await seed(store);
    clock.advance(60_000);
    const renamed = must(await store.profiles.rename(cs.id, '  Lab CS (new)  '));
    expect(renamed).toMatchObject({ id: cs.id, name: 'Lab CS (new)', createdAt: cs.createdAt, updatedAt: '2026-03-01T10:01:00.000Z' });
    expect(await store.profiles.rename(gax.id, 'x'.repeat(81))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'the profile is not valid: the name is longer than 80 characters' },
    });
    must(await store.profiles.create({ kind: 'gax', name: 'Other' }));
    expect(await store.profiles.rename(gax.id, 'OTHER')).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NAME' } });
  });

  it('duplicate copies everything, secrets included, under a free name', async () => {
    const store = await open();
    const { cs } = await seed(store);
    const copy = must(await store.profiles.duplicate(cs.id)) as CsProfile;
    const copy2 = must(await store.profiles.duplicate(cs.id));
    expect(copy.name).toBe('Lab CS (copy)');
    expect(copy2.name).toBe('Lab CS (copy 2)');
    expect(copy.id).not.toBe(cs.id);
    expect({ ...copy, id: cs.id, name: cs.name }).toEqual(cs);
    // independent: a change to the copy leaves the original alone
    must(await store.profiles.update(copy.id, { options: { 'token-uuid': null }, users: [{ userName: 'default', password: 'changed' }] }));
    expect(must(store.profiles.get(cs.id))).toEqual(cs);
    await store.close();
    const again = await open();
    expect(must(again.profiles.get(cs.id))).toEqual(cs);
    expect(must(again.profiles.get(copy.id))).toMatchObject({
      options: { 'token-preambula': '{PXZ}' },
      users: [{ userName: 'default', password: 'changed' }],
    });
    expect((must(again.profiles.get(copy.id)) as CsProfile).options['token-uuid']).toBeUndefined();
  });

  it('a long name still gets a copy name within the limit', async () => {
    const store = await open();
    const long = must(await store.profiles.create({ kind: 'gax', name: 'n'.repeat(80) }));
    const copy = must(await store.profiles.duplicate(long.id));
    expect(copy.name).toBe(`${'n'.repeat(73)} (copy)`);
  });

  it('update: options merge (null removes), listeners and users replace, a left-out password is kept', async () => {
    const store = await open();
    const { cs } = await seed(store);
    const updated = must(
      await store.profiles.update(cs.id, {
        options: { 'token-tolerance': null, 'token-ttl': '30' },
        listeners: [{ host: '127.0.0.1', port: 2021, tls: true }],
        users: [
          { userName: 'default', enabled: false },
          { userName: 'carol', password: 'c4r0l' },
        ],
      }),
    ) as CsProfile;
    expect(updated.options).toEqual({ 'token-authentication-mode': 'enable', 'token-preambula': '{PXZ}', 'token-uuid': UUID, 'token-ttl': '30' });
    expect(updated.listeners).toEqual([{ host: '127.0.0.1', port: 2021, tls: true }]);
    expect(updated.users).toEqual([
      { userName: 'default', enabled: false, password: 'password' },
      { userName: 'carol', enabled: true, password: 'c4r0l' },
    ]);
    const cleared = must(await store.profiles.update(cs.id, { users: [{ userName: 'default', password: null }] })) as CsProfile;
    expect(cleared.users).toEqual([{ userName: 'default', enabled: true }]);
    await store.close();
    expect(must((await open()).profiles.get(cs.id))).toEqual(cleared);
  });

  it('update refuses a field of another kind, and changes nothing', async () => {
    const store = await open();
    const { gax, pair } = await seed(store);
    expect(await store.profiles.update(gax.id, { users: [] } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'the change to the GAX profile is not valid: Unrecognized key: "users"' },
    });
    expect(await store.profiles.update(pair.id, { csProfileId: gax.id })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_KIND', message: `the pair's CS profile is a GAX profile ("Lab GAX")` },
    });
    expect(must(store.profiles.get(pair.id))).toEqual(pair);
  });

  it('a pair must name an existing CS and GAX profile', async () => {
    const store = await open();
    const { cs } = await seed(store);
    const ghost = '11111111-2222-4333-8444-555555555555';
    expect(await store.profiles.create({ kind: 'pair', name: 'p2', csProfileId: cs.id, gaxProfileId: ghost })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: `the pair names a GAX profile that does not exist (${ghost})` },
    });
  });

  it('remove: refused while a pair uses the profile; a removed id is forgotten by settings too', async () => {
    const store = await open();
    const { cs, gax, pair } = await seed(store);
    must(await store.settings.update({ lastUsed: { csProfileId: cs.id, pairId: pair.id, gaxProfileId: gax.id } }));
    expect(await store.profiles.remove(cs.id)).toEqual({
      ok: false,
      error: {
        code: 'IN_USE',
        message: 'CS profile "Lab CS" is used by the pair "Lab"',
        hint: 'remove the pair, or point it at another profile, first',
      },
    });
    expect(must(await store.profiles.remove(pair.id))).toEqual({ id: pair.id });
    expect(must(await store.profiles.remove(cs.id))).toEqual({ id: cs.id });
    expect(store.profiles.list().map((p) => p.name)).toEqual(['Lab GAX']);
    expect(store.settings.get().lastUsed).toEqual({ csProfileId: null, gaxProfileId: gax.id, pairId: null });
    expect(await store.profiles.get(cs.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await store.profiles.remove(cs.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await store.close();
    const again = await open();
    expect(again.profiles.list().map((p) => p.name)).toEqual(['Lab GAX']);
  });

  it('bad ids answer typed errors', async () => {
    const store = await open();
    for (const id of [undefined, 42, '', 'nope']) {
      const r = store.profiles.get(id as string);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(r.error.code);
    }
  });

  it('many changes at once are all saved, in one valid file', async () => {
    const store = await open();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.profiles.create({ kind: 'gax', name: `g${i}`, options: { n: String(i) } })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const file = (await readJson(path.join(dir, 'profiles.json'))) as { profiles: { name: string }[] };
    expect(file.profiles.map((p) => p.name)).toEqual(Array.from({ length: 40 }, (_, i) => `g${i}`));
  });
});
