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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
// All three parts must be there: an app packed without its renderer or preload opens nothing, so a
// missing part is built first, and still missing after that is a failure, never a note.
const builtParts = {
  'dist/main/app/main.js': path.join(projectDir, 'dist', 'main', 'app', 'main.js'),
  'dist/renderer/index.html': path.join(projectDir, 'dist', 'renderer', 'index.html'),
  'dist/preload/preload.cjs': path.join(projectDir, 'dist', 'preload', 'preload.cjs'),
};
const missingParts = () =>
  Object.entries(builtParts)
    .filter(([, file]) => !existsSync(file))
    .map(([name]) => name);
if (missingParts().length > 0) {
  say(`${missingParts().join(', ')} not built yet; running "npm run build" first`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: projectDir, stdio: 'inherit' });
  const still = missingParts();
  if (build.status !== 0 || still.length > 0) {
    say(`FAILED: "npm run build" did not produce ${still.join(', ') || 'a clean build'}; fix the build errors above first.`);
    process.exit(1);
  }
}

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
  expect(
    [...topLevel].every((t) => ['dist', 'node_modules', 'package.json'].includes(t)),
    `only dist/, node_modules/ and package.json at the top (found ${[...topLevel].join(', ')})`,
  );
  const distParts = new Set(entries.filter((e) => e.startsWith('/dist/')).map((e) => e.split('/')[2]));
  expect(
    [...distParts].every((d) => ['main', 'renderer', 'preload'].includes(d)),
    `only dist/main, dist/renderer, dist/preload (found ${[...distParts].join(', ')})`,
  );
  const sources = files.filter((e) => e.startsWith('/dist/') && /\.(ts|tsx|mts|cts|svelte|tsbuildinfo)$/.test(e));
  expect(sources.length === 0, `no TypeScript or Svelte sources in dist/ (found ${sources.slice(0, 5).join(', ')})`);
  const maps = files.filter((e) => e.endsWith('.map'));
  expect(maps.length === 0, `no source maps anywhere (found ${maps.slice(0, 5).join(', ')})`);
  expect(!entries.some((e) => /^\/(src-main|src-renderer|test|scripts|assets|bench|docs)(\/|$)/.test(e)), 'no source, test, script or asset folders');
  const devPackages = devDependencies.filter((name) => entries.includes(`/node_modules/${name}`));
  expect(devPackages.length === 0, `no devDependencies packed (found ${devPackages.join(', ')})`);
  expect(entries.includes(`/${pkg.main}`), `package.json "main" (${pkg.main}) is in the asar`);
  expect(entries.includes('/dist/renderer/index.html'), 'dist/renderer/index.html is in the asar');
  expect(entries.includes('/dist/preload/preload.cjs'), 'dist/preload/preload.cjs is in the asar');
  expect(entries.includes('/dist/main/cli/main.js'), 'the CLI (dist/main/cli/main.js) is in the asar: the app binary runs it when given a command');

  const count = (prefix) => files.filter((e) => e.startsWith(prefix)).length;
  const packageOf = (entry) => {
    const parts = entry.split('/'); // ['', 'node_modules', name or @scope, name, ...]
    return parts[2]?.startsWith('@') ? (parts[3] === undefined ? undefined : `${parts[2]}/${parts[3]}`) : parts[2];
  };
  const packages = new Set(
    entries
      .filter((e) => e.startsWith('/node_modules/'))
      .map(packageOf)
      .filter(Boolean),
  );
  say(`packed in ${seconds}s: resources/app.asar holds ${files.length} files`);
  say(`  dist/main ${count('/dist/main/')}, dist/renderer ${count('/dist/renderer/')}, dist/preload ${count('/dist/preload/')}, package.json 1`);
  say(`  node_modules ${count('/node_modules/')} files from ${packages.size} production packages: ${[...packages].sort().join(', ')}`);
}

// ── 5. Beside the asar: the README and the gax-token wrapper ─────────────────────────────────
const readme = path.join(unpacked, 'resources', 'README.md');
const wrapper = path.join(unpacked, 'resources', 'bin', 'gax-token');
expect(
  existsSync(readme) && readFileSync(readme, 'utf8') === readFileSync(path.join(projectDir, 'README.md'), 'utf8'),
  'resources/README.md, the project README (Help → README opens it)',
);
expect(existsSync(wrapper) && (statSync(wrapper).mode & 0o111) !== 0, 'resources/bin/gax-token, executable (the deb links it into /usr/bin)');
if (existsSync(wrapper))
  expect(
    /exec "\$here\/\.\.\/\.\.\/(\S+)"/.exec(readFileSync(wrapper, 'utf8'))?.[1] === path.basename(executable),
    `the gax-token wrapper runs ${path.basename(executable)}`,
  );
say(`  beside the asar: README.md ${existsSync(readme) ? 'ok' : 'MISSING'}, bin/gax-token ${existsSync(wrapper) ? 'ok' : 'MISSING'}`);

// ── 6. Artifact names carry the architecture (two builds for x64 and arm64 must not overwrite each other)
for (const target of ['appImage', 'deb', 'nsis', 'portable', 'dmg']) {
  const name = config[target]?.artifactName;
  expect(typeof name === 'string' && name.includes('${arch}'), `${target}.artifactName to hold \${arch} (it is ${name ?? 'unset'})`);
}

// ── 7. Fuses ────────────────────────────────────────────────────────────────────────────────
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
say('passed: an unpacked Linux app was packed offline with only the built output, the README and the gax-token wrapper, and the fuses set');

function cleanUp() {
  if (keep) say(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
