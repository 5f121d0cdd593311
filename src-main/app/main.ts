/**
 * The Electron entry (package.json "main" → dist/main/app/main.js). It only says where the built
 * pieces are; the start-up sequence is in start-app.ts. Electron loads this file as an ES module:
 * nothing here may await before startApp() runs, because the app:// scheme has to be registered
 * before Electron's `ready`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, shell } from 'electron';
import { processDataFolder } from '../host/data-folder.js';
import { openSupportLog, supportLogDir } from '../host/support-log.js';
import { cliArgumentsOf, runCliInApp } from './app-cli.js';
import { registerIpc } from './ipc-bridge.js';
import { packedReadme, projectHomepage, startApp } from './start-app.js';

// dist/main/app/main.js → the folder holding dist/ and package.json (the app.asar root when packaged).
const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// Given a command (`gax-token-lab mint …`, `--help`), the app binary is the CLI and opens no window.
const cliArgs = cliArgumentsOf(process.argv, Boolean(process.defaultApp));
if (cliArgs !== undefined) void runCliInApp(cliArgs);
else {
  // The same data folder as web mode and the CLI (and $GAX_TOKEN_LAB_HOME), so profiles follow the person between doors.
  app.setPath('userData', processDataFolder());

  // The support log (logs/ in the data folder): main's console lines, crash reports, problems, notices.
  const supportLog = openSupportLog({ dir: supportLogDir(app.getPath('userData')) });
  supportLog.teeConsole();

  startApp({
    rendererRoot: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
    readmeUrl: projectHomepage(path.join(appRoot, 'package.json')),
    readmeFile: packedReadme(appRoot),
    // Runs once after `ready` and before the window loads, so no request can arrive unanswered.
    // The runtime it resolves with also carries main's unexpected errors to the window's banner.
    registerIpc: async (wiring) => {
      const runtime = await registerIpc(wiring, {
        logDir: supportLog.dir,
        openFolder: async (dir) => (await shell.openPath(dir)) === '',
        log: supportLog.write,
      });
      if (runtime) supportLog.follow(runtime);
      return runtime;
    },
  });
}
