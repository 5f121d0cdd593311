/**
 * The only place that creates a BrowserWindow, so every window gets the same locked-down
 * webPreferences and nothing can open one with weaker settings.
 */
import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { errorMessage } from '../host/crash-report.js';
import { MIN_WINDOW_SIZE, restoreBounds, type Bounds } from './window-bounds.js';

export type { Bounds } from './window-bounds.js';

/** Where the window's size and position are remembered (see window-state.ts for the file one). */
export interface BoundsStore {
  load(): Bounds | undefined;
  save(bounds: Bounds): void;
}

export interface MainWindowOptions {
  /** Absolute path of the built preload bundle (a single CommonJS file). */
  readonly preloadPath: string;
  /** The page to load: APP_START_URL in the app. */
  readonly startUrl: string;
  readonly boundsStore: BoundsStore;
  readonly title: string;
  /** DevTools exist only while developing; a packaged app has none to open. */
  readonly devTools: boolean;
  readonly log: (line: string) => void;
}

/** Creates the main window at its remembered place, shows it when painted, and remembers it on close. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  if (!path.isAbsolute(options.preloadPath)) {
    throw new Error(`the preload path must be absolute, got "${options.preloadPath}"`);
  }
  const saved = safeLoad(options);
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    // Shown on ready-to-show, so the person never sees an empty white frame.
    show: false,
    // Item by item from Electron's security checklist: an isolated, sandboxed page without Node,
    // with web security on and every optional surface off. Written inline (not built elsewhere)
    // so electronegativity can read and check each setting.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle-click on a link would otherwise ask for a new window; the window-open handler
      // denies it anyway, this removes the path altogether.
      disableBlinkFeatures: 'Auxclick',
      // Chromium's spell checker downloads dictionaries from the internet; this tool stays offline.
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  if (bounds.maximized === true) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    // Normal bounds, so un-maximising next time returns to the size the person chose.
    const normal = window.getNormalBounds();
    try {
      options.boundsStore.save({ ...normal, maximized: window.isMaximized() });
    } catch (error) {
      options.log(`window position not saved: ${errorMessage(error)}`);
    }
  });
  window.loadURL(options.startUrl).catch((error: unknown) => {
    options.log(`the window could not load ${options.startUrl}: ${errorMessage(error)}`);
  });
  return window;
}

function safeLoad(options: MainWindowOptions): Bounds | undefined {
  try {
    return options.boundsStore.load();
  } catch (error) {
    options.log(`window position not restored: ${errorMessage(error)}`);
    return undefined;
  }
}
