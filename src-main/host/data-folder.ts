/**
 * The one data folder of GAX Token Lab, for every door (the Electron app, web mode, the CLI's serve
 * and lab): settings, profiles and the mock CS's generated token-uuid and certificate live there, so
 * a token-uuid kept by `gax-token serve` is the file the app and the README point at.
 * `$GAX_TOKEN_LAB_HOME` when set (tests, portable use), else the operating system's convention for
 * per-user application data. No Electron here: the CLI and web mode load it without it.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const HOME_ENV = 'GAX_TOKEN_LAB_HOME';

type Env = Readonly<Record<string, string | undefined>>;

/** The folder for this environment, platform and home folder (pure: all three are arguments). */
export function dataFolder(env: Env, platform: NodeJS.Platform, home: string): string {
  const override = env[HOME_ENV];
  if (override) return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'GAX Token Lab');
  if (platform === 'win32') return path.win32.join(env['APPDATA'] || path.win32.join(home, 'AppData', 'Roaming'), 'GAX Token Lab');
  // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env['XDG_CONFIG_HOME'];
  const configHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(configHome, 'gax-token-lab');
}

/** This process's data folder. */
export function processDataFolder(env: Env = process.env): string {
  return dataFolder(env, process.platform, os.homedir());
}

/** The folder, created readable by its owner only when missing; throws the fs error when it cannot be. */
export function ensureDataFolder(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** How --help names the folder on this platform, e.g. "~/.config/gax-token-lab". */
export function dataFolderHelp(platform: NodeJS.Platform = process.platform): string {
  const where =
    platform === 'darwin'
      ? '~/Library/Application Support/GAX Token Lab'
      : platform === 'win32'
        ? '%APPDATA%\\GAX Token Lab'
        : '$XDG_CONFIG_HOME/gax-token-lab, by default ~/.config/gax-token-lab';
  return `$${HOME_ENV}, else ${where}`;
}
