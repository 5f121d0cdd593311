/**
 * The Settings view as a person uses it, against the real main side: the profiles by kind and their
 * actions (rename with Enter, delete only after "Delete <name>", focus on the safe choice), export's
 * secrets warning, the theme control, where secrets go, the notices of a damaged file, About.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, within, waitFor, cleanup } from '@testing-library/svelte';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SettingsView from '../../../src-renderer/components/views/SettingsView.svelte';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { theme } from '../../../src-renderer/lib/app/theme.svelte.js';
import { newProfileForm, profileDetails, profileList, profileTransfer } from '../../../src-renderer/lib/settings/settings-view.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

const UUID = '5d2c8e41-7a3b-4f90-b6c1-2e9d8a7f3b14';

let bridge: RuntimeBridge | undefined;
afterEach(async () => {
  cleanup();
  newProfileForm.hide();
  profileTransfer.closeExport();
  profileList.cancel();
  // The controllers live for the window; each test starts from an empty list, as at start-up.
  profileList.profiles = [];
  profileList.loaded = false;
  profileList.lastChange = null;
  profileDetails.forgetMissing([]);
  theme.set('system');
  await bridge?.close();
  bridge = undefined;
});

async function start(opts: Parameters<typeof runtimeBridge>[0] = {}): Promise<RuntimeBridge> {
  bridge = await runtimeBridge(opts);
  setBridge(bridge, bridge.mode);
  return bridge;
}

/** The profile names shown in the lists (not the hidden parts of button names). */
function shownNames(): string[] {
  return [...document.querySelectorAll('.profiles .row .name')].map((e) => e.textContent ?? '');
}

async function seed(b: RuntimeBridge) {
  const cs = await b.call('profiles.create', { kind: 'cs', name: 'Lab CS', options: { 'token-uuid': UUID } });
  await b.call('profiles.create', { kind: 'gax', name: 'Lab GAX' });
  return cs;
}

