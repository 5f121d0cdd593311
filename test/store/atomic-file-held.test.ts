// An atomic write held between its flush and its rename: a reader at that moment sees the old file
// whole, the new bytes whole in a temp file beside it, and the backup — never a mix. Deterministic:
// the write waits on the test, not on timing.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src-main/store/atomic-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gtl-atomic-held-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A gate the write waits at; `reached` settles when the write gets there. */
function gate() {
  let arrive!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (arrive = r));
  const open = new Promise<void>((r) => (release = r));
  return { reached, release, hook: () => (arrive(), open) };
}

describe('writeFileAtomic, held before its rename', () => {
  it('leaves the old content whole until the rename, then the new content whole', async () => {
    const target = path.join(dir, 'settings.json');
    const before = JSON.stringify({ version: 1, text: 'a'.repeat(200_000) });
    const after = JSON.stringify({ version: 2, text: 'b'.repeat(300_000) });
    await writeFile(target, before);
    const g = gate();

    const writing = writeFileAtomic(target, after, { keepBackup: true, beforeRename: g.hook });
    await g.reached;

    expect(await readFile(target, 'utf8')).toBe(before);
    expect(await readFile(`${target}.bak`, 'utf8')).toBe(before);
    const temps = (await readdir(dir)).filter((f) => f.startsWith('settings.json.tmp-'));
    expect(temps).toHaveLength(1);
    expect(await readFile(path.join(dir, temps[0]!), 'utf8')).toBe(after);

    g.release();
    await writing;
    expect(await readFile(target, 'utf8')).toBe(after);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.bak']);
  });

  it('a first write, held, shows no file at the target yet', async () => {
    const target = path.join(dir, 'profiles.json');
    const g = gate();
    const writing = writeFileAtomic(target, '{"profiles":[]}', { keepBackup: true, beforeRename: g.hook });
    await g.reached;
    await expect(readFile(target, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    g.release();
    await writing;
    expect(await readFile(target, 'utf8')).toBe('{"profiles":[]}');
  });
});
