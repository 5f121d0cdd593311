/**
 * The Labs view as a trainee uses it, against the real main side: the list with progress, a lab
 * opened with its story, a failing Check announced with its code, a labelled hint, the primary CS's
 * token-uuid shown and copied from the GAX card and put on the backup, then Check says Solved, "Open in Doctor" handing both exports to the Doctor,
 * and reset asked once more in place.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, within, waitFor, cleanup } from '@testing-library/svelte';
import LabsView from '../../../src-renderer/components/views/LabsView.svelte';
import { navigation } from '../../../src-renderer/lib/app/navigation.svelte.js';
import { doctor } from '../../../src-renderer/lib/doctor/doctor-view.js';
import { labs } from '../../../src-renderer/lib/labs/labs-view.js';
import { findScenario } from '../../../src-main/core/labs/index.js';
import type { RuntimeBridge } from '../runtime-bridge.js';
import { startLabsViewBridge } from './labs-bridge.js';

let bridge: RuntimeBridge;
beforeEach(async () => {
  bridge = await startLabsViewBridge();
});
afterEach(async () => {
  cleanup();
  doctor.reset();
  await bridge.close();
});

async function checkAndRead(): Promise<HTMLElement> {
  const before = screen.queryByTestId('check-result')?.textContent ?? null;
  await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
  await waitFor(() => expect(screen.queryByTestId('check-result')?.textContent ?? null).not.toBe(before), { timeout: 5000 });
  return screen.getByTestId('check-result');
}

describe('Labs view', () => {
  it("opens the backup lab, checks, takes a labelled hint, shows and copies the primary's token-uuid, fixes the backup and is solved", async () => {
    const s = findScenario('backup-cs-token-uuid')!;
    render(LabsView);
    const list = await screen.findByRole('region', { name: 'Scenarios' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    expect(screen.getByTestId('labs-solved').textContent).toMatch(/^0 of \d+ solved$/);
    await fireEvent.click(within(list).getByRole('button', { name: new RegExp(s.title) }));
    // the machine is shared: opening a lab starts a real mock CS, so give it more than the default second
    await screen.findByRole('heading', { name: s.title, level: 2 }, { timeout: 5000 });
    expect(screen.getByText(s.story)).toBeTruthy();

    const failed = await checkAndRead();
    expect(within(failed).getByRole('alert').textContent).toMatch(/Not solved yet[\s\S]*BAD_SIGNATURE/);
    // each problem the check names says whose word it is
    const problems = within(failed).getAllByRole('listitem');
    expect(problems.length).toBeGreaterThan(0);
    for (const li of problems) expect(li.querySelector('[data-source-kind]')).not.toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: /Show a hint/ }));
    const hints = await screen.findByRole('list', { name: 'Hints' });
    expect(hints.textContent).toContain(s.hints[0]!.text);
    // each hint says whose word it is
    expect(hints.querySelector('[data-source-kind="model"]')).toBeTruthy();

    // GAX has no token-uuid field of its own: the primary's is shown read-only, masked until Show
    expect(screen.queryByLabelText('token-uuid GAX signs with')).toBeNull();
    const signing = screen.getByTestId('lab-signing');
    expect(within(signing).getByTestId('signing-uuid').textContent).not.toContain(s.broken.gax.tokenUuid);
    await fireEvent.click(within(signing).getByRole('button', { name: "Show the primary CS's token-uuid" }));
    await waitFor(() => expect(within(signing).getByTestId('signing-uuid').textContent).toBe(s.broken.gax.tokenUuid));
    expect(within(signing).getByRole('button', { name: "Copy the primary CS's token-uuid" }).hasAttribute('disabled')).toBe(false);

    // the fix is on the backup (the Server view's CS), with the value the card showed
    await bridge.call('mockcs.options.update', { patch: { tokenUuid: within(signing).getByTestId('signing-uuid').textContent! } });
    const solved = await checkAndRead();
    expect(within(solved).getByRole('status').textContent).toMatch(/Solved/);
    const why = screen.getByRole('heading', { name: /^Why/ });
    expect(why.querySelector('[data-source-id="GAX-SIDE"]')).toBeTruthy();
    expect(within(list).getByRole('button', { name: new RegExp(s.title) }).textContent).toContain('Solved');
  });

  it('hands the lab’s CS and GAX exports to the Doctor, misspelt option included', async () => {
    const s = findScenario('misspelt-mode-option')!;
    render(LabsView);
    const list = await screen.findByRole('region', { name: 'Scenarios' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    await fireEvent.click(within(list).getByRole('button', { name: new RegExp(s.title) }));
    const table = await screen.findByRole('table', { name: /Other options typed/ });
    expect(table.textContent).toContain('token-authentification-mode');
    await fireEvent.click(screen.getByRole('button', { name: 'Open in Doctor' }));
    await waitFor(() => expect(navigation.current).toBe('doctor'));
    expect(doctor.inputs.files.map((f) => [f.application, f.text.includes('token-authentification-mode=')])).toEqual([
      ['cs', true],
      ['gax', false],
    ]);
  });

  it('asks once more before a reset, in place', async () => {
    render(LabsView);
    const list = await screen.findByRole('region', { name: 'Scenarios' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    await fireEvent.click(within(list).getAllByRole('button')[0]!);
    await fireEvent.click(await screen.findByRole('button', { name: 'Reset lab' }, { timeout: 5000 }));
    const group = screen.getByRole('group', { name: 'Reset this lab' });
    await fireEvent.click(within(group).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('group', { name: 'Reset this lab' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Reset lab' }));
    await fireEvent.click(within(screen.getByRole('group', { name: 'Reset this lab' })).getByRole('button', { name: 'Reset the lab' }));
    await waitFor(() => expect(labs.lab?.progress.status).toBe('not-started'));
  });
});
