// The renderer: its built size (gzipped), what the first paint loads (gzipped) and the time from
// navigation to the wizard being interactive in headless Chromium, against a blank page served the
// same way, in the same run. Targets (issue 13): first paint ≤ 45 KB, all of dist/renderer ≤ 140 KB,
// wizard interactive ≤ 1.5 × the blank page.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.js';
import { median } from './measure.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 9;
const FIRST_PAINT_KB = 45;
const TOTAL_KB = 140;
const INTERACTIVE_RATIO = 1.5;
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function gzippedSizes() {
  const dir = join(ROOT, 'dist/renderer/assets');
  let js = 0;
  let css = 0;
  for (const f of readdirSync(dir)) {
    const size = gzipped(join(dir, f));
    if (f.endsWith('.js')) js += size;
    else if (f.endsWith('.css')) css += size;
  }
  const html = gzipped(join(ROOT, 'dist/renderer/index.html'));
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

/**
 * What the page really fetched before it was interactive (its resource timing: index.html and every
 * file requested from web mode's server until that moment), each counted gzipped as built in
 * dist/renderer, which web mode serves as is. Files asked for later (steps 3–5 fetched when idle, the
 * other views) are not the first paint's.
 */
async function firstPaint(context, url, ready) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const interactiveAt = await ready(page);
    const origin = new URL(url).origin;
    const paths = await page.evaluate(
      ({ at, origin }) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= at && e.name.startsWith(origin))
          .map((e) => new URL(e.name).pathname),
      { at: interactiveAt, origin },
    );
    const files = ['/index.html', ...new Set(paths)];
    const bytes = files.reduce((sum, p) => sum + gzipped(join(ROOT, 'dist/renderer', decodeURIComponent(p))), 0);
    return { files: files.length, bytes };
  } finally {
    await page.close();
  }
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
    target: `≤ ${TOTAL_KB} KB`,
    pass: total <= TOTAL_KB * 1024,
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
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const blankUrl = `http://127.0.0.1:${blank.address().port}/`;
    // Interactive: the wizard's Next button is on screen and enabled, and the first option can be
    // chosen. Both pages are watched the same way — one check, run on every animation frame — so the
    // ratio compares the pages, not two ways of waiting; each answers the page's clock at that moment.
    const appReady = async (page) => {
      const at = await page.waitForFunction(() => {
        const next = [...document.querySelectorAll('button')].find((b) => /^Next/.test(b.textContent?.trim() ?? ''));
        const shown = next !== undefined && next.checkVisibility() && !next.disabled;
        return shown && document.querySelector('main input, main select') !== null && performance.now();
      });
      return at.jsonValue();
    };
    const blankReady = (page) => page.waitForFunction(() => document.getElementById('ready')?.checkVisibility() === true);
    // Warm both once (Chromium's first navigation pays for process start-up).
    await timeNavigation(context, blankUrl, blankReady);
    await timeNavigation(context, web.url, appReady);
    const paint = await firstPaint(context, web.url, appReady);
    report({
      section: 'renderer',
      name: `first paint: ${paint.files} files loaded before the wizard is interactive, gzipped`,
      value: paint.bytes / 1024,
      unit: 'KB',
      target: `≤ ${FIRST_PAINT_KB} KB`,
      pass: paint.bytes <= FIRST_PAINT_KB * 1024,
    });
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
      target: `≤ ${INTERACTIVE_RATIO} × blank page`,
      pass: a <= INTERACTIVE_RATIO * b,
    });
  } finally {
    await context.close();
    blank.close();
    web.child.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
