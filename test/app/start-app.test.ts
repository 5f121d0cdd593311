import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.js'));

const fake = await import('./fake-electron.js');
const { FakeBrowserWindow, FakeEvent, app, dialog, protocol } = fake;
const { startApp, installCrashHandlers, missingBuildOutput, projectHomepage } = await import('../../src-main/app/start-app.js');

let base: string;
let rendererRoot: string;
let preloadPath: string;
let lines: string[];
const processListeners = { uncaughtException: [] as unknown[], unhandledRejection: [] as unknown[] };

beforeEach(async () => {
  fake.resetFakeElectron();
  lines = [];
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'gtl-start-'));
  rendererRoot = path.join(base, 'dist', 'renderer');
  preloadPath = path.join(base, 'dist', 'preload', 'preload.cjs');
  await fs.mkdir(rendererRoot, { recursive: true });
  await fs.mkdir(path.dirname(preloadPath), { recursive: true });
  await fs.writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html>');
  await fs.writeFile(preloadPath, '"use strict";');
  app.userDataDir = path.join(base, 'user-data');
  processListeners.uncaughtException = process.listeners('uncaughtException');
  processListeners.unhandledRejection = process.listeners('unhandledRejection');
});

afterEach(async () => {
  // startApp hooks the real process; take those hooks off again so they do not outlive the test.
  const emitter: EventEmitter = process;
  for (const name of ['uncaughtException', 'unhandledRejection'] as const) {
    for (const listener of emitter.listeners(name)) {
      if (!processListeners[name].includes(listener)) emitter.removeListener(name, listener as (...args: unknown[]) => void);
    }
  }
  await fs.rm(base, { recursive: true, force: true });
});

function start(registerIpc?: Parameters<typeof startApp>[0]['registerIpc']) {
  startApp({ rendererRoot, preloadPath, readmeUrl: undefined, registerIpc, log: (l) => lines.push(l) });
}

