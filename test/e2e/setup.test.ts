/**
 * The Set-up wizard end to end, in Chromium against the real web mode and its real mock CS: walk from
 * step 1 to an accepted login in Try it, replay a failure and read its explanation, see the `[system]`
 * and `[general]` lines in Apply; axe on every step in light and dark; screenshots of every step at
 * 1280×800 and 1024×700 in both themes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { horizontalOverflow, startApp, checkA11y, type App } from './harness.js';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  page = app.page;
  await page.getByRole('button', { name: 'Set up', exact: true }).click();
  await page.getByRole('heading', { name: 'Set up', level: 1 }).waitFor();
}, 60_000);

afterAll(async () => {
  await app?.close();
}, 30_000);

const STEP_TITLES = ['Configuration Server', 'GAX', 'Check', 'Try it', 'Apply'] as const;

function stepHeading(n: number) {
  return page.getByRole('heading', { level: 2, name: `${n}. ${STEP_TITLES[n - 1]}` });
}

async function next(): Promise<void> {
  await page.getByRole('button', { name: /^Next:/ }).click();
}

async function noHorizontalScroll(): Promise<void> {
  expect(await horizontalOverflow(page)).toEqual({ main: 0, doc: 0 });
}

async function scrollMainTo(selector: string | null): Promise<void> {
  await page.evaluate((sel) => {
    const main = document.querySelector('main')!;
    if (sel === null) main.scrollTop = 0;
    else document.querySelector(sel)?.scrollIntoView({ block: 'start' });
  }, selector);
}

/**
 * axe in both themes, and screenshots at both sizes in both themes, from the top of the view; then one
 * light 1280×800 screenshot scrolled to each of `sections` (CSS selectors). The page ends light at 1280×800.
 */
async function checkStep(name: string, sections: Record<string, string> = {}): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await app.setTheme(theme);
    const violations = await checkA11y(page);
    expect(violations, `${name} (${theme}): ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size);
      await noHorizontalScroll();
      await scrollMainTo(null);
      await app.screenshot(`setup-${name}-${theme}-${size.width}x${size.height}`);
      for (const [part, selector] of Object.entries(sections)) {
        await scrollMainTo(selector);
        await app.screenshot(`setup-${name}-${part}-${theme}-${size.width}x${size.height}`);
      }
    }
  }
  await app.setTheme('light');
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('Set up wizard', () => {
  it('refuses Next on a step with an error and says why, next to the field', async () => {
    await stepHeading(1).waitFor();
    await page.getByLabel('Tolerance').fill('2min');
    const error = page.getByText('"2min" holds a unit; the option is a plain number of seconds');
    await error.waitFor();
    await next();
    await page.getByRole('alert').filter({ hasText: 'Next is not possible yet' }).waitFor();
    expect(await stepHeading(1).count()).toBe(1);
    await page.getByRole('button', { name: 'Use 120' }).click();
    expect(await page.getByLabel('Tolerance').inputValue()).toBe('120');
    await page.getByLabel('Tolerance').fill('');
  });

  it('walks from step 1 to an accepted login in Try it', async () => {
    await checkStep('1-cs', { uuid: '#setup-cs-uuid-choice' });
    await page.getByRole('radio', { name: /Generate one here/ }).check();
    await next();
    await stepHeading(2).waitFor();
    await checkStep('2-gax');
    await next();
    await stepHeading(3).waitFor();
    await page.getByLabel('Sample username').fill('alice');
    const token = page.getByTestId('sample-token');
    await expect.poll(async () => (await token.textContent()) ?? '').toMatch(/^\{PXZ\}[A-Za-z0-9_-]{40}$/);
    await page.getByText('45 of 64 bytes', { exact: false }).waitFor();
    await checkStep('3-check', { window: '#check-window-title', warnings: '#check-warnings-title' });
    await next();
    await stepHeading(4).waitFor();
    await page.getByRole('button', { name: 'Start the mock CS and log in' }).click();
    await page.getByText('Accepted', { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.getByRole('list', { name: 'Login steps' }).first().waitFor();
    await checkStep('4-try');
  });

  it('replays a failure and explains it', async () => {
    await page.getByRole('button', { name: /Expired token/ }).click();
    const card = page.getByTestId('replay-expired');
    await card.getByText('✓ the expected EXPIRED').waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toMatch(/How to fix:/);
    await checkStep('4-try-replayed', { replays: '#replays-title' });
  });

  it('shows the [system] and [general] lines in Apply', async () => {
    await next();
    await stepHeading(5).waitFor();
    const cs = page.getByTestId('snippet-configuration-server');
    await expect.poll(async () => (await cs.textContent()) ?? '').toContain('[system]');
    expect(await cs.textContent()).toContain('token-authentication-mode=enable');
    const gax = page.getByTestId('snippet-gax');
    expect(await gax.textContent()).toContain('[general]');
    expect(await gax.textContent()).toContain('confserv_trusted=true');
    expect(await gax.textContent()).toContain('token_life_in_minutes=60');
    await checkStep('5-apply', { files: '#apply-files-title', checklist: '#apply-checklist-title' });
  });

  it('saves a .cfg as a download in web mode, and the pair as profiles', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as .cfg: GAX' }).click()]);
    expect(download.suggestedFilename()).toBe('gax-general-options.cfg');
    await page.getByText("Downloaded: see your browser's downloads.").waitFor();
    await page.getByLabel('Profile name').fill('Lab pair');
    await page.getByRole('button', { name: 'Save the pair' }).click();
    await page.getByText('The pair “Lab pair” and its CS and GAX profiles are saved.', { exact: false }).waitFor();
  });

  it('prints the checklist alone', async () => {
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const visible = (sel: string) => {
        const el = document.querySelector(sel);
        return el ? getComputedStyle(el).visibility === 'visible' : null;
      };
      return {
        nav: visible('nav[aria-label="Views"] button'),
        stepper: visible('.stepper button'),
        files: visible('[data-testid="snippet-gax"]'),
        checklist: visible('[data-testid="checklist"]'),
      };
    });
    expect(shown).toEqual({ nav: false, stepper: false, files: false, checklist: true });
    await app.screenshot('setup-5-apply-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('explains a token-ttl shorter than the token life on the Check step', async () => {
    await page
      .getByRole('navigation', { name: 'Set-up steps' })
      .getByRole('button', { name: /Configuration Server/ })
      .click();
    await stepHeading(1).waitFor();
    await page.getByLabel('Time to live').fill('20');
    await page.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name: /Check/ }).click();
    await stepHeading(3).waitFor();
    await page.getByText('A fresh token is refused for its first 39 min.').waitFor();
    await page
      .getByRole('list', { name: 'Warnings' })
      .getByText('[system] token-ttl=20 is shorter than GAX token_life_in_minutes=60', { exact: false })
      .waitFor();
    await checkStep('3-check-ttl', { window: '#check-window-title', warnings: '#check-warnings-title' });
    expect(app.consoleErrors).toEqual([]);
  });
});
