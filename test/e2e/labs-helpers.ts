/** What the labs end-to-end files share: opening a lab from the list, and running its Check. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens a lab by its title from the Scenarios list and waits for its brief. */
export async function openLab(page: Page, title: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Scenarios' })
    .getByRole('button', { name: new RegExp(`^\\d*\\s*${escape(title)}`) })
    .click();
  await page.getByRole('heading', { name: title, level: 2 }).waitFor();
}

/** Clicks Check and answers the new result's text, once the check has finished. */
export async function check(page: Page): Promise<string> {
  const checkResult = () => page.getByTestId('check-result');
  const before = (await checkResult().count()) > 0 ? await checkResult().textContent() : null;
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect.poll(async () => ((await checkResult().count()) > 0 ? await checkResult().textContent() : null), { timeout: 15_000 }).not.toBe(before);
  await expect.poll(() => page.getByRole('button', { name: 'Check', exact: true }).isEnabled()).toBe(true);
  return (await checkResult().textContent()) ?? '';
}
