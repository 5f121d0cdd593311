import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// electron-builder's own loader and validator (the same check `electron-builder` runs first).
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, any>;
const config = yaml.load(fs.readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8')) as Config;
const validate = (c: unknown) => validateConfiguration(structuredClone(c), new DebugLogger(false));

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  let firstValidation: Promise<void>;
  beforeAll(async () => {
    // The first call compiles electron-builder's 10,000-line schema: seconds on a busy machine.
    firstValidation = validate(config);
    await firstValidation.catch(() => undefined);
  }, 60_000);

  it("passes electron-builder's own schema (app-builder-lib/scheme.json)", async () => {
    await expect(firstValidation).resolves.toBeUndefined();
  });

  it('is really checked: a misspelt fuse or an unknown key is rejected', async () => {
    await expect(validate({ ...config, electronFuses: { ...config['electronFuses'], runAsnode: false } })).rejects.toThrow(/electronFuses/);
    await expect(validate({ ...config, asarr: true })).rejects.toThrow(/unknown property 'asarr'/);
  });

  it('names the app', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(config['appId']).toBe('com.gaxtokenlab.app');
    expect(config['productName']).toBe('GAX Token Lab');
    expect(pkg.productName).toBe(config['productName']);
  });

  it('sets every Electron fuse the security checklist asks for', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the built output, into an asar', () => {
    expect(config['asar']).toBe(true);
    const files = config['files'] as string[];
    const included = files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(['dist/main/**/*', 'dist/preload/**/*', 'dist/renderer/**/*', 'package.json']);
    expect(files).toEqual(expect.arrayContaining(['!**/*.map', '!**/*.d.ts']));
  });

  it('builds AppImage and deb, NSIS and portable, and dmg', () => {
    expect(config['linux'].target).toEqual(['AppImage', 'deb']);
    expect(config['win'].target).toEqual(['nsis', 'portable']);
    expect(config['mac'].target).toEqual(['dmg']);
  });

  it('takes its icons from assets/, at the sizes each platform needs', () => {
    expect(config['mac'].icon).toBe('assets/icon.png');
    expect(config['win'].icon).toBe('assets/icon.png');
    expect(pngSize(path.join(projectRoot, 'assets', 'icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(config['linux'].icon).toBe('assets/icons');
    const linuxIcons = fs.readdirSync(path.join(projectRoot, 'assets', 'icons')).filter((f) => f.endsWith('.png'));
    expect(linuxIcons).toContain('512x512.png');
    for (const name of linuxIcons) {
      const size = Number(name.split('x')[0]);
      expect(pngSize(path.join(projectRoot, 'assets', 'icons', name)), name).toEqual({ width: size, height: size });
    }
  });
});

describe('electron-builder.yml: the installed app as a field kit', () => {
  it('puts the architecture in every artifact name', () => {
    for (const target of ['appImage', 'deb', 'nsis', 'portable', 'dmg']) expect(config[target]?.artifactName, target).toContain('${arch}');
  });

  it('packs the README and the gax-token wrapper beside the asar', () => {
    expect(config['extraResources']).toEqual([
      { from: 'README.md', to: 'README.md' },
      { from: 'packaging/bin/gax-token', to: 'bin/gax-token' },
    ]);
    const wrapper = fs.readFileSync(path.join(projectRoot, 'packaging', 'bin', 'gax-token'), 'utf8');
    expect(wrapper.startsWith('#!/bin/sh\n')).toBe(true);
    expect(wrapper).toContain(`exec "$here/../../${config['linux'].executableName}" "$@"`);
    expect(fs.statSync(path.join(projectRoot, 'packaging', 'bin', 'gax-token')).mode & 0o111).not.toBe(0);
  });

  it("links /usr/bin/gax-token from the deb's scripts, keeping electron-builder's own steps", () => {
    const install = fs.readFileSync(path.join(projectRoot, config['deb'].afterInstall), 'utf8');
    const remove = fs.readFileSync(path.join(projectRoot, config['deb'].afterRemove), 'utf8');
    expect(install).toContain("ln -sf '/opt/${sanitizedProductName}/resources/bin/gax-token' '/usr/bin/gax-token'");
    expect(remove).toContain('rm -f /usr/bin/gax-token');
    // what electron-builder's default scripts do must still happen: the app's own link, the sandbox, AppArmor
    const template = (name: string) => fs.readFileSync(require.resolve(`app-builder-lib/templates/linux/${name}`), 'utf8');
    expect(install).toContain(template('after-install.tpl').split('\n').slice(1).join('\n'));
    expect(remove).toContain(template('after-remove.tpl').split('\n').slice(1).join('\n'));
    // electron-builder fills ${name} macros in these scripts and stops on one it does not know
    for (const script of [install, remove])
      for (const [, macro] of script.matchAll(/\$\{([a-zA-Z]+)\}/g)) expect(['executable', 'sanitizedProductName']).toContain(macro);
  });

  it('package.json names an author', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(typeof pkg.author === 'string' && pkg.author.length > 0).toBe(true);
  });
});
