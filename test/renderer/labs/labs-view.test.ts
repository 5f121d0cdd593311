/**
 * The Labs view as a trainee uses it, against the real main side: the list with progress, a lab
 * opened with its story, a failing Check announced with its code, a hint, the GAX card applying a
 * pasted token-uuid then Check says Solved, "Open in Doctor" handing both exports to the Doctor,
 * and reset asked once more in place.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, within, waitFor, cleanup } from '@testing-library/svelte';
import LabsView from '../../../src-renderer/components/views/LabsView.svelte';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { navigation } from '../../../src-renderer/lib/app/navigation.svelte.js';
import { doctor } from '../../../src-renderer/lib/doctor/doctor-view.js';
import { labs } from '../../../src-renderer/lib/labs/labs-view.js';
import { findScenario } from '../../../src-main/core/labs/index.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

let bridge: RuntimeBridge;
beforeEach(async () => {
  bridge = await runtimeBridge({ mode: 'web' });
  setBridge(bridge, 'web');
  await bridge.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
  labs.lab = null;
  navigation.go('labs');
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
  it('opens a lab from the list, checks, takes a hint, fixes GAX in the card and is solved', async () => {
    const s = findScenario('mistyped-token-uuid')!;
    render(LabsView);
    const list = await screen.findByRole('region', { name: 'Scenarios' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    expect(screen.getByTestId('labs-solved').textContent).toMatch(/^0 of \d+ solved$/);
    await fireEvent.click(within(list).getByRole('button', { name: new RegExp(s.title) }));
    await screen.findByRole('heading', { name: s.title, level: 2 });
    expect(screen.getByText(s.story)).toBeTruthy();

    const failed = await checkAndRead();
    expect(within(failed).getByRole('alert').textContent).toMatch(/Not solved yet[\s\S]*BAD_SIGNATURE/);

    await fireEvent.click(screen.getByRole('button', { name: /Show a hint/ }));
    const hints = await screen.findByRole('list', { name: 'Hints' });
    expect(hints.textContent).toContain(s.hints[0]);

    const uuid = screen.getByLabelText('token-uuid GAX signs with') as HTMLInputElement;
    expect(uuid.type).toBe('password');
    await fireEvent.input(uuid, { target: { value: s.broken.cs.tokenUuid } });
    await fireEvent.click(screen.getByRole('button', { name: 'Apply to GAX' }));
    await waitFor(() => expect(document.getElementById('lab-gax-uuid-help')?.textContent).toContain(s.broken.cs.tokenUuid.slice(-4)));
    const solved = await checkAndRead();
    expect(within(solved).getByRole('status').textContent).toMatch(/Solved/);
    expect(screen.getByRole('heading', { name: 'Why' })).toBeTruthy();
    expect(within(list).getByRole('button', { name: new RegExp(s.title) }).textContent).toContain('Solved');
  });

  it('hands the lab’s CS and GAX exports to the Doctor, misspelt option included', async () => {
    const s = findScenario('misspelt-preamble-option')!;
    render(LabsView);
    const list = await screen.findByRole('region', { name: 'Scenarios' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    await fireEvent.click(within(list).getByRole('button', { name: new RegExp(s.title) }));
    const table = await screen.findByRole('table', { name: /Other options typed/ });
    expect(table.textContent).toContain('token-preamble');
    await fireEvent.click(screen.getByRole('button', { name: 'Open in Doctor' }));
    await waitFor(() => expect(navigation.current).toBe('doctor'));
    expect(doctor.inputs.files.map((f) => [f.application, f.text.includes('token-preamble=')])).toEqual([
      ['cs', true],
      ['gax', false],
    ]);
  });

  it('asks once more before a reset, in place', async () => {
    render(LabsView);
    const list = await screen.findByRole('region', { name: 'Scenarios' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    await fireEvent.click(within(list).getAllByRole('button')[0]!);
    await fireEvent.click(await screen.findByRole('button', { name: 'Reset lab' }));
    const group = screen.getByRole('group', { name: 'Reset this lab' });
    await fireEvent.click(within(group).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('group', { name: 'Reset this lab' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Reset lab' }));
    await fireEvent.click(within(screen.getByRole('group', { name: 'Reset this lab' })).getByRole('button', { name: 'Reset the lab' }));
    await waitFor(() => expect(labs.lab?.progress.status).toBe('not-started'));
  });
});
