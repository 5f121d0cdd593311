import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Store } from '../../src-main/store/index.js';
import { eachTestInTempDir, fixedClock, openStoreIn, readJson } from './helpers.js';

let dir: string;
const clock = fixedClock('2026-03-01T10:00:00.000Z');
const STAMP = '2026-03-01T10-00-00.000Z';

eachTestInTempDir((d) => (dir = d));

const open = (): Promise<Store> => openStoreIn(dir, { clock: clock.now });

/** A store with two saved states of settings and profiles: the file holds the second, .bak the first. */
async function withTwoStates(): Promise<void> {
  const store = await open();
  expect((await store.settings.update({ theme: 'dark' })).ok).toBe(true);
  expect((await store.profiles.create({ kind: 'gax', name: 'first' })).ok).toBe(true);
  expect((await store.settings.update({ theme: 'light' })).ok).toBe(true);
  expect((await store.profiles.create({ kind: 'gax', name: 'second' })).ok).toBe(true);
  await store.close();
}

const BAD_CONTENT: [string, string | Buffer, RegExp][] = [
  ['garbage bytes', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80, 0x81]), /^it is not valid JSON \(/],
  ['truncated JSON', '{"version": 1, "theme": "da', /^it is not valid JSON \(/],
  ['an empty file', '', /^the file is empty$/],
  ['an array', '[1,2,3]', /^it does not hold a JSON object$/],
  ['the wrong schema', '{"version": 1, "theme": "purple"}', /^it does not match the settings format \(theme: /],
  [
    'a future version',
    '{"version": 7, "theme": "dark", "hologram": true}',
    /newer version of GAX Token Lab \(file version 7; this version reads up to 1\)/,
  ],
  ['a version that is not a number', '{"version": "1"}', /^its version is not a whole number$/],
];

describe('a settings file that cannot be used', () => {
  for (const [what, content, problem] of BAD_CONTENT) {
    it(`${what}: set aside with a timestamp, reported, and the last good copy loaded`, async () => {
      await withTwoStates();
      const file = path.join(dir, 'settings.json');
      await fs.writeFile(file, content);

      const store = await open();
      expect(store.settings.get().theme).toBe('dark'); // the .bak: the state before the last write
      expect(store.notices).toHaveLength(1);
      const notice = store.notices[0]!;
      expect(notice).toMatchObject({ file: 'settings.json', setAsideTo: `settings.corrupt-${STAMP}.json`, recoveredFrom: 'backup' });
      expect(notice.problem).toMatch(problem);
      expect(notice.message).toBe(
        `settings.json: ${notice.problem}; it was set aside as settings.corrupt-${STAMP}.json and the last good copy (settings.json.bak) was loaded: it is the copy before the last save, so the last change made may be missing.`,
      );
      expect(notice.message).not.toContain('\n');
      // never deleted: the bytes are kept as they were
      expect(await fs.readFile(path.join(dir, `settings.corrupt-${STAMP}.json`))).toEqual(Buffer.from(content));
      // the recovered copy is written back, so the next start is clean
      expect(await readJson(file)).toMatchObject({ version: 1, theme: 'dark' });
      await store.close();
      const again = await open();
      expect(again.notices).toEqual([]);
      expect(again.settings.get().theme).toBe('dark');
    });
  }

  it('with no good backup either: both set aside, defaults, two notices', async () => {
    await withTwoStates();
    await fs.writeFile(path.join(dir, 'settings.json'), '{"version": 1, "theme": 5}');
    await fs.writeFile(path.join(dir, 'settings.json.bak'), 'not json');
    const store = await open();
    expect(store.settings.get()).toMatchObject({ version: 1, theme: 'system', window: null });
    expect(store.notices.map((n) => [n.file, n.setAsideTo, n.recoveredFrom])).toEqual([
      ['settings.json', `settings.corrupt-${STAMP}.json`, 'defaults'],
      ['settings.json.bak', `settings.bak.corrupt-${STAMP}.json`, 'defaults'],
    ]);
    expect(store.notices[0]!.message).toMatch(
      /there was no good copy, so the app starts with default settings\. Reset to defaults: theme, zoom, .*; secret storage: in memory only for this session \(the default\)\.$/,
    );
    const names = await fs.readdir(dir);
    expect(names).toContain(`settings.corrupt-${STAMP}.json`);
    expect(names).toContain(`settings.bak.corrupt-${STAMP}.json`);
  });

  it('a second corrupt file in the same millisecond does not replace the first set-aside copy', async () => {
    await withTwoStates();
    await fs.writeFile(path.join(dir, `settings.corrupt-${STAMP}.json`), 'older corrupt copy');
    await fs.writeFile(path.join(dir, 'settings.json'), 'newer corrupt copy');
    const store = await open();
    expect(store.notices[0]!.setAsideTo).toBe(`settings.corrupt-${STAMP}-2.json`);
    expect(await fs.readFile(path.join(dir, `settings.corrupt-${STAMP}.json`), 'utf8')).toBe('older corrupt copy');
    expect(await fs.readFile(path.join(dir, `settings.corrupt-${STAMP}-2.json`), 'utf8')).toBe('newer corrupt copy');
  });

  it('a folder where the file should be is set aside too', async () => {
    await fs.mkdir(path.join(dir, 'settings.json'));
    const store = await open();
    expect(store.notices).toMatchObject([{ file: 'settings.json', problem: 'it is a folder, not a file', recoveredFrom: 'defaults' }]);
    expect((await store.settings.update({ theme: 'dark' })).ok).toBe(true);
    expect((await fs.stat(path.join(dir, `settings.corrupt-${STAMP}.json`))).isDirectory()).toBe(true);
  });

  it('a missing file with a good backup is restored from it, and said so', async () => {
    await withTwoStates();
    await fs.rm(path.join(dir, 'settings.json'));
    const store = await open();
    expect(store.settings.get().theme).toBe('dark');
    expect(store.notices).toMatchObject([{ file: 'settings.json', problem: 'the file is missing', setAsideTo: null, recoveredFrom: 'backup' }]);
    expect(store.notices[0]!.message).toBe(
      'settings.json: the file is missing; the last good copy (settings.json.bak) was loaded: it is the copy before the last save, so the last change made may be missing.',
    );
  });

  it('a first start has no files, no notices, and defaults', async () => {
    const store = await open();
    expect(store.notices).toEqual([]);
    expect(store.warnings).toEqual([]);
    expect(store.settings.get().theme).toBe('system');
    expect(store.profiles.list()).toEqual([]);
    expect(await fs.readdir(dir)).toEqual([]); // nothing written until something changes
  });

  it.skipIf(process.platform === 'win32')(
    'an unreadable file (here a symlink loop, which even root cannot read) is set aside and reported',
    async () => {
      await withTwoStates();
      await fs.rm(path.join(dir, 'settings.json'));
      await fs.symlink('settings.json', path.join(dir, 'settings.json'));
      const store = await open();
      expect(store.notices[0]?.problem).toMatch(/^it could not be read \(ELOOP: too many (levels of )?symbolic links/);
      expect(store.notices[0]?.setAsideTo).toBe(`settings.corrupt-${STAMP}.json`);
      expect(store.settings.get().theme).toBe('dark');
      expect((await fs.lstat(path.join(dir, `settings.corrupt-${STAMP}.json`))).isSymbolicLink()).toBe(true);
    },
  );
});

describe('a profiles file that cannot be used', () => {
  it('truncated mid-write: set aside and the last good copy loaded', async () => {
    await withTwoStates();
    const file = path.join(dir, 'profiles.json');
    const whole = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, whole.slice(0, Math.floor(whole.length / 2)));
    const store = await open();
    expect(store.profiles.list().map((p) => p.name)).toEqual(['first']);
    expect(store.notices).toMatchObject([{ file: 'profiles.json', setAsideTo: `profiles.corrupt-${STAMP}.json`, recoveredFrom: 'backup' }]);
    expect(store.notices[0]!.problem).toMatch(/^it is not valid JSON/);
  });

  it('a pair naming a profile that does not exist is the wrong schema, with the place named', async () => {
    await withTwoStates();
    const file = path.join(dir, 'profiles.json');
    const data = (await readJson(file)) as { profiles: unknown[] };
    data.profiles.push({
      id: '9b2d0a52-3a43-4c7e-9f0e-2e7a8d1c4b55',
      kind: 'pair',
      name: 'p',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      csProfileId: '00000000-0000-4000-8000-000000000000',
      gaxProfileId: '00000000-0000-4000-8000-000000000001',
    });
    await fs.writeFile(file, JSON.stringify(data));
    const store = await open();
    expect(store.notices[0]!.problem).toBe(
      'it does not match the profiles format (profiles[2].csProfileId: it names no CS profile (and 1 more problem))',
    );
    expect(store.profiles.list().map((p) => p.name)).toEqual(['first']);
  });

  it('a token-uuid written in clear by hand is refused, not loaded or spread', async () => {
    await withTwoStates();
    const file = path.join(dir, 'profiles.json');
    const data = (await readJson(file)) as { profiles: { options: Record<string, string> }[] };
    data.profiles[0]!.options['token-uuid'] = '5f1b1d0e-8c7a-4c2e-9d6b-1a2b3c4d5e6f';
    await fs.writeFile(file, JSON.stringify(data));
    const store = await open();
    expect(store.notices[0]!.problem).toMatch(/profiles\[0\]\.options\.token-uuid: the secret option token-uuid is stored in clear/);
    expect(await fs.readFile(path.join(dir, 'profiles.json'), 'utf8')).not.toContain('5f1b1d0e');
  });
});
