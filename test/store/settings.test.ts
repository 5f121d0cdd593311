import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStore, THEMES, VIEWS, type SettingsPatch, type Store } from '../../src-main/store/index.js';
import { eachTestInTempDir, openStoreIn, readJson } from './helpers.js';

let dir: string;
eachTestInTempDir((d) => (dir = d));

const open = (): Promise<Store> => openStoreIn(dir);

const ID = 'c0ffee00-1234-4abc-8def-0123456789ab';

describe('settings', () => {
  it('survive a restart, field by field', async () => {
    const store = await open();
    const window = { x: -1200, y: 40, width: 1440, height: 900, maximized: false };
    expect(await store.settings.update({ theme: 'dark', window, zoomFactor: 1.25, lastView: 'server', lastUsed: { csProfileId: ID } })).toMatchObject(
      {
        ok: true,
        data: { theme: 'dark', window, zoomFactor: 1.25, lastView: 'server', lastUsed: { csProfileId: ID, gaxProfileId: null, pairId: null } },
      },
    );
    await store.close();
    const again = await open();
    expect(again.settings.get()).toEqual({
      version: 1,
      theme: 'dark',
      window,
      zoomFactor: 1.25,
      lastView: 'server',
      lastUsed: { csProfileId: ID, gaxProfileId: null, pairId: null },
      secretStorage: 'session-only',
    });
    expect(await readJson(path.join(dir, 'settings.json'))).toEqual(again.settings.get());
  });

  it('a patch changes only what it names; lastUsed merges, window null forgets the bounds', async () => {
    const store = await open();
    await store.settings.update({ window: { x: 0, y: 0, width: 800, height: 600, maximized: true }, lastUsed: { csProfileId: ID, pairId: ID } });
    const after = await store.settings.update({ lastUsed: { pairId: null }, theme: 'light' });
    expect(after.ok && after.data).toMatchObject({ theme: 'light', window: { width: 800 }, lastUsed: { csProfileId: ID, pairId: null } });
    const forgot = await store.settings.update({ window: null });
    expect(forgot.ok && forgot.data.window).toBeNull();
  });

  it('get() hands out a copy: changing it changes nothing', async () => {
    const store = await open();
    const s = store.settings.get();
    s.theme = 'dark';
    s.lastUsed.csProfileId = ID;
    expect(store.settings.get()).toMatchObject({ theme: 'system', lastUsed: { csProfileId: null } });
  });

  const BAD_PATCHES: [unknown, string][] = [
    [{ theme: 'purple' }, 'the settings change is not valid: theme: '],
    [{ window: { x: 0, y: 0, width: 10, height: 600, maximized: false } }, 'the settings change is not valid: window.width: '],
    [{ zoomFactor: 9 }, 'the settings change is not valid: zoomFactor: '],
    [{ lastUsed: { csProfileId: 'lab' } }, 'the settings change is not valid: lastUsed.csProfileId: '],
    [{ colour: 'red' }, 'the settings change is not valid: Unrecognized key: "colour"'],
    [null, 'the settings change is not valid: '],
    ['dark', 'the settings change is not valid: '],
  ];
  for (const [patch, start] of BAD_PATCHES) {
    it(`refuses ${JSON.stringify(patch)} with one line, and writes nothing`, async () => {
      const store = await open();
      const result = await store.settings.update(patch as SettingsPatch);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message.startsWith(start)).toBe(true);
      expect(result.error.message).not.toContain('\n');
      expect(result.error.hint).toBe('correct that field and try again');
      expect(await fs.readdir(dir)).toEqual([]);
    });
  }

  it('any valid patch sequence reads back the same after a restart', async () => {
    const patch = fc.record(
      {
        theme: fc.constantFrom(...THEMES),
        lastView: fc.constantFrom(...VIEWS),
        zoomFactor: fc.double({ min: 0.5, max: 3, noNaN: true }),
        window: fc.option(
          fc.record({
            x: fc.integer({ min: -5000, max: 5000 }),
            y: fc.integer({ min: -5000, max: 5000 }),
            width: fc.integer({ min: 100, max: 8000 }),
            height: fc.integer({ min: 100, max: 8000 }),
            maximized: fc.boolean(),
          }),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(patch, { minLength: 1, maxLength: 4 }), async (patches) => {
        const sub = await fs.mkdtemp(path.join(dir, 'p-'));
        const opened = await openStore({ dir: sub });
        if (!opened.ok) throw new Error(opened.error.message);
        for (const p of patches) expect((await opened.data.settings.update(p)).ok).toBe(true);
        const expected = opened.data.settings.get();
        await opened.data.close();
        const again = await openStore({ dir: sub });
        expect(again.ok && again.data.settings.get()).toEqual(expected);
        expect(again.ok && again.data.notices).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('openStore', () => {
  it('creates the data folder, private to the user', async () => {
    const sub = path.join(dir, 'a', 'b');
    const opened = await openStore({ dir: sub });
    expect(opened.ok).toBe(true);
    if (process.platform !== 'win32') expect((await fs.stat(sub)).mode & 0o777).toBe(0o700);
  });

  it('answers a folder it cannot create with one line, not a throw', async () => {
    await fs.writeFile(path.join(dir, 'file'), 'x');
    const opened = await openStore({ dir: path.join(dir, 'file', 'sub') });
    expect(opened).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED' } });
    if (!opened.ok) expect(opened.error.message).toMatch(/^the data folder .* could not be created \((ENOTDIR|EEXIST)/);
  });

  it('answers an empty folder name', async () => {
    expect(await openStore({ dir: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'no data folder was given' } });
  });
});
