// `npm start`'s script where Electron cannot start (as on this machine): one line saying why, then
// web mode at a URL that works. And where a (fake) Electron does start: it stays attached to it.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './helpers.js';
import { assertAppBuilt, runNode, URL_LINE, type AppProcess } from './run-app.js';

const START = 'scripts/start.js';
let tmp: string;
let noRuntime: string;

beforeAll(async () => {
  assertAppBuilt();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gax-start-'));
  // An empty ELECTRON_OVERRIDE_DIST_PATH: Electron's runtime is missing here whatever this machine has.
  noRuntime = path.join(tmp, 'no-runtime');
  await mkdir(noRuntime);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** Variables that would let the test reach a real display, a real runtime or the network. */
const ISOLATED = {
  DISPLAY: undefined,
  WAYLAND_DISPLAY: undefined,
  ELECTRON_RUN_AS_NODE: undefined,
  HTTP_PROXY: undefined,
  HTTPS_PROXY: undefined,
  http_proxy: undefined,
  https_proxy: undefined,
  npm_config_electron_mirror: undefined,
};

function start(env: Record<string, string | undefined>, home: string): AppProcess {
  return runNode(START, ['--skip-build', '--port', '0'], { ...ISOLATED, GAX_TOKEN_LAB_HOME: path.join(tmp, home), ...env });
}

async function fakeElectron(name: string, script: string): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir);
  await writeFile(path.join(dir, 'electron'), `#!/bin/sh\n${script}\n`);
  await chmod(path.join(dir, 'electron'), 0o755);
  return dir;
}

/** The fallback: exactly one line about Electron, then web mode's URL, whose page loads. */
async function expectWebModeFallback(app: AppProcess, reason: RegExp): Promise<void> {
  try {
    const url = (await app.waitFor(URL_LINE))[1]!;
    const lines = app.stdout.split('\n');
    expect(lines[0]).toMatch(/^Electron cannot start: .+\. Starting web mode instead\.$/);
    expect(lines[0]).toMatch(reason);
    expect(lines[1]).toBe(`GAX Token Lab (web mode) at ${url}`);
    expect(app.stderr).toBe('');
    const page = await rawRequest(Number(new URL(url).port), '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>GAX Token Lab</title>');
    expect(await app.stop()).toEqual({ code: 0, signal: null });
  } finally {
    await app.stop();
  }
}

describe('npm start where Electron cannot start', { timeout: 30_000 }, () => {
  it('with no runtime and no display: says both in one line and serves web mode', async () => {
    const app = start({ ELECTRON_OVERRIDE_DIST_PATH: noRuntime }, 'a');
    await expectWebModeFallback(app, /Electron's runtime is not installed and there is no display \(neither DISPLAY nor WAYLAND_DISPLAY is set\)/);
  });

  it('with a display but no way to download the runtime: says so in one line and serves web mode', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const app = start(
      {
        DISPLAY: ':99',
        ELECTRON_OVERRIDE_DIST_PATH: noRuntime,
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: path.join(tmp, 'electron-cache'),
      },
      'b',
    );
    await expectWebModeFallback(app, /Electron's runtime is not installed and cannot be downloaded here \(127\.0\.0\.1 refused the connection\)/);
  });

  it('when Electron dies at start-up (as root without a sandbox): gives the reason, not its log', async () => {
    const dir = await fakeElectron(
      'root-electron',
      'echo "[1:FATAL:electron_main_delegate.cc(294)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180." >&2\nexit 1',
    );
    const app = start({ DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: dir }, 'c');
    await expectWebModeFallback(app, /Electron will not run as root/);
    expect(app.stdout).not.toContain('FATAL');
  });
});

describe('npm start where Electron starts', { timeout: 30_000 }, () => {
  it('stays attached, shows its output, passes SIGTERM on and exits with its code', async () => {
    const dir = await fakeElectron(
      'good-electron',
      [
        'echo "fake electron up for $1"',
        'trap \'kill $pid 2>/dev/null; echo "fake electron stopping"; exit 5\' TERM',
        'sleep 30 & pid=$!',
        'wait $pid',
      ].join('\n'),
    );
    const app = start({ DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: dir }, 'd');
    try {
      await app.waitFor(/fake electron up for .+\n/);
      expect(app.stdout).not.toContain('Electron cannot start');
      expect(app.stdout).not.toContain('web mode');
      expect(await app.stop()).toEqual({ code: 5, signal: null });
      expect(app.stdout).toContain('fake electron stopping');
    } finally {
      await app.stop();
    }
  });
});
