#!/usr/bin/env node
// Renders assets/icon.svg into the PNG icons electron-builder packs: assets/icon.png (1024×1024,
// macOS and Windows convert it to .icns/.ico) and assets/icons/<N>x<N>.png (Linux, one per size).
// Uses the system Chromium through playwright-core, so no ImageMagick is needed:
//   apt-get install -y chromium && node scripts/make-icons.js
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH as chromiumPath } from './chromium.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'assets', 'icon.svg');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

if (!existsSync(chromiumPath)) {
  console.error(`make-icons: no Chromium at ${chromiumPath}; install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const { chromium } = await import('playwright-core');
const svg = readFileSync(source);
const dataUrl = `data:image/svg+xml;base64,${svg.toString('base64')}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img id="icon" src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('#icon').evaluate((img) => img.decode());
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  const written = [];
  const write = (file, png) => {
    writeFileSync(file, png);
    written.push(path.relative(root, file));
  };
  write(path.join(root, 'assets', 'icon.png'), await render(1024));
  mkdirSync(path.join(root, 'assets', 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) write(path.join(root, 'assets', 'icons', `${size}x${size}.png`), await render(size));
  console.log(`make-icons: wrote ${written.join(', ')}`);
} finally {
  await browser.close();
}
