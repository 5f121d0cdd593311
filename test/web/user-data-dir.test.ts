import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataDir } from '../../src-main/web/user-data-dir.js';

describe('userDataDir', () => {
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
    expect(userDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\GAX Token Lab');
    expect(userDataDir({}, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\GAX Token Lab');
  });
});
