import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.js'));

const { FakeBrowserWindow, resetFakeElectron, screen } = await import('./fake-electron.js');
const { createMainWindow } = await import('../../src-main/app/windows.js');
type BoundsStore = import('../../src-main/app/windows.js').BoundsStore;
const { windowStateFile } = await import('../../src-main/app/window-state.js');
const { MIN_WINDOW_SIZE } = await import('../../src-main/app/window-bounds.js');

const preloadPath = path.join(os.tmpdir(), 'preload.cjs');
let folder: string;
let lines: string[];

function open(store: BoundsStore = windowStateFile(folder), preload = preloadPath) {
  const window = createMainWindow({
    preloadPath: preload,
    startUrl: 'app://gax-token-lab/index.html',
    boundsStore: store,
    title: 'GAX Token Lab',
    devTools: false,
    log: (line) => lines.push(line),
  });
  return window as unknown as InstanceType<typeof FakeBrowserWindow>;
}

beforeEach(async () => {
  resetFakeElectron();
  lines = [];
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'gtl-window-'));
});

afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('the main window', () => {
  it('gets the locked-down webPreferences, item by item', () => {
    const prefs = open().options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe(preloadPath);
    // Nothing that loosens the page slips in beside them.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('refuses a relative preload path', () => {
    expect(() => open(windowStateFile(folder), 'dist/preload/preload.cjs')).toThrow(/must be absolute/);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('loads the app:// start page, hidden until painted, with the minimum size', () => {
    const window = open();
    expect(window.loadedUrl).toBe('app://gax-token-lab/index.html');
    expect(window.options.show).toBe(false);
    expect(window.options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(window.options.minHeight).toBe(MIN_WINDOW_SIZE.height);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('remembers its size and position in the user-data folder and reopens there', async () => {
    const first = open();
    first.normalBounds = { x: 300, y: 120, width: 1300, height: 850 };
    first.close();
    const saved = JSON.parse(await fs.readFile(path.join(folder, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 300, y: 120, width: 1300, height: 850, maximized: false });
    const second = open();
    expect(second.options).toMatchObject({ x: 300, y: 120, width: 1300, height: 850 });
    expect(second.maximized).toBe(false);
  });

  it('reopens maximised when it was closed maximised', () => {
    const first = open();
    first.maximize();
    first.close();
    expect(open().maximized).toBe(true);
  });

  it('clamps remembered bounds to a display that still exists', async () => {
    screen.workAreas = [
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1920, y: 0, width: 2560, height: 1400 },
    ];
    const first = open();
    first.normalBounds = { x: 3000, y: 200, width: 1400, height: 900 };
    first.close();
    screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }]; // the right monitor is gone
    expect(open().options).toMatchObject({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('opens at the default place when the state file is corrupt', async () => {
    await fs.writeFile(path.join(folder, 'window-state.json'), '{"x": 1, "y":');
    expect(open().options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820 });
  });

  it('survives a store that throws: logs one line, keeps the window', () => {
    const window = open({
      load: () => {
        throw new Error('EACCES: permission denied');
      },
      save: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    });
    expect(() => window.close()).not.toThrow();
    expect(lines).toEqual(['window position not restored: EACCES: permission denied', 'window position not saved: ENOSPC: no space left on device']);
  });
});

describe('windowStateFile', () => {
  it('writes through a temp file and leaves no temp file behind', async () => {
    const store = windowStateFile(path.join(folder, 'nested'));
    store.save({ x: 1, y: 2, width: 1100, height: 720 });
    expect(await fs.readdir(path.join(folder, 'nested'))).toEqual(['window-state.json']);
    expect(store.load()).toEqual({ x: 1, y: 2, width: 1100, height: 720 });
  });

  it('refuses to write bounds that are not numbers, in one line', () => {
    const store = windowStateFile(folder);
    expect(() => store.save({ x: NaN, y: 0, width: 1100, height: 720 })).toThrow('the window bounds are not finite numbers with a positive size');
    expect(store.load()).toBeUndefined();
  });

  it('ignores a file of the wrong shape', async () => {
    const store = windowStateFile(folder);
    for (const text of ['[]', '{"x":"1","y":2,"width":3,"height":4}', '{"x":1,"y":2,"width":-3,"height":4}', 'not json']) {
      await fs.writeFile(store.file, text);
      expect(store.load(), text).toBeUndefined();
    }
  });
});
