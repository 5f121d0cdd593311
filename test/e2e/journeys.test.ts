/**
 * Journeys across views, as a new field engineer plays them (Chromium, real web mode): the wizard's
 * values travel to Connect, whose first login succeeds; the Tokens verdict is in view as you type at
 * 1280×800; at 640 CSS px wide (200% zoom of 1280) no view scrolls sideways, the folded navigation
 * works from the keyboard, and axe finds nothing serious in either theme.
 */
import { createServer } from 'node:net';
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile, checkA11y, horizontalOverflow, logInOnce, openView, type App } from './harness.js';

let app: App;
let page: Page;

appForFile('journeys', (started) => {
  app = started;
  page = app.page;
});

const VIEW_NAMES = ['Set up', 'Tokens', 'Server', 'Connect', 'Doctor', 'Labs', 'Settings'];

describe('journeys', () => {
  it('wizard with a token life of 20 → save the pair → Connect logs in on the first try with those values', async () => {
    await openView(page, 'Set up', 'Set up');
    await page.getByRole('radio', { name: /Generate one here/ }).check();
    await page.getByRole('button', { name: /^Next:/ }).click();
    await page.getByLabel('Token life').fill('20');
    await page.getByRole('button', { name: /^Next:/ }).click();
    await page.getByRole('button', { name: /^Next:/ }).click();
    await page.getByRole('button', { name: 'Start the mock CS and log in' }).click();
    await page.getByText('Accepted', { exact: true }).first().waitFor({ timeout: 15_000 });
    // Try it ran on the wizard's own mock CS; the user's takes these options only when asked
    await page.getByRole('button', { name: 'Put these options on my mock CS' }).click();
    await page.getByText(/^Your mock CS runs with these options on 127\.0\.0\.1:\d+/).waitFor();
    await page.getByRole('button', { name: /^Next:/ }).click();
    await page.getByLabel('Profile name').fill('Wizard pair');
    await page.getByRole('button', { name: 'Save the pair' }).click();
    await page.getByText('The pair “Wizard pair” and its CS and GAX profiles are saved.', { exact: false }).waitFor();
    // web mode keeps secrets for the session unless Settings says otherwise: "saved" says so too
    await page.getByText(/^The token-uuid: /).waitFor();
    await app.screenshot('journey-wizard-saved');

    await openView(page, 'Connect', 'Connect');
    const using = page.getByRole('combobox', { name: 'Current setup' });
    await expect.poll(async () => (await using.locator('option:checked').textContent())?.trim()).toBe('Wizard pair');
    await expect.poll(() => page.getByLabel('Token life', { exact: false }).first().inputValue()).toBe('20');
    const message = await logInOnce(page);
    expect(message).toMatch(/is registered on 127\.0\.0\.1:\d+ by token/);
  });

  it('the setup survives a reload, and Tokens mints with its life (window as that CS applies it)', async () => {
    await page.reload();
    await openView(page, 'Tokens', 'Tokens');
    await expect
      .poll(async () => (await page.getByRole('combobox', { name: 'Current setup' }).locator('option:checked').textContent())?.trim())
      .toBe('Wizard pair');
    await expect.poll(() => page.locator('#mint-life').inputValue()).toBe('20');
    // the CS check takes the pair's token-uuid and its GAX life (the window then matches the countdown)
    await page.getByLabel('Check as a CS would').check();
    await expect.poll(() => page.locator('#inspect-gaxLife').inputValue()).toBe('20');
    await page.getByLabel('Check as a CS would').uncheck();
    await page.locator('#mint-user').fill('default');
    await page.getByRole('button', { name: 'Mint token' }).click();
    // focus follows the outcome instead of dropping to the page
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('minted-title');
    const card = page
      .locator('li')
      .filter({ has: page.getByTestId('checked') })
      .first();
    await expect
      .poll(async () => (await card.getByTestId('checked').textContent()) ?? '')
      .toMatch(/time, and signed with the token-uuid of the profile "Wizard pair/);
    expect(await card.textContent()).toMatch(/ttl 20 min/);
    expect(await card.textContent()).not.toMatch(/The CS accepts it/);
  });

  it('the wizard keeps its values across the reload (not the secret), and Start over clears them', async () => {
    await openView(page, 'Set up', 'Set up');
    await page.getByRole('heading', { level: 2, name: '5. Apply' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'a new one was generated' }).waitFor();
    await page.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name: /GAX/ }).click();
    expect(await page.getByLabel('Token life').inputValue()).toBe('20');
    await page.getByRole('button', { name: 'Start over…' }).click();
    await page.getByRole('button', { name: 'Start over', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '1. Configuration Server' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('setup-step-title');
    await page.getByRole('button', { name: /^Next:/ }).click();
    expect(await page.getByLabel('Token life').inputValue()).toBe('60');
  });

  it('a profile opened in the wizard from Settings, edited (life 15), saved back and used in Connect', async () => {
    await openView(page, 'Settings', 'Settings');
    await page.getByRole('button', { name: 'Open in wizard: Wizard pair (pair)' }).click();
    await page.getByRole('heading', { level: 2, name: '1. Configuration Server' }).waitFor();
    await page.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name: /GAX/ }).click();
    expect(await page.getByLabel('Token life').inputValue()).toBe('20');
    await page.getByLabel('Token life').fill('15');
    await page.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name: /Apply/ }).click();
    await page.getByRole('button', { name: 'Save changes to “Wizard pair”' }).click();
    await page.getByText('“Wizard pair” now holds these options, and is the current setup.').waitFor();

    await openView(page, 'Connect', 'Connect');
    await expect.poll(() => page.getByLabel('Token life', { exact: false }).first().inputValue()).toBe('15');
    expect(await logInOnce(page)).toMatch(/is registered on 127\.0\.0\.1:\d+ by token/);
    await openView(page, 'Settings', 'Settings');
    await page.getByRole('button', { name: 'Current setup: Wizard pair (pair)' }).waitFor();
  });

  it('Server: a taken port gets one clear message and "Start on a free port instead"; the token-uuid shows only after Show', async () => {
    await openView(page, 'Server', 'Server');
    await page.getByRole('button', { name: 'Stop server' }).click();
    await page.getByText('Stopped', { exact: true }).waitFor();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await page.locator('#listener-port-0').fill(String(port));
      await page.getByRole('button', { name: 'Start server' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'The server did not start' });
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain(`127.0.0.1:${port}`);
      expect(text).toContain('already in use');
      expect(text.match(/free/g)?.length).toBe(1);
      await alert.getByRole('button', { name: 'Start on a free port instead' }).click();
      await page.getByText('Running', { exact: true }).waitFor();
    } finally {
      blocker.close();
    }
    // the current setup loads into the mock CS on a click, the token-uuid with it (masked as the profile's)
    await page.getByRole('button', { name: 'Load into the mock CS' }).click();
    await page.getByText('The mock CS now has the token options of “Wizard pair” (its token-uuid included)', { exact: false }).waitFor();
    const uuid = page.getByTestId('mockcs-token-uuid');
    await uuid.scrollIntoViewIfNeeded();
    expect(await uuid.textContent()).toMatch(/^[•-]+[0-9a-f]{4}$/);
    await page.getByRole('button', { name: "Show the mock CS's token-uuid" }).click();
    await expect.poll(() => uuid.textContent()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await page.getByRole('button', { name: "Copy the mock CS's token-uuid" }).waitFor();
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    expect(await uuid.textContent()).toMatch(/^[•-]+[0-9a-f]{4}$/);
  });

  it('Tokens: the verdict is in view beside the input as you type at 1280×800, paste mistakes named above it', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openView(page, 'Tokens', 'Tokens');
    await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
    await page.getByLabel('Check as a CS would').check();
    await page.locator('#inspect-value').fill(' {PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI');
    const verdict = page.locator('#inspect-verdict');
    await verdict.getByText('Paste mistake: white space or a line break').waitFor();
    await verdict.getByText(/^NOT_A_TOKEN —/).waitFor();
    const box = (await verdict.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + 120).toBeLessThan(800);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    await app.screenshot('journey-tokens-verdict-1280');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`at 640×400 (${theme}): every view fits without sideways scroll, the navigation folds and opens from the keyboard, axe is clean`, async () => {
      await app.setTheme(theme);
      await page.setViewportSize({ width: 640, height: 400 });
      const toggle = page.getByRole('button', { name: /^Views/ });
      await toggle.waitFor();
      for (const name of VIEW_NAMES) {
        await toggle.focus();
        await page.keyboard.press('Enter');
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();
        await expect.poll(() => page.locator('main').getAttribute('aria-label')).toBe(name);
        await page.locator('main h1').first().waitFor();
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
        expect(await horizontalOverflow(page), `${name} at 640 in ${theme}`).toEqual({ main: 0, doc: 0 });
        expect(await checkA11y(page), `${name} at 640 in ${theme}`).toEqual([]);
        await app.screenshot(`journey-640-${name.toLowerCase().replace(/\s+/g, '-')}-${theme}`);
      }
      // Escape closes the open navigation and gives focus back to its button.
      await toggle.click();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Tokens', exact: true }).focus();
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Views'))).toBe(true);
      await page.setViewportSize({ width: 1280, height: 800 });
      await app.setTheme('light');
    }, 120_000);
  }
});
