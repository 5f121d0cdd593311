/**
 * The native menu: the usual roles, so copy/paste, zoom and full screen work as everywhere else,
 * plus Help → About (with the versions a bug report needs) and Help → README.
 */
import { app, dialog, Menu, BrowserWindow, shell, type MenuItemConstructorOptions } from 'electron';
import { errorMessage } from '../host/crash-report.js';
import { openExternalSafely, type Log } from './security.js';

export interface MenuTemplateOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  /** Reload and DevTools appear only while developing. */
  readonly isDev: boolean;
  /** When false, Help → README is shown disabled (no homepage configured and no README packed). */
  readonly hasReadme: boolean;
  readonly onAbout: () => void;
  readonly onOpenReadme: () => void;
}

export interface Versions {
  readonly app: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
}

/** The menu as data, so its shape is tested without Electron building it. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${options.appName}`, click: options.onAbout };
  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [isMac ? { role: 'close' } : { role: 'quit' }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: `${options.appName} README`, enabled: options.hasReadme, click: options.onOpenReadme },
      // On macOS About lives in the app menu.
      ...(isMac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };
  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, ...(isMac ? [{ role: 'windowMenu' } as const] : []), helpMenu];
}

/** The About dialog's detail text. */
export function aboutDetail(versions: Versions): string {
  return [`Version ${versions.app}`, `Electron ${versions.electron}`, `Chrome ${versions.chrome}`, `Node ${versions.node}`].join('\n');
}

export interface MenuOptions {
  readonly isDev: boolean;
  /** The project's README address (https), opened through the same check as every link. */
  readonly readmeUrl: string | undefined;
  /** Else the README file packed with the app, opened in the system's viewer for Markdown/text. */
  readonly readmeFile?: string | undefined;
  readonly log: Log;
}

/** Builds the menu and makes it the application menu. Call after `app` is ready. */
export function setupMenu(options: MenuOptions): void {
  const appName = app.getName();
  const template = buildMenuTemplate({
    appName,
    platform: process.platform,
    isDev: options.isDev,
    hasReadme: options.readmeUrl !== undefined || options.readmeFile !== undefined,
    onAbout: () => void showAbout(appName, options.log),
    onOpenReadme: () => void openReadme(options),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function openReadme(options: MenuOptions): Promise<void> {
  if (options.readmeUrl !== undefined || options.readmeFile === undefined) {
    await openExternalSafely(options.readmeUrl, options.log);
    return;
  }
  // openPath answers with an error text ("" when it worked) instead of throwing.
  const failed = await shell.openPath(options.readmeFile);
  if (failed) options.log(`Help → README could not open ${options.readmeFile}: ${failed}`);
}

async function showAbout(appName: string, log: Log): Promise<void> {
  const detail = aboutDetail({
    app: app.getVersion(),
    electron: process.versions.electron ?? 'unknown',
    chrome: process.versions.chrome ?? 'unknown',
    node: process.versions.node,
  });
  const box = { type: 'info' as const, title: `About ${appName}`, message: appName, detail, buttons: ['OK'] };
  const parent = BrowserWindow.getFocusedWindow();
  try {
    await (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
  } catch (error) {
    log(`the About dialog failed: ${errorMessage(error)}`);
  }
}
