/**
 * The Server and Connect views end to end, in Chromium against the real web mode: start the mock
 * CS from the Server view (a plain and a TLS listener on free ports), log in from Connect and see
 * the event in the Server log; log in over TLS and see the pinned certificate; move the CS clock and
 * read why the next login is refused; axe in light and dark; screenshots at 1280×800 and 1024×700.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { appForFile, expectNoHorizontalScroll, logInOnce, openView, checkA11y, SCREENSHOTS, type App } from './harness.js';
import { SecretScanner } from '../security/secret-scan.js';
import { expectSelfContained } from '../report/self-contained.js';

let app: App;
let page: Page;

appForFile('server-connect', (started) => {
  app = started;
  page = app.page;
});

async function open(view: 'Server' | 'Connect'): Promise<void> {
  await openView(page, view, view);
}

async function scrollMainTo(selector: string | null): Promise<void> {
  await page.evaluate((sel) => {
    const main = document.querySelector('main')!;
    if (sel === null) main.scrollTop = 0;
    else document.querySelector(sel)?.scrollIntoView({ block: 'start' });
  }, selector);
}

describe('Server and Connect views', () => {
  it('enables token authentication and starts the mock CS from the Server view on free ports, plain and TLS', async () => {
    await open('Server');
    await page.getByText('Stopped', { exact: true }).waitFor();
    await page.getByText('disabled: a token is checked as a password').waitFor();
    const options = page.locator('section[aria-labelledby="options-title"]');
    await options.getByRole('radio', { name: /^enable/ }).check();
    await options.getByRole('button', { name: 'Apply options' }).click();
    await page.getByRole('list', { name: 'How the mock CS decides now' }).getByText('enabled', { exact: true }).waitFor();
    await page.locator('#listener-port-0').fill('0');
    await page.getByRole('button', { name: 'Add listener' }).click();
    await page.locator('#listener-port-1').fill('0');
    await page
      .getByRole('listitem')
      .filter({ has: page.locator('#listener-port-1') })
      .getByLabel('TLS')
      .check();
    await page.getByRole('button', { name: 'Start server' }).click();
    await page.getByText('Running', { exact: true }).waitFor();
    expect(await page.getByText('listening', { exact: true }).count()).toBe(2);
    const fingerprint = (await page.getByTestId('fingerprint-1').textContent()) ?? '';
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await page.getByRole('button', { name: 'Copy the SHA-256 fingerprint of listener 2' }).waitFor();
    // the status bar agrees
    await expect.poll(() => page.locator('footer').textContent()).toMatch(/mock CS running on 127\.0\.0\.1:\d+, tls 127\.0\.0\.1:\d+/i);
  });

  it('logs in as GAX from Connect, and the event appears in the Server log', async () => {
    await open('Connect');
    const message = await logInOnce(page);
    expect(message).toMatch(/^"default" is registered on 127\.0\.0\.1:\d+ by (token|password)/);
    expect(await page.getByRole('list', { name: 'Login steps' }).getByRole('listitem').count()).toBe(6);

    await open('Server');
    const log = page.getByRole('log');
    await expect.poll(() => log.textContent(), { timeout: 5000 }).toMatch(/MSGCFG_CLIENTREGISTERED sent to 127\.0\.0\.1:\d+ \[GAX\] user 'default'/);
    await expect.poll(() => page.getByTestId('accepted-count').textContent(), { timeout: 5000 }).toBe('1');
    // the table layout shows the same event in columns
    await page.getByRole('radio', { name: 'Table' }).check();
    const table = page.getByRole('table', { name: 'Mock CS log' });
    await table.getByRole('cell', { name: 'default (token)', exact: true }).first().waitFor();
    await page.getByRole('radio', { name: 'CS lines' }).check();
  });

  it('logs in over TLS to the mock CS, pinning its certificate, and shows the certificate', async () => {
    const fingerprint = (await page.getByTestId('fingerprint-1').textContent()) ?? '';
    await open('Connect');
    const tls = page.getByLabel('Listener');
    const tlsValue = await tls.locator('option', { hasText: /^tls / }).getAttribute('value');
    await tls.selectOption(tlsValue!);
    const message = await logInOnce(page);
    expect(message).toMatch(/is registered on 127\.0\.0\.1:\d+/);
    await page.getByRole('heading', { name: 'Server certificate' }).waitFor();
    // the leaf's details, then the chain (of one) with the same fingerprint
    await page.getByText(fingerprint, { exact: true }).first().waitFor();
    await page
      .getByText(/days left/)
      .first()
      .waitFor();
    await tls.selectOption('');
  });

  it('over TLS: shows the chain and saves it as PEM, copies the rerun command, saves a report that needs nothing and prints', async () => {
    await open('Server');
    const fingerprint = (await page.getByTestId('fingerprint-1').textContent()) ?? '';
    await open('Connect');
    const tls = page.getByLabel('Listener');
    await tls.selectOption((await tls.locator('option', { hasText: /^tls / }).getAttribute('value'))!);
    await logInOnce(page);
    const chain = page.getByTestId('cert-chain');
    await chain.getByText('Chain presented').waitFor();
    expect(await chain.getByRole('listitem').count()).toBe(1);
    await chain.getByText(fingerprint, { exact: true }).waitFor();
    await chain.getByText(/IP Address:127\.0\.0\.1/).waitFor();

    const download = async (click: () => Promise<void>): Promise<{ name: string; text: string }> => {
      const [d] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
      return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
    };
    const pem = await download(() => chain.getByRole('button', { name: 'Save chain (PEM)' }).click());
    expect(pem.name).toMatch(/-chain\.pem$/);
    expect(new X509Certificate(pem.text).fingerprint256).toBe(fingerprint);

    await page.getByRole('button', { name: /^Copy as command/ }).waitFor();
    await page.getByText('The command, and what to supply').click();
    const command = (await page.getByTestId('copied-command').textContent()) ?? '';
    expect(command).toMatch(
      new RegExp(
        `^gax-token login --host 127\\.0\\.0\\.1 --port \\d+ --tls --fingerprint ${fingerprint} --user default --uuid-file \\./token-uuid\\.txt --life \\d+$`,
      ),
    );
    for (const theme of ['light', 'dark'] as const) {
      await app.setTheme(theme);
      const violations = await checkA11y(page);
      expect(violations, `Connect with the chain and the command in ${theme}: ${JSON.stringify(violations)}`).toEqual([]);
    }
    await app.setTheme('light');
    await page.setViewportSize({ width: 1280, height: 960 });
    await scrollMainTo('section[aria-labelledby="cert-title"]');
    await app.screenshot('connect-chain-command');
    await page.setViewportSize({ width: 1280, height: 800 });

    const report = await download(() => page.getByRole('button', { name: 'Save report', exact: true }).click());
    expect(report.name).toMatch(/^gax-login-report-\d{8}T\d{6}Z\.html$/);
    expectSelfContained(report.text);
    expect(report.text).toContain('Certificate 1 of 1');
    expect(report.text).toContain(fingerprint);
    expect(report.text).toContain('--uuid-file ./token-uuid.txt');
    const uuid = readFileSync(join(app.dataDir, 'mockcs-token-uuid'), 'utf8').trim();
    const scanner = new SecretScanner([{ label: "the mock CS's token-uuid", kind: 'token-uuid', value: uuid }], { tokenPreambles: ['{PXZ}'] });
    expect(SecretScanner.describe(scanner.scan('the Connect report', report.text))).toBe('');

    // Opened with no network at all, it shows whole; printed to PDF it has pages.
    const viewer = await app.context.newPage();
    const requests: string[] = [];
    await viewer.route('**/*', (r) => {
      requests.push(r.request().url());
      void r.abort();
    });
    await viewer.setViewportSize({ width: 1000, height: 1400 });
    await viewer.setContent(report.text, { waitUntil: 'load' });
    expect(requests).toEqual([]);
    await viewer.getByRole('heading', { name: 'Trace' }).waitFor();
    await viewer.screenshot({ path: join(SCREENSHOTS, 'report-connect.png'), fullPage: true });
    const pdf = await viewer.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    await viewer.close();

    const all = await download(() => page.getByRole('button', { name: 'Save report of all runs' }).click());
    expectSelfContained(all.text);
    expect(all.text).toMatch(/\d+ of \d+ logins accepted/);
    expect(SecretScanner.describe(scanner.scan('the history report', all.text))).toBe('');
    await tls.selectOption('');
  });

  it('makes a login fail by moving the CS clock, and says why and what to do', async () => {
    await open('Server');
    await page.getByRole('button', { name: '2 h ahead' }).click();
    await expect.poll(() => page.getByTestId('clock-words').textContent()).toBe('CS clock 2 h ahead');
    await open('Connect');
    const message = await logInOnce(page);
    expect(message.toLowerCase()).toContain('expired');
    const alert = page.getByRole('alert').filter({ hasText: 'Refused by the server · EXPIRED' });
    await alert.waitFor();
    const fix = (await page.getByTestId('run-fix').textContent()) ?? '';
    expect(fix.length).toBeGreaterThan(20);
    await page.getByText(/^CS clock 2 h ahead of this machine/).waitFor();
    // the Server log has the refusal with its reason
    await open('Server');
    await expect.poll(() => page.getByRole('log').textContent(), { timeout: 5000 }).toContain('EXPIRED');
    await expect.poll(() => page.getByTestId('refused-count').textContent(), { timeout: 5000 }).toBe('1');
    expect(app.consoleErrors, app.consoleErrors.slice(0, 3).join('\n')).toEqual([]);
  });

  it('has no serious or critical axe violation on either view, in light and in dark', async () => {
    for (const view of ['Server', 'Connect'] as const) {
      await open(view);
      for (const theme of ['light', 'dark'] as const) {
        await app.setTheme(theme);
        const violations = await checkA11y(page);
        expect(violations, `${view} in ${theme}: ${JSON.stringify(violations)}`).toEqual([]);
      }
    }
    await app.setTheme('light');
  });

  it('fits 1280×800 and 1024×700 without horizontal scrolling; screenshots in both themes', async () => {
    for (const [width, height] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const view of ['Server', 'Connect'] as const) {
        await open(view);
        await expectNoHorizontalScroll(page);
        for (const theme of ['light', 'dark'] as const) {
          await app.setTheme(theme);
          await scrollMainTo(null);
          await app.screenshot(`${view.toLowerCase()}-${theme}-${width}x${height}`);
        }
      }
      await open('Server');
      await app.setTheme('light');
      await scrollMainTo('section[aria-labelledby="log-title"]');
      await page.getByRole('log').locator('[data-row]').nth(2).click();
      await app.screenshot(`server-log-light-${width}x${height}`);
      await page.getByRole('radio', { name: 'Table' }).check();
      await app.screenshot(`server-log-table-light-${width}x${height}`);
      await app.setTheme('dark');
      await app.screenshot(`server-log-table-dark-${width}x${height}`);
      await page.getByRole('radio', { name: 'CS lines' }).check();
    }
    // The views scroll inside <main>: a tall window shows all of each at once, for review.
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 2400 });
      for (const view of ['Server', 'Connect'] as const) {
        await open(view);
        for (const theme of ['light', 'dark'] as const) {
          await app.setTheme(theme);
          await scrollMainTo(null);
          await app.screenshot(`${view.toLowerCase()}-${theme}-${width}-whole`);
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.setTheme('light');
  });
});
