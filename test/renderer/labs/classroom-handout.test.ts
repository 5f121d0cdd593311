/**
 * The classroom handout in the Labs view, against the real main side: once classroom mode is on,
 * a line asks for a lab; with a lab open, "What trainees type in Connect" gives the classroom
 * address and the scenario's broken GAX settings, each with Copy; the token-uuid is masked until
 * Show (one request to main), copied only once shown, masked again on Hide, on another lab, and
 * when the handout goes; a lab whose GAX Connect cannot imitate says so. Nothing logs the uuid.
 */
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { render, screen, fireEvent, within, waitFor, cleanup } from '@testing-library/svelte';
import LabsView from '../../../src-renderer/components/views/LabsView.svelte';
import { classroom, handout } from '../../../src-renderer/lib/labs/labs-view.js';
import { findScenario } from '../../../src-main/core/labs/index.js';
import type { RuntimeBridge } from '../runtime-bridge.js';
import { startLabsViewBridge } from './labs-bridge.js';

let bridge: RuntimeBridge;
let copied: string[];
const consoleCalls: unknown[][] = [];

beforeEach(async () => {
  bridge = await startLabsViewBridge();
  // The browser's clipboard (jsdom has none): records what a Copy button wrote.
  copied = [];
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
  for (const method of ['log', 'info', 'debug', 'warn', 'error'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await bridge.close();
});

const room = () => screen.getByRole('region', { name: 'Classroom mode' });
const sheet = () => screen.getByRole('region', { name: 'What trainees type in Connect' });
const text = (id: string) => within(sheet()).getByTestId(`handout-${id}`).textContent;

async function openLab(title: string): Promise<void> {
  const list = screen.getByRole('region', { name: 'Scenarios' });
  await fireEvent.click(within(list).getByRole('button', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }));
  await screen.findByRole('heading', { name: title, level: 2 }, { timeout: 5000 });
}

async function startClassroom(): Promise<void> {
  await fireEvent.change(within(room()).getByLabelText('Network address'), { target: { value: '127.0.0.1' } });
  await fireEvent.input(within(room()).getByLabelText('Port'), { target: { value: '0' } });
  await fireEvent.click(within(room()).getByLabelText(/I understand/));
  await fireEvent.click(within(room()).getByRole('button', { name: 'Start classroom mode' }));
  await within(room()).findByRole('button', { name: 'Back to loopback only' });
}

describe('the classroom handout', () => {
  it('gives the broken GAX settings to type in Connect, each with Copy; the token-uuid only on Show', async () => {
    render(LabsView);
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Scenarios' })).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    await waitFor(() => expect(classroom.classroom).not.toBeNull());
    await startClassroom();
    // on, but no lab open yet
    expect(within(room()).getByText(/Open a lab above/)).toBeTruthy();
    // the class limits, the per-address one included
    const limits = classroom.classroom!.limits;
    expect(within(room()).getByText(/^Class limits:/).textContent).toContain(
      `at most ${limits.maxConnections} connections, ${limits.maxConnectionsPerAddress} from one address,`,
    );
    expect(screen.queryByRole('region', { name: 'What trainees type in Connect' })).toBeNull();

    const s = findScenario('backup-cs-token-uuid')!;
    await openLab(s.title);
    await within(room()).findByRole('region', { name: 'What trainees type in Connect' });
    const port = classroom.classroom!.port!;
    expect(port).toBeGreaterThan(0);
    expect([text('host'), text('port'), text('user'), text('trusted'), text('life'), text('preamble')]).toEqual([
      '127.0.0.1',
      String(port),
      s.broken.gax.userName,
      'true',
      String(s.broken.gax.tokenLifeMinutes),
      s.broken.gax.preamble,
    ]);
    expect(within(sheet()).queryByTestId('handout-clock')).toBeNull();
    expect(within(sheet()).getByText(new RegExp(`its failure, ${s.brokenCode}, then find the fix`))).toBeTruthy();

    // masked, and its Copy does nothing until shown
    expect(text('uuid')).toBe(`••••••••-••••-••••-••••-••••••••${s.broken.gax.tokenUuid.slice(-4)}`);
    expect(document.body.textContent).not.toContain(s.broken.gax.tokenUuid);
    const copyUuid = within(sheet()).getByRole('button', { name: 'Copy token-uuid' }) as HTMLButtonElement;
    expect(copyUuid.disabled).toBe(true);
    expect(bridge.calls.filter((c) => c.channel === 'labs.handout.tokenUuid')).toEqual([]);

    // every other line copies exactly what it shows
    for (const [name, id] of [
      ['Copy Host', 'host'],
      ['Copy Port', 'port'],
      ['Copy User', 'user'],
      ['Copy confserv_trusted', 'trusted'],
      ['Copy Token life (minutes)', 'life'],
      ['Copy Preamble', 'preamble'],
    ] as const) {
      await fireEvent.click(within(sheet()).getByRole('button', { name }));
      await waitFor(() => expect(copied.at(-1)).toBe(text(id)));
    }
    await waitFor(() => expect(within(sheet()).getAllByText('Copied').length).toBeGreaterThan(0));

    await fireEvent.click(within(sheet()).getByRole('button', { name: 'Show the token-uuid' }));
    await waitFor(() => expect(text('uuid')).toBe(s.broken.gax.tokenUuid));
    expect(bridge.calls.filter((c) => c.channel === 'labs.handout.tokenUuid')).toEqual([{ channel: 'labs.handout.tokenUuid', input: { id: s.id } }]);
    const hide = within(sheet()).getByRole('button', { name: 'Hide the token-uuid' });
    expect(hide.getAttribute('aria-pressed')).toBe('true');
    expect(copyUuid.disabled).toBe(false);
    await fireEvent.click(copyUuid);
    await waitFor(() => expect(copied.at(-1)).toBe(s.broken.gax.tokenUuid));

    await fireEvent.click(hide);
    expect(text('uuid')).toMatch(/^••••••••-/);
    expect(handout.tokenUuid).toBeNull();

    // shown again, then another lab opened: its own values, masked again; its GAX clock is a line
    await fireEvent.click(within(sheet()).getByRole('button', { name: 'Show the token-uuid' }));
    await waitFor(() => expect(text('uuid')).toBe(s.broken.gax.tokenUuid));
    const ahead = findScenario('gax-clock-ahead')!;
    await openLab(ahead.title);
    await waitFor(() => expect(text('user')).toBe(ahead.broken.gax.userName));
    expect(text('uuid')).toBe(`••••••••-••••-••••-••••-••••••••${ahead.broken.gax.tokenUuid.slice(-4)}`);
    expect(text('clock')).toBe('600');
    expect(within(sheet()).getByText('GAX ahead')).toBeTruthy();

    // a lab whose GAX does what Connect cannot: said plainly
    const other = findScenario('token-for-another-user')!;
    await openLab(other.title);
    await waitFor(() => expect(text('user')).toBe(other.broken.gax.userName));
    expect(sheet().textContent).toMatch(/mints its token for "svc-sso"[\s\S]*not refused the way the lab is/);

    // shown, then back to loopback: the handout goes and forgets the value
    await fireEvent.click(within(sheet()).getByRole('button', { name: 'Show the token-uuid' }));
    await waitFor(() => expect(text('uuid')).toBe(other.broken.gax.tokenUuid));
    await fireEvent.click(within(room()).getByRole('button', { name: 'Back to loopback only' }));
    await within(room()).findByRole('button', { name: 'Start classroom mode' });
    expect(screen.queryByRole('region', { name: 'What trainees type in Connect' })).toBeNull();
    expect(handout.tokenUuid).toBeNull();

    expect(JSON.stringify(consoleCalls)).not.toContain(s.broken.gax.tokenUuid);
    expect(JSON.stringify(consoleCalls)).not.toContain(other.broken.gax.tokenUuid);
  });

  it('says why a Show failed, next to it', async () => {
    render(LabsView);
    await waitFor(() => expect(classroom.classroom).not.toBeNull());
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Scenarios' })).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9));
    await startClassroom();
    await openLab(findScenario('user-disabled')!.title);
    await within(room()).findByRole('region', { name: 'What trainees type in Connect' });
    // another lab opened behind the page's back (another window): main refuses, in words
    await bridge.call('labs.open', { id: 'cs-mode-disabled' });
    await fireEvent.click(within(sheet()).getByRole('button', { name: 'Show the token-uuid' }));
    const alert = await within(sheet()).findByRole('alert');
    expect(alert.textContent).toContain('the lab "user-disabled" is not the open one');
    expect(alert.textContent).toContain('Open it first');
    expect(text('uuid')).toMatch(/^••••••••-/);
    await fireEvent.click(within(room()).getByRole('button', { name: 'Back to loopback only' }));
  });
});