describe('Settings view: profiles', () => {
  it('lists profiles by kind, with an empty kind saying how to get one', async () => {
    await seed(await start());
    render(SettingsView);
    const cs = await screen.findByRole('list', { name: /CS profiles/ });
    expect(
      within(cs)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.name')?.textContent),
    ).toEqual(['Lab CS']);
    expect(screen.getByRole('heading', { name: /Pairs 0/ })).toBeTruthy();
    expect(screen.getByText(/No pair yet\. The Set up wizard saves/)).toBeTruthy();
  });

  it('renames with Enter; Escape leaves the name as it was', async () => {
    await seed(await start());
    render(SettingsView);
    await fireEvent.click(await screen.findByRole('button', { name: 'Rename Lab GAX (GAX profile)' }));
    const field = screen.getByLabelText('New name') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    await fireEvent.input(field, { target: { value: 'Staging GAX' } });
    await fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByLabelText('New name')).toBeNull();
    expect(shownNames()).toEqual(['Lab CS', 'Lab GAX']);

    await fireEvent.click(screen.getByRole('button', { name: 'Rename Lab GAX (GAX profile)' }));
    await fireEvent.input(screen.getByLabelText('New name'), { target: { value: 'Staging GAX' } });
    await fireEvent.keyDown(screen.getByLabelText('New name'), { key: 'Enter' });
    await waitFor(() => expect(shownNames()).toEqual(['Lab CS', 'Staging GAX']));
    expect(screen.getByText('"Lab GAX" renamed to "Staging GAX".').getAttribute('role')).toBe('status');
  });

  it('deletes only after the confirmation, which puts the focus on "Keep it"', async () => {
    const b = await start();
    await seed(b);
    render(SettingsView);
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete Lab CS (CS profile)' }));
    const confirm = screen.getByRole('group', { name: 'Confirm deletion of Lab CS (CS profile)' });
    expect(confirm.textContent).toMatch(/cannot be brought back/);
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(b.calls.filter((c) => c.channel === 'profiles.remove')).toHaveLength(0);
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, delete Lab CS' }));
    await waitFor(() => expect(shownNames()).toEqual(['Lab GAX']));
    expect((await b.call('profiles.list', {})).profiles.map((p) => p.name)).toEqual(['Lab GAX']);
  });

  it('shows a profile’s options with the token-uuid masked until "Show" is pressed', async () => {
    await seed(await start());
    render(SettingsView);
    await fireEvent.click(await screen.findByRole('button', { name: 'Details of Lab CS (CS profile)' }));
    const table = await screen.findByRole('table', { name: 'Options of Lab CS' });
    expect(table.textContent).toMatch(/token-uuid/);
    expect(table.textContent).not.toContain(UUID);
    await fireEvent.click(within(table).getByRole('button', { name: 'Show token-uuid of Lab CS' }));
    await waitFor(() => expect(table.textContent).toContain(UUID));
    await fireEvent.click(within(table).getByRole('button', { name: 'Hide token-uuid of Lab CS' }));
    expect(table.textContent).not.toContain(UUID);
  });

  it('warns before an export with secrets, and names the file it made', async () => {
    await seed(await start({ mode: 'electron', keychain: true }));
    render(SettingsView);
    await fireEvent.click(await screen.findByRole('button', { name: 'Export…' }));
    const panel = screen.getByRole('region', { name: 'Export profiles' });
    expect(within(panel).queryByText('The file will hold secrets in clear')).toBeNull();
    await fireEvent.click(within(panel).getByLabelText(/Include secrets/));
    expect(within(panel).getByText('The file will hold secrets in clear')).toBeTruthy();
    await fireEvent.click(within(panel).getByRole('button', { name: 'Export with secrets' }));
    await within(panel).findByText('Export saved');
    expect(panel.textContent?.replace(/\s+/g, ' ')).toMatch(/2 profiles with their secrets in \S+saved-gax-token-lab-profiles-\S+\.json\./);
  });

  it('creates a profile from the form and refuses an empty name next to the field', async () => {
    await start();
    render(SettingsView);
    await fireEvent.click(await screen.findByRole('button', { name: 'New profile' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Kind'));
    await fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Give the profile a name.')).toBeTruthy();
    await fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'gax' } });
    await fireEvent.input(name, { target: { value: 'Field GAX' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    await waitFor(() => expect(shownNames()).toEqual(['Field GAX']));
    expect(screen.getByRole('list', { name: /GAX profiles/ }).textContent).toContain('Field GAX');
  });
});

describe('Settings view: appearance, data, about', () => {
  it('switches the theme at once from the segmented control', async () => {
    const b = await start();
    render(SettingsView);
    await fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(screen.getByText(/Always dark, whatever the system uses/)).toBeTruthy();
    await waitFor(async () => expect((await b.call('settings.get', {})).settings.theme).toBe('dark'));
  });

  it('web mode: explains both places for secrets and switches when one is chosen', async () => {
    const b = await start({ mode: 'web' });
    render(SettingsView);
    const keyFile = await screen.findByRole('radio', { name: /Save secrets with a key file/ });
    expect(screen.getByRole('radio', { name: /Keep secrets for this session only/ })).toHaveProperty('checked', true);
    expect(screen.getByText(/anyone who can read that folder can read them, so this is weaker than an OS keychain/i)).toBeTruthy();
    await fireEvent.click(keyFile);
    await waitFor(() => expect(screen.getByTestId('secret-storage-description').textContent).toMatch(/secret\.key/));
    expect((await b.call('settings.get', {})).settings.secretStorage).toBe('key-file');
    expect(screen.getByText(b.dir)).toBeTruthy();
  });

  it('Electron: the keychain, no choice; About lists the versions', async () => {
    await start({ mode: 'electron', keychain: true });
    render(SettingsView);
    await screen.findByText("Secrets are saved encrypted with the operating system's keychain.");
    expect(screen.queryByRole('radio', { name: /key file/ })).toBeNull();
    const about = screen.getByRole('region', { name: 'About GAX Token Lab' });
    await within(about).findByText('45.5.0');
    expect(within(about).getByText('Desktop app (Electron)')).toBeTruthy();
    expect(within(about).getByText('142.0.7444.52')).toBeTruthy();
  });

  it('puts the notice of a damaged file first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gax-settings-damaged-'));
    await writeFile(join(dir, 'profiles.json'), 'not json at all');
    await start({ dir });
    render(SettingsView);
    const title = await screen.findByText('A data file could not be used and was recovered');
    expect(title.closest('.callout')?.textContent).toMatch(/profiles\.json: .+ set aside as profiles\.corrupt-/);
    expect(screen.getByText(/Nothing was deleted: the damaged file is still in the data folder/)).toBeTruthy();
  });
});
