/**
 * Settings and Doctor end to end, in Chromium against the real web mode: import profiles from a file,
 * export them with and without secrets (real downloads), rename and delete one; the theme applied at
 * once and again after a reload; secrets saved with the key file on request. Two exported files dropped
 * into the Doctor give a one-sentence verdict, the fix, and open in the wizard. axe in both themes;
 * screenshots at 1280×800 and 1024×700 in light and dark.
 */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appForFile, expectNoHorizontalScroll, openView, checkA11y, ROOT, type App } from './harness.js';

const UUID = '3f6b2a9e-8c41-4d7f-b025-6e1a9c3d7b58';
const FIXTURES = join(ROOT, 'test/fixtures/options');

let app: App;
let page: Page;

appForFile('settings-doctor', (started) => {
  app = started;
  page = app.page;
});

async function open(view: 'Settings' | 'Doctor'): Promise<void> {
  await openView(page, view, view);
}

/** axe in light and dark, then screenshots in both at both sizes; back to light at 1280×800. */
async function checkAndShoot(name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await app.setTheme(theme);
    expect(await checkA11y(page), `${name} in ${theme}`).toEqual([]);
    for (const [w, h] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
      if (w === 1024) await expectNoHorizontalScroll(page);
      await app.screenshot(`${name}-${theme}-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await app.setTheme('light');
}

const EXPORT_WITH_SECRET = JSON.stringify({
  format: 'gax-token-lab/profiles',
  version: 1,
  includesSecrets: true,
  profiles: [
    {
      id: 'a',
      kind: 'cs',
      name: 'Production CS',
      options: { 'token-authentication-mode': 'enable', 'token-uuid': UUID, 'token-ttl': '5' },
      users: [{ userName: 'gaxadmin', enabled: true }],
    },
    { id: 'b', kind: 'gax', name: 'Production GAX', options: { confserv_trusted: 'true', token_life_in_minutes: '20' } },
    { id: 'c', kind: 'pair', name: 'Production', csProfileId: 'a', gaxProfileId: 'b' },
    { id: 'd', kind: 'cs', name: 'Lab CS', options: { 'token-authentication-mode': 'enable' } },
  ],
});

async function downloadedExport(button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^gax-token-lab-profiles-\d{4}-\d\d-\d\d\.json$/);
  return readFile((await download.path())!, 'utf8');
}

describe('Settings', () => {
  it('imports profiles from a file and lists them by kind', async () => {
    await open('Settings');
    await page
      .locator('#profiles-import-file')
      .setInputFiles({ name: 'production.json', mimeType: 'application/json', buffer: Buffer.from(EXPORT_WITH_SECRET) });
    await page.getByText('Imported 4 profiles from production.json').waitFor();
    const cs = page.getByRole('list', { name: /CS profiles/ });
    expect(await cs.locator('.name').allTextContents()).toEqual(['Production CS', 'Lab CS']);
    expect(await page.getByRole('list', { name: /Pairs/ }).locator('.name').allTextContents()).toEqual(['Production']);
  });

  it('exports without secrets unless ticked, and warns before it does', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const without = await downloadedExport('Export');
    expect(without).toContain('Production CS');
    expect(without).not.toContain(UUID);
    await page.getByText('Export downloaded').waitFor();

    await page.getByLabel('Include secrets (token-uuids and passwords)').check();
    await page.getByText('The file will hold secrets in clear').waitFor();
    const withSecrets = await downloadedExport('Export with secrets');
    expect(withSecrets).toContain(UUID);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('reveals a token-uuid only on request', async () => {
    await page.getByRole('button', { name: 'Details of Production CS (CS profile)' }).click();
    const table = page.getByRole('table', { name: 'Options of Production CS' });
    await table.waitFor();
    expect(await table.textContent()).not.toContain(UUID);
    await table.getByRole('button', { name: 'Show token-uuid of Production CS' }).click();
    await table.getByText(UUID).waitFor();
    await table.getByRole('button', { name: 'Hide token-uuid of Production CS' }).click();
    expect(await table.textContent()).not.toContain(UUID);
    await page.getByRole('button', { name: 'Hide details of Production CS' }).click();
  });

  it('renames with the keyboard and deletes after confirming', async () => {
    await page.getByRole('button', { name: 'Rename Lab CS (CS profile)' }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Training CS');
    await page.keyboard.press('Enter');
    await page.getByText('"Lab CS" renamed to "Training CS".').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Delete Training CS (CS profile)' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm deletion of Training CS (CS profile)' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Keep it');
    await confirm.getByRole('button', { name: 'Yes, delete Training CS' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: /CS profiles/ })
          .locator('.name')
          .allTextContents(),
      )
      .toEqual(['Production CS']);
  });

  it('applies the theme at once and again after a reload', async () => {
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.reload();
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'] ?? null)).toBe('dark');
    await open('Settings');
    await page.getByRole('radio', { name: 'System' }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'] ?? null)).toBe(null);
  });

  it('keeps secrets in memory unless the key file is chosen, and says what that means', async () => {
    const description = page.getByTestId('secret-storage-description');
    await expect.poll(() => description.textContent()).toMatch(/kept in memory for this session only/);
    await page.getByRole('radio', { name: /Save secrets with a key file/ }).check();
    await expect.poll(() => description.textContent()).toMatch(/secret\.key in the app data folder: anyone who can read that folder can read them/);
    expect(existsSync(join(app.dataDir, 'secret.key'))).toBe(true);
    expect(await page.getByText(app.dataDir, { exact: true }).count()).toBe(1);
    await page.getByRole('radio', { name: /Keep secrets for this session only/ }).check();
    await expect.poll(() => existsSync(join(app.dataDir, 'secret.key'))).toBe(false);
  });

  it('has no serious accessibility violation, no horizontal scroll at 1024 wide; screenshots', async () => {
    await page.getByRole('button', { name: 'Details of Production CS (CS profile)' }).click();
    await checkAndShoot('settings');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('Doctor', () => {
  it('two exported files in: a one-sentence verdict on top, the finding with why and the fix', async () => {
    await open('Doctor');
    await page.locator('#doctor-files').setInputFiles([join(FIXTURES, 'mode-disabled/confserv.cfg'), join(FIXTURES, 'mode-disabled/gax.cfg')]);
    await page.getByRole('list', { name: 'Files to check' }).getByRole('listitem').nth(1).waitFor();
    // opened files are checked at once
    const verdict = page.getByTestId('doctor-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(
      /^GAX cannot log in: it sends a token as its password, but token authentication is not enabled on the CS/,
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('doctor-verdict');
    const finding = page.getByRole('region', { name: /Errors \(1\)/ }).getByRole('article');
    expect(await finding.getByText('Why it matters').count()).toBe(1);
    expect(await finding.locator('pre').textContent()).toMatch(/token-authentication-mode=enable/);
    await checkAndShoot('doctor-result');
  });

  it('saves a corrected file as a download', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save the corrected confserv.cfg…' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('confserv-corrected.cfg');
    expect(await readFile((await download.path())!, 'utf8')).toMatch(/\[system\]\ntoken-authentication-mode=enable\ntoken-tolerance=60\n/);
  });

  it("a whole deployment: each file's role, the CSs compared, a source label on every finding, what was not checked", async () => {
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    const files = ['primary-cs.cfg', 'backup-cs.cfg', 'csproxy.conf', 'gax.conf', 'confserv.cfg'].map((f) => join(FIXTURES, 'deployment', f));
    await page.locator('#doctor-files').setInputFiles(files);
    const verdict = page.getByTestId('doctor-verdict');
    await expect.poll(() => verdict.textContent()).toMatch(/^GAX cannot log in: it sends a token as its password/);
    const read = (await page.getByRole('region', { name: 'What was read' }).textContent()) ?? '';
    expect(read).toContain('CS Proxy options export');
    expect(read).toContain('it has a [csproxy] section');
    expect(read).toContain('master CS local configuration file');
    const warnings = page.getByRole('region', { name: /Warnings \(3\)/ });
    expect(await warnings.textContent()).toContain('primary-cs.cfg and backup-cs.cfg disagree on [system] token-uuid');
    const articles = page.locator('article.finding');
    const n = await articles.count();
    expect(n).toBe(5);
    for (let i = 0; i < n; i++) expect(await articles.nth(i).locator('[data-source-kind]').count(), `finding ${i}`).toBe(1);
    const model = warnings.getByRole('button', { name: /^tool's model — (show|hide) the source/ }).first();
    await model.click();
    // the registry of source titles loads on first reach: the title follows the click
    await expect.poll(() => warnings.textContent()).toContain("The tool's model of GAX's side");
    // the labels, seen where they matter: the CSs compared, one Genesys's, one the tool's model
    await page.getByRole('heading', { name: /Warnings/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await app.screenshot('doctor-deployment-sources');
    await model.click();
    expect(await page.getByTestId('doctor-not-checked').textContent()).toContain('the token-uuid GAX signs with');
    expect(await page.locator('body').textContent()).not.toContain('3f2b8c1e-9d4a-4f6b-8e21');
    await checkAndShoot('doctor-deployment');
  });

  it('diagnoses a picked saved profile without its token-uuid, then opens the fix in the wizard', async () => {
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('checkbox', { name: /Production\s+pair/ }).check();
    await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    const verdict = page.getByTestId('doctor-verdict');
    await expect.poll(() => verdict.textContent()).toMatch(/^GAX cannot log in: token-ttl is shorter than GAX’s token life/);
    expect(await page.getByRole('region', { name: 'What was read' }).textContent()).toMatch(
      /token-uuid is set in the profile; as a secret it was not sent to the doctor/,
    );
    await page.getByRole('button', { name: 'Open in the wizard' }).click();
    await page.getByRole('heading', { name: 'Set up', level: 1 }).waitFor();
    expect(await page.locator('main').getAttribute('aria-label')).toBe('Set up');
  });

  it('before any input: the introduction, accessible in both themes; screenshots', async () => {
    await open('Doctor');
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('heading', { name: 'GAX cannot log in after switching to tokens?' }).waitFor();
    await checkAndShoot('doctor-empty');
    expect(app.consoleErrors).toEqual([]);
  });
});
