/**
 * The Doctor view as a person uses it, against the real main side: open or drop two exports, read the
 * one-sentence verdict (focused), the findings by severity with why and the fix, how each file was
 * read, the corrected files; paste with an application; the example; "Open in the wizard".
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, within, waitFor, cleanup } from '@testing-library/svelte';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import DoctorView from '../../../src-renderer/components/views/DoctorView.svelte';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { navigation } from '../../../src-renderer/lib/app/navigation.svelte.js';
import { doctor } from '../../../src-renderer/lib/doctor/doctor-view.js';
import { wizard } from '../../../src-renderer/lib/setup/setup-view.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/options');

async function file(path: string): Promise<File> {
  return new File([await readFile(join(FIXTURES, path))], path.split('/').pop()!);
}

let bridge: RuntimeBridge;
beforeEach(async () => {
  bridge = await runtimeBridge({ mode: 'web' });
  setBridge(bridge, 'web');
});
afterEach(async () => {
  cleanup();
  doctor.reset();
  wizard.reset();
  navigation.go('doctor');
  await bridge.close();
});

async function diagnoseAndWait() {
  await fireEvent.click(screen.getByRole('button', { name: 'Diagnose' }));
  return screen.findByTestId('doctor-verdict');
}

describe('Doctor view', () => {
  it('reads two opened files and says in one sentence why GAX cannot log in, with the fix', async () => {
    render(DoctorView);
    const input = screen.getByLabelText('Open option files') as HTMLInputElement;
    await fireEvent.change(input, { target: { files: [await file('mode-disabled/confserv.cfg'), await file('mode-disabled/gax.cfg')] } });
    const list = await screen.findByRole('list', { name: 'Files to check' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));

    // opened files are diagnosed at once: no button to look for
    const verdict = await screen.findByTestId('doctor-verdict');
    expect(bridge.calls.filter((c) => c.channel === 'doctor.diagnose')).toHaveLength(1);
    expect(verdict.textContent).toMatch(/^GAX cannot log in: it sends a token as its password, but token authentication is not enabled on the CS/);
    await waitFor(() => expect(document.activeElement?.id).toBe('doctor-verdict'));
    expect(screen.getByText('1 error')).toBeTruthy();

    const errors = screen.getByRole('region', { name: /Errors \(1\)/ });
    const finding = within(errors).getByRole('article');
    expect(within(finding).getByText('MODE_NOT_ENABLED')).toBeTruthy();
    expect(within(finding).getByText('confserv.cfg, line 27 · token-authentication-mode')).toBeTruthy();
    expect(within(finding).getByText('Why it matters')).toBeTruthy();
    expect(finding.querySelector('pre')?.textContent).toMatch(/^\[system\]\ntoken-authentication-mode=enable/);
    expect(within(finding).getByRole('button', { name: 'Copy the corrected lines for MODE_NOT_ENABLED' })).toBeTruthy();

    const read = screen.getByRole('region', { name: 'What was read' });
    expect(within(read).getAllByText('Windows line endings (CRLF) read as line breaks')).toHaveLength(2);
    expect(read.textContent).toContain('it has a [system] section');

    const corrected = screen.getByRole('region', { name: 'Corrected files' });
    expect(within(corrected).getByText('Changed')).toBeTruthy();
    expect(within(corrected).getByText('No change needed')).toBeTruthy();
    await fireEvent.click(within(corrected).getByRole('button', { name: 'Save the corrected confserv.cfg…' }));
    await within(corrected).findByText('Downloaded as confserv-corrected.cfg.');
  });

  it('accepts files dropped on the zone', async () => {
    render(DoctorView);
    const zone = screen.getByRole('group', { name: 'Drop the exported options of the CS and GAX here' });
    const files = [await file('good-unix/confserv.conf'), await file('good-unix/gax.conf')];
    await fireEvent.drop(zone, { dataTransfer: { files, types: ['Files'] } });
    const list = await screen.findByRole('list', { name: 'Files to check' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const verdict = await screen.findByTestId('doctor-verdict');
    expect(verdict.textContent).toBe(
      'Nothing in these files stops GAX from logging in with tokens — but the token-uuid GAX signs with is not in any export: compare it with the CS’s (see Not checked).',
    );
  });

  it('says when the inputs changed since the diagnosis shown, and diagnoses again on request', async () => {
    render(DoctorView);
    const input = screen.getByLabelText('Open option files') as HTMLInputElement;
    await fireEvent.change(input, { target: { files: [await file('mode-disabled/confserv.cfg'), await file('mode-disabled/gax.cfg')] } });
    await screen.findByTestId('doctor-verdict');
    expect(screen.queryByText('The inputs changed since this diagnosis')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove gax.cfg' }));
    await screen.findByText('The inputs changed since this diagnosis');
    await fireEvent.click(screen.getByRole('button', { name: 'Diagnose again' }));
    await waitFor(() => expect(screen.getByTestId('doctor-verdict').textContent).toMatch(/^Nothing wrong in the CS options alone/));
    expect(screen.queryByText('The inputs changed since this diagnosis')).toBeNull();
  });

  it('the example shows a BOM skipped, the misspelt option and the verdict', async () => {
    render(DoctorView);
    await fireEvent.click(screen.getByRole('button', { name: 'Try an example' }));
    const verdict = await screen.findByTestId('doctor-verdict');
    expect(verdict.textContent).toMatch(/^GAX cannot log in: .+ and refuses it\.$/);
    expect(screen.getByText('1 error')).toBeTruthy();
    expect(screen.getByText('1 warning')).toBeTruthy();
    expect(screen.getByText('a byte order mark at the start was skipped')).toBeTruthy();
    expect(screen.getByRole('region', { name: /Warnings \(1\)/ }).textContent).toContain('UNKNOWN_OPTION');
  });

  it('reads the CS and GAX paste boxes together, and another CS box, each with a source label and the not-checked list', async () => {
    render(DoctorView);
    await fireEvent.input(screen.getByLabelText(/Or paste CS options/), {
      target: { value: '[system]\ntoken-authentication-mode=enable\ntoken-ttl=30\n' },
    });
    await fireEvent.input(screen.getByLabelText(/Or paste GAX options/), {
      target: { value: '[general]\nconfserv_trusted=TRUE\ntoken_life_in_minutes=20\n' },
    });
    await fireEvent.click(screen.getByRole('button', { name: /Add another CS/ }));
    await fireEvent.input(screen.getByLabelText(/Or paste CS options 2/), {
      target: { value: '[csproxy]\n[system]\ntoken-authentication-mode=enable\n' },
    });
    await diagnoseAndWait();
    expect(screen.getByText(/Checked Pasted CS options \(CS\), Pasted GAX options \(GAX\), Pasted CS options 2 \(CS Proxy\)/)).toBeTruthy();
    const warnings = screen.getByRole('region', { name: /Warnings/ }).textContent ?? '';
    expect(warnings).toContain('VALUE_NOT_NORMAL');
    expect(warnings).toContain('CS_OPTIONS_DIFFER');
    expect(screen.getAllByRole('button', { name: /^(Genesys doc|tool's model|advice) — show the source/ }).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByTestId('doctor-not-checked').textContent).toContain('the token-uuid GAX signs with');
    expect(bridge.calls.find((c) => c.channel === 'doctor.diagnose')?.input).toMatchObject({
      files: [
        { name: 'Pasted CS options', application: 'cs' },
        { name: 'Pasted GAX options', application: 'gax' },
        { name: 'Pasted CS options 2', application: 'cs' },
      ],
    });
  });

  it('says what is missing, next to Diagnose, when there is nothing to check', async () => {
    render(DoctorView);
    await fireEvent.click(screen.getByRole('button', { name: 'Diagnose' }));
    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toContain('Open or drop an exported options file, paste options, or pick a saved profile first.');
    expect(screen.getByRole('button', { name: 'Diagnose' }).getAttribute('aria-describedby')).toBe('doctor-run-error');
  });

  it('opens the corrected options in the Set up wizard', async () => {
    render(DoctorView);
    await fireEvent.click(screen.getByRole('button', { name: 'Try an example' }));
    await screen.findByTestId('doctor-verdict');
    await fireEvent.click(screen.getByRole('button', { name: 'Open in the wizard' }));
    expect(navigation.current).toBe('setup');
    expect(wizard.cs).toMatchObject({ mode: 'enable', preamble: '{GAX}', tolerance: '60', ttl: '30' });
    expect(wizard.gax).toEqual({ trusted: 'true', life: '20' });
  });
});
