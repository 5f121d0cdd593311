/**
 * Every view, in Chromium against the real web mode, opened by its navigation button: axe finds no
 * serious or critical violation in light or dark; nothing scrolls sideways at 1024×700; Tab from the
 * navigation reaches the view's first control, which shows a visible focus ring; screenshots in both
 * themes at 1280×800 and 1024×700 (test-results/screenshots/view-<name>-<theme>-<size>.png).
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { appForFile, openView, horizontalOverflow, checkA11y, type App } from './harness.js';

/** The navigation's accessible names, in order, as the design and App.svelte give them. */
const VIEW_NAMES = ['Set up', 'Tokens', 'Server', 'Connect', 'Doctor', 'Labs', 'Settings'];

const SIZES = [
  [1280, 800],
  [1024, 700],
] as const;

let app: App;
let page: Page;
let navNames: string[];

appForFile('views', async (started) => {
  app = started;
  page = app.page;
  navNames = (await page.getByRole('navigation', { name: 'Views' }).getByRole('button').allTextContents()).map((t) => t.trim());
});

function slug(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '-');
}

/**
 * Tab from the last navigation item: where focus lands, whether it is inside <main>, whether it is
 * the first tabbable control there, and whether it shows a ring (its own outline or box-shadow, or —
 * for a radio styled as a segment — its label's).
 */
async function tabIntoView(): Promise<{ inMain: boolean; first: boolean; ring: boolean; what: string }> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button').last().focus();
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const main = document.querySelector('main')!;
    const tabbable = [...main.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
      (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden',
    );
    const ringOf = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    return {
      inMain: !!el && main.contains(el),
      first: !!el && tabbable[0] === el,
      ring: ringOf(el) || ringOf(el?.closest('label') ?? null),
      what: el ? `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}` : 'nothing',
    };
  });
}

describe('every view', () => {
  it('the navigation has the views with their exact accessible names', () => {
    expect(navNames).toEqual(VIEW_NAMES);
  });

  for (const name of VIEW_NAMES) {
    it(`${name}: axe in light and dark, no sideways scroll at 1024×700, Tab reaches it with a focus ring, screenshots`, async () => {
      await openView(page, name);
      for (const theme of ['light', 'dark'] as const) {
        await app.setTheme(theme);
        expect(await checkA11y(page), `${name} in ${theme}`).toEqual([]);
        for (const [width, height] of SIZES) {
          await page.setViewportSize({ width, height });
          await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
          if (width === 1024) expect(await horizontalOverflow(page), `${name} at 1024×700 in ${theme}`).toEqual({ main: 0, doc: 0 });
          await app.screenshot(`view-${slug(name)}-${theme}-${width}x${height}`);
        }
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      await app.setTheme('light');

      const focus = await tabIntoView();
      expect(focus.inMain, `Tab from the navigation went to ${focus.what}`).toBe(true);
      expect(focus.first, `Tab from the navigation went to ${focus.what}, not the view's first control`).toBe(true);
      expect(focus.ring, `${focus.what} shows no focus ring`).toBe(true);
    });
  }

  it('no errors in the console on the way', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('an unexpected error in the page', () => {
  it('shows in the banner above the status bar, with the buttons every view uses, and Dismiss takes it away', async () => {
    await openView(page, 'Set up');
    const before = app.consoleErrors.length;
    // Thrown from a task of its own, as a bug in a handler would be: the page's error event carries it.
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e: a handler failed');
      }, 0);
    });
    const banner = page.getByRole('alert').filter({ hasText: 'Unexpected error in this window' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('e2e: a handler failed');
    const dismiss = banner.getByRole('button', { name: 'Dismiss' });
    // the house button (.btn), not the browser's bare one
    expect(await dismiss.evaluate((b) => [b.classList.contains('btn'), getComputedStyle(b).borderRadius])).toEqual([true, '5px']);
    for (const theme of ['light', 'dark'] as const) {
      await app.setTheme(theme);
      expect(await checkA11y(page), `the banner in ${theme}`).toEqual([]);
      await app.screenshot(`problem-banner-${theme}`);
    }
    await app.setTheme('light');
    await dismiss.click();
    await expect.poll(() => banner.count()).toBe(0);
    // the one error is the one thrown here
    expect(app.consoleErrors.slice(before)).toEqual(['pageerror: e2e: a handler failed']);
    app.consoleErrors.splice(before);
  });
});
