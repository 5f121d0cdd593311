/**
 * The app's settings against the real main side: the theme is applied at once and saved, and the
 * saved theme is applied at the next start; where secrets go (web mode's choice, Electron's keychain)
 * with main's own description; the notices of a damaged file; About; opening the README in Electron.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { Theme } from '../../../src-renderer/lib/app/theme.svelte.js';
import { AppSettings } from '../../../src-renderer/lib/settings/app-settings.svelte.js';
import { applySavedTheme } from '../../../src-renderer/lib/settings/saved-theme.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

let bridge: RuntimeBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  document.documentElement.removeAttribute('data-theme');
});

async function start(opts: Parameters<typeof runtimeBridge>[0] = {}): Promise<RuntimeBridge> {
  bridge = await runtimeBridge(opts);
  setBridge(bridge, bridge.mode);
  return bridge;
}

describe('theme', () => {
  it('is applied at once, saved, and applied again at the next start', async () => {
    const b = await start();
    const theme = new Theme(document);
    const settings = new AppSettings(theme);
    await settings.load();
    expect(settings.themeChoice).toBe('system');
    const saving = settings.setTheme('dark');
    // at once: before the save is answered
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    await saving;
    expect(settings.themeError).toBeNull();
    expect((await b.call('settings.get', {})).settings.theme).toBe('dark');

    // the next start: a fresh Theme following the system, then the saved choice
    document.documentElement.removeAttribute('data-theme');
    const next = new Theme(document);
    await applySavedTheme(next);
    expect(next.choice).toBe('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');

    await settings.setTheme('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect((await b.call('settings.get', {})).settings.theme).toBe('system');
  });

  it('a choice made while the saved theme is still being read wins', async () => {
    const b = await start();
    await b.call('settings.update', { patch: { theme: 'light' } });
    const theme = new Theme(document);
    const applying = applySavedTheme(theme);
    theme.set('dark');
    await applying;
    expect(theme.choice).toBe('dark');
  });
});

describe('where data and secrets are kept', () => {
  it('web mode: session-only by default; the key file is an opt-in with its honest description, and can be undone', async () => {
    const b = await start({ mode: 'web' });
    const settings = new AppSettings(new Theme(null));
    await settings.load();
    expect(settings.data?.dataDir).toBe(b.dir);
    expect(settings.secretStorage).toEqual({
      mode: 'session-only',
      description: 'Secrets are kept in memory for this session only and are not saved: you will enter them again next time.',
    });
    expect(settings.canChooseSecretStorage).toBe(true);
    expect(settings.storageChoice).toBe('session-only');

    await settings.setSecretStorage('key-file');
    expect(settings.storageError).toBeNull();
    expect(settings.storageChoice).toBe('key-file');
    expect(settings.secretStorage?.mode).toBe('key-file');
    expect(settings.secretStorage?.description).toMatch(/secret\.key in the app data folder: anyone who can read that folder can read them/);
    expect(existsSync(join(b.dir, 'secret.key'))).toBe(true);

    await settings.setSecretStorage('session-only');
    expect(settings.secretStorage?.mode).toBe('session-only');
    expect(existsSync(join(b.dir, 'secret.key'))).toBe(false);
  });

  it('Electron with an OS keychain: no choice, the keychain described', async () => {
    await start({ mode: 'electron', keychain: true });
    const settings = new AppSettings(new Theme(null));
    await settings.load();
    expect(settings.secretStorage).toEqual({ mode: 'os-keychain', description: "Secrets are saved encrypted with the operating system's keychain." });
    expect(settings.canChooseSecretStorage).toBe(false);
  });

  it('reports a damaged settings file set aside and recovered', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gax-settings-damaged-'));
    await writeFile(join(dir, 'settings.json'), '{"version": 1, "theme": ');
    await start({ dir });
    const settings = new AppSettings(new Theme(null));
    await settings.load();
    const notices = settings.data?.notices ?? [];
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ file: 'settings.json', recoveredFrom: 'defaults' });
    expect(notices[0]?.setAsideTo).toMatch(/^settings\.corrupt-\d{4}-\d\d-\d\dT.+\.json$/);
    expect(existsSync(join(dir, notices[0]!.setAsideTo!))).toBe(true);
    expect(notices[0]?.message).toMatch(
      /^settings\.json: .+; it was set aside as .+ and there was no good copy, so the app starts with default settings\. Reset to defaults: .+; secret storage: in memory only for this session \(the default\)\.$/,
    );
  });
});

describe('about', () => {
  it('gives the version, the mode and the runtime versions', async () => {
    await start({ mode: 'electron', keychain: true });
    const settings = new AppSettings(new Theme(null));
    await settings.load();
    expect(settings.info).toMatchObject({
      version: '0.1.0',
      mode: 'electron',
      versions: { electron: '45.5.0', chrome: '142.0.7444.52', node: '22.20.0' },
    });
  });

  it('opens an https link through main in Electron, and says why a bad one was not opened', async () => {
    const b = await start({ mode: 'electron', keychain: true });
    const settings = new AppSettings(new Theme(null));
    await settings.openExternal('https://example.org/gax-token-lab#readme');
    expect(b.opened).toEqual(['https://example.org/gax-token-lab#readme']);
    expect(settings.linkError).toBeNull();
    await settings.openExternal('file:///etc/passwd');
    expect(b.opened).toHaveLength(1);
    expect(settings.linkError).toMatchObject({ code: 'UNSAFE_URL' });
  });
});
