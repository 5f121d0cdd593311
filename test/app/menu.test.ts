import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('./fake-electron.js'));

const fake = await import('./fake-electron.js');
const { buildMenuTemplate, aboutDetail, setupMenu } = await import('../../src-main/app/menu.js');

type Item = MenuItemConstructorOptions;

function template(platform: NodeJS.Platform, isDev: boolean, hasReadme = true) {
  return buildMenuTemplate({ appName: 'GAX Token Lab', platform, isDev, hasReadme, onAbout: () => {}, onOpenReadme: () => {} });
}
const submenu = (item: Item | undefined) => (item?.submenu ?? []) as Item[];
const roles = (item: Item | undefined) =>
  submenu(item)
    .map((i) => i.role)
    .filter(Boolean);
const byLabel = (menu: Item[], label: string) => menu.find((m) => m.label === label || m.role === label);

beforeEach(() => fake.resetFakeElectron());

describe('the native menu', () => {
  it('has File → Quit, Edit with the editing roles, View with zoom and full screen, and Help (Windows/Linux)', () => {
    const menu = template('linux', false);
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(roles(byLabel(menu, 'File'))).toEqual(['quit']);
    expect(roles(byLabel(menu, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(byLabel(menu, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const help = submenu(byLabel(menu, 'help'))
      .map((i) => i.label)
      .filter(Boolean);
    expect(help).toEqual(['GAX Token Lab README', 'About GAX Token Lab']);
  });

  it('offers reload and DevTools only while developing', () => {
    expect(roles(byLabel(template('linux', true), 'View'))).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const all = JSON.stringify(template(platform, false));
      expect(all, platform).not.toContain('reload');
      expect(all, platform).not.toContain('toggleDevTools');
    }
  });

  it('has the app menu with About and Quit on macOS', () => {
    const menu = template('darwin', false);
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['GAX Token Lab', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    const appMenu = submenu(menu[0]);
    expect(appMenu[0]!.label).toBe('About GAX Token Lab');
    expect(roles(menu[0])).toContain('quit');
    expect(roles(byLabel(menu, 'File'))).toEqual(['close']);
  });

  it('disables Help → README when no project homepage is configured', () => {
    const readme = submenu(byLabel(template('win32', false, false), 'help'))[0]!;
    expect(readme.label).toBe('GAX Token Lab README');
    expect(readme.enabled).toBe(false);
  });

  it('words the About detail with the app, Electron, Chrome and Node versions', () => {
    expect(aboutDetail({ app: '0.1.0', electron: '45.5.0', chrome: '142.0.1', node: '22.20.0' })).toBe(
      'Version 0.1.0\nElectron 45.5.0\nChrome 142.0.1\nNode 22.20.0',
    );
  });
});

describe('setupMenu', () => {
  const versions = process.versions as Record<string, string | undefined>;
  const clickHelp = (label: string) => {
    const [template] = fake.Menu.buildFromTemplate.mock.calls[0] as [Item[]];
    const item = template.flatMap((m) => submenu(m)).find((i) => i.label === label)!;
    (item.click as () => void)();
  };

  it('sets the application menu, and About shows the versions in a dialog', async () => {
    versions['electron'] = '45.5.0';
    versions['chrome'] = '142.0.7444.52';
    try {
      setupMenu({ isDev: false, readmeUrl: undefined, log: () => {} });
      expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(fake.Menu.buildFromTemplate.mock.results[0]!.value);
      clickHelp('About GAX Token Lab');
      await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1));
      const box = fake.dialog.showMessageBox.mock.calls[0]!.at(-1) as { title: string; detail: string };
      expect(box.title).toBe('About GAX Token Lab');
      expect(box.detail).toBe(`Version 0.1.0\nElectron 45.5.0\nChrome 142.0.7444.52\nNode ${process.versions.node}`);
    } finally {
      delete versions['electron'];
      delete versions['chrome'];
    }
  });

  it('opens the README through the safe openExternal, and refuses an unsafe address', async () => {
    setupMenu({ isDev: false, readmeUrl: 'https://example.com/gax-token-lab#readme', log: () => {} });
    clickHelp('GAX Token Lab README');
    await vi.waitFor(() => expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.com/gax-token-lab#readme'));

    fake.resetFakeElectron();
    const lines: string[] = [];
    setupMenu({ isDev: false, readmeUrl: 'file:///etc/passwd', log: (l) => lines.push(l) });
    clickHelp('GAX Token Lab README');
    await vi.waitFor(() => expect(lines).toEqual(['refused to open a link: only https links open outside the app, not file:']));
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});