describe('startApp', () => {
  it('takes the single-instance lock first, then registers the scheme, then after ready: menu, IPC, window', async () => {
    const registerIpc = vi.fn();
    start(registerIpc);
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const order = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder[0]!;
    expect(order(app.requestSingleInstanceLock)).toBeLessThan(order(protocol.registerSchemesAsPrivileged));
    expect(order(protocol.registerSchemesAsPrivileged)).toBeLessThan(order(app.whenReady));
    expect(order(protocol.handle)).toBeLessThan(order(fake.Menu.setApplicationMenu));
    expect(order(fake.Menu.setApplicationMenu)).toBeLessThan(order(registerIpc));
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.loadedUrl).toBe('app://gax-token-lab/index.html');
    expect(window.options.webPreferences.preload).toBe(preloadPath);
    expect(window.options.webPreferences.devTools).toBe(true); // not packaged = developing
  });

  it('hands registerIpc the ipcMain, the window getter and the user-data folder, before the window exists', async () => {
    let windowsAtRegistration = -1;
    const registerIpc = vi.fn((_wiring: unknown) => {
      windowsAtRegistration = FakeBrowserWindow.instances.length;
    });
    start(registerIpc);
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(registerIpc).toHaveBeenCalledTimes(1);
    expect(windowsAtRegistration).toBe(0);
    const wiring = registerIpc.mock.calls[0]![0] as unknown as { ipcMain: unknown; getMainWindow(): unknown; userDataDir: string };
    expect(wiring.ipcMain).toBe(fake.ipcMain);
    expect(wiring.userDataDir).toBe(app.userDataDir);
    expect(wiring.getMainWindow()).toBe(FakeBrowserWindow.instances[0]);
  });

  it('quits a second copy without registering anything', () => {
    app.singleInstanceLock = false;
    start();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('remembers the window in the user-data folder', async () => {
    start();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const window = FakeBrowserWindow.instances[0]!;
    window.normalBounds = { x: 40, y: 30, width: 1100, height: 760 };
    window.close();
    const saved = JSON.parse(await fs.readFile(path.join(app.userDataDir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 40, y: 30, width: 1100, height: 760, maximized: false });
  });

  it('says in one line that the renderer build is missing, instead of opening a blank window', async () => {
    await fs.rm(rendererRoot, { recursive: true });
    start();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'GAX Token Lab cannot start',
      `The renderer build is missing (${path.join(rendererRoot, 'index.html')}). Run "npm run build" and start again.`,
    );
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('shows a failing IPC registration in a dialog and exits, with no window', async () => {
    start(() => {
      throw new Error('channel "token:mint" registered twice');
    });
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith('GAX Token Lab cannot start', 'Error: channel "token:mint" registered twice');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('reloads a page whose renderer crashed, but not one that exited cleanly', async () => {
    start();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'clean-exit', exitCode: 0 });
    expect(contents.reload).not.toHaveBeenCalled();
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 139 });
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('opens a new window on activate only when none is open (macOS dock click)', async () => {
    start();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    FakeBrowserWindow.instances[0]!.close();
    app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });
});

describe('installCrashHandlers', () => {
  const uuid = '3f2b8c1e-9d4a-4e7b-8a61-0c5d2e9f7b14';

  it('logs an uncaught exception without its secrets and shows it in a dialog, not a stack trace', () => {
    const source = new EventEmitter();
    installCrashHandlers(
      (l) => lines.push(l),
      () => true,
      source,
    );
    source.emit('uncaughtException', new Error(`could not verify with token-uuid ${uuid}`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^uncaught exception: Error: could not verify with token-uuid ••••••••-••••-••••-••••-••••••••7b14/);
    expect(lines[0]).not.toContain(uuid);
    const [title, body] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('GAX Token Lab hit an unexpected error');
    expect(body.split('\n')[0]).toBe('Error: could not verify with token-uuid ••••••••-••••-••••-••••-••••••••7b14');
    expect(body).not.toContain(' at ');
    expect(app.exit).not.toHaveBeenCalled(); // the window is up: keep running
  });

  it('tells the window as well (its banner keeps the error after the dialog is gone)', () => {
    const source = new EventEmitter();
    const told: unknown[] = [];
    installCrashHandlers(
      (l) => lines.push(l),
      () => true,
      source,
      (error) => told.push(error),
    );
    const error = new Error('a timer broke');
    source.emit('uncaughtException', error);
    source.emit('unhandledRejection', 'a bare reason');
    expect(told).toEqual([error, 'a bare reason']);
  });

  it('startApp sends an unexpected error after start-up to the window as app.problem, its token-uuid masked', async () => {
    const { registerIpc } = await import('../../src-main/app/ipc-bridge.js');
    let registered: ReturnType<typeof registerIpc> | undefined;
    start((wiring) => (registered = registerIpc(wiring)));
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const runtime = await registered!;
    try {
      const added = process.listeners('uncaughtException').filter((l) => !processListeners.uncaughtException.includes(l));
      expect(added).toHaveLength(1);
      added[0]!(new Error(`could not verify with token-uuid ${uuid}`), 'uncaughtException');
      const send = FakeBrowserWindow.instances[0]!.webContents.send;
      expect(send).toHaveBeenCalledWith('app.problem', {
        message: 'Error: could not verify with token-uuid ••••••••-••••-••••-••••-••••••••7b14',
        time: expect.any(Number),
      });
      expect(JSON.stringify(send.mock.calls)).not.toContain(uuid);
      expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    } finally {
      await runtime?.dispose();
    }
  });

  it('exits after the dialog when start-up had not finished', () => {
    const source = new EventEmitter();
    installCrashHandlers(
      (l) => lines.push(l),
      () => false,
      source,
    );
    source.emit('unhandledRejection', new Error('disk on fire'));
    expect(lines[0]).toMatch(/^unhandled rejection: Error: disk on fire/);
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('stops opening dialogs after three errors, but keeps logging', () => {
    const source = new EventEmitter();
    installCrashHandlers(
      (l) => lines.push(l),
      () => true,
      source,
    );
    for (let i = 0; i < 5; i++) source.emit('uncaughtException', new Error(`tick ${i}`));
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(3);
    expect(lines).toHaveLength(5);
  });
});

describe('start-up helpers', () => {
  it('names the missing preload build', async () => {
    await fs.rm(preloadPath);
    expect(missingBuildOutput(rendererRoot, preloadPath)).toBe(`The preload build is missing (${preloadPath}). Run "npm run build" and start again.`);
    await fs.writeFile(preloadPath, '');
    expect(missingBuildOutput(rendererRoot, preloadPath)).toBeUndefined();
  });

  it('takes the README link from package.json only when it is a safe https link', async () => {
    const pkg = path.join(base, 'package.json');
    await fs.writeFile(pkg, JSON.stringify({ homepage: 'https://example.com/gax-token-lab#readme' }));
    expect(projectHomepage(pkg)).toBe('https://example.com/gax-token-lab#readme');
    await fs.writeFile(pkg, JSON.stringify({ homepage: 'http://example.com/' }));
    expect(projectHomepage(pkg)).toBeUndefined();
    await fs.writeFile(pkg, JSON.stringify({ name: 'x' }));
    expect(projectHomepage(pkg)).toBeUndefined();
    await fs.writeFile(pkg, '{ not json');
    expect(projectHomepage(pkg)).toBeUndefined();
    expect(projectHomepage(path.join(base, 'missing.json'))).toBeUndefined();
  });
});
