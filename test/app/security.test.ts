import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.js'));

const fake = await import('./fake-electron.js');
const { FakeBrowserWindow, FakeEvent, app, protocol, shell } = fake;
const security = await import('../../src-main/app/security.js');
const { APP_START_URL } = await import('../../src-main/app/app-scheme.js');

let root: string;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'gtl-security-'));
  await fs.mkdir(path.join(root, 'renderer'));
  await fs.writeFile(path.join(root, 'renderer', 'index.html'), '<!doctype html><p>app</p>');
  await fs.writeFile(path.join(root, 'passwd'), 'root:x:0:0');
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  fake.resetFakeElectron();
  lines = [];
});

async function installed() {
  await security.setupSecurity({ rendererRoot: path.join(root, 'renderer'), log });
  const window = new FakeBrowserWindow({});
  return window.webContents;
}

describe('setupSecurity: the app:// scheme', () => {
  it('registers app:// as privileged, and enables the sandbox, before ready', async () => {
    const ready = security.setupSecurity({ rendererRoot: root, log });
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    const registered = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    expect(registered).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    expect(protocol.handle).not.toHaveBeenCalled(); // handlers need ready
    await ready;
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [Array<{ scheme: string; privileges: Record<string, boolean> }>];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false, corsEnabled: false });
  });

  it('serves the renderer with the strict CSP header on app:// responses', async () => {
    await installed();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handlers.get('app')!;
    const res: Response = await handler(new Request(APP_START_URL));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<p>app</p>');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(security.cspHeader());
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('refuses app://x/../../etc/passwd and its encoded forms', async () => {
    await installed();
    const handler = protocol.handlers.get('app')!;
    for (const url of [
      'app://x/../../etc/passwd',
      'app://gax-token-lab/../passwd',
      'app://gax-token-lab/..%2fpasswd',
      'app://gax-token-lab/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const res: Response = await handler({ url, method: 'GET' });
      expect([403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain('root:');
      expect(res.headers.get('content-security-policy'), url).toBe(security.cspHeader());
    }
  });
});

describe('guards on every webContents', () => {
  it('denies navigation, and sends only a safe https target to the browser', async () => {
    const contents = await installed();
    for (const url of ['app://gax-token-lab/other.html', 'http://example.com/', 'file:///etc/passwd', 'https://example.com/docs']) {
      const event = new FakeEvent({ url, isMainFrame: true });
      contents.emit('will-navigate', event);
      expect(event.defaultPrevented, url).toBe(true);
    }
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(1));
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/docs');
  });

  it('denies redirects, sub-frame navigation and webviews', async () => {
    const contents = await installed();
    const redirect = new FakeEvent({ url: 'https://example.com/' });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    const subFrame = new FakeEvent({ url: 'https://example.com/', isMainFrame: false });
    contents.emit('will-frame-navigate', subFrame);
    expect(subFrame.defaultPrevented).toBe(true);
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview, {}, { src: 'https://example.com/' });
    expect(webview.defaultPrevented).toBe(true);
  });

  it('answers every window.open with deny; only safe https goes to openExternal', async () => {
    const contents = await installed();
    const open = contents.windowOpenHandler!;
    const urls = [
      'https://docs.example.com/page',
      'http://example.com/',
      'https://user:pass@example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'app://gax-token-lab/index.html',
      'not a url',
    ];
    for (const url of urls) {
      expect(open({ url, frameName: '', features: '', disposition: 'new-window' }), url).toEqual({ action: 'deny' });
    }
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(1));
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.example.com/page');
    // The refusals are logged without repeating the links (one could carry a password).
    expect(lines.filter((l) => l.startsWith('refused to open a link'))).toHaveLength(urls.length - 1);
    expect(lines.join('\n')).not.toContain('pass@');
  });

  it('guards webContents created later too (web-contents-created)', async () => {
    await installed();
    const second = new FakeBrowserWindow({}).webContents;
    expect(second.windowOpenHandler).toBeTypeOf('function');
    const event = new FakeEvent({ url: 'https://example.com/' });
    second.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('cancels a Bluetooth device chooser instead of letting Electron pick the first device', async () => {
    const contents = await installed();
    const event = new FakeEvent();
    const callback = vi.fn();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'dev-1', deviceName: 'x' }], callback);
    expect(event.defaultPrevented).toBe(true);
    expect(callback).toHaveBeenCalledWith('');
  });
});

