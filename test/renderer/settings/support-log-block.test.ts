// Settings shows where the support log is: the desktop app opens the folder through main
// (app.logFolder with open: true); web mode shows the path with Copy and no Open button.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SupportLogBlock from '../../../src-renderer/components/settings/SupportLogBlock.svelte';
import { setBridge, type Bridge } from '../../../src-renderer/lib/api.js';

afterEach(() => cleanup());

function logBridge(answer: (open: boolean) => { path: string | null; opened: boolean }): Bridge & { asked: boolean[] } {
  const asked: boolean[] = [];
  return {
    asked,
    async invoke(channel, input) {
      if (channel !== 'app.logFolder') return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
      const open = (input as { open: boolean }).open;
      asked.push(open);
      return { ok: true, data: answer(open) };
    },
    on: () => () => undefined,
  };
}

describe('the support log in Settings', () => {
  it('desktop: shows the folder and opens it on a click', async () => {
    const bridge = logBridge((open) => ({ path: '/home/ana/.config/gax-token-lab/logs', opened: open }));
    setBridge(bridge, 'electron');
    render(SupportLogBlock);
    expect(await screen.findByText('/home/ana/.config/gax-token-lab/logs')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Open folder' }));
    await waitFor(() => expect(bridge.asked).toEqual([false, true]));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('desktop: says so when the folder could not be opened', async () => {
    setBridge(
      logBridge(() => ({ path: '/logs', opened: false })),
      'electron',
    );
    render(SupportLogBlock);
    await fireEvent.click(await screen.findByRole('button', { name: 'Open folder' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/the folder could not be opened.*Copy its path/);
  });

  it('web mode: the path with Copy, no Open button', async () => {
    setBridge(
      logBridge(() => ({ path: '/srv/lab/logs', opened: false })),
      'web',
    );
    render(SupportLogBlock);
    expect(await screen.findByText('/srv/lab/logs')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the log folder path' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open folder' })).toBeNull();
  });
});
