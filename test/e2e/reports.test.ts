/**
 * "Save report" from the Doctor view and the Set up wizard, end to end in Chromium against the real
 * web mode: the downloaded file is one self-contained page (no script, nothing external), opens with
 * every network request refused, prints to a PDF with pages, and holds no token-uuid or token. Its
 * screenshots are kept for review. (Connect's report is in server-connect.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { appForFile, checkA11y, openView, ROOT, SCREENSHOTS, type App } from './harness.js';
import { expectSelfContained } from '../report/self-contained.js';

let app: App;
let page: Page;
appForFile('reports', (started) => {
  app = started;
  page = app.page;
});

const FIXTURES = join(ROOT, 'test/fixtures/options');
const ANY_UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;
const WHOLE_TOKEN = /\{PXZ\}[A-Za-z0-9_-]{7,}/;

async function downloadOf(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

/** Opens the report with the network refused, screenshots it whole, prints it; returns the PDF's page count. */
async function openOfflineAndPrint(html: string, shot: string): Promise<number> {
  const viewer = await app.context.newPage();
  const requests: string[] = [];
  await viewer.route('**/*', (r) => {
    requests.push(r.request().url());
    void r.abort();
  });
  await viewer.setViewportSize({ width: 1000, height: 1400 });
  await viewer.setContent(html, { waitUntil: 'load' });
  expect(requests).toEqual([]);
  expect(await checkA11y(viewer)).toEqual([]);
  await viewer.screenshot({ path: join(SCREENSHOTS, `${shot}.png`), fullPage: true });
  const pdf = await viewer.pdf({ format: 'A4', printBackground: true });
  await viewer.close();
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

describe('Save report', () => {
  it('from the Doctor view: the verdict, each finding, the corrected lines', async () => {
    await openView(page, 'Doctor');
    await page
      .locator('#doctor-files')
      .setInputFiles([join(FIXTURES, 'misspelt-ttl-too-short/cs.cfg'), join(FIXTURES, 'misspelt-ttl-too-short/gax.cfg')]);
    await page.getByTestId('doctor-verdict').waitFor();
    const report = await downloadOf(() => page.getByRole('button', { name: 'Save report', exact: true }).click());
    expect(report.name).toMatch(/^gax-doctor-report-\d{8}T\d{6}Z\.html$/);
    expectSelfContained(report.text);
    expect(report.text).toContain('TTL_SHORTER_THAN_LIFE');
    expect(report.text).toContain('UNKNOWN_OPTION');
    expect(report.text).toContain('token-ttl=20');
    expect(report.text).toContain('(Doctor view)');
    expect(report.text).toMatch(/GAX Token Lab \d+\.\d+\.\d+/);
    await page.getByRole('status').filter({ hasText: 'Downloaded' }).first().waitFor();
    expect(await openOfflineAndPrint(report.text, 'report-doctor')).toBeGreaterThanOrEqual(1);
  });

  it('from the Set up wizard’s Check step: the lines to set with the token-uuid masked, the warnings', async () => {
    await openView(page, 'Set up');
    await page.getByRole('radio', { name: /Generate one here/ }).check();
    await page.getByLabel('Time to live').fill('20');
    await page.getByRole('navigation', { name: 'Set-up steps' }).getByRole('button', { name: /Check/ }).click();
    await page.getByRole('heading', { level: 2, name: '3. Check' }).waitFor();
    await page.getByRole('list', { name: 'Warnings' }).getByText('is shorter than GAX token_life_in_minutes', { exact: false }).waitFor();
    const report = await downloadOf(() => page.getByRole('button', { name: 'Save report', exact: true }).click());
    expect(report.name).toMatch(/^gax-setup-report-\d{8}T\d{6}Z\.html$/);
    expectSelfContained(report.text);
    expect(report.text).toContain('token-uuid=••••••••-••••-••••-••••-••••••••');
    expect(report.text).not.toMatch(ANY_UUID);
    expect(report.text).not.toMatch(WHOLE_TOKEN);
    expect(report.text).toContain('token-ttl=20');
    expect(report.text).toContain('TTL_SHORTER_THAN_LIFE');
    expect(await openOfflineAndPrint(report.text, 'report-setup')).toBeGreaterThanOrEqual(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
