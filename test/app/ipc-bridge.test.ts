// Electron's side of the contract, with `electron` replaced at its door: every request channel is
// handled, only our window's main frame from app:// is served, and events reach that window.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.js'));

const fake = await import('./fake-electron.js');
const { registerIpc } = await import('../../src-main/app/ipc-bridge.js');
const { REQUEST_CHANNELS } = await import('../../src-main/ipc/contract/index.js');

const UUID = '6a1f0c2e-4b7d-4e21-9c3a-5d8e7f6a0b19';
let dir: string;
let win: InstanceType<typeof fake.FakeBrowserWindow>;
let runtime: Awaited<ReturnType<typeof registerIpc>>;

function handlerFor(channel: string): (event: unknown, payload: unknown) => Promise<{ ok: boolean; data?: any; error?: any }> {
  const call = fake.ipcMain.handle.mock.calls.find(([c]) => c === channel);
  if (!call) throw new Error(`no handler for ${channel}`);
  return call[1] as never;
}

beforeEach(async () => {
  fake.resetFakeElectron();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gtl-bridge-'));
  win = new fake.FakeBrowserWindow({ width: 1200, height: 800 });
  runtime = await registerIpc({ ipcMain: fake.ipcMain as never, getMainWindow: () => win as never, userDataDir: dir, log: () => undefined });
});

afterEach(async () => {
  await runtime?.dispose();
  await fs.rm(dir, { recursive: true, force: true });
});

const fromWindow = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

describe('registerIpc', () => {
  it('handles every request channel of the contract, once', () => {
    const channels = fake.ipcMain.handle.mock.calls.map(([c]) => c);
    expect([...channels].sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it("answers our window's main frame", async () => {
    const r = await handlerFor('token.mint')(fromWindow(), {
      username: 'default',
      tokenUuid: { kind: 'typed', value: UUID },
      lifeMinutes: 20,
      preamble: '{PXZ}',
      now: 1767238671,
    });
    expect(r.ok).toBe(true);
    expect(r.data.token).toMatch(/^\{PXZ\}/);
  });

  it('refuses a subframe, another window, and a page that is not app://', async () => {
    const input = { value: 'x', preamble: '{PXZ}' };
    const other = new fake.FakeBrowserWindow({ width: 800, height: 600 });
    const cases = [
      { sender: win.webContents, senderFrame: { url: 'app://gax-token-lab/index.html' } },
      { sender: other.webContents, senderFrame: other.webContents.mainFrame },
    ];
    for (const event of cases) expect((await handlerFor('token.decode')(event, input)).error?.code).toBe('FORBIDDEN_SENDER');
    (win.webContents.mainFrame as { url: string }).url = 'https://evil.example/';
    expect((await handlerFor('token.decode')(fromWindow(), input)).error?.code).toBe('FORBIDDEN_SENDER');
  });

  it('parses the payload before any handler runs', async () => {
    const r = await handlerFor('token.mint')(fromWindow(), { username: '', tokenUuid: { kind: 'typed', value: UUID } });
    expect(r.error?.code).toBe('BAD_INPUT');
    expect(JSON.stringify(r)).not.toContain(UUID);
  });

  it('sends events to the window, and the mock CS stops with the app', async () => {
    const set = await handlerFor('mockcs.listeners.set')(fromWindow(), { listeners: [{ host: '127.0.0.1', port: 0, tls: false }] });
    expect(set.error ?? null).toBeNull();
    const started = await handlerFor('mockcs.start')(fromWindow(), {});
    expect(started.error ?? null).toBeNull();
    await vi.waitFor(() => expect(win.webContents.send.mock.calls.some(([event]) => event === 'mockcs.status')).toBe(true));
    fake.app.emit('will-quit', new fake.FakeEvent());
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(0));
    const port = started.data.listeners[0].port as number;
    const net = await import('node:net');
    await new Promise<void>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => reject(new Error('the mock CS is still listening after quit')));
      s.once('error', () => resolve());
    });
  });

  it('keeps secrets with the OS keychain (safeStorage), never in clear on disk', async () => {
    const created = await handlerFor('profiles.create')(fromWindow(), { kind: 'cs', name: 'Prod CS', options: { 'token-uuid': UUID } });
    expect(created.ok).toBe(true);
    await runtime?.dispose();
    runtime = null;
    const files = await fs.readdir(dir);
    for (const f of files.filter((n) => n.endsWith('.json'))) expect(await fs.readFile(path.join(dir, f), 'utf8')).not.toContain(UUID);
    expect(fake.safeStorage.encryptString).toHaveBeenCalled();
  });
});
