/**
 * The Tokens view end to end, in Chromium against the real web mode: mint a token and watch it count
 * down; paste a token, see its parts and checks, check it as the CS, watch its countdown move; axe in
 * light and dark; screenshots at 1280×800 and 1024×700.
 */
import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { horizontalOverflow, startApp, checkA11y, type App } from './harness.js';
import { mintToken } from '../../src-main/core/index.js';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  page = app.page;
  await page.getByRole('button', { name: 'Tokens', exact: true }).click();
  await page.getByRole('heading', { name: 'Tokens', level: 1 }).waitFor();
}, 60_000);

afterAll(async () => {
  await app?.close();
}, 30_000);

/** a watched token's "Expiry" countdown, read twice more than a second apart */
async function countdownMoves(item: Locator): Promise<[string, string]> {
  const expiry = item.getByTestId('to-expiry');
  const first = (await expiry.textContent()) ?? '';
  await page.waitForTimeout(1150);
  const second = (await expiry.textContent()) ?? '';
  return [first, second];
}

async function noHorizontalScroll(): Promise<void> {
  expect(await horizontalOverflow(page)).toEqual({ main: 0, doc: 0 });
}

async function scrollMainTo(selector: string | null): Promise<void> {
  await page.locator('main').evaluate((main, sel) => {
    const target = sel ? main.querySelector(sel) : null;
    const top = target ? target.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop - 16 : 0;
    main.scrollTo(0, top);
  }, selector);
}

