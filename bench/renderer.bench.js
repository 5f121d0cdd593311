// The renderer: its built size (gzipped) and the time from navigation to the wizard being
// interactive in headless Chromium, against a blank page served the same way, in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { median } from './measure.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 9;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function gzippedSizes() {
  const dir = join(ROOT, 'dist/renderer/assets');
  let js = 0;
  let css = 0;
  for (const f of readdirSync(dir)) {
    const size = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
    if (f.endsWith('.js')) js += size;
    else if (f.endsWith('.css')) css += size;
  }
  const html = gzipSync(readFileSync(join(ROOT, 'dist/renderer/index.html')), { level: 9 }).length;
  return { js, css, html };
}

function startWebMode(home) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/main/web/main.js'), '--port', '0'], {
      env: { ...process.env, GAX_TOKEN_LAB_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL:\n${out}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#key=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr.on('data', (d) => (out += d));
  });
}

/**
 * The baseline: a blank page served with exactly the response headers web mode sends for the app
 * (CSP, Cross-Origin-Opener-Policy, …), so the comparison measures the renderer, not the headers.
 */
async function startBlankServer(appUrl) {
  const appHeaders = Object.fromEntries((await fetch(new URL('/', appUrl))).headers);
  for (const h of ['content-length', 'date', 'connection', 'keep-alive', 'content-type']) delete appHeaders[h];
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><p id="ready">ready</p></body></html>';
  const server = createServer((_req, res) => {
    res.writeHead(200, { ...appHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Wall-clock ms from asking Chromium to navigate until `ready()` holds on the page. */
async function timeNavigation(context, url, ready) {
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page);
  const ms = performance.now() - start;
  await page.close();
  return ms;
}

export async function run(report) {
  const sizes = gzippedSizes();
  const total = sizes.js + sizes.css + sizes.html;
  report({ section: 'renderer', name: 'JavaScript, gzipped', value: sizes.js / 1024, unit: 'KB' });
  report({ section: 'renderer', name: 'CSS, gzipped', value: sizes.css / 1024, unit: 'KB' });
  report({
    section: 'renderer',
    name: 'all of dist/renderer, gzipped',
    value: total / 1024,
    unit: 'KB',
    target: '≤ 150 KB',
    pass: total <= 150 * 1024,
  });

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    report({ section: 'renderer', name: 'time to interactive: playwright-core is not installed', value: NaN, unit: '' });
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'gax-bench-home-'));
  const profile = mkdtempSync(join(tmpdir(), 'gax-bench-chromium-'));
  const web = await startWebMode(home);
  const blank = await startBlankServer(web.url);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const blankUrl = `http://127.0.0.1:${blank.address().port}/`;
    const appReady = async (page) => {
      // Interactive: the wizard's Next button is on screen and enabled, and the first option can be chosen.
      await page.getByRole('button', { name: /^Next/ }).waitFor({ state: 'visible' });
      await page.waitForFunction(() => {
        const next = [...document.querySelectorAll('button')].find((b) => /^Next/.test(b.textContent?.trim() ?? ''));
        return next !== undefined && !next.disabled && document.querySelector('main input, main select') !== null;
      });
    };
    const blankReady = (page) => page.locator('#ready').waitFor();
    // Warm both once (Chromium's first navigation pays for process start-up).
    await timeNavigation(context, blankUrl, blankReady);
    await timeNavigation(context, web.url, appReady);
    const blankTimes = [];
    const appTimes = [];
    for (let i = 0; i < RUNS; i++) {
      blankTimes.push(await timeNavigation(context, blankUrl, blankReady));
      appTimes.push(await timeNavigation(context, web.url, appReady));
    }
    const b = median(blankTimes);
    const a = median(appTimes);
    report({ section: 'renderer', name: `blank page with the same headers, load (median of ${RUNS})`, value: b, unit: 'ms' });
    report({
      section: 'renderer',
      name: `navigation → wizard interactive (median of ${RUNS})`,
      value: a,
      unit: 'ms',
      baseline: { name: 'blank page', value: b },
      target: '≤ 2 × blank page',
      pass: a <= 2 * b,
    });
  } finally {
    await context.close();
    blank.close();
    web.child.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
