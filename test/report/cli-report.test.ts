/**
 * `gax-token doctor … --report` and `login … --report`, run as the real built command: the file is
 * the same report the app saves, written whole (no temp file left), and a target that is not a
 * regular file (a folder, a symlink, a device) or sits in a missing folder is refused in one line
 * before anything runs.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockCs, type MockCsEvent } from '../../src-main/mockcs/index.js';
import { expectOneLineError, runGaxToken } from '../helpers/cli.js';
import { expectSelfContained } from './self-contained.js';

const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
let dir: string;
let cs: MockCs;
let port: number;
const events: MockCsEvent[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gax-cli-report-'));
  cs = new MockCs({
    dataDir: join(dir, 'cs'),
    options: { tokenAuthenticationMode: 'enable', tokenUuid: UUID, listeners: [{ host: '127.0.0.1', port: 0 }] },
  });
  cs.onEvent((e) => events.push(e));
  port = (await cs.start())[0]!.port;
  await writeFile(join(dir, 'u.txt'), `${UUID}\n`);
});
afterAll(async () => {
  await cs?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const FIXTURE = 'test/fixtures/options/misspelt-ttl-too-short';

/** `gax-token login` as `default` to the mock CS, with the token-uuid from u.txt: the arguments before the ones a test adds. */
const loginToCs = () => ['login', '--host', '127.0.0.1', '--port', String(port), '--user', 'default', '--uuid-file', join(dir, 'u.txt')];

describe('--report', { timeout: 60_000 }, () => {
  it('doctor: writes the report with the findings and the corrected lines; the text output is unchanged', async () => {
    const out = join(dir, 'doctor', 'report.html');
    await mkdir(join(dir, 'doctor'));
    const withReport = await runGaxToken(['doctor', `${FIXTURE}/cs.cfg`, `${FIXTURE}/gax.cfg`, '--report', out]);
    const without = await runGaxToken(['doctor', `${FIXTURE}/cs.cfg`, `${FIXTURE}/gax.cfg`]);
    expect(withReport.code).toBe(1);
    expect(withReport.stdout).toBe(without.stdout);
    const html = await readFile(out, 'utf8');
    expectSelfContained(html);
    expect(html).toContain('TTL_SHORTER_THAN_LIFE');
    expect(html).toContain('token-ttl=20');
    expect(html).toContain('(gax-token doctor)');
    expect(await readdir(join(dir, 'doctor'))).toEqual(['report.html']);
  });

  it('login: the trace, the outcome and the command that reruns it (secrets by reference)', async () => {
    const out = join(dir, 'login.html');
    const run = await runGaxToken([...loginToCs(), '--life', '20', '--client-name', 'Field kit', '--report', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    expectSelfContained(html);
    expect(html).toContain('accepted: ');
    expect(html).toContain('<td class="nowrap">RegisterClient</td>');
    expect(html).toContain(
      `gax-token login --host 127.0.0.1 --port ${port} --user default --client-name &#39;Field kit&#39; --uuid-file ${join(dir, 'u.txt')} --life 20`,
    );
    expect(events.some((e) => e.kind === 'register' && e.clientName === 'Field kit')).toBe(true);
  });

  it('replaces an existing regular file', async () => {
    const out = join(dir, 'old.html');
    await writeFile(out, 'old');
    expect((await runGaxToken(['doctor', `${FIXTURE}/cs.cfg`, '--report', out])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses a folder, a symlink, a device and a missing folder in one line, before the login runs', async () => {
    const link = join(dir, 'link.html');
    await writeFile(join(dir, 'target.html'), 'keep me');
    await symlink(join(dir, 'target.html'), link);
    const cases: [string, RegExp][] = [
      [dir, /it is a folder/],
      [link, /it is a symbolic link/],
      ['/dev/null', /not a regular file/],
      [join(dir, 'missing', 'r.html'), /the folder .* does not exist/],
    ];
    for (const [target, why] of cases) {
      const before = events.length;
      const run = await runGaxToken([...loginToCs(), '--report', target]);
      expect(run.code).toBe(2);
      expect(expectOneLineError(run)).toMatch(why);
      expect(events.length).toBe(before);
      const doc = await runGaxToken(['doctor', `${FIXTURE}/cs.cfg`, '--report', target]);
      expect(doc.code).toBe(2);
      expect(expectOneLineError(doc)).toMatch(why);
    }
    expect(await readFile(join(dir, 'target.html'), 'utf8')).toBe('keep me');
  });
});
