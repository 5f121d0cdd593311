// The installed app's binary as the CLI: which arguments route to the command line (no window),
// and that the app then runs the real CLI and exits with its status. `electron` is faked.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.js'));

const fake = await import('./fake-electron.js');
const { FakeBrowserWindow, app, shell, Menu } = fake;
const { cliArgumentsOf, runCliInApp } = await import('../../src-main/app/app-cli.js');
const { setupMenu } = await import('../../src-main/app/menu.js');
const { packedReadme } = await import('../../src-main/app/start-app.js');

const EXE = '/opt/GAX Token Lab/gax-token-lab';
const U = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';

beforeEach(() => fake.resetFakeElectron());

describe('cliArgumentsOf: a command runs the CLI, nothing opens the window', () => {
  it.each([
    [[EXE], false, undefined],
    [[EXE, '--help'], false, ['--help']],
    [[EXE, '-h'], false, ['-h']],
    [[EXE, '--version'], false, ['--version']],
    [[EXE, 'help', 'mint'], false, ['help', 'mint']],
    [[EXE, 'mint', '--uuid', U, '--user', 'default'], false, ['mint', '--uuid', U, '--user', 'default']],
    [[EXE, 'lab', 'list', '--json'], false, ['lab', 'list', '--json']],
    // a mistyped command is the CLI's to refuse (exit 2), not a reason to open a window
    [[EXE, 'mnit'], false, ['mnit']],
    // Chromium switches (a desktop launcher's --no-sandbox, macOS's -psn_…) are the app's
    [[EXE, '--no-sandbox'], false, undefined],
    [[EXE, '-psn_0_12345'], false, undefined],
    // `electron .` in development: the app's path comes first
    [['/x/electron', '.'], true, undefined],
    [['/x/electron', '.', 'decode', '-'], true, ['decode', '-']],
  ] as const)('%j (defaultApp %s) → %j', (argv, defaultApp, expected) => {
    expect(cliArgumentsOf(argv, defaultApp)).toEqual(expected);
  });
});

describe('runCliInApp', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(((s: string | Uint8Array, cb?: unknown) => {
      out += String(s);
      if (typeof cb === 'function') (cb as () => void)();
      return true;
    }) as typeof process.stdout.write);
    vi.spyOn(process.stderr, 'write').mockImplementation(((s: string | Uint8Array, cb?: unknown) => {
      err += String(s);
      if (typeof cb === 'function') (cb as () => void)();
      return true;
    }) as typeof process.stderr.write);
  });
  afterEach(() => vi.restoreAllMocks());

  it('runs the real CLI (--version, mint), exits with its status, opens no window', async () => {
    await runCliInApp(['--version']);
    expect(out).toMatch(/^gax-token \d+\.\d+\.\d+\n$/);
    expect(app.exit).toHaveBeenLastCalledWith(0);
    out = '';
    await runCliInApp(['mint', '--uuid', U, '--user', 'default', '--now', '1767238671', '--life', '20', '--json']);
    expect(JSON.parse(out).token).toBe('{PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI');
    expect(app.exit).toHaveBeenLastCalledWith(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(app.dock.hide).toHaveBeenCalled();
  });

  it("ends with the CLI's usage status and one line for bad arguments", async () => {
    await runCliInApp(['mint', '--user', 'default']);
    expect(err).toBe('gax-token mint: a token-uuid is needed: --uuid U, --uuid-file FILE or $GAX_TOKEN_UUID\n');
    expect(app.exit).toHaveBeenLastCalledWith(2);
  });

  it('a CLI that cannot load is one line and exit 2', async () => {
    await runCliInApp(['--help'], { run: () => Promise.reject(new Error('Cannot find module x\n    at y')) });
    expect(err).toBe('gax-token: the command line could not start: Cannot find module x\n');
    expect(app.exit).toHaveBeenLastCalledWith(2);
  });
});

describe('Help → README without a homepage: the packed README', () => {
  it('finds resources/README.md in a package, else the checkout README, and opens it', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    expect(packedReadme(root, '/nonexistent-resources')).toBe(path.join(root, 'README.md'));
    expect(packedReadme('/nonexistent-root', root)).toBe(path.join(root, 'README.md'));
    expect(packedReadme('/nonexistent-root', undefined)).toBeUndefined();
    setupMenu({ isDev: false, readmeUrl: undefined, readmeFile: path.join(root, 'README.md'), log: () => {} });
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as {
      role?: string;
      submenu?: { label?: string; enabled?: boolean; click?: () => void }[];
    }[];
    const readme = template.find((m) => m.role === 'help')!.submenu!.find((i) => i.label?.endsWith('README'))!;
    expect(readme.enabled).toBe(true);
    readme.click!();
    await vi.waitFor(() => expect(shell.openPath).toHaveBeenCalledWith(path.join(root, 'README.md')));
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
