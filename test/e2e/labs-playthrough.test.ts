/**
 * Every lab played to "Solved" through the UI alone, in Chromium against the real web mode, as a
 * trainee would: open it, Check fails the story's way, make the fix with the controls the app shows
 * (the Server view, which shows the lab's own mock CS under a "Lab: …" banner, or the lab's GAX card),
 * Check says Solved. Meanwhile the user's own mock CS stays as it was: started before the labs, it
 * runs on its own port throughout, the status bar says what runs where, and leaving the lab brings
 * it back to the Server view.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { LAB_SCENARIOS } from '../../src-main/core/labs/index.js';
import { appForFile, openView, type App } from './harness.js';
import { check, openLab } from './labs-helpers.js';

let app: App;
let page: Page;

appForFile('labs-playthrough', (started) => {
  app = started;
  page = app.page;
});

let bannerShot: string | null = null;
const options = () => page.locator('section[aria-labelledby="options-title"]');
const gaxCard = () => page.locator('section[aria-labelledby="gax-title"]');

/** Applies the Server view's token options and waits until they are taken (nothing left to apply). */
async function applyServerOptions(): Promise<void> {
  const apply = options().getByRole('button', { name: 'Apply options' });
  await apply.click();
  await expect.poll(() => apply.isDisabled(), { timeout: 10_000 }).toBe(true);
}

async function inServer(fix: () => Promise<void>): Promise<void> {
  await openView(page, 'Server', 'Server');
  await page.getByTestId('lab-banner').waitFor();
  if (!bannerShot) bannerShot = await app.screenshot('server-lab-banner-1280x800');
  await fix();
}

async function inGaxCard(fix: () => Promise<void>): Promise<void> {
  await fix();
  const apply = gaxCard().getByRole('button', { name: 'Apply to GAX' });
  await apply.click();
  await expect.poll(() => apply.isDisabled(), { timeout: 10_000 }).toBe(true);
}

/** The fix of each lab, made with the controls a trainee sees (the solution text says which). */
const FIX: Record<string, () => Promise<void>> = {
  'cs-mode-disabled': () =>
    inServer(async () => {
      await options()
        .getByRole('radio', { name: /^enable/ })
        .check();
      await applyServerOptions();
    }),
  'backup-cs-token-uuid': async () => {
    // the Doctor reads only the exported options: it says the key GAX signs with is beyond it
    await page.getByRole('button', { name: 'Open in Doctor' }).click();
    const notChecked = page.getByTestId('doctor-not-checked');
    await notChecked.waitFor({ timeout: 15_000 });
    expect(await notChecked.textContent()).toContain('the token-uuid GAX signs with');
    await openView(page, 'Labs', 'Labs');
    await page.getByRole('heading', { name: 'After a switchover the backup CS has another token-uuid', level: 2 }).waitFor();
    // the primary's token-uuid, shown after a deliberate Show in the lab's signing card
    const signing = page.getByTestId('lab-signing');
    await signing.getByRole('button', { name: "Show the primary CS's token-uuid" }).click();
    await expect.poll(() => signing.getByTestId('signing-uuid').textContent()).not.toMatch(/•/);
    const primary = (await signing.getByTestId('signing-uuid').textContent())!;
    await signing.getByRole('button', { name: "Hide the primary CS's token-uuid" }).click();
    await inServer(async () => {
      await options()
        .getByRole('radio', { name: /^Paste one/ })
        .check();
      await page.locator('#server-cs-uuid').fill(primary);
      await applyServerOptions();
    });
  },
  'preamble-too-long': () =>
    inServer(async () => {
      await page.locator('#server-cs-preamble').fill('{PXZ}');
      await applyServerOptions();
    }),
  'misspelt-mode-option': async () => {
    await page.getByRole('button', { name: /^Delete the option token-authentification-mode/ }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Delete the option/ }).count()).toBe(0);
    await inServer(async () => {
      await options()
        .getByRole('radio', { name: /^enable/ })
        .check();
      await applyServerOptions();
    });
  },
  'cs-clock-behind': () =>
    inServer(async () => {
      await page.locator('#clock-offset').fill('0');
      await page.locator('section[aria-labelledby="clock-title"]').getByRole('button', { name: 'Apply', exact: true }).click();
      await expect.poll(() => page.getByTestId('clock-words').textContent()).toMatch(/agrees|in step|no offset|0 s/i);
    }),
  'gax-clock-ahead': () => inGaxCard(() => page.locator('#lab-gax-offset').fill('0')),
  'ttl-shorter-than-life': () =>
    inServer(async () => {
      await page.locator('#server-cs-ttl').fill('20');
      await applyServerOptions();
    }),
  'expired-token-replayed': () => inGaxCard(() => gaxCard().getByRole('radio', { name: 'Mint at each login' }).check()),
  'token-for-another-user': () => inGaxCard(() => page.locator('#lab-gax-token-user').fill('')),
  'user-disabled': () =>
    inServer(async () => {
      const toggle = page.locator('section[aria-labelledby="users-title"]').getByRole('checkbox', { name: /kwilson/ });
      await toggle.check();
      await expect.poll(() => toggle.isChecked()).toBe(true);
    }),
};

