/**
 * Electron's side of the contract: one `ipcMain.handle` per request channel, each checking that the
 * request comes from the main frame of our own window loaded from app://, then handing it to the same
 * dispatcher web mode uses. Events go to that window only. The runtime (store, mock CS) opens
 * asynchronously; handlers are registered at once and wait for it, so no early request goes unanswered.
 */
import { writeFile } from 'node:fs/promises';
import { app, dialog, safeStorage, type IpcMainInvokeEvent } from 'electron';
import { createIpcRuntime, EVENT_CHANNELS, REQUEST_CHANNELS, type IpcHost, type IpcRuntime } from '../ipc/index.js';
import { fail } from '../ipc/result.js';
import { safeStorageCipher } from '../store/index.js';
import { isAppUrl } from './app-scheme.js';
import { crashSummary } from '../host/crash-report.js';
import { openExternalSafely } from './security.js';
import type { IpcWiring } from './start-app.js';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_CHANNELS);

/** The sender frame as register() sees it: its URL only when it is our window's main frame. */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, wiring: Pick<IpcWiring, 'getMainWindow'>) {
  const win = wiring.getMainWindow();
  const frame = event.senderFrame;
  const fromOurWindow = win !== undefined && !win.isDestroyed() && event.sender === win.webContents && frame === win.webContents.mainFrame;
  const url = fromOurWindow && frame ? frame.url : null;
  return { url, authenticated: fromOurWindow };
}

/** `extra`: what the host adds beyond the window (the support log's folder and how to open it). */
export function registerIpc(wiring: IpcWiring, extra: Pick<IpcHost, 'logDir' | 'openFolder' | 'log'> = {}): Promise<IpcRuntime | null> {
  const runtime = createIpcRuntime({
    mode: 'electron',
    dataDir: wiring.userDataDir,
    cipher: safeStorageCipher(safeStorage),
    appInfo: {
      version: app.getVersion(),
      versions: { node: process.versions.node, electron: process.versions.electron, chrome: process.versions.chrome },
    },
    isTrustedSender: (sender) => sender.authenticated && sender.url !== null && isAppUrl(sender.url),
    async saveFile(req) {
      const win = wiring.getMainWindow();
      const options = { defaultPath: req.suggestedName };
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFile(choice.filePath, req.content, 'utf8');
      return { saved: true, path: choice.filePath };
    },
    openExternal: (url) => openExternalSafely(url, wiring.log),
    onInternalError: (channel, err) => wiring.log(`${channel} failed unexpectedly: ${crashSummary(err)}`),
    ...extra,
  }).then(
    (rt) => {
      rt.subscribe((event, payload) => {
        const win = wiring.getMainWindow();
        if (KNOWN_EVENTS.has(event) && win && !win.isDestroyed()) win.webContents.send(event, payload);
      });
      app.once('will-quit', (e) => {
        // Stop the mock CS and flush the store before the process ends.
        e.preventDefault();
        void rt.dispose().finally(() => app.exit(0));
      });
      return rt;
    },
    (err: unknown) => {
      const why = crashSummary(err);
      wiring.log(`the app's data could not be opened: ${why}`);
      dialog.showErrorBox('GAX Token Lab cannot open its data', why);
      return null;
    },
  );

  for (const channel of REQUEST_CHANNELS) {
    wiring.ipcMain.handle(channel, async (event, payload: unknown) => {
      const sender = senderOf(event, wiring);
      const rt = await runtime;
      if (!rt)
        return fail('STARTUP_FAILED', "the app's data folder could not be opened", `Check that ${wiring.userDataDir} is writable, then restart.`);
      return rt.dispatcher.invoke(channel, payload, sender);
    });
  }
  return runtime;
}
