/**
 * The Server view when main's side misbehaves (issue 8 part 4): answers of the wrong shape, a bridge
 * that rejects, a view that throws while it is built. Each must end as something the person can
 * read — the view's own Callouts, the banner, or the view's error panel — never a blank view.
 * Everything but the misbehaving answers is the real main side (runtimeBridge).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../../src-renderer/App.svelte';
import { setBridge, type Bridge } from '../../../src-renderer/lib/api.js';
import { appProblems } from '../../../src-renderer/lib/app/app-problems.svelte.js';
import { serverStatus } from '../../../src-renderer/lib/app/server-status.svelte.js';
import { liveLog } from '../../../src-renderer/lib/server/server-view.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

let real: RuntimeBridge | undefined;
afterEach(async () => {
  cleanup();
  appProblems.clear();
  // The Server view's controllers live as long as the window; give the next test a fresh one.
  serverStatus.view = null;
  serverStatus.error = null;
  liveLog.close();
  liveLog.loadProblem = null;
  liveLog.log.clear();
  await real?.close();
  real = undefined;
});

/** The real main side, with the channels named answered by `answer` instead. */
async function bridgeWith(answer: (channel: string) => Promise<unknown> | undefined): Promise<Bridge> {
  real = await runtimeBridge();
  const rt = real;
  return {
    invoke: (channel, input) => (answer(channel) as ReturnType<Bridge['invoke']> | undefined) ?? rt.invoke(channel, input),
    on: (event, listener) => rt.on(event, listener),
  };
}

async function openServerView(): Promise<HTMLElement> {
  render(App);
  await fireEvent.click(screen.getByRole('button', { name: /^Server/ }));
  await screen.findByRole('heading', { name: 'Server', level: 1 }, { timeout: 10_000 });
  return screen.getByRole('main');
}

describe('the Server view never goes blank', () => {
  // First in the file: the view's module is loaded for the first time here, as at a real first visit.
  it('a view that throws while it is built shows its error panel, not an empty page', async () => {
    // A status the door let through that the view cannot render (as any bug in a view would): it
    // is there before the view is opened, so the view throws while it is first built — the case a
    // lazily loaded view used to lose, leaving the page empty.
    setBridge(await bridgeWith(() => undefined));
    render(App);
    await waitFor(() => expect(serverStatus.view).not.toBeNull());
    serverStatus.view = { ...serverStatus.view!, options: undefined as never };
    await fireEvent.click(screen.getByRole('button', { name: /^Server/ }));
    const panel = await screen.findByRole('heading', { name: 'The Server view hit an unexpected error' }, { timeout: 10_000 });
    expect(panel.parentElement?.textContent).toMatch(/TypeError: Cannot read properties of undefined/);
    // The navigation still works, and another view shows.
    await fireEvent.click(screen.getByRole('button', { name: /^Tokens/ }));
    await screen.findByRole('heading', { name: 'Tokens', level: 1 }, { timeout: 10_000 });
  });

  it('answers of the wrong shape: the status and the log each say so in the view, and the banner reports it', async () => {
    setBridge(
      await bridgeWith((channel) => {
        if (channel === 'mockcs.status') return Promise.resolve({ ok: true, data: { surprise: 1 } });
        if (channel === 'mockcs.log.snapshot') return Promise.resolve({ ok: true, data: { rows: 'not events' } });
        return undefined;
      }),
    );
    const main = await openServerView();
    await within(main).findByText("The mock CS's status could not be read");
    expect(main.textContent).toContain('mockcs.status came with a mock CS status the window cannot read');
    await within(main).findByText('The kept events could not be read');
    expect(main.textContent).toMatch(
      /unexpected error: TypeError: events is not iterable\s*The rest of the window keeps working; try again, or reload the window/,
    );
    expect(main.textContent).toContain('Start server');
    expect(appProblems.list.map((p) => p.source).sort()).toEqual(['main', 'page']);
    expect(appProblems.list.find((p) => p.source === 'main')?.message).toBe('mockcs.status came with a mock CS status the window cannot read');
    const banner = screen.getAllByRole('alert').find((a) => a.textContent?.includes('Unexpected error in'));
    expect(banner?.textContent).toContain(appProblems.latest!.message);
  });

  it('a bridge that rejects: each request is answered in words, the view is not left loading', async () => {
    setBridge(await bridgeWith((channel) => (channel.startsWith('mockcs.') ? Promise.reject(new Error('the socket went away')) : undefined)));
    const main = await openServerView();
    await within(main).findByText("The mock CS's status could not be read");
    expect(main.textContent).toContain('mockcs.status got no answer from GAX Token Lab');
    await within(main).findByText('The kept events could not be read');
    expect(main.textContent).toContain('mockcs.log.snapshot got no answer from GAX Token Lab');
    expect(appProblems.list.map((p) => [p.source, p.message])).toContainEqual(['main', 'mockcs.status got no answer from GAX Token Lab']);
    expect(liveLog.loading).toBe(false);
  });
});