describe('every lab, solved through the UI', () => {
  it('has a fix here for each of the labs', () => {
    expect(Object.keys(FIX).sort()).toEqual(LAB_SCENARIOS.map((s) => s.id).sort());
    expect(LAB_SCENARIOS.length).toBe(10);
  });

  it("plays each lab from its broken Check to Solved, the user's own mock CS untouched meanwhile", async () => {
    // the user's own mock CS, running on a free port before any lab
    await openView(page, 'Server', 'Server');
    await page.getByRole('button', { name: 'Start server' }).click();
    const startOnFree = page.getByRole('button', { name: 'Start on a free port instead' });
    await expect
      .poll(async () => (await startOnFree.count()) > 0 || (await page.getByRole('button', { name: 'Stop server' }).count()) > 0)
      .toBe(true);
    if ((await startOnFree.count()) > 0) await startOnFree.click();
    await page.getByRole('button', { name: 'Stop server' }).waitFor();
    const footer = page.getByTestId('status-front');
    await expect.poll(() => footer.textContent()).toMatch(/^\s*Your mock CS running on 127\.0\.0\.1:\d+/);
    const mine = (await footer.textContent())!.trim();
    // the start is a line of the live log
    await expect.poll(() => page.locator('main').textContent()).toContain('MOCKCS_STARTED');

    await openView(page, 'Labs', 'Labs');
    for (const s of LAB_SCENARIOS) {
      await openLab(page, s.title);
      const broken = await check(page);
      expect(broken, s.id).toMatch(/Not solved yet/);
      expect(broken, s.id).toContain(s.brokenCode);
      // whose mock CS is in front, and the user's still running on its port
      await expect.poll(() => footer.textContent()).toContain(`Lab “${s.title}” mock CS running on 127.0.0.1:`);
      expect((await page.getByTestId('status-other').allTextContents()).join(' ')).toContain(mine.replace(/^Your mock CS running/, 'Your mock CS'));

      await FIX[s.id]!();
      await openView(page, 'Labs', 'Labs');
      await page.getByRole('heading', { name: s.title, level: 2 }).waitFor();
      const solved = await check(page);
      expect(solved, `${s.id}: ${solved}`).toMatch(/^\s*✓?\s*Solved/);
    }
    expect(await page.getByTestId('labs-solved').textContent()).toMatch(/^10 of 10 solved$/);

    // leaving the lab: the Server view shows the user's own mock CS again, on its port
    await page.getByRole('button', { name: 'Leave lab' }).click();
    await page.getByRole('heading', { name: 'Pick a scenario' }).waitFor();
    await expect.poll(() => footer.textContent()).toBe(mine);
    await openView(page, 'Server', 'Server');
    expect(await page.getByTestId('lab-banner').count()).toBe(0);
    await app.screenshot('labs-playthrough-back-to-own-mock-cs');
  });
});
