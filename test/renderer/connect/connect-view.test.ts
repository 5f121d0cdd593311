/**
 * The Connect view against the real main side: the mock CS on a free port, the real GAX login
 * client. Log in, watch the trace and the history; move the CS clock and read why the next login is
 * refused; a password login; a stopped server explained.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, fireEvent, within, waitFor, cleanup } from '@testing-library/svelte';
import ConnectView from '../../../src-renderer/components/views/ConnectView.svelte';
import Trace from '../../../src-renderer/components/connect/Trace.svelte';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { runHistory } from '../../../src-renderer/lib/connect/connect-view.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';
import { loginResult } from './scripted-bridge.js';

let bridge: RuntimeBridge;
const PASSWORD = 'Kestrel-Harbour-5521!';

beforeAll(async () => {
  bridge = await runtimeBridge();
  setBridge(bridge);
  // Plain TCP only: under jsdom, node:crypto cannot sign the TLS certificate (jsdom's ArrayBuffer is
  // another realm's). The TLS path runs end to end in test/e2e/server-connect.test.ts.
  await bridge.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
  await bridge.call('mockcs.start', { options: { tokenAuthenticationMode: 'enable' } });
  await bridge.call('mockcs.users.upsert', { userName: 'carol', enabled: true, password: PASSWORD });
});
afterEach(() => cleanup());
afterAll(async () => {
  await bridge.call('mockcs.stop', {});
  await bridge.close();
});

const logIn = () => fireEvent.click(screen.getByRole('button', { name: 'Log in once' }));
const outcome = () => screen.findByTestId('run-message', {}, { timeout: 8000 });

describe('Connect view', () => {
  it('logs in as GAX to the mock CS, shows each step with its time, and keeps the run in the history', async () => {
    render(ConnectView);
    await screen.findByRole('option', { name: /^First listener/ });
    await logIn();
    const message = await outcome();
    expect(message.textContent).toMatch(/^"default" is registered on 127\.0\.0\.1:\d+ by token/);
    const steps = screen.getByRole('list', { name: 'Login steps' });
    const items = within(steps).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.label')!.textContent)).toEqual([
      'Resolve host',
      'TCP connect',
      'TLS handshake',
      'Hello (csmock/1)',
      'Mint token',
      'RegisterClient',
    ]);
    expect(items[1]!.textContent).toMatch(/done.*\d+(\.\d)? ms/);
    expect(items[2]!.textContent).toContain('skipped');
    expect(screen.getByText('Clock offset')).toBeTruthy();
    expect(screen.getByText(/^CS clock within \d+ ms of this machine$/)).toBeTruthy();
    const history = screen.getByRole('table');
    expect(within(history).getAllByRole('row')).toHaveLength(2);
    expect(within(history).getByText('accepted')).toBeTruthy();
    expect(within(history).getByText(/^mock CS 127\.0\.0\.1:\d+$/)).toBeTruthy();
  });

  it('explains a refusal after the CS clock moves two hours ahead, and shows an older trace on request', async () => {
    await bridge.call('mockcs.options.update', { patch: { clockOffsetSeconds: 7200 } });
    render(ConnectView);
    await screen.findByRole('option', { name: /^First listener/ });
    await logIn();
    await waitFor(() => expect(runHistory.runs).toHaveLength(2), { timeout: 8000 });
    const callout = screen.getByRole('alert');
    expect(callout.textContent).toContain('Refused by the server · EXPIRED');
    expect(screen.getByTestId('run-message').textContent).toMatch(/expired/i);
    expect(screen.getByTestId('run-fix').textContent!.length).toBeGreaterThan(10);
    expect(screen.getByText(/^CS clock 2 h ahead of this machine$/)).toBeTruthy();
    // the token's hour of life ended an hour before the CS clock (2 h ahead) judged it
    expect(screen.getByText(/^expired (1 h|59 min \d+ s) before$/, { selector: 'dd' })).toBeTruthy();

    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('EXPIRED');
    await fireEvent.click(within(rows[2]!).getByRole('button', { name: /^Show trace of the run at/ }));
    expect(screen.getByTestId('run-message').textContent).toMatch(/registered/);
    await fireEvent.click(screen.getByRole('button', { name: 'Back to the latest' }));
    expect(screen.getByTestId('run-message').textContent).toMatch(/expired/i);
    await bridge.call('mockcs.options.update', { patch: { clockOffsetSeconds: 0 } });
  });

  it('logs in with a password, refuses a wrong one in words, and never gets the password back', async () => {
    render(ConnectView);
    await screen.findByRole('option', { name: /^First listener/ });
    await fireEvent.click(screen.getByRole('radio', { name: 'Password' }));
    await fireEvent.input(screen.getByLabelText(/^User/), { target: { value: 'carol' } });
    await logIn();
    expect(screen.getByText('enter the password')).toBeTruthy();
    const pw = screen.getByLabelText('Password', { selector: 'input:not([type=radio])' }) as HTMLInputElement;
    expect(pw.type).toBe('password');
    await fireEvent.input(pw, { target: { value: 'wrong-one' } });
    await logIn();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Refused by the server · BAD_PASSWORD'), { timeout: 8000 });
    await fireEvent.input(pw, { target: { value: PASSWORD } });
    await logIn();
    await waitFor(() => expect(screen.getByTestId('run-message').textContent).toMatch(/"carol" is registered .* by password/), { timeout: 8000 });
    expect(JSON.stringify(bridge.sent)).not.toContain(PASSWORD);
  });

  it('cancels a login that hangs (a host that accepts but never says Hello)', async () => {
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      render(ConnectView);
      await fireEvent.click(screen.getByRole('radio', { name: 'Host and port' }));
      await fireEvent.input(screen.getByLabelText('Host'), { target: { value: '127.0.0.1' } });
      await fireEvent.input(screen.getByLabelText('Port'), { target: { value: String((silent.address() as { port: number }).port) } });
      await logIn();
      const cancel = await screen.findByRole('button', { name: 'Cancel' }, { timeout: 5000 });
      // the steps so far are drawn live, the rest wait
      await waitFor(() => expect(screen.getByRole('list', { name: 'Login steps' }).textContent).toMatch(/TCP connect\s*done/));
      expect(screen.getAllByText('waiting').length).toBeGreaterThan(0);
      await fireEvent.click(cancel);
      await waitFor(() => expect(screen.getByText(/^Cancelled/)).toBeTruthy(), { timeout: 5000 });
      expect(runHistory.runs[0]!.outcome).toBe('cancelled');
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('offers to start the server here when it is stopped', async () => {
    await bridge.call('mockcs.stop', {});
    render(ConnectView);
    await fireEvent.click(screen.getByRole('radio', { name: 'The mock CS' }));
    await screen.findByRole('button', { name: 'Start the mock CS' });
    await screen.findByRole('button', { name: 'open the Server view' });
    await logIn();
    const notRun = await screen.findByText('Not logged in', {}, { timeout: 5000 });
    const alert = notRun.closest('[role=alert]')!;
    expect(alert.textContent).toContain('the mock CS is not running');
    expect(alert.textContent).toContain('Start it in the Server view, then try again.');
    // the Start button beside the target starts it, and the listener choice replaces the offer
    await fireEvent.click(screen.getByRole('button', { name: 'Start the mock CS' }));
    await screen.findByLabelText(/Listener/, {}, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Start the mock CS' })).toBeNull();
  });
});

describe('Trace', () => {
  it('draws waiting steps while a run is in flight, then the outcome and the certificate', async () => {
    const done = loginResult('OK', Date.UTC(2026, 0, 1, 9));
    const { rerender } = render(Trace, { steps: done.steps.slice(0, 2), result: null });
    const items = within(screen.getByRole('list', { name: 'Login steps' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.status')!.textContent)).toEqual(['done', 'done', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(screen.getByText('Logging in…').getAttribute('role')).toBe('status');
    const certificate = {
      subject: 'CN=localhost',
      issuer: 'CN=localhost',
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2027-01-01T00:00:00.000Z',
      daysLeft: 12,
      fingerprint256: 'AB:'.repeat(31) + 'CD',
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      altNames: ['DNS:localhost', 'IP Address:127.0.0.1'],
    };
    await rerender({ steps: [], result: { ...done, certificate } });
    expect(screen.getByText('Accepted').closest('[role=status]')).toBeTruthy();
    expect(screen.getByText('(self-signed)')).toBeTruthy();
    expect(screen.getByText('· 12 days left')).toBeTruthy();
    expect(screen.getByText('TLSv1.3 · TLS_AES_256_GCM_SHA384')).toBeTruthy();
    expect(screen.getByText('{PXZ}AWlV7A…(45 chars)')).toBeTruthy();
  });
});
