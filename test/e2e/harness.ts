/**
 * End-to-end harness: the real web mode (`node dist/main/web/main.js`) on a temp data folder, and Debian's
 * Chromium driven by playwright-core. Each test file gets its own app and browser; nothing is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../../scripts/chromium.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface App {
  url: string;
  origin: string;
  dataDir: string;
  page: Page;
  context: BrowserContext;
  /** console errors and CSP violations seen so far */
  consoleErrors: string[];
  /** web mode's stdout/stderr so far */
  serverOutput(): string;
  screenshot(name: string): Promise<string>;
  setTheme(theme: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
}

function assertBuilt(): void {
  for (const f of ['dist/main/web/main.js', 'dist/renderer/index.html'])
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first (npm test does)`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
}

function waitForUrl(child: ChildProcess, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL in 20 s:\n${output.text}`)), 20_000);
    const onData = (d: Buffer) => {
      output.text += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]+)/.exec(output.text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output.text += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code} before printing its URL:\n${output.text}`));
    });
  });
}

export async function startApp(opts: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {}): Promise<App> {
  assertBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'gax-e2e-data-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'gax-e2e-chromium-'));
  const output = { text: '' };
  const child = spawn(process.execPath, [join(ROOT, 'dist/main/web/main.js'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, GAX_TOKEN_LAB_HOME: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let url: string;
  try {
    url = await waitForUrl(child, output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page
    .getByRole('navigation', { name: 'Views' })
    .or(page.getByRole('button', { name: /^Views/ }))
    .first()
    .waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    page,
    context,
    consoleErrors,
    serverOutput: () => output.text,
    async screenshot(name) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async setTheme(theme) {
      await page.emulateMedia({ colorScheme: theme });
    },
    async close() {
      await context.close().catch(() => undefined);
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      await rm(dataDir, { recursive: true, force: true });
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = () => readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core over the current page; returns the serious and critical violations. The script is evaluated
 * through DevTools (not a <script> tag), so the page's CSP stays as strict as in production.
 */
export async function checkA11y(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE());
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Opens a view by its navigation button and waits until it has rendered: `main` carries the view's
 * name and its title is on screen (views other than Set up load on first use). `heading`: the exact
 * title to wait for, when the caller knows it.
 */
/** Connect's "Log in once", waited for until its run ends (a new history row); answers the run's message. */
export async function logInOnce(page: Page): Promise<string> {
  const before = await page
    .getByRole('table')
    .filter({ hasText: 'Duration' })
    .getByRole('row')
    .count()
    .catch(() => 0);
  await page.getByRole('button', { name: 'Log in once' }).click();
  await expect
    .poll(() => page.getByRole('table').filter({ hasText: 'Duration' }).getByRole('row').count(), { timeout: 15_000 })
    .toBeGreaterThan(Math.max(before, 1));
  return (await page.getByTestId('run-message').textContent()) ?? '';
}

export async function openView(page: Page, name: string, heading?: string): Promise<void> {
  const item = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });
  // Below 900 px wide the navigation is folded behind its "Views" button.
  if (!(await item.isVisible())) await page.getByRole('button', { name: /^Views/ }).click();
  await item.click();
  await expect.poll(() => page.locator('main').getAttribute('aria-label')).toBe(name);
  if (heading) await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  else await page.locator('main h1').first().waitFor();
}

/** How far `main` and the document scroll sideways (0 and 0 when the view fits). */
export async function horizontalOverflow(page: Page): Promise<{ main: number; doc: number }> {
  return {
    main: await page.locator('main').evaluate((main) => main.scrollWidth - main.clientWidth),
    doc: await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth),
  };
}

/**
 * One app for the calling test file (light, 1280×800): started before its tests and handed to
 * `ready`, closed after them. A failing test leaves `NAME-FAILED-<test>.png` in the screenshots.
 */
export function appForFile(name: string, ready: (app: App) => void | Promise<void>): void {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await ready(app);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  }, 30_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await app?.screenshot(`${name}-FAILED-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  expect(await horizontalOverflow(page)).toEqual({ main: 0, doc: 0 });
}
