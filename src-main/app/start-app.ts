/**
 * The Electron app's start-up sequence, kept apart from main.ts so it runs under test with
 * `electron` replaced: single-instance lock → security layer → (ready) → menu → IPC → window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow, type IpcMain } from 'electron';
import { APP_START_URL } from './app-scheme.js';
import { crashLogText, crashSummary } from '../host/crash-report.js';
import { isSafeExternalUrl } from '../host/external-url.js';
import { setupMenu } from './menu.js';
import { acquireSingleInstanceLock, setupSecurity, type Log } from './security.js';
import { windowStateFile } from './window-state.js';
import { createMainWindow } from './windows.js';

/** What the IPC layer gets to register its handlers and send events. */
export interface IpcWiring {
  readonly ipcMain: IpcMain;
  /** The main window while it exists; events go to its webContents. */
  readonly getMainWindow: () => BrowserWindow | undefined;
  readonly userDataDir: string;
  readonly log: Log;
}

export interface StartOptions {
  /** The built renderer folder (dist/renderer), served at app://. */
  readonly rendererRoot: string;
  /** The built preload bundle (absolute). */
  readonly preloadPath: string;
  /** Help → README as a web address; preferred when set. */
  readonly readmeUrl: string | undefined;
  /** Help → README as the README file packed with the app (or in the project folder); used without a web address. */
  readonly readmeFile?: string | undefined;
  /**
   * Registers the IPC contract. Runs once after `ready`, before the window loads its page. What it
   * resolves with (the IPC runtime) is told of later unexpected errors, so the window shows them too.
   */
  readonly registerIpc?: (wiring: IpcWiring) => Promise<ProblemSink | null> | void;
  readonly log?: Log;
}

/** Where unexpected errors go besides the log and the dialog: the window's banner (`app.problem`). */
export interface ProblemSink {
  reportProblem(error: unknown): void;
}

/** After this many error dialogs the rest only go to the log, so a failing timer cannot trap the person. */
const MAX_ERROR_DIALOGS = 3;

export function startApp(options: StartOptions): void {
  const log = options.log ?? logToConsole;
  let mainWindow: BrowserWindow | undefined;
  let windowOpened = false;
  let problemSink: ProblemSink | null = null;
  installCrashHandlers(
    log,
    () => windowOpened,
    process,
    (error) => problemSink?.reportProblem(error),
  );
  if (!acquireSingleInstanceLock(() => mainWindow)) return;

  const securityReady = setupSecurity({ rendererRoot: options.rendererRoot, log });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  securityReady
    .then(() => {
      const missing = missingBuildOutput(options.rendererRoot, options.preloadPath);
      if (missing !== undefined) {
        log(missing);
        dialog.showErrorBox('GAX Token Lab cannot start', missing);
        app.exit(1);
        return;
      }
      const isDev = !app.isPackaged;
      setupMenu({ isDev, readmeUrl: options.readmeUrl, readmeFile: options.readmeFile, log });
      const userDataDir = app.getPath('userData');
      const registered = options.registerIpc?.({ ipcMain, getMainWindow: () => mainWindow, userDataDir, log });
      if (registered) void registered.then((sink) => (problemSink = sink));
      const boundsStore = windowStateFile(userDataDir);
      const openMainWindow = (): void => {
        const window = createMainWindow({
          preloadPath: options.preloadPath,
          startUrl: APP_START_URL,
          boundsStore,
          title: app.getName(),
          devTools: isDev,
          log,
        });
        window.on('closed', () => {
          mainWindow = undefined;
        });
        window.webContents.on('render-process-gone', (_event, details) => {
          if (details.reason === 'clean-exit') return;
          log(`the window's page stopped (${details.reason}); reloading it`);
          if (!window.isDestroyed()) window.webContents.reload();
        });
        mainWindow = window;
        windowOpened = true;
      };
      openMainWindow();
      // macOS keeps the app alive with no window; clicking the dock icon opens one again.
      app.on('activate', () => {
        if (mainWindow === undefined) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      log(`start-up failed: ${crashLogText(error)}`);
      dialog.showErrorBox('GAX Token Lab cannot start', crashSummary(error));
      app.exit(1);
    });
}

/**
 * Uncaught errors in the main process are logged (scrubbed) and shown in a dialog instead of
 * Electron's stack-trace box, and told to the window (`tellWindow`: its banner keeps them after the
 * dialog is gone). Before the first window opened nothing usable is left, so the app exits after
 * the dialog; later it keeps running.
 */
export function installCrashHandlers(
  log: Log,
  startedUp: () => boolean,
  source: Pick<NodeJS.EventEmitter, 'on'> = process,
  tellWindow: (error: unknown) => void = () => undefined,
): void {
  let dialogsShown = 0;
  const report = (kind: string, error: unknown): void => {
    log(`${kind}: ${crashLogText(error)}`);
    tellWindow(error);
    if (dialogsShown < MAX_ERROR_DIALOGS) {
      dialogsShown += 1;
      dialog.showErrorBox(
        'GAX Token Lab hit an unexpected error',
        `${crashSummary(error)}\n\nThe details are in the app's log. If something looks wrong, restart the app.`,
      );
    }
    if (!startedUp()) app.exit(1);
  };
  source.on('uncaughtException', (error: unknown) => report('uncaught exception', error));
  source.on('unhandledRejection', (reason: unknown) => report('unhandled rejection', reason));
}

/** A one-line explanation when the build output the app needs is not there, else undefined. */
export function missingBuildOutput(rendererRoot: string, preloadPath: string): string | undefined {
  const index = path.join(rendererRoot, 'index.html');
  if (!fs.existsSync(index)) return `The renderer build is missing (${index}). Run "npm run build" and start again.`;
  if (!fs.existsSync(preloadPath)) return `The preload build is missing (${preloadPath}). Run "npm run build" and start again.`;
  return undefined;
}

/** The `homepage` of package.json when it is a safe https link (Help → README opens it). */
export function projectHomepage(packageJsonPath: string): string | undefined {
  try {
    const pkg: unknown = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
    const homepage = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>)['homepage'] : undefined;
    return isSafeExternalUrl(homepage) ? (homepage as string) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The README shipped beside the app: resources/README.md in a package (electron-builder's
 * extraResources), else README.md in the project folder when run from a checkout; undefined if neither.
 */
export function packedReadme(appRoot: string, resourcesPath: string | undefined = process.resourcesPath): string | undefined {
  const candidates = [...(resourcesPath ? [path.join(resourcesPath, 'README.md')] : []), path.join(appRoot, 'README.md')];
  return candidates.find((file) => fs.existsSync(file));
}

function logToConsole(line: string): void {
  console.log(`[gax-token-lab] ${line}`);
}
