// `node dist/main/web/main.js`: the two lines it prints, a URL that works, one-line failures, a clean stop.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, rawRequest, secretOf } from './helpers.js';
import { ROOT } from '../helpers/cli.js';
import { AppProcess, assertAppBuilt, runNode, URL_LINE } from './run-app.js';

let tmp: string;
beforeAll(async () => {
  assertAppBuilt();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gax-web-main-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const MAIN = 'dist/main/web/main.js';

function expectOneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('web mode entry', { timeout: 30_000 }, () => {
  it('creates its data folder, prints the URL and how to stop, serves the app, and stops cleanly on SIGTERM', async () => {
    const home = path.join(tmp, 'home', 'lab');
    const app = runNode(MAIN, ['--port', '0'], { GAX_TOKEN_LAB_HOME: home });
    try {
      const url = (await app.waitFor(URL_LINE))[1]!;
      await app.waitFor(/Open that URL in a browser; Ctrl\+C stops\.\n/);
      expect(app.stdout.split('\n').slice(0, 2)).toEqual([`GAX Token Lab (web mode) at ${url}`, 'Open that URL in a browser; Ctrl+C stops.']);
      expect((await stat(home)).isDirectory()).toBe(true);
      const port = Number(new URL(url).port);
      const page = await rawRequest(port, '/');
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toContain(`ws://127.0.0.1:${port}`);
      expect(page.body).toMatch(/<script type="module"[^>]* src="\.\/assets\/[^"]+\.js"/);
      const client = await connect(port, secretOf(url));
      const info = await client.request('app.info', {});
      expect(info).toMatchObject({ ok: true, data: { mode: 'web', dataDir: home, versions: { node: process.versions.node } } });
      const ended = await app.stop();
      expect(ended).toEqual({ code: 0, signal: null });
      expect((await client.closed).code).toBe(1001);
      expect(app.stdout).toContain('GAX Token Lab (web mode) stopped.');
      expect(app.stderr).toBe('');
    } finally {
      await app.stop();
    }
  });

  it.skipIf(process.platform === 'win32')(
    'reports an unexpected error in main to the open window (app.problem) and on stderr, scrubbed, and keeps serving',
    async () => {
      const uuid = '5ec2e7ed-1c0d-4b6e-a2f3-9d8c7b6a5e41';
      // Loaded before the app (node --import): on SIGUSR2 a rejected promise nobody awaits and an
      // exception nobody catches, as a bug in a timer of the app would leave them.
      const bug = `process.on('SIGUSR2', () => { Promise.reject(new Error('a stray promise for ${uuid}')); throw new TypeError('a timer broke for ${uuid}'); });`;
      const child = spawn(
        process.execPath,
        ['--import', `data:text/javascript,${encodeURIComponent(bug)}`, path.resolve(ROOT, MAIN), '--port', '0'],
        {
          cwd: ROOT,
          env: { ...process.env, GAX_TOKEN_LAB_HOME: path.join(tmp, 'problem-home') },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const app = new AppProcess(child);
      try {
        const url = (await app.waitFor(URL_LINE))[1]!;
        const client = await connect(Number(new URL(url).port), secretOf(url));
        child.kill('SIGUSR2');
        await client.waitFor((f) => 'event' in f && f.event === 'app.problem' && JSON.stringify(f.payload).includes('stray promise'));
        const masked = '••••••••-••••-••••-••••-••••••••5e41';
        const problems = client.events('app.problem') as { message: string; time: number }[];
        expect(problems.map((p) => p.message)).toEqual([`TypeError: a timer broke for ${masked}`, `Error: a stray promise for ${masked}`]);
        for (const p of problems) expect(Math.abs(p.time - Date.now())).toBeLessThan(60_000);
        // The window's event can overtake the stderr pipe: wait for the second line there too.
        await app.waitFor(/stray promise[^\n]*\n/, 20_000, 'stderr');
        expect(app.stderr.trimEnd().split('\n')).toEqual([
          `[gax-token-lab] unexpected error: TypeError: a timer broke for ${masked}`,
          `[gax-token-lab] unexpected error: Error: a stray promise for ${masked}`,
        ]);
        // Still serving.
        expect(await client.request('app.info', {})).toMatchObject({ ok: true, data: { mode: 'web' } });
        expect(await app.stop()).toEqual({ code: 0, signal: null });
      } finally {
        await app.stop();
      }
    },
  );

  it('refuses a bad --port in one line', async () => {
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--port'], ['--open']]) {
      const app = runNode(MAIN, args, { GAX_TOKEN_LAB_HOME: path.join(tmp, 'bad-args') });
      const ended = await app.exited;
      expect(ended.code, args.join(' ')).toBe(1);
      expect(expectOneLine(app.stderr)).toMatch(/^GAX Token Lab \(web mode\) cannot start: (--port needs a whole number|unknown argument "--open")/);
      expect(app.stdout).toBe('');
    }
  });

  it('says in one line when the port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const app = runNode(MAIN, ['--port', String(port)], { GAX_TOKEN_LAB_HOME: path.join(tmp, 'taken') });
      expect((await app.exited).code).toBe(1);
      expect(expectOneLine(app.stderr)).toBe(
        `GAX Token Lab (web mode) cannot start: port ${port} on 127.0.0.1 is already in use; choose another with --port N, or --port 0 for any free port`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('says in one line when the data folder cannot be created', async () => {
    const file = path.join(tmp, 'a-file');
    await writeFile(file, 'not a folder');
    const app = runNode(MAIN, [], { GAX_TOKEN_LAB_HOME: path.join(file, 'lab') });
    expect((await app.exited).code).toBe(1);
    expect(expectOneLine(app.stderr)).toMatch(
      /cannot start: the data folder .*a-file\/lab cannot be created \(ENOTDIR\); set GAX_TOKEN_LAB_HOME to a writable folder$/,
    );
  });

  it('says in one line, not a stack trace, when the build is incomplete', async () => {
    // The entry and its argument parser, without the rest of the app beside them.
    const web = path.join(tmp, 'partial', 'dist', 'main', 'web');
    await mkdir(web, { recursive: true });
    for (const f of ['main.js', 'web-args.js']) await copyFile(path.join(ROOT, 'dist/main/web', f), path.join(web, f));
    const app = runNode(path.join(web, 'main.js'), [], { GAX_TOKEN_LAB_HOME: path.join(tmp, 'partial-home') });
    expect((await app.exited).code).toBe(1);
    expect(expectOneLine(app.stderr)).toMatch(
      /cannot start: the build in dist\/ is incomplete or out of date \(Cannot find module .*web-mode\.js.*\); run "npm run build"/,
    );
  });

  it('prints its usage for --help', async () => {
    const app = runNode(MAIN, ['--help'], {});
    expect((await app.exited).code).toBe(0);
    expect(app.stdout).toMatch(/^usage: node dist\/main\/web\/main\.js \[--port N\]/);
  });
});