describe('session policies', () => {
  it('allows only clipboard writes from the app page, and nothing from elsewhere', async () => {
    await installed();
    const { handlers } = fake.session.defaultSession;
    const fromApp = vi.fn();
    handlers['permissionRequest']!({}, 'clipboard-sanitized-write', fromApp, { requestingUrl: APP_START_URL });
    expect(fromApp).toHaveBeenCalledWith(true);
    expect(handlers['permissionCheck']!({}, 'clipboard-sanitized-write', 'app://gax-token-lab', {})).toBe(true);
    const fromElsewhere = vi.fn();
    handlers['permissionRequest']!({}, 'clipboard-sanitized-write', fromElsewhere, { requestingUrl: 'https://evil.example/' });
    expect(fromElsewhere).toHaveBeenCalledWith(false);
    expect(handlers['permissionCheck']!({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });

  it('denies every other permission request and check', async () => {
    await installed();
    const { handlers } = fake.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      handlers['permissionRequest']!({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(handlers['permissionCheck']!({}, permission, APP_START_URL, {}), permission).toBe(false);
    }
    expect(handlers['devicePermission']!({ deviceType: 'usb', origin: 'app://gax-token-lab' })).toBe(false);
  });

  it("cancels a page's requests to the network, but not the app's own files or main-process requests", async () => {
    await installed();
    const beforeRequest = fake.session.defaultSession.handlers['beforeRequest']!;
    const decide = (details: { url: string; webContentsId?: number }) => {
      const callback = vi.fn();
      beforeRequest(details, callback);
      return callback.mock.calls[0]![0];
    };
    expect(decide({ url: 'https://attacker.example/steal?uuid=secret-value', webContentsId: 1 })).toEqual({ cancel: true });
    expect(decide({ url: 'ws://127.0.0.1:9999/', webContentsId: 1 })).toEqual({ cancel: true });
    expect(decide({ url: 'file:///etc/passwd', webContentsId: 1 })).toEqual({ cancel: true });
    expect(decide({ url: 'app://gax-token-lab/assets/app.js', webContentsId: 1 })).toEqual({ cancel: false });
    expect(decide({ url: 'data:image/png;base64,AAAA', webContentsId: 1 })).toEqual({ cancel: false });
    expect(decide({ url: 'https://example.com/' })).toEqual({ cancel: false });
    expect(lines).toContain('refused a page request to https://attacker.example');
    expect(lines.join('\n')).not.toContain('secret-value');
  });
});

describe('openExternalSafely', () => {
  it('reports a browser that fails to open, without throwing', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no browser configured'));
    await expect(security.openExternalSafely('https://example.com/', log)).resolves.toBe(false);
    expect(lines).toEqual(['the system browser did not open the link: no browser configured']);
  });
});

describe('single instance', () => {
  it('quits a second copy before it sets anything up', () => {
    app.singleInstanceLock = false;
    expect(security.acquireSingleInstanceLock(() => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('brings the first copy forward when a second one starts', () => {
    const window = new FakeBrowserWindow({});
    window.minimized = true;
    expect(security.acquireSingleInstanceLock(() => window as never)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', new FakeEvent(), ['gax-token-lab'], '/');
    expect(window.restored).toBe(true);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });

  it('ignores a second start when the window is already gone', () => {
    security.acquireSingleInstanceLock(() => undefined);
    expect(() => app.emit('second-instance', new FakeEvent(), [], '/')).not.toThrow();
  });
});
