// How `npm start` decides that Electron cannot start, and the one line it says about it.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RUNTIME_MISSING,
  classifyStartFailure,
  displayProblem,
  downloadFailureCause,
  downloadUrl,
  isRuntimeInstalled,
  launchElectron,
  locateElectron,
  unreachableCause,
} from '../../scripts/electron-launch.js';
import { ROOT } from '../helpers/cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gax-electron-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('displayProblem', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux and the BSDs, nothing on Windows and macOS', () => {
    expect(displayProblem({}, 'linux')).toMatch(/no display.*DISPLAY.*WAYLAND_DISPLAY/);
    expect(displayProblem({ DISPLAY: '' }, 'freebsd')).toMatch(/no display/);
    expect(displayProblem({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(displayProblem({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(displayProblem({}, 'win32')).toBeNull();
    expect(displayProblem({}, 'darwin')).toBeNull();
  });
});

describe('the electron package and its runtime', () => {
  it('finds the installed electron package', () => {
    const found = locateElectron(ROOT);
    expect(found?.cli).toBe(path.join(ROOT, 'node_modules', 'electron', 'cli.js'));
    expect(locateElectron(tmp)).toBeNull();
  });

  it('reads path.txt and dist/ the way the package does, without starting a download', async () => {
    const pkg = path.join(tmp, 'electron-pkg');
    await mkdir(path.join(pkg, 'dist'), { recursive: true });
    expect(isRuntimeInstalled(pkg, {})).toBe(false);
    await writeFile(path.join(pkg, 'path.txt'), 'electron');
    expect(isRuntimeInstalled(pkg, {})).toBe(false);
    await writeFile(path.join(pkg, 'dist', 'electron'), '');
    expect(isRuntimeInstalled(pkg, {})).toBe(true);
    // ELECTRON_OVERRIDE_DIST_PATH wins, as in the package's index.js
    expect(isRuntimeInstalled(pkg, { ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'nowhere') })).toBe(false);
    expect(isRuntimeInstalled(pkg, { ELECTRON_OVERRIDE_DIST_PATH: path.join(pkg, 'dist') })).toBe(true);
  });
});

describe('downloadFailureCause', () => {
  it('names the cause of a failed download in a few words', () => {
    expect(downloadFailureCause('TypeError: fetch failed\n    at x\n[cause]: Error: getaddrinfo ENOTFOUND github.com')).toBe(
      'no network: github.com cannot be resolved',
    );
    expect(downloadFailureCause('Error: connect ECONNREFUSED 127.0.0.1:9')).toBe('the download server refused the connection');
    expect(downloadFailureCause('HTTPError: Response code 404 (Not Found) for http://mirror/x.zip\n    at y')).toMatch(
      /^the download failed: Response code 404/,
    );
    expect(downloadFailureCause('TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13')).toBe('the download failed');
    expect(downloadFailureCause('\ntimed out')).toBe('the download timed out');
    expect(downloadFailureCause('Error: Generated checksum for "electron.zip" did not match expected checksum.')).toBe(
      'the download did not match its checksum',
    );
  });
});

describe('why the download host cannot be reached', () => {
  it('is GitHub unless a mirror is set', () => {
    expect(downloadUrl({})).toMatch(/^https:\/\/github\.com\//);
    expect(downloadUrl({ ELECTRON_MIRROR: 'http://mirror.example/' })).toBe('http://mirror.example/');
    expect(downloadUrl({ ELECTRON_MIRROR: 'http://a/', npm_config_electron_mirror: 'http://b/' })).toBe('http://b/');
  });

  it('tells a name that does not resolve, a refusal, and a host that answers apart', async () => {
    expect(await unreachableCause('https://no-such-host.invalid/electron/')).toBe('no network: no-such-host.invalid cannot be resolved');
    const server = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    expect(await unreachableCause(`http://127.0.0.1:${port}/`)).toBeNull();
    await new Promise((resolve) => server.close(resolve));
    expect(await unreachableCause(`http://127.0.0.1:${port}/`)).toBe('127.0.0.1 refused the connection');
    expect(await unreachableCause('not a url')).toMatch(/not a URL/);
  });
});

describe('classifyStartFailure', () => {
  it('recognises the usual ways Electron fails to start', () => {
    expect(classifyStartFailure('Error: Electron failed to install correctly, please delete node_modules/electron', 1, null)).toBe(RUNTIME_MISSING);
    expect(classifyStartFailure('[123:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY\n', 1, null)).toBe(
      'there is no display Electron can use',
    );
    expect(
      classifyStartFailure(
        '[1:FATAL:electron_main_delegate.cc(294)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.',
        null,
        'SIGTRAP',
      ),
    ).toMatch(/will not run as root/);
    expect(classifyStartFailure('electron: error while loading shared libraries: libnss3.so: cannot open shared object file', 127, null)).toBe(
      'a system library Electron needs is missing (libnss3.so)',
    );
    expect(classifyStartFailure('The SUID sandbox helper binary was found, but is not configured correctly.', 1, null)).toMatch(/chrome-sandbox/);
    expect(classifyStartFailure('', null, 'SIGKILL')).toBe('Electron was stopped by SIGKILL while starting');
    expect(classifyStartFailure('something odd happened\n    at foo (bar.js:1:1)\n\nNode.js v22.1.0\n', 3, null)).toBe(
      'Electron exited with code 3 while starting (something odd happened)',
    );
  });
});

describe('launchElectron', () => {
  const quiet = () => new PassThrough();

  async function fakeCli(name: string, body: string): Promise<string> {
    const file = path.join(tmp, `${name}.cjs`);
    await writeFile(file, body);
    await chmod(file, 0o755);
    return file;
  }

  it('reports a failure within the probe window with its reason, holding back the noise', async () => {
    const cli = await fakeCli(
      'fails',
      "console.error('[9:ERROR] Missing X server or $DISPLAY'); console.error('noise'.repeat(50)); process.exit(1);",
    );
    const out = quiet();
    let shown = '';
    out.on('data', (d: Buffer) => (shown += d.toString()));
    const outcome = await launchElectron({ cli, root: tmp, env: process.env, probeMs: 5000, stdout: out, stderr: out, forwardSignals: false });
    expect(outcome).toEqual({ started: false, reason: 'there is no display Electron can use' });
    expect(shown).toBe('');
  });

  it('attaches to an Electron that stays up: shows its output and ends with its exit code', async () => {
    const cli = await fakeCli('stays', "console.log('window open for', process.argv[2]); setTimeout(() => process.exit(7), 600);");
    const out = quiet();
    let shown = '';
    out.on('data', (d: Buffer) => (shown += d.toString()));
    const outcome = await launchElectron({ cli, root: tmp, env: process.env, probeMs: 300, stdout: out, stderr: out, forwardSignals: false });
    expect(outcome.started).toBe(true);
    if (!outcome.started) return;
    expect(await outcome.exit).toBe(7);
    expect(shown).toBe(`window open for ${tmp}\n`);
  });

  it('counts a clean early exit (a second instance handing over) as started', async () => {
    const cli = await fakeCli('hands-over', 'process.exit(0);');
    const outcome = await launchElectron({
      cli,
      root: tmp,
      env: process.env,
      probeMs: 5000,
      stdout: quiet(),
      stderr: quiet(),
      forwardSignals: false,
    });
    expect(outcome.started).toBe(true);
    if (outcome.started) expect(await outcome.exit).toBe(0);
  });
});
