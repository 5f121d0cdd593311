/**
 * The Labs view end to end, in Chromium against the real web mode: open cs-mode-disabled, see the
 * check fail as the story says, fix the CS in the Server view through its form, come back and Check
 * says Solved; fix backup-cs-token-uuid by showing the primary's token-uuid in the GAX card and putting
 * it on the backup (the Server view's CS); a labelled hint
 * and the solution; a reload keeps the progress; classroom mode with its handout, which a trainee
 * types into Connect to get the lab's broken code; axe in light and dark; no sideways scroll at
 * 1024×700; screenshots in both themes at 1280×800 and 1024×700.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { findScenario } from '../../src-main/core/labs/index.js';
import { appForFile, expectNoHorizontalScroll, openView, checkA11y, type App } from './harness.js';
import { check as checkIn, openLab as openLabIn } from './labs-helpers.js';

let app: App;
let page: Page;

appForFile('labs', (started) => {
  app = started;
  page = app.page;
});

const list = () => page.getByRole('region', { name: 'Scenarios' });
const openLab = (title: string) => openLabIn(page, title);
const check = () => checkIn(page);

async function noA11yViolations(): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await app.setTheme(theme);
    const violations = await checkA11y(page);
    expect(violations, `${theme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }
  await app.setTheme('light');
}

describe('Labs view', () => {
  it('is in the navigation between Doctor and Settings, and lists every scenario not started', async () => {
    const names = (await page.getByRole('navigation', { name: 'Views' }).getByRole('button').allTextContents()).map((t) => t.trim());
    expect(names.slice(names.indexOf('Doctor'), names.indexOf('Doctor') + 3)).toEqual(['Doctor', 'Labs', 'Settings']);
    await openView(page, 'Labs', 'Labs');
    await page.getByRole('heading', { name: 'Pick a scenario' }).waitFor();
    expect(await list().getByRole('listitem').count()).toBeGreaterThanOrEqual(9);
    expect(await page.getByTestId('labs-solved').textContent()).toMatch(/^0 of \d+ solved$/);
    await noA11yViolations();
  });

  it('cs-mode-disabled: fails BAD_PASSWORD, fixed in the Server view, then Check says Solved', async () => {
    await openLab('Token authentication still off on the CS');
    expect(await check()).toMatch(/Not solved yet[\s\S]*BAD_PASSWORD/);

    await openView(page, 'Server', 'Server');
    const options = page.locator('section[aria-labelledby="options-title"]');
    await options.getByRole('radio', { name: /^enable/ }).check();
    await options.getByRole('button', { name: 'Apply options' }).click();
    await page.getByRole('list', { name: 'How the mock CS decides now' }).getByText('enabled', { exact: true }).waitFor();

    await openView(page, 'Labs', 'Labs');
    await page.getByRole('heading', { name: 'Token authentication still off on the CS', level: 2 }).waitFor();
    const solved = await check();
    expect(solved).toMatch(/^\s*✓?\s*Solved/);
    expect(solved).toContain('OK');
    await page.getByRole('heading', { name: 'Why', level: 3 }).waitFor();
    expect(await page.getByTestId('labs-solved').textContent()).toMatch(/^1 of \d+ solved$/);
    await app.screenshot('labs-light-1280x800');
  });

  it("backup-cs-token-uuid: the primary's token-uuid shown and copied from the GAX card, put on the backup in the Server view; labelled hints and solution", async () => {
    const s = findScenario('backup-cs-token-uuid')!;
    await openLab(s.title);
    expect(await check()).toContain('BAD_SIGNATURE');

    await page.getByRole('button', { name: /Show a hint/ }).click();
    const hints = page.getByRole('list', { name: 'Hints' });
    await expect.poll(() => hints.getByRole('listitem').count()).toBe(1);
    expect(await hints.textContent()).toContain(s.hints[0]!.text);
    expect(await hints.getByRole('button', { name: /^tool's model/ }).count()).toBe(1);

    // GAX has no token-uuid of its own: the card shows the primary's, masked until a deliberate Show
    expect(await page.locator('#lab-gax-uuid').count()).toBe(0);
    const signing = page.getByTestId('lab-signing');
    expect(await signing.getByTestId('signing-uuid').textContent()).toMatch(/^••••••••-/);
    await signing.getByRole('button', { name: "Show the primary CS's token-uuid" }).click();
    await expect.poll(() => signing.getByTestId('signing-uuid').textContent()).toBe(s.broken.gax.tokenUuid);
    expect(await signing.getByRole('button', { name: "Copy the primary CS's token-uuid" }).isEnabled()).toBe(true);
    await app.screenshot('labs-light-1280x800-signing');
    const primary = (await signing.getByTestId('signing-uuid').textContent())!;
    await signing.getByRole('button', { name: "Hide the primary CS's token-uuid" }).click();

    // the backup is the Server view's CS: paste the primary's value there
    await openView(page, 'Server', 'Server');
    const options = page.locator('section[aria-labelledby="options-title"]');
    await options.getByRole('radio', { name: /^Paste one/ }).check();
    await page.locator('#server-cs-uuid').fill(primary);
    await options.getByRole('button', { name: 'Apply options' }).click();
    await expect.poll(() => page.locator('#server-cs-uuid').count()).toBe(0);

    await openView(page, 'Labs', 'Labs');
    await page.getByRole('heading', { name: s.title, level: 2 }).waitFor();
    expect(await check()).toMatch(/Solved/);

    await page.getByRole('button', { name: 'Reveal the solution' }).click();
    await page.getByText(s.solution.text).waitFor();
    await page
      .getByRole('heading', { name: /^Why/, level: 3 })
      .getByRole('button', { name: /^tool's model/ })
      .waitFor();
    // hidden again: the page no longer shows either token-uuid
    expect(await page.locator('main').textContent()).not.toContain(s.broken.cs.tokenUuid);
    expect(await page.locator('main').textContent()).not.toContain(s.broken.gax.tokenUuid);
    await noA11yViolations();
  });

  it('keeps the progress and the open lab across a reload', async () => {
    await page.reload();
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await openView(page, 'Labs', 'Labs');
    const s = findScenario('backup-cs-token-uuid')!;
    await page.getByRole('heading', { name: s.title, level: 2 }).waitFor();
    expect(await page.getByTestId('labs-solved').textContent()).toMatch(/^2 of \d+ solved$/);
    expect(await page.getByRole('list', { name: 'Hints' }).getByRole('listitem').count()).toBe(1);
    await page.getByText(s.solution.text).waitFor();
    // the hints, the solution and the explanation, each with whose word it is
    await page.evaluate(() => document.querySelector('section[aria-labelledby="help-title"]')?.scrollIntoView({ block: 'start' }));
    await app.screenshot('labs-light-1280x800-help');
    const item = list().getByRole('listitem').filter({ hasText: 'Token authentication still off on the CS' });
    expect(await item.textContent()).toContain('Solved');
  });

  it('classroom mode: an explicit choice with a warning; the handout; a trainee typing it in Connect gets the broken code, then logs in, and shows in the table', async () => {
    // The backup lab was fixed above: Reset puts its broken backup CS back for the class.
    await page.getByRole('button', { name: 'Reset lab' }).click();
    await page.getByRole('group', { name: 'Reset this lab' }).getByRole('button', { name: 'Reset the lab' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Hints' }).count()).toBe(0);
    const room = page.getByRole('region', { name: 'Classroom mode' });
    await room.getByLabel('Network address').selectOption('127.0.0.1');
    await room.getByLabel('Port').fill('0');
    const start = room.getByRole('button', { name: 'Start classroom mode' });
    expect(await start.isDisabled()).toBe(true);
    await room.getByText('Other machines can reach it').waitFor();
    await room.getByLabel(/I understand/).check();
    await start.click();
    const address = (await room.getByTestId('classroom-address').textContent()) ?? '';
    const [, port] = /^127\.0\.0\.1:(\d+)$/.exec(address) ?? [];
    expect(Number(port)).toBeGreaterThan(0);

    // The handout: the open lab's broken GAX settings, the token-uuid GAX signs with (the primary's) masked until Show.
    const s = findScenario('backup-cs-token-uuid')!;
    const sheet = room.getByRole('region', { name: 'What trainees type in Connect' });
    await sheet.waitFor();
    const line = async (id: string) => ((await sheet.getByTestId(`handout-${id}`).textContent()) ?? '').trim();
    expect(await line('uuid')).toBe(`••••••••-••••-••••-••••-••••••••${s.broken.gax.tokenUuid.slice(-4)}`);
    expect(await page.locator('main').textContent()).not.toContain(s.broken.gax.tokenUuid);
    await room.scrollIntoViewIfNeeded();
    await sheet.scrollIntoViewIfNeeded();
    for (const [theme, width, height] of [
      ['light', 1280, 800],
      ['dark', 1280, 800],
      ['dark', 1024, 700],
      ['light', 1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await app.setTheme(theme);
      await page.evaluate(() => document.getElementById('handout-title')?.scrollIntoView({ block: 'center' }));
      if (width === 1024) await expectNoHorizontalScroll(page);
      await app.screenshot(`labs-${theme}-${width}x${height}-handout`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await sheet.getByRole('button', { name: 'Show the token-uuid' }).click();
    await expect.poll(() => line('uuid')).toBe(s.broken.gax.tokenUuid);
    const handout = {
      host: await line('host'),
      port: await line('port'),
      user: await line('user'),
      trusted: await line('trusted'),
      life: await line('life'),
      uuid: await line('uuid'),
      preamble: await line('preamble'),
    };
    expect(handout).toEqual({
      host: '127.0.0.1',
      port: port!,
      user: s.broken.gax.userName,
      trusted: 'true',
      life: String(s.broken.gax.tokenLifeMinutes),
      uuid: s.broken.gax.tokenUuid,
      preamble: s.broken.gax.preamble,
    });
    expect(await sheet.getByTestId('handout-clock').count()).toBe(0);
    await app.screenshot('labs-light-1280x800-handout-shown');

    // A trainee types exactly the handout in Connect: refused with the lab's broken code.
    await openView(page, 'Connect', 'Connect');
    await page.getByRole('radio', { name: 'Host and port' }).check();
    await page.locator('#target-host').fill(handout.host);
    await page.locator('#target-port').fill(handout.port);
    await page.getByRole('radio', { name: 'GAX token settings' }).check();
    await page.locator('#who-client').fill('ada');
    await page.locator('#who-user').fill(handout.user);
    await page.getByRole('checkbox', { name: /confserv_trusted/ }).setChecked(handout.trusted === 'true');
    await page.locator('#who-life').fill(handout.life);
    await page.getByRole('radio', { name: 'Type it' }).check();
    await page.locator('#who-uuid-typed').fill(handout.uuid);
    await page.locator('#who-preamble').fill(handout.preamble);
    await page.getByRole('button', { name: 'Log in once' }).click();
    await expect.poll(() => page.getByTestId('run-message').textContent(), { timeout: 15_000 }).toContain(s.brokenCode);
    // What the lab's fix amounts to, seen from Connect: sign with the key this CS (the backup) checks with, and in.
    await page.getByRole('radio', { name: "The mock CS's" }).check();
    await page.getByRole('button', { name: 'Log in once' }).click();
    await expect.poll(() => page.getByTestId('run-message').textContent(), { timeout: 15_000 }).toMatch(/is registered/);

    await openView(page, 'Labs', 'Labs');
    const row = room.getByRole('row', { name: /^ada/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/ada\s*2\s*1\s*OK/);
    expect(await room.getByTestId('classroom-summary').textContent()).toMatch(/^\s*1 trainee, 2 attempts, 1 accepted/);
    await room.scrollIntoViewIfNeeded();
    await app.screenshot('labs-light-1280x800-classroom-on');
    await noA11yViolations();
    await room.getByRole('button', { name: 'Back to loopback only' }).click();
    await room.getByRole('button', { name: 'Start classroom mode' }).waitFor();
  });

  it('has no sideways scroll at 1024×700, and screenshots in both themes and sizes', async () => {
    await page.evaluate(() => document.getElementById('gax-title')?.scrollIntoView({ block: 'start' }));
    await app.screenshot('labs-light-1280x800-gax');
    await page.evaluate(() => (document.querySelector('main')!.scrollTop = 0));
    await app.screenshot('labs-light-1280x800-open');
    await app.setTheme('dark');
    await app.screenshot('labs-dark-1280x800');
    await page.setViewportSize({ width: 1024, height: 700 });
    await expectNoHorizontalScroll(page);
    await app.screenshot('labs-dark-1024x700');
    await app.setTheme('light');
    await app.screenshot('labs-light-1024x700');
    await page.evaluate(() => document.getElementById('classroom-title')?.scrollIntoView({ block: 'start' }));
    await app.screenshot('labs-light-1024x700-classroom');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.consoleErrors).toEqual([]);
  });
});
