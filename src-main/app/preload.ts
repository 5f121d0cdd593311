/**
 * Electron's sandboxed preload (built to dist/preload/preload.cjs by vite.preload.config.ts). It
 * exposes one object, `window.gaxLab`, derived from the contract's channel names: requests outside
 * the contract are answered as errors without touching IPC, and listeners receive only the payload —
 * never the IPC event, whose `sender` would hand the page a way into ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelTest, quoteChannelName } from '../ipc/channels.js';

/** The contract's channel names, put in by the build from the contract's keys (vite.preload.config.ts). */
declare const __GAX_CHANNELS__: { requests: readonly string[]; events: readonly string[] };
const isRequestChannel = channelTest(__GAX_CHANNELS__.requests);
const isEventChannel = channelTest(__GAX_CHANNELS__.events);

contextBridge.exposeInMainWorld('gaxLab', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!isRequestChannel(channel))
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `there is no request named ${quoteChannelName(channel)}` } });
    // Errors are values across the bridge: a failed IPC call is answered, not thrown.
    return ipcRenderer
      .invoke(channel, input)
      .catch(() => ({ ok: false, error: { code: 'IPC_FAILED', message: `${channel} could not reach the app`, hint: 'Restart GAX Token Lab.' } }));
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!isEventChannel(event) || typeof listener !== 'function') throw new TypeError(`there is no event named ${quoteChannelName(event)}`);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => void ipcRenderer.removeListener(event, forward);
  },
});
