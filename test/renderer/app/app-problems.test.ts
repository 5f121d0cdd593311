/**
 * Unexpected errors in the window show instead of a blank or silently stuck page: the panel a failed
 * view leaves (scrubbed message, Try again, Reload), the page's uncaught errors and main's INTERNAL
 * answers in the banner above the status bar — with a token-uuid or token in a message masked.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../../../src-renderer/App.svelte';
import ViewCrashed from '../../../src-renderer/components/shared/ViewCrashed.svelte';
import { api, setBridge } from '../../../src-renderer/lib/api.js';
import { AppProblems, appProblems, problemMessage, watchPageErrors } from '../../../src-renderer/lib/app/app-problems.svelte.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

const UUID = '5ec2e7ed-77aa-4b3c-9d1e-0f2a3b4c5d6e';
const TOKEN = '{PXZ}AWlVuQBpVccQYWxpY2WZp4qFGYUuA-csXZKDamsK';

let bridge: RuntimeBridge | undefined;
afterEach(async () => {
  cleanup();
  appProblems.clear();
  await bridge?.close();
  bridge = undefined;
});

describe('problemMessage', () => {
  it('is one line with any token-uuid or token masked', () => {
    const text = problemMessage(new TypeError(`cannot verify ${TOKEN} with ${UUID}\n    at verify (app.js:1:2)`));
    expect(text).toBe(`TypeError: cannot verify {PXZ}AWlVuQ…(40 chars) with ••••••••-••••-••••-••••-••••••••5d6e`);
    expect(problemMessage('plain text')).toBe('plain text');
    expect(problemMessage(42)).toBe('a non-Error value was thrown (number)');
    expect(problemMessage(new Error(''))).toBe('Error:');
  });
});

describe('AppProblems', () => {
  it('keeps the newest five, counts a repeat instead of adding it, and dismisses', () => {
    const p = new AppProblems();
    for (let i = 0; i < 7; i++) p.report('page', new Error(`tick ${i}`));
    expect(p.list.map((x) => x.message)).toEqual(['Error: tick 2', 'Error: tick 3', 'Error: tick 4', 'Error: tick 5', 'Error: tick 6']);
    p.report('page', new Error('tick 6'));
    expect(p.latest?.repeats).toBe(1);
    p.dismiss(p.latest!.id);
    expect(p.latest?.message).toBe('Error: tick 5');
  });

  it("watchPageErrors reports the page's uncaught errors and unhandled rejections until stopped", () => {
    const p = new AppProblems();
    const stop = watchPageErrors(window, p);
    window.dispatchEvent(new ErrorEvent('error', { error: new RangeError(`bad ${UUID}`), message: 'ignored' }));
    const rejection = new Event('unhandledrejection') as Event & { reason?: unknown };
    rejection.reason = new Error('a promise nobody awaited');
    window.dispatchEvent(rejection);
    stop();
    // Handled here (as DevTools would see it), so jsdom does not report it as uncaught.
    const swallow = (e: Event) => e.preventDefault();
    window.addEventListener('error', swallow);
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('after stop'), cancelable: true }));
    window.removeEventListener('error', swallow);
    expect(p.list.map((x) => [x.source, x.message])).toEqual([
      ['page', 'RangeError: bad ••••••••-••••-••••-••••-••••••••5d6e'],
      ['page', 'Error: a promise nobody awaited'],
    ]);
  });
});

describe('ViewCrashed (what a failed view leaves)', () => {
  it('names the view, shows the scrubbed message, and offers Try again and Reload', async () => {
    const onRetry = vi.fn();
    const onReload = vi.fn();
    render(ViewCrashed, { view: 'Doctor', error: new TypeError(`x is undefined near ${UUID}`), onRetry, onReload });
    const panel = screen.getByRole('alert');
    expect(panel.textContent).toContain('The Doctor view hit an unexpected error');
    expect(panel.textContent).toContain('TypeError: x is undefined near ••••••••-••••-••••-••••-••••••••5d6e');
    expect(panel.textContent).not.toContain(UUID);
    expect(panel.textContent).toContain('the other views still work');
    // the house buttons, the way on first: not the browser's bare ones
    expect(screen.getByRole('button', { name: 'Try again' }).classList.value).toBe('btn primary');
    expect(screen.getByRole('button', { name: 'Reload the window' }).classList.value).toBe('btn');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Reload the window' }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(onReload).toHaveBeenCalledOnce();
  });
});

describe('the window shows what main and the page report', () => {
  it('an INTERNAL answer from main and an uncaught page error appear in the banner; Dismiss removes them', async () => {
    bridge = await runtimeBridge();
    const real = bridge;
    // Main answers one request INTERNAL (a handler failed there); the rest is the real main side.
    setBridge(
      {
        invoke: (channel, input) =>
          channel === 'app.openExternal'
            ? Promise.resolve({
                ok: false,
                error: { code: 'INTERNAL', message: 'app.openExternal failed unexpectedly', hint: 'The window keeps working.' },
              })
            : real.invoke(channel, input),
        on: (event, listener) => real.on(event, listener),
      },
      'web',
    );
    render(App);
    const answer = await api.invoke('app.openExternal', { url: 'https://docs.genesys.com/' });
    expect(answer.ok).toBe(false);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Unexpected error in GAX Token Lab (main side): app.openExternal failed unexpectedly');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());

    window.dispatchEvent(new ErrorEvent('error', { error: new Error(`a click handler broke on ${TOKEN}`) }));
    const again = await screen.findByRole('alert');
    expect(again.textContent).toContain('Unexpected error in this window: Error: a click handler broke on {PXZ}AWlVuQ…(40 chars)');
    expect(again.textContent).not.toContain(TOKEN);
    // The navigation still works underneath.
    await fireEvent.click(screen.getByRole('button', { name: /^Tokens/ }));
    await screen.findByRole('heading', { name: 'Tokens', level: 1 }, { timeout: 10_000 });
  });

  it("main's own unexpected error (the app.problem event) shows in the banner, its token-uuid masked", async () => {
    bridge = await runtimeBridge();
    setBridge(bridge, 'web');
    render(App);
    // As the hosts' crash handlers report an uncaught exception: through the real runtime and its event.
    bridge.runtime.reportProblem(new TypeError(`a timer failed for ${UUID}`));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain(
      'Unexpected error in GAX Token Lab (main side): TypeError: a timer failed for ••••••••-••••-••••-••••-••••••••5d6e',
    );
    expect(banner.textContent).not.toContain(UUID);
  });
});
