/**
 * The Server view against the real main side: start on a free port, log in with the real client,
 * see the event in the log and the counters; set the CS clock back and see the next login refused.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, fireEvent, within, waitFor, cleanup } from '@testing-library/svelte';
import ServerView from '../../../src-renderer/components/views/ServerView.svelte';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { serverStatus } from '../../../src-renderer/lib/app/server-status.svelte.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

let bridge: RuntimeBridge;

beforeAll(async () => {
  bridge = await runtimeBridge();
  setBridge(bridge);
});
afterEach(() => cleanup());
afterAll(async () => {
  await bridge.close();
});

const gaxLogin = (runId: string) =>
  bridge.call('login.run', {
    runId,
    target: { kind: 'mockcs' },
    userName: 'default',
    credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: 60, tokenUuid: { kind: 'mockcs' }, preamble: '{PXZ}' },
  });

describe('Server view', () => {
  it('starts on a free port, logs a login in the live log and counts it, then refuses one after the clock moves', async () => {
    await bridge.call('mockcs.options.update', { patch: { tokenAuthenticationMode: 'enable' } });
    render(ServerView);
    await screen.findByText('Stopped');
    expect(screen.getByText(/No events yet/)).toBeTruthy();

    await fireEvent.input(screen.getByLabelText('Port'), { target: { value: '0' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Start server' }));
    await screen.findByText('Running');
    const port = serverStatus.view!.listeners[0]!.port;
    expect(port).toBeGreaterThan(0);
    expect(screen.getByText(`127.0.0.1:${port}`)).toBeTruthy();
    expect(screen.getByText('(port picked by the system)')).toBeTruthy();

    const ok = await gaxLogin('r1');
    expect(ok.outcome).toBe('accepted');
    const log = screen.getByRole('log');
    await waitFor(() => expect(log.textContent).toContain('MSGCFG_CLIENTREGISTERED'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('accepted-count').textContent).toBe('1'), { timeout: 3000 });

    await fireEvent.click(screen.getByRole('button', { name: '2 h ahead' }));
    await waitFor(() => expect(screen.getByTestId('clock-words').textContent).toBe('CS clock 2 h ahead'));
    const refused = await gaxLogin('r2');
    expect(refused.outcome).toBe('rejected');
    expect(refused.server?.code).toBe('EXPIRED');
    await waitFor(() => expect(screen.getByTestId('refused-count').textContent).toBe('1'), { timeout: 3000 });
    const counters = screen.getByRole('table', { name: /Refusals and other errors by code/ });
    expect(within(counters).getByText('EXPIRED')).toBeTruthy();

    // filter by code, then the table layout
    await waitFor(() => expect([...(screen.getByLabelText('Code') as HTMLSelectElement).options].map((o) => o.value)).toContain('EXPIRED'));
    await fireEvent.change(screen.getByLabelText('Code'), { target: { value: 'EXPIRED' } });
    expect(screen.getByText(/^1 of \d+ events match/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('radio', { name: 'Table' }));
    const table = screen.getByRole('table', { name: 'Mock CS log' });
    expect(table.getAttribute('aria-rowcount')).toBe('2');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByText('EXPIRED')).toBeTruthy();

    // pick the row: its details, with the hint, appear below
    await fireEvent.click(rows[1]!);
    expect(screen.getByText('What to check')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Stop server' }));
    await screen.findByText('Stopped');
  });

  it('says in words why the server did not start', async () => {
    // a port another socket holds
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    try {
      await bridge.call('mockcs.stop', {});
      render(ServerView);
      await screen.findByText('Stopped');
      await fireEvent.input(screen.getByLabelText('Port'), { target: { value: String(taken) } });
      await fireEvent.click(screen.getByRole('button', { name: 'Start server' }));
      const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
      expect(alert.textContent).toContain('The server did not start');
      expect(alert.textContent).toContain(`cannot listen on 127.0.0.1:${taken}: the port is already in use`);
      expect(screen.getByText('Stopped')).toBeTruthy();
    } finally {
      blocker.close();
    }
  });
});
