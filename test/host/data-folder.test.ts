import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGaxToken, startGaxToken, waitForOutput } from '../helpers/cli.js';
import { dataFolder as userDataDir, dataFolderHelp } from '../../src-main/host/data-folder.js';

describe('dataFolder: one rule for every door', () => {
  it('uses GAX_TOKEN_LAB_HOME first, made absolute', () => {
    expect(userDataDir({ GAX_TOKEN_LAB_HOME: '/srv/lab', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ann')).toBe('/srv/lab');
    expect(userDataDir({ GAX_TOKEN_LAB_HOME: 'rel' }, 'linux', '/home/ann')).toBe(path.resolve('rel'));
  });

  it('follows XDG on Linux, ignoring an empty or relative XDG_CONFIG_HOME', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/home/ann/cfg' }, 'linux', '/home/ann')).toBe('/home/ann/cfg/gax-token-lab');
    expect(userDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/gax-token-lab');
    expect(userDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ann')).toBe('/home/ann/.config/gax-token-lab');
    expect(userDataDir({ XDG_CONFIG_HOME: 'cfg' }, 'freebsd', '/home/ann')).toBe('/home/ann/.config/gax-token-lab');
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(userDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/GAX Token Lab');
    expect(userDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\GAX Token Lab',
    );
    expect(userDataDir({}, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\GAX Token Lab');
  });
});

describe('gax-token serve keeps its files in the same data folder as the app and web mode', { timeout: 30_000 }, () => {
  it('with only HOME set: ~/.config/gax-token-lab on Linux, named in --help and in the summary', async () => {
    if (process.platform !== 'linux') return;
    const home = await mkdtemp(path.join(os.tmpdir(), 'gax-home-'));
    try {
      const env = { HOME: home, XDG_CONFIG_HOME: '', GAX_TOKEN_LAB_HOME: '' };
      const help = await runGaxToken(['serve', '--help'], { env });
      expect(help.stdout).toContain(dataFolderHelp('linux'));
      expect(help.stdout).not.toContain('.gax-token-lab');
      const serve = startGaxToken(['serve', '--port', '0'], env);
      await waitForOutput(serve.stderr, /Ctrl-C stops/);
      expect(await serve.stop()).toBe(0);
      const expected = userDataDir({}, 'linux', home);
      expect(expected).toBe(path.join(home, '.config', 'gax-token-lab'));
      expect(serve.stderr()).toContain(`kept in ${path.join(expected, 'mockcs-token-uuid')}`);
      expect(existsSync(path.join(expected, 'mockcs-token-uuid'))).toBe(true);
      expect(existsSync(path.join(home, '.gax-token-lab'))).toBe(false);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('$GAX_TOKEN_LAB_HOME wins for serve too', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'gax-home-'));
    try {
      const serve = startGaxToken(['serve', '--port', '0'], { GAX_TOKEN_LAB_HOME: path.join(home, 'lab') });
      await waitForOutput(serve.stderr, /Ctrl-C stops/);
      expect(await serve.stop()).toBe(0);
      expect(existsSync(path.join(home, 'lab', 'mockcs-token-uuid'))).toBe(true);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
