/**
 * The Electron entry (package.json "main" → dist/main/app/main.js). It only says where the built
 * pieces are; the start-up sequence is in start-app.ts. Electron loads this file as an ES module:
 * nothing here may await before startApp() runs, because the app:// scheme has to be registered
 * before Electron's `ready`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectHomepage, startApp } from './start-app.js';

// dist/main/app/main.js → the folder holding dist/ and package.json (the app.asar root when packaged).
const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

startApp({
  rendererRoot: path.join(appRoot, 'dist', 'renderer'),
  preloadPath: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
  readmeUrl: projectHomepage(path.join(appRoot, 'package.json')),
  // ── IPC wiring point ──────────────────────────────────────────────────────────────────────
  // The contract (src-main/ipc) plugs in here, as one call, e.g.
  //   import { registerIpc } from '../ipc/index.js';
  //   registerIpc: ({ ipcMain, getMainWindow, userDataDir, log }) =>
  //     registerIpc(ipcMain, { getMainWindow, userDataDir, log }),
  // It runs once after `ready` and before the window loads, so no request can arrive unanswered.
});
