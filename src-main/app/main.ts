/**
 * The Electron entry (package.json "main" → dist/main/app/main.js). It only says where the built
 * pieces are; the start-up sequence is in start-app.ts. Electron loads this file as an ES module:
 * nothing here may await before startApp() runs, because the app:// scheme has to be registered
 * before Electron's `ready`.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { processDataFolder } from '../host/data-folder.js';
import { registerIpc } from './ipc-bridge.js';
import { projectHomepage, startApp } from './start-app.js';

// dist/main/app/main.js → the folder holding dist/ and package.json (the app.asar root when packaged).
const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// The same data folder as web mode (and $GAX_TOKEN_LAB_HOME), so profiles follow the person between modes.
app.setPath('userData', processDataFolder());

startApp({
  rendererRoot: path.join(appRoot, 'dist', 'renderer'),
  preloadPath: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
  readmeUrl: projectHomepage(path.join(appRoot, 'package.json')),
  // Runs once after `ready` and before the window loads, so no request can arrive unanswered.
  // The runtime it resolves with also carries main's unexpected errors to the window's banner.
  registerIpc: (wiring) => registerIpc(wiring),
});
