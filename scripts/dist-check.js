#!/usr/bin/env node
// npm run dist:check — packs an unpacked Linux app with electron-builder, OFFLINE, and checks it.
// The Electron runtime cannot be downloaded here, so `electronDist` points at a stub runtime made
// on the fly: a stand-in `electron` executable that carries Electron's fuse wire (so the fuses
// electron-builder flips can be read back) and the licence files beside it. The network is
// refused for this process and its children (scripts/offline-guard.cjs). Then it checks that
// resources/app.asar holds only the built output and every fuse in the binary is as
// electron-builder.yml says.
// `--keep` leaves the temp folder for inspection; DEBUG_DIST_CHECK=1 prints electron-builder's whole error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(projectDir, 'package.json'));
const guard = path.join(projectDir, 'scripts', 'offline-guard.cjs');
require(guard);
// Child processes (npm, node) inherit the guard.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(guard)}`.trim();

const keep = process.argv.includes('--keep');
const say = (line) => console.log(`dist:check: ${line}`);
const problems = [];
const expect = (ok, what) => {
  if (!ok) problems.push(what);
};

// ── 1. The built output ─────────────────────────────────────────────────────────────────────
const mainEntry = path.join(projectDir, 'dist', 'main', 'app', 'main.js');
if (!existsSync(mainEntry)) {
  say('dist/main is not built yet; running "npm run build" first');
  const build = spawnSync('npm', ['run', 'build'], { cwd: projectDir, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(mainEntry)) {
    say(`FAILED: "npm run build" did not produce ${path.relative(projectDir, mainEntry)}; fix the build errors above first.`);
    process.exit(1);
  }
}
const rendererBuilt = existsSync(path.join(projectDir, 'dist', 'renderer', 'index.html'));
const preloadBuilt = existsSync(path.join(projectDir, 'dist', 'preload'));
if (!rendererBuilt) say('note: dist/renderer/index.html is missing (the renderer is not built), so the package is checked without it');
if (!preloadBuilt) say('note: dist/preload is missing (the preload is not built), so the package is checked without it');

// ── 2. A stub Electron runtime ──────────────────────────────────────────────────────────────
const yaml = require('js-yaml');
const config = yaml.load(readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');
const { SENTINEL } = require('@electron/fuses/dist/constants.js');

const work = mkdtempSync(path.join(os.tmpdir(), 'gtl-dist-check-'));
const stubDir = path.join(work, 'electron-stub');
const outDir = path.join(work, 'out');
mkdirSync(path.join(stubDir, 'resources'), { recursive: true });
// Electron 45's fuse wire as shipped (version 1, 8 fuses): run-as-node on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, ASAR integrity off, only-ASAR off, browser V8 snapshot off,
// file:// privileges on. Packaging must turn it into what electron-builder.yml asks for.
const shippedWire = Buffer.concat([Buffer.from([1, 8]), Buffer.from('10110001', 'latin1')]);
writeFileSync(
  path.join(stubDir, 'electron'),
  Buffer.concat([
    Buffer.from('#!/bin/sh\necho "a stub Electron made by dist:check; it cannot run the app" >&2\nexit 1\n# '),
    Buffer.from(SENTINEL),
    shippedWire,
    Buffer.from('\n'),
  ]),
  { mode: 0o755 },
);
writeFileSync(path.join(stubDir, 'LICENSE'), 'Electron licence (stub for dist:check)\n');
writeFileSync(path.join(stubDir, 'LICENSES.chromium.html'), '<!doctype html><title>Chromium licences (stub)</title>\n');
writeFileSync(path.join(stubDir, 'version'), `${electronVersion}\n`);

// ── 3. Pack ─────────────────────────────────────────────────────────────────────────────────
const { Arch, Platform, build } = require('electron-builder');
const arch = Arch[process.arch] ?? Arch.x64;
say(`packing linux --dir for ${Arch[arch]} with electronDist=${stubDir}, electronVersion=${electronVersion}, network refused`);
const started = Date.now();
try {
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', arch),
    config: { electronDist: stubDir, electronVersion, directories: { output: outDir } },
    publish: 'never',
  });
} catch (error) {
  say(`FAILED: electron-builder stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  if (process.env.DEBUG_DIST_CHECK) console.error(error);
  cleanUp();
  process.exit(1);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);

// ── 4. Check what went in ───────────────────────────────────────────────────────────────────
const unpacked = path.join(outDir, Arch[arch] === 'x64' ? 'linux-unpacked' : `linux-${Arch[arch]}-unpacked`);
const asarFile = path.join(unpacked, 'resources', 'app.asar');
const executable = path.join(unpacked, config.linux?.executableName ?? 'gax-token-lab');
expect(existsSync(asarFile), 'resources/app.asar exists');
expect(!existsSync(path.join(unpacked, 'resources', 'app')), 'no unpacked resources/app folder');
expect(existsSync(executable), `the executable is named ${path.basename(executable)}`);

if (existsSync(asarFile)) {
  const asar = require('@electron/asar');
  const entries = asar.listPackage(asarFile, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
  const files = entries.filter((e) => !('files' in asar.statFile(asarFile, e.slice(1))));
  const pkg = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8'));
  const devDependencies = Object.keys(JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')).devDependencies ?? {});

  const topLevel = new Set(entries.map((e) => e.split('/')[1]));
  expect([...topLevel].every((t) => ['dist', 'node_modules', 'package.json'].includes(t)), `only dist/, node_modules/ and package.json at the top (found ${[...topLevel].join(', ')})`);
  const distParts = new Set(entries.filter((e) => e.startsWith('/dist/')).map((e) => e.split('/')[2]));
  expect([...distParts].every((d) => ['main', 'renderer', 'preload'].includes(d)), `only dist/main, dist/renderer, dist/preload (found ${[...distParts].join(', ')})`);
  const sources = files.filter((e) => e.startsWith('/dist/') && /\.(ts|tsx|mts|cts|svelte|tsbuildinfo)$/.test(e));
  expect(sources.length === 0, `no TypeScript or Svelte sources in dist/ (found ${sources.slice(0, 5).join(', ')})`);
  const maps = files.filter((e) => e.endsWith('.map'));
  expect(maps.length === 0, `no source maps anywhere (found ${maps.slice(0, 5).join(', ')})`);
  expect(!entries.some((e) => /^\/(src-main|src-renderer|test|scripts|assets|bench|docs)(\/|$)/.test(e)), 'no source, test, script or asset folders');
  const devPackages = devDependencies.filter((name) => entries.includes(`/node_modules/${name}`));
  expect(devPackages.length === 0, `no devDependencies packed (found ${devPackages.join(', ')})`);
  expect(entries.includes(`/${pkg.main}`), `package.json "main" (${pkg.main}) is in the asar`);
  if (rendererBuilt) expect(entries.includes('/dist/renderer/index.html'), 'dist/renderer/index.html is in the asar');
  if (preloadBuilt) expect(entries.some((e) => e.startsWith('/dist/preload/')), 'dist/preload is in the asar');

  const count = (prefix) => files.filter((e) => e.startsWith(prefix)).length;
  const packageOf = (entry) => {
    const parts = entry.split('/'); // ['', 'node_modules', name or @scope, name, ...]
    return parts[2]?.startsWith('@') ? (parts[3] === undefined ? undefined : `${parts[2]}/${parts[3]}`) : parts[2];
  };
  const packages = new Set(entries.filter((e) => e.startsWith('/node_modules/')).map(packageOf).filter(Boolean));
  say(`packed in ${seconds}s: resources/app.asar holds ${files.length} files`);
  say(`  dist/main ${count('/dist/main/')}, dist/renderer ${count('/dist/renderer/')}, dist/preload ${count('/dist/preload/')}, package.json 1`);
  say(`  node_modules ${count('/node_modules/')} files from ${packages.size} production packages: ${[...packages].sort().join(', ')}`);
}

// ── 5. Fuses ────────────────────────────────────────────────────────────────────────────────
if (existsSync(executable)) {
  const wire = await getCurrentFuseWire(executable);
  const wanted = config.electronFuses ?? {};
  say('fuses in the packed executable (read back with @electron/fuses):');
  for (const [index, name] of Object.entries(FuseV1Options).filter(([k]) => /^\d+$/.test(k))) {
    const key = name.charAt(0).toLowerCase() + name.slice(1);
    const state = wire[index] === 49 ? true : wire[index] === 48 ? false : `unreadable (${wire[index]})`;
    const want = wanted[key];
    const ok = want === undefined || want === state;
    say(`  ${ok ? 'ok ' : 'BAD'} ${key} = ${state}${want === undefined ? ' (not set in electron-builder.yml)' : ''}`);
    expect(ok, `fuse ${key} is ${want}`);
  }
}

cleanUp();
if (problems.length > 0) {
  for (const problem of problems) say(`FAILED: expected ${problem}`);
  process.exit(1);
}
say('passed: an unpacked Linux app was packed offline with only the built output and the fuses set');

function cleanUp() {
  if (keep) say(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
