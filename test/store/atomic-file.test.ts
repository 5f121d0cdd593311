import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, runSerialized, writeFileAtomic } from '../../src-main/store/atomic-file.js';
import { StoreFileWriter } from '../../src-main/store/store-file.js';
import { eachTestInTempDir } from './helpers.js';

let dir: string;
eachTestInTempDir((d) => (dir = d));

describe('writeFileAtomic', () => {
  it('writes the content, private to the user, and leaves no temp file', async () => {
    const target = path.join(dir, 'a.json');
    await writeFileAtomic(target, '{"n":1}\n', { keepBackup: true });
    expect(await fs.readFile(target, 'utf8')).toBe('{"n":1}\n');
    if (process.platform !== 'win32') expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the replaced content as .bak, rotated on every write', async () => {
    const target = path.join(dir, 'a.json');
    for (const n of [1, 2, 3]) await writeFileAtomic(target, `{"n":${n}}`, { keepBackup: true });
    expect(await fs.readFile(target, 'utf8')).toBe('{"n":3}');
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe('{"n":2}');
    expect((await fs.readdir(dir)).sort()).toEqual(['a.json', 'a.json.bak']);
  });

  it('keeps no .bak when asked not to', async () => {
    const target = path.join(dir, 'k');
    await writeFileAtomic(target, 'one', { keepBackup: false });
    await writeFileAtomic(target, 'two', { keepBackup: false });
    expect(await fs.readdir(dir)).toEqual(['k']);
  });

  it('fails cleanly when the folder does not exist, leaving nothing behind', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.json'), 'x', { keepBackup: true })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('runSerialized', () => {
  it('never lets two tasks on the same key overlap, and keeps their order', async () => {
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runSerialized('k', async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((r) => setTimeout(r, i % 3));
          order.push(i);
          running--;
        }),
      ),
    );
    expect(maxRunning).toBe(1);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('goes on after a task fails', async () => {
    const failed = runSerialized('f', async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(runSerialized('f', async () => 7)).resolves.toBe(7);
  });
});

describe('StoreFileWriter', () => {
  it('saves asked for while one waits carry the latest state, and the file is always whole', async () => {
    let state = { n: 0, pad: '' };
    const writer = new StoreFileWriter(dir, 's.json', () => state, false);
    const saves: Promise<unknown>[] = [];
    for (let n = 1; n <= 30; n++) {
      state = { n, pad: 'x'.repeat(n * 100) };
      saves.push(writer.save());
    }
    const results = await Promise.all(saves);
    expect(results.every((r) => (r as { ok: boolean }).ok)).toBe(true);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 's.json'), 'utf8')) as { n: number };
    expect(onDisk.n).toBe(30);
  });

  it('answers a failed save with a typed error, not a throw', async () => {
    const writer = new StoreFileWriter(path.join(dir, 'gone'), 's.json', () => ({}), false);
    const saved = await writer.save();
    expect(saved).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED' } });
    if (!saved.ok) {
      expect(saved.error.message).toMatch(/^s\.json could not be saved \(ENOENT: no such file or directory\)/);
      expect(saved.error.message).not.toContain('\n');
    }
  });

  it('refuses to write over a file it was told is blocked', async () => {
    await fs.writeFile(path.join(dir, 's.json'), 'precious');
    const writer = new StoreFileWriter(dir, 's.json', () => ({}), true);
    expect(await writer.save()).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED' } });
    expect(await fs.readFile(path.join(dir, 's.json'), 'utf8')).toBe('precious');
  });
});

describe('removeStaleTempFiles', () => {
  it("removes a dead writer's temp files and keeps a live one's and everything else", async () => {
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max, so no process has it
    const names = [
      `settings.json.tmp-${dead}-abc123`,
      `settings.json.bak.tmp-${dead}-00ff`,
      `settings.json.tmp-${process.pid}-beef`,
      `other.json.tmp-${dead}-abc`,
      'settings.json',
      'settings.corrupt-2026-01-01T00-00-00.000Z.json',
    ];
    for (const n of names) await fs.writeFile(path.join(dir, n), 'x');
    expect(await removeStaleTempFiles(dir, ['settings.json'])).toBe(2);
    expect((await fs.readdir(dir)).sort()).toEqual(
      [
        `settings.json.tmp-${process.pid}-beef`,
        `other.json.tmp-${dead}-abc`,
        'settings.json',
        'settings.corrupt-2026-01-01T00-00-00.000Z.json',
      ].sort(),
    );
  });
});