describe('Tokens view', () => {
  it('mints a token with the mock CS token-uuid; it appears with a live countdown', async () => {
    await page.getByLabel('User', { exact: false }).first().fill('alice');
    await page.getByRole('button', { name: 'Mint token' }).click();
    const minted = page.getByTestId('minted-token');
    await minted.waitFor();
    expect(await minted.textContent()).toMatch(/^\{PXZ\}[A-Za-z0-9_-]{40}$/);
    const item = page.getByRole('list', { name: 'Watched tokens' }).getByRole('listitem').first();
    await item.getByRole('heading', { name: 'alice' }).waitFor();
    expect(await item.getByText('valid', { exact: true }).count()).toBe(1);
    const [before, after] = await countdownMoves(item);
    expect(before).toMatch(/^in (59 min \d\d s|1 h 00 min 00 s)$/);
    expect(after).not.toBe(before);
  });

  it('decodes a pasted token into its parts and checks, gives the CS decision, and watches it count down', async () => {
    const uuid = randomUUID();
    const iat = Math.floor(Date.now() / 1000) - 120;
    const r = mintToken({ tokenUuid: uuid, username: 'bob', iat, exp: iat + 5 * 60 });
    if (!r.ok) throw new Error(r.reason);
    const token = r.value.token;

    await page.getByLabel('Password value').fill(token);
    const parts = page.getByRole('list', { name: "The token's parts" });
    await parts.waitFor();
    expect(await parts.getByRole('button').allInnerTexts()).toHaveLength(6);
    for (const name of ['preamble', 'version', 'issued', 'expires', 'username', 'signature'])
      expect(await parts.getByText(name, { exact: true }).count()).toBe(1);
    await parts.getByRole('button').nth(2).focus();
    await page
      .getByText(`0x${iat.toString(16)} = ${iat} = `, { exact: false })
      .first()
      .waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(11);
    await page.getByText('Decodes as PXZ-1', { exact: true }).waitFor();

    await page.getByLabel('Check as a CS would').check();
    await page.getByRole('radio', { name: 'Type it' }).last().check();
    await page.getByLabel('token-uuid (typed, masked)').last().fill(uuid);
    await page.getByLabel('Request UserName').fill('bob');
    await page.getByText('OK — the CS accepts it').waitFor();
    await page.getByRole('heading', { name: 'Validity window' }).waitFor();
    // judged as a CS reading GAX's token life, the window is the token's own 5 minutes
    await page.getByRole('button', { name: "Use the token's life: 5 min" }).click();
    await page.getByText(/Accepted for 5 min before expiry/).waitFor();

    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    const item = page.getByRole('list', { name: 'Watched tokens' }).getByRole('listitem').first();
    await item.getByRole('heading', { name: 'bob' }).waitFor();
    const [before, after] = await countdownMoves(item);
    expect(before).toMatch(/^in [23] min \d\d s$/);
    expect(after).not.toBe(before);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows every state on the shelf: not yet valid, valid, inside tolerance, expired', async () => {
    // GAX's clock 5 minutes ahead: the CS will not accept this token for 4 minutes
    await page.getByLabel('User', { exact: false }).first().fill('carol');
    await page.getByLabel('GAX clock offset (s)').fill('300');
    await page.getByText("GAX's clock is 5 min ahead of the CS's").waitFor();
    await page.getByRole('button', { name: 'Mint token' }).click();
    const shelf = page.getByRole('list', { name: 'Watched tokens' });
    const carol = shelf.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'carol' }) });
    await carol.getByText('not yet valid', { exact: true }).waitFor();
    expect(await carol.getByText(/GAX's clock is ahead/).count()).toBe(1);

    // two tokens for the same token-uuid as bob's, one just past expiry and one long expired
    const uuid = randomUUID();
    await page.getByLabel('token-uuid (typed, masked)').last().fill(uuid);
    await page.getByLabel('Request UserName').fill('');
    for (const [user, expiredAgo, state] of [
      ['dave', 20, 'inside tolerance'],
      ['erin', 600, 'expired'],
    ] as const) {
      const exp = Math.floor(Date.now() / 1000) - expiredAgo;
      const r = mintToken({ tokenUuid: uuid, username: user, iat: exp - 300, exp });
      if (!r.ok) throw new Error(r.reason);
      await page.getByLabel('Password value').fill(r.value.token);
      await page.getByRole('table').getByText(`"${user}"`, { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Watch', exact: true }).click();
      const item = shelf.getByRole('listitem').filter({ has: page.getByRole('heading', { name: user }) });
      await item.getByText(state, { exact: true }).waitFor();
    }
    // the last one is refused, and the inspector says why and what to do
    await page.getByText(/^EXPIRED — the token has expired/).waitFor();
    await page.getByText('What to do:').waitFor();
    // and whose word that is (the verdict sits under the Password value): an expired token is rejected per Genesys's GAX guide
    const label = page.locator('section[aria-labelledby="inspect-title"] [data-source-kind="genesys"][data-source-id="GAX-SECURE"]');
    await label.getByRole('button', { name: /^Genesys doc/ }).click();
    await label.getByText(/GAX Deployment Guide/).waitFor();
    expect(await shelf.getByRole('listitem').count()).toBe(5);
  });

  it('has no serious or critical axe violation, in light and in dark, with every state and a failure on screen', async () => {
    expect(await checkA11y(page)).toEqual([]);
    await app.setTheme('dark');
    expect(await checkA11y(page)).toEqual([]);
    await app.setTheme('light');
  });

  it('fits 1280×800 and 1024×700 without horizontal scrolling; screenshots in both themes', async () => {
    for (const [width, height] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await noHorizontalScroll();
      for (const theme of ['light', 'dark'] as const) {
        await app.setTheme(theme);
        await scrollMainTo(null);
        await app.screenshot(`tokens-${theme}-${width}x${height}`);
        // and scrolled to the inspector's answer: the decision, the parts, the checks
        await scrollMainTo('section[aria-labelledby="result-title"]');
        await app.screenshot(`tokens-${theme}-${width}x${height}-answer`);
      }
    }
    // The view scrolls inside <main>: a tall window shows all of it at once, for review.
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 2600 });
      for (const theme of ['light', 'dark'] as const) {
        await app.setTheme(theme);
        await scrollMainTo(null);
        await app.screenshot(`tokens-${theme}-${width}-whole`);
        await page
          .locator('section[aria-labelledby="shelf-title"]')
          .screenshot({ path: `test-results/screenshots/tokens-${theme}-${width}-shelf.png` });
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.setTheme('light');
  });
});
