import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, oldestMigratableVersion, type Migration } from '../../src-main/store/migrations.js';
import { type Store } from '../../src-main/store/index.js';
import { eachTestInTempDir, fixedClock, openStoreIn, readJson } from './helpers.js';

let dir: string;
const clock = fixedClock('2026-03-01T10:00:00.000Z');

eachTestInTempDir((d) => (dir = d));

const open = (): Promise<Store> => openStoreIn(dir, { clock: clock.now });

const LEGACY_ID = '3f0c2b8e-6d1a-4b7e-9c55-0a1b2c3d4e5f';

describe('settings version 0 (the prototype: no version field)', () => {
  it('is migrated to version 1, written back, and the original kept as .bak', async () => {
    const legacy = { darkMode: true, bounds: { x: 10.4, y: 20.6, width: 1280, height: 800.2 }, maximized: true, lastProfile: LEGACY_ID };
    const text = JSON.stringify(legacy);
    await fs.writeFile(path.join(dir, 'settings.json'), text);

    const store = await open();
    expect(store.notices).toEqual([]);
    expect(store.settings.get()).toEqual({
      version: 1,
      theme: 'dark',
      window: { x: 10, y: 21, width: 1280, height: 800, maximized: true },
      zoomFactor: 1,
      lastView: 'setup',
      lastUsed: { csProfileId: LEGACY_ID, gaxProfileId: null, pairId: null },
      secretStorage: 'session-only',
    });
    expect(await readJson(path.join(dir, 'settings.json'))).toMatchObject({ version: 1, theme: 'dark' });
    expect(await fs.readFile(path.join(dir, 'settings.json.bak'), 'utf8')).toBe(text);
  });

  it('maps each darkMode to a theme and drops a lastProfile that is not an id', async () => {
    for (const [darkMode, theme] of [
      [false, 'light'],
      [undefined, 'system'],
    ] as const) {
      await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ darkMode, lastProfile: 'Lab 1' }));
      const store = await open();
      expect(store.settings.get()).toMatchObject({ theme, window: null, lastUsed: { csProfileId: null } });
      await store.close();
    }
  });

  it('a version-0 file that is not even that shape is set aside with the reason', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ darkMode: 'yes' }));
    const store = await open();
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]!.problem).toMatch(/^it could not be migrated \(as version 0: /);
    expect(store.settings.get().theme).toBe('system');
  });
});

describe('profiles version 0 (CS profiles only, no ids)', () => {
  it('become CS profiles with ids and timestamps; options, listeners and users carried over', async () => {
    const legacy = {
      profiles: [
        {
          name: 'Lab CS',
          system: { 'token-authentication-mode': 'enable', 'token-tolerance': '120' },
          listeners: [
            { host: '127.0.0.1', port: 2020 },
            { host: 'cs.lab', port: 2021, tls: true },
          ],
          users: [{ userName: 'alice' }, { userName: 'bob', enabled: false }],
        },
        { name: 'Empty' },
      ],
    };
    await fs.writeFile(path.join(dir, 'profiles.json'), JSON.stringify(legacy));
    const store = await open();
    expect(store.notices).toEqual([]);
    const list = store.profiles.list();
    expect(list.map((p) => [p.kind, p.name, p.createdAt])).toEqual([
      ['cs', 'Lab CS', '2026-03-01T10:00:00.000Z'],
      ['cs', 'Empty', '2026-03-01T10:00:00.000Z'],
    ]);
    const lab = store.profiles.get(list[0]!.id);
    expect(lab.ok && lab.data).toMatchObject({
      kind: 'cs',
      options: { 'token-authentication-mode': 'enable', 'token-tolerance': '120' },
      listeners: [
        { host: '127.0.0.1', port: 2020, tls: false },
        { host: 'cs.lab', port: 2021, tls: true },
      ],
      users: [
        { userName: 'alice', enabled: true },
        { userName: 'bob', enabled: false },
      ],
      secretIssues: [],
    });
    const onDisk = (await readJson(path.join(dir, 'profiles.json'))) as { version: number; profiles: { id: string }[] };
    expect(onDisk.version).toBe(1);
    expect(onDisk.profiles.map((p) => p.id)).toEqual(list.map((p) => p.id)); // ids are stable from now on
    const reopened = await open();
    expect(reopened.profiles.list().map((p) => p.id)).toEqual(list.map((p) => p.id));
  });

  it('a version-0 profile holding a secret in clear is set aside, not re-encrypted silently', async () => {
    await fs.writeFile(path.join(dir, 'profiles.json'), JSON.stringify({ profiles: [{ name: 'X', system: { 'token-uuid': 'abc' } }] }));
    const store = await open();
    expect(store.notices[0]!.problem).toBe('it could not be migrated (as version 0: the profile "X" holds token-uuid in clear)');
    expect(store.profiles.list()).toEqual([]);
  });
});

describe('the migration framework', () => {
  const steps: Migration[] = [
    { from: 0, describe: 'a → b', migrate: (raw) => ({ ok: true, value: { ...(raw as object), b: 1, version: 1 } }) },
    { from: 1, describe: 'b → c', migrate: (raw) => ({ ok: true, value: { ...(raw as object), c: 2, version: 2 } }) },
    { from: 2, describe: 'refuses', migrate: () => ({ ok: false, problem: 'no c' }) },
  ];

  it('runs every step in order from the file version to the current one', () => {
    expect(migrate({ a: 0 }, 0, 2, steps, { nowIso: '' })).toEqual({ ok: true, value: { a: 0, b: 1, c: 2, version: 2 } });
    expect(migrate({ a: 0, version: 1 }, 1, 2, steps, { nowIso: '' })).toEqual({ ok: true, value: { a: 0, version: 2, c: 2 } });
  });

  it('names the version whose step failed, and a missing step', () => {
    expect(migrate({}, 0, 3, steps, { nowIso: '' })).toEqual({ ok: false, problem: 'as version 2: no c' });
    expect(migrate({}, 0, 2, steps.slice(1), { nowIso: '' })).toEqual({ ok: false, problem: 'there is no migration from version 0' });
  });

  it('knows the oldest version it can start from', () => {
    expect(oldestMigratableVersion(steps.slice(0, 2), 2)).toBe(0);
    expect(oldestMigratableVersion(steps.slice(1, 2), 2)).toBe(1);
    expect(oldestMigratableVersion([], 1)).toBe(1);
  });
});
