/**
 * The wizard's components in jsdom, over the real main side (runtime-bridge.ts): the stepper by
 * keyboard, errors next to the fields that caused them, a refused Next, the shared options editor.
 */
import { optionDefinition } from '../../../src-main/core/options/catalog.js';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, within, cleanup, waitFor } from '@testing-library/svelte';
import SetupView from '../../../src-renderer/components/views/SetupView.svelte';
import Stepper from '../../../src-renderer/components/setup/Stepper.svelte';
import CsOptionsEditor from '../../../src-renderer/components/shared/CsOptionsEditor.svelte';
import { wizard } from '../../../src-renderer/lib/setup/setup-view.js';
import { tryIt } from '../../../src-renderer/lib/setup/later-steps.js';
import { defaultCsOptions, type CsOptionsCheck } from '../../../src-renderer/lib/options/cs-options.svelte.js';
import type { StepperStep } from '../../../src-renderer/lib/setup/steps.js';
import { startRuntimeBridge, type RuntimeBridge } from './runtime-bridge.js';
import { reactive } from './reactive.svelte.js';

let rb: RuntimeBridge;
beforeEach(async () => {
  rb = await startRuntimeBridge();
  wizard.reset();
});
afterEach(async () => {
  cleanup();
  await rb.close();
});

const STEPS: StepperStep[] = [
  { id: 'cs', name: 'Configuration Server', summary: '', state: 'done', problems: 0 },
  { id: 'gax', name: 'GAX', summary: '', state: 'current', problems: 0 },
  { id: 'check', name: 'Check', summary: '', state: 'todo', problems: 2 },
  { id: 'try', name: 'Try it', summary: '', state: 'todo', problems: 0 },
  { id: 'apply', name: 'Apply', summary: '', state: 'todo', problems: 0 },
];

describe('the stepper', () => {
  it('is one Tab stop on the current step; arrows, Home and End move between steps; a click opens one', async () => {
    const chosen: string[] = [];
    render(Stepper, { steps: STEPS, onSelect: (id: string) => chosen.push(id) });
    const nav = screen.getByRole('navigation', { name: 'Set-up steps' });
    const buttons = within(nav).getAllByRole('button');
    expect(within(nav).getByRole('list').tagName).toBe('OL');
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1, -1]);
    expect(buttons[1]!.getAttribute('aria-current')).toBe('step');
    // every step says its number, its name and its state in words
    expect(buttons[0]!.textContent).toMatch(/Step 1: Configuration Server\s*\(done\)/);
    expect(buttons[2]!.textContent).toMatch(/Step 3: Check.*\(not visited, 2 problems\)/);

    buttons[1]!.focus();
    await fireEvent.keyDown(buttons[1]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[2]);
    expect(buttons[2]!.tabIndex).toBe(0);
    await fireEvent.keyDown(buttons[2]!, { key: 'End' });
    expect(document.activeElement).toBe(buttons[4]);
    await fireEvent.keyDown(buttons[4]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[0]);
    await fireEvent.keyDown(buttons[0]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(buttons[4]);
    await fireEvent.keyDown(buttons[4]!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
    await fireEvent.click(buttons[3]!);
    expect(chosen).toEqual(['try']);
  });
});

