/**
 * Where web mode keeps settings, profiles and the mock CS's files: `$GAX_TOKEN_LAB_HOME` when set
 * (tests, portable use), else the operating system's convention for per-user application data.
 * Pure: the environment, platform and home folder are arguments.
 */
import path from 'node:path';

export const HOME_ENV = 'GAX_TOKEN_LAB_HOME';

export function userDataDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home: string): string {
  const override = env[HOME_ENV];
  if (override) return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'GAX Token Lab');
  if (platform === 'win32') return path.win32.join(env['APPDATA'] || path.win32.join(home, 'AppData', 'Roaming'), 'GAX Token Lab');
  // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env['XDG_CONFIG_HOME'];
  const configHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(configHome, 'gax-token-lab');
}
