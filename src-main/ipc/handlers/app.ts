/** The app's own requests: about, links to the outside, and files saved through the host's dialog. */
import { checkExternalUrl } from '../../host/external-url.js';
import type { HandlersOf } from '../contract/index.js';
import type { appRequests } from '../contract/app.js';
import { HandlerError } from '../result.js';
import { firstLine } from '../../workbench/failure.js';
import type { IpcServices } from '../context.js';

export interface AppDeps {
  mode: 'electron' | 'web';
  appInfo: { version: string; versions: { node: string; electron?: string; chrome?: string } };
  /** Electron: the native save dialog; absent in web mode (the page downloads instead) */
  saveFile?(req: { suggestedName: string; content: string; mime: string }): Promise<{ saved: boolean; path?: string }>;
  /** Electron: shell.openExternal; absent in web mode (the page opens the link itself) */
  openExternal?(url: string): Promise<boolean>;
  /** the support log's folder, when the host keeps one */
  logDir?: string;
  /** Electron: shell.openPath; absent in web mode (the page shows the path to copy) */
  openFolder?(dir: string): Promise<boolean>;
}

export function appHandlers(services: IpcServices, deps: AppDeps): HandlersOf<typeof appRequests> {
  return {
    async 'app.info'() {
      const { node, electron, chrome } = deps.appInfo.versions;
      return {
        version: deps.appInfo.version,
        mode: deps.mode,
        versions: { node, ...(electron !== undefined ? { electron } : {}), ...(chrome !== undefined ? { chrome } : {}) },
        dataDir: services.store.dir,
        secretStorage: services.secretStorage(),
      };
    },
    async 'app.openExternal'({ url }) {
      const checked = checkExternalUrl(url);
      if (!checked.ok)
        throw new HandlerError('UNSAFE_URL', `the link was not opened: ${checked.reason}`, 'Only plain https links open outside the app.');
      if (!deps.openExternal)
        throw new HandlerError('USE_LINK', 'in web mode the page opens links itself', 'Open it as a normal link in the browser.');
      return { opened: await deps.openExternal(checked.href) };
    },
    async 'app.logFolder'({ open }) {
      const dir = deps.logDir ?? null;
      if (!open || dir === null || !deps.openFolder) return { path: dir, opened: false };
      return { path: dir, opened: await deps.openFolder(dir).catch(() => false) };
    },
    async 'export.save'(req) {
      if (!deps.saveFile) throw new HandlerError('USE_DOWNLOAD', 'in web mode files are saved by the browser', 'The page downloads it instead.');
      try {
        const saved = await deps.saveFile(req);
        return saved.path !== undefined ? { saved: saved.saved, path: saved.path } : { saved: saved.saved };
      } catch (err) {
        throw new HandlerError('SAVE_FAILED', `the file was not saved: ${firstLine(err)}`, 'Choose another folder or name and try again.');
      }
    },
  };
}