describe('the wizard view', () => {
  it('shows an error next to the field that caused it, as it is typed, tied to the field for screen readers', async () => {
    render(SetupView);
    const tolerance = screen.getByLabelText(/^Tolerance/);
    await fireEvent.input(tolerance, { target: { value: '2min' } });
    const error = screen.getByText('"2min" holds a unit; the option is a plain number of seconds');
    expect(tolerance.getAttribute('aria-invalid')).toBe('true');
    expect(tolerance.getAttribute('aria-describedby')!.split(' ')).toContain(error.id);
    // the error sits in the same field as the input, right under it
    expect(error.closest('.field')).toBe(tolerance.closest('.field'));
    await fireEvent.click(screen.getByRole('button', { name: 'Use 120' }));
    expect((tolerance as HTMLInputElement).value).toBe('120');
    expect(tolerance.getAttribute('aria-invalid')).toBe('false');
  });

  it("shows whose word each option's help is, beside the help (the catalog's source)", () => {
    render(SetupView);
    const tolerance = screen.getByLabelText(/^Tolerance/);
    const help = document.getElementById(`${tolerance.id}-help`)!;
    const label = help.querySelector('[data-source-kind]')!;
    expect(label.getAttribute('data-source-kind')).toBe(optionDefinition('token-tolerance').source.kind);
    expect(label.getAttribute('data-source-id')).toBe(optionDefinition('token-tolerance').source.id);
  });

  it('refuses Next while the step has errors, says why, and takes the person to the field', async () => {
    render(SetupView);
    await fireEvent.click(screen.getByRole('radio', { name: /Paste one/ }));
    const next = screen.getByRole('button', { name: /^Next: GAX/ });
    expect(screen.getByText('One field needs fixing on Configuration Server before you can go on.')).toBeTruthy();
    await fireEvent.click(next);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Next is not possible yet/);
    expect(alert.textContent).toMatch(/token-uuid: the token-uuid is empty/);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/1\. Configuration Server/);
    // the field's own error shows now, though nothing was typed in it
    const uuid = screen.getByLabelText('Pasted token-uuid (masked)');
    expect(uuid.getAttribute('type')).toBe('password');
    expect(uuid.getAttribute('aria-invalid')).toBe('true');
    await fireEvent.click(within(alert).getByRole('button', { name: 'token-uuid' }));
    await waitFor(() => expect(document.activeElement).toBe(uuid));

    await fireEvent.input(uuid, { target: { value: '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await fireEvent.click(next);
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/2\. GAX/));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 })));
  });

  it('keeps its state when the view is left and opened again', async () => {
    const first = render(SetupView);
    await fireEvent.input(screen.getByLabelText(/^Time to live/), { target: { value: '30' } });
    await fireEvent.click(screen.getByRole('button', { name: /^Next: GAX/ }));
    first.unmount();
    render(SetupView);
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/2\. GAX/));
    await fireEvent.click(screen.getByRole('button', { name: /^Back/ }));
    expect((screen.getByLabelText(/^Time to live/) as HTMLInputElement).value).toBe('30');
  });

  it('Check: mints the sample token and shows its length, the window and the warnings', async () => {
    wizard.cs.ttl = '20';
    wizard.goTo('check');
    render(SetupView);
    // steps 3–5 load on demand
    await fireEvent.input(await screen.findByLabelText(/^Sample username/), { target: { value: 'alice' } });
    const token = await screen.findByTestId('sample-token');
    await waitFor(() => expect(token.textContent).toMatch(/^\{PXZ\}[A-Za-z0-9_-]{40}$/));
    expect(screen.getByText(/Minted with a throwaway token-uuid/)).toBeTruthy();
    expect(screen.getByText('45').parentElement!.textContent).toMatch(/45 of 64 bytes — fits the Password field, 19 to spare/);
    expect(screen.getByText(/A fresh token is refused for its first 39 min/)).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    const warnings = await screen.findByRole('list', { name: 'Warnings' });
    await waitFor(() => expect(warnings.textContent).toMatch(/Error: \[system\] token-ttl=20 is shorter than GAX token_life_in_minutes=60/));
  });

  it('Try it: one click starts the mock CS, logs in, and shows the result with its trace', async () => {
    wizard.goTo('try');
    render(SetupView);
    await fireEvent.click(await screen.findByRole('button', { name: 'Start the mock CS and log in' }));
    await waitFor(() => expect(tryIt.main?.result).toBeTruthy(), { timeout: 10_000 });
    await screen.findByText('Accepted');
    expect(screen.getByTestId('try-server').textContent).toMatch(/Trial mock CS on 127\.0\.0\.1:[1-9]\d*/);
    expect(within(screen.getByRole('list', { name: 'Login steps' })).getAllByRole('listitem')).toHaveLength(6);
    await fireEvent.click(screen.getByRole('button', { name: /Unknown user/ }));
    const card = await screen.findByTestId('replay-unknown-user', {}, { timeout: 10_000 });
    await waitFor(() => expect(card.textContent).toMatch(/✓ the expected UNKNOWN_USER/), { timeout: 10_000 });
    expect(card.textContent).toMatch(/How to fix:/);
  });
});

describe('the shared CS options editor', () => {
  it('reports its validity, offers "keep" only when told what is kept, and generates a masked token-uuid', async () => {
    const checks: CsOptionsCheck[] = [];
    const options = reactive(defaultCsOptions());
    render(CsOptionsEditor, {
      options,
      idPrefix: 'srv',
      keepUuidLabel: 'the mock CS’s configured one, ••••-6e35',
      onValidity: (c: CsOptionsCheck) => checks.push(c),
    });
    expect(checks.at(-1)?.valid).toBe(true);
    expect(screen.getByRole('radio', { name: /Keep the current one/ })).toBeTruthy();
    await fireEvent.input(screen.getByLabelText(/^Time to live/), { target: { value: '-1' } });
    await waitFor(() => expect(checks.at(-1)?.valid).toBe(false));
    expect(checks.at(-1)?.errors['token-ttl']?.message).toMatch(/negative/);
    await fireEvent.click(screen.getByRole('radio', { name: /Generate one here/ }));
    const input = screen.getByLabelText('Generated token-uuid (masked)') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(input.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const first = input.value;
    await fireEvent.click(screen.getByRole('button', { name: 'New UUID' }));
    expect(input.value).not.toBe(first);
    expect(input.id).toBe('srv-uuid');
  });
});
