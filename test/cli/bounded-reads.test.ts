// Files a person names are read at most limit + 1 bytes: a huge file or /dev/zero is refused in one
// line, exit 2, at once — not read whole into memory first (issue 8, part 3 loose end).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileBounded } from '../../src-main/cli/bounded-file.js';
import { expectOneLineError, runGaxToken } from '../helpers/cli.js';

let dir: string;
let huge: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gax-bounded-'));
  huge = path.join(dir, 'huge.cfg');
  // 2 GiB, sparse: as large as a file gets for a reader, without writing it.
  await writeFile(huge, '');
  await truncate(huge, 2 * 1024 ** 3);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readFileBounded', () => {
  it('gives a file of exactly the limit, refuses one byte more, and reports a missing file', async () => {
    const exact = path.join(dir, 'exact.txt');
    await writeFile(exact, 'x'.repeat(100_000));
    const read = await readFileBounded(exact, 100_000);
    expect(read.ok && read.bytes.length).toBe(100_000);
    expect(await readFileBounded(exact, 99_999)).toEqual({ ok: false, tooLarge: true });
    expect(await readFileBounded(path.join(dir, 'missing.txt'), 10)).toMatchObject({ ok: false, tooLarge: false, error: { code: 'ENOENT' } });
    await writeFile(path.join(dir, 'empty.txt'), '');
    expect(await readFileBounded(path.join(dir, 'empty.txt'), 10)).toEqual({ ok: true, bytes: Buffer.alloc(0) });
  });

  it('refuses a file that never ends (a device) before reading a byte of it', async () => {
    if (!existsSync('/dev/zero')) return;
    const started = performance.now();
    expect(await readFileBounded('/dev/zero', 1 << 20)).toMatchObject({ ok: false, tooLarge: false, error: { code: 'NOT_REGULAR' } });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

const COMMANDS: { name: string; args: (file: string) => string[]; limit: string; why: string }[] = [
  { name: 'doctor FILE', args: (f) => ['doctor', f], limit: '4,194,304', why: 'it is not an option export' },
  {
    name: 'mint --uuid-file',
    args: (f) => ['mint', '--user', 'default', '--uuid-file', f],
    limit: '4,096',
    why: 'is it the right file for --uuid-file?',
  },
  { name: 'serve --config', args: (f) => ['serve', '--config', f], limit: '1,048,576', why: 'is it the right file for --config?' },
  {
    name: 'lab check --config',
    args: (f) => ['lab', 'check', 'cs-clock-behind', '--config', f],
    limit: '1,048,576',
    why: 'is it the right file for --config?',
  },
  {
    name: 'login --password-file',
    args: (f) => ['login', '--host', '127.0.0.1', '--port', '1', '--user', 'default', '--password-file', f],
    limit: '65,536',
    why: 'is it the right file for --password-file?',
  },
];

describe('gax-token refuses a file too large to be what it asks for', { timeout: 60_000 }, () => {
  const files = () => [huge];
  it.each(COMMANDS)('$name: exit 2, one line, fast', async ({ args, limit, why }) => {
    for (const file of files()) {
      const started = performance.now();
      const run = await runGaxToken(args(file), { timeoutMs: 10_000 });
      expect(run.code, run.stderr).toBe(2);
      expect(expectOneLineError(run)).toMatch(
        new RegExp(`^gax-token \\w+: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is larger than ${limit} bytes: ${why.replace(/[?]/g, '\\?')}$`),
      );
      expect(run.stdout).toBe('');
      // A whole read of 2 GiB (or of /dev/zero, for ever) would take far longer than starting node.
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});
