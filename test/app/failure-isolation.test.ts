// Failure isolation on the app side (issue 8, part 4), through Electron's real IPC door and the real
// runtime: real failures under a running app — a save folder removed, the data folder removed, the
// keychain failing, a window that can no longer take events — each answered in one line, with its
// own code, and the app carries on. (An unexpected throw answering INTERNAL is in test/ipc/runtime.)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.js'));

const fake = await import('./fake-electron.js');
const { registerIpc } = await import('../../src-main/app/ipc-bridge.js');

const UUID = '5ec2e7ed-1c0d-4b6e-a2f3-9d8c7b6a5e41';
let dir: string;
let win: InstanceType<typeof fake.FakeBrowserWindow>;
let runtime: Awaited<ReturnType<typeof registerIpc>>;
let log: string[];

function handlerFor(channel: string): (event: unknown, payload: unknown) => Promise<{ ok: boolean; data?: any; error?: any }> {
  const call = fake.ipcMain.handle.mock.calls.find(([c]) => c === channel);
  if (!call) throw new Error(`no handler for ${channel}`);
  return call[1] as never;
}
const fromWindow = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

beforeEach(async () => {
  fake.resetFakeElectron();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gtl-isolation-'));
  win = new fake.FakeBrowserWindow({ width: 1200, height: 800 });
  log = [];
  runtime = await registerIpc({ ipcMain: fake.ipcMain as never, getMainWindow: () => win as never, userDataDir: dir, log: (line) => log.push(line) });
});

afterEach(async () => {
  await runtime?.dispose();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('failures under a running app (Electron door replaced, everything else real)', () => {
  const create = (name: string) => handlerFor('profiles.create')(fromWindow(), { kind: 'cs', name, options: { 'token-uuid': UUID } });
  const expectOneLine = (r: { ok: boolean; error?: { message: string } }) => {
    expect(r.ok).toBe(false);
    expect(r.error!.message).not.toMatch(/[\r\n]|\bat \S+ \(/);
    expect(r.error!.message).not.toContain(UUID);
  };

  it('a save into a folder removed after the dialog answers SAVE_FAILED in one line; the next save and other requests work', async () => {
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'pulled-usb-stick', 'gax.cfg') });
    const failed = await handlerFor('export.save')(fromWindow(), { suggestedName: 'gax.cfg', content: `token-uuid=${UUID}\n`, mime: 'text/plain' });
    expect(failed.error?.code).toBe('SAVE_FAILED');
    expectOneLine(failed);
    fake.dialog.showSaveDialog.mockRejectedValueOnce(new Error('the dialog could not open'));
    expect((await handlerFor('export.save')(fromWindow(), { suggestedName: 'a.txt', content: 'a', mime: 'text/plain' })).error?.code).toBe(
      'SAVE_FAILED',
    );
    const target = path.join(dir, 'saved.cfg');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await handlerFor('export.save')(fromWindow(), { suggestedName: 'saved.cfg', content: 'x=1\n', mime: 'text/plain' })).toEqual({
      ok: true,
      data: { saved: true, path: target },
    });
    expect(
      (
        await handlerFor('token.mint')(fromWindow(), {
          username: 'alice',
          tokenUuid: { kind: 'typed', value: UUID },
          lifeMinutes: 5,
          preamble: '{PXZ}',
        })
      ).ok,
    ).toBe(true);
    expect(log).toEqual([]);
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('the data folder removed under the app: WRITE_FAILED in one line, the session goes on, and saving resumes once it is back', async () => {
    expect((await create('Before')).ok).toBe(true);
    await fs.rm(dir, { recursive: true, force: true });
    const failed = await create('While gone');
    expect(failed.error?.code).toBe('WRITE_FAILED');
    expectOneLine(failed);
    expect((await handlerFor('profiles.list')(fromWindow(), undefined)).data.profiles.map((p: { name: string }) => p.name)).toEqual([
      'Before',
      'While gone',
    ]);
    await fs.mkdir(dir);
    expect((await create('After')).ok).toBe(true);
    expect(await fs.readFile(path.join(dir, 'profiles.json'), 'utf8')).toContain('"After"');
  });

  it('the keychain failing mid-session: SECRET_STORAGE_FAILED in one line, then the next secret is saved', async () => {
    fake.safeStorage.encryptString.mockImplementationOnce(() => {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    });
    const failed = await create('Locked keychain');
    expect(failed.error?.code).toBe('SECRET_STORAGE_FAILED');
    expectOneLine(failed);
    expect((await create('Unlocked keychain')).ok).toBe(true);
  });

  it('a window whose events cannot be delivered (destroyed under us) stops neither the mock CS nor the requests', async () => {
    win.webContents.send.mockImplementation(() => {
      throw new TypeError('Object has been destroyed');
    });
    expect((await handlerFor('mockcs.listeners.set')(fromWindow(), { listeners: [{ host: '127.0.0.1', port: 0 }] })).ok).toBe(true);
    const started = await handlerFor('mockcs.start')(fromWindow(), { options: { tokenAuthenticationMode: 'enable', tokenUuid: UUID } });
    expect(started.ok).toBe(true);
    const login = await handlerFor('login.run')(fromWindow(), {
      runId: 'r1',
      target: { kind: 'mockcs' },
      userName: 'default',
      credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 10, tokenUuid: { kind: 'mockcs' }, preamble: '{PXZ}' },
    });
    expect(login.data?.outcome).toBe('accepted');
    expect(win.webContents.send).toHaveBeenCalled();
    expect((await handlerFor('mockcs.status')(fromWindow(), undefined)).data.counters.accepted).toBe(1);
    expect(log).toEqual([]);
  });
});
