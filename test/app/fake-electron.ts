/**
 * A small stand-in for the `electron` module, used ONLY through `vi.mock('electron', ...)`.
 * The Electron runtime cannot be downloaded here, so tests replace it at this one door and
 * assert what our code asked Electron to do. It records calls and emits the events the real
 * one would (a new BrowserWindow emits `web-contents-created`, close emits close/closed).
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: any[]) => any;

export class FakeEvent {
  defaultPrevented = false;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | undefined;
  reload = vi.fn();
  /** the top frame, compared by identity as Electron's senderFrame is */
  readonly mainFrame = { url: 'app://gax-token-lab/index.html' };
  send = vi.fn();
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getFocusedWindow(): FakeBrowserWindow | undefined {
    return undefined;
  }
  readonly options: any;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  normalBounds: Rect;
  maximized = false;
  minimized = false;
  destroyed = false;
  visible = false;
  focused = false;
  restored = false;

  constructor(options: any) {
    super();
    this.options = options;
    this.normalBounds = { x: options.x, y: options.y, width: options.width, height: options.height };
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): Rect {
    return { ...this.normalBounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored = true;
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  /** What the person closing the window does: close, then closed. */
  close(): void {
    this.emit('close', new FakeEvent());
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstanceLock = true;
  userDataDir = '/nonexistent-user-data';
  requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  quit = vi.fn();
  exit = vi.fn();
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
  getName = vi.fn(() => 'GAX Token Lab');
  getVersion = vi.fn(() => '0.1.0');
  getPath = vi.fn((_name: string) => this.userDataDir);
  dock = { hide: vi.fn() };
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;

export const protocol = {
  handlers: new Map<string, Handler>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: Handler) => {
    protocol.handlers.set(scheme, handler);
  }),
};

function fakeSession() {
  const handlers: Record<string, Handler | undefined> = {};
  return {
    handlers,
    setPermissionRequestHandler: vi.fn((h: Handler) => void (handlers['permissionRequest'] = h)),
    setPermissionCheckHandler: vi.fn((h: Handler) => void (handlers['permissionCheck'] = h)),
    setDevicePermissionHandler: vi.fn((h: Handler) => void (handlers['devicePermission'] = h)),
    webRequest: { onBeforeRequest: vi.fn((h: Handler) => void (handlers['beforeRequest'] = h)) },
  };
}

export const session = { defaultSession: fakeSession() };

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()), openPath: vi.fn((_path: string) => Promise.resolve('')) };

export const screen = {
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }] as Rect[],
  getAllDisplays: vi.fn(() => screen.workAreas.map((workArea) => ({ workArea }))),
  getPrimaryDisplay: vi.fn(() => ({ workArea: screen.workAreas[0] })),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const dialog = {
  showErrorBox: vi.fn(),
  showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: undefined as string | undefined })),
  showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0, checkboxChecked: false })),
};

/** Electron's safeStorage with a reversible stand-in "encryption" (the OS keychain is not here). */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`)),
  decryptString: vi.fn((sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('not sealed by this keychain');
    return Buffer.from(text.slice(7), 'base64').toString();
  }),
};

export const ipcMain = Object.assign(new EventEmitter(), { handle: vi.fn(), removeHandler: vi.fn() });

/** Back to a fresh Electron between tests. */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.isPackaged = false;
  app.singleInstanceLock = true;
  app.userDataDir = '/nonexistent-user-data';
  FakeBrowserWindow.instances = [];
  protocol.handlers.clear();
  session.defaultSession = fakeSession();
  screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  ipcMain.removeAllListeners();
  vi.clearAllMocks();
}
