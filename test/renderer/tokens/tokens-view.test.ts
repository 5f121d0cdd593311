import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, within, waitFor, cleanup } from '@testing-library/svelte';
import TokensView from '../../../src-renderer/components/views/TokensView.svelte';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { mintForm, tokenInspector, tokenShelf } from '../../../src-renderer/lib/tokens/workbench.js';
import { mintToken } from '../../../src-main/core/index.js';
import { fakeBridge, MOCKCS_UUID, TYPED_UUID, type FakeBridge } from './fake-bridge.js';

const IAT = 1_767_238_671; // 0x6955ec0f = 2026-01-01T03:37:51Z

function mint(username: string, tokenUuid: string, iat: number, lifeMinutes = 60): string {
  const r = mintToken({ tokenUuid, username, iat, exp: iat + lifeMinutes * 60 });
  if (!r.ok) throw new Error(r.reason);
  return r.value.token;
}

let bridge: FakeBridge;
beforeEach(() => {
  bridge = fakeBridge();
  setBridge(bridge);
});
afterEach(() => {
  cleanup();
  tokenShelf.clear();
  tokenInspector.setValue('');
  tokenInspector.cs.setEnabled(false);
  mintForm.result = null;
});

function paste(value: string) {
  fireEvent.input(screen.getByLabelText('Password value'), { target: { value } });
}

describe('Tokens view: Mint', () => {
  it('mints a token, shows it with a copy button, and starts its countdown on the shelf', async () => {
    render(TokensView);
    await fireEvent.input(screen.getByLabelText(/^User/), { target: { value: 'alice' } });
    expect(screen.getByText(/usernames up to/).textContent).toMatch(/19 bytes/);
    await fireEvent.click(screen.getByRole('button', { name: 'Mint token' }));
    const token = await screen.findByTestId('minted-token');
    expect(token.textContent).toMatch(/^\{PXZ\}[A-Za-z0-9_-]{40}$/);
    expect(screen.getByRole('button', { name: 'Copy the token' })).toBeTruthy();
    expect(screen.getByText(/45 characters \(fits the Password field\)/)).toBeTruthy();

    const shelf = screen.getByRole('list', { name: 'Watched tokens' });
    const item = within(shelf).getByRole('listitem');
    expect(within(item).getByRole('heading', { name: 'alice' })).toBeTruthy();
    expect(within(item).getByText('valid')).toBeTruthy();
    expect(within(item).getByTestId('to-expiry').textContent).toMatch(/^in (59 min 59 s|1 h 00 min 00 s)$/);
    // the shelf shows a shortened token only
    expect(item.textContent).toContain(`${token.textContent!.slice(0, 11)}… (45 chars)`);
    expect(item.textContent).not.toContain(token.textContent!);
  });

  it('validates as you type, next to the field, and refuses to mint until fixed', async () => {
    render(TokensView);
    const user = screen.getByLabelText(/^User/);
    await fireEvent.input(user, { target: { value: 'al\tice' } });
    expect(user.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('the username holds a control character')).toBeTruthy();
    await fireEvent.input(screen.getByLabelText(/GAX clock offset/), { target: { value: '-300' } });
    expect(screen.getByText("GAX's clock is 5 min behind the CS's")).toBeTruthy();
    await fireEvent.click(screen.getByRole('radio', { name: 'Type it' }));
    await fireEvent.input(screen.getByLabelText('token-uuid (typed, masked)'), { target: { value: 'not-a-uuid' } });
    expect(screen.getByText(/not a UUID: it holds a character that is not a hex digit or a dash/)).toBeTruthy();
    expect(screen.getByLabelText('token-uuid (typed, masked)').getAttribute('type')).toBe('password');
    await fireEvent.click(screen.getByRole('button', { name: 'Mint token' }));
    expect(bridge.calls.filter((c) => c.channel === 'token.mint')).toHaveLength(0);
    // a user name over 19 bytes is still valid PXZ-1, but the bar says it does not fit: 5 + ceil(47 × 4 / 3) = 68
    await fireEvent.input(user, { target: { value: 'a-rather-long-username' } });
    expect(screen.getByText(/4 too long/)).toBeTruthy();
  });

  it('offers CS profiles (and pairs), never GAX ones, as the token-uuid source', async () => {
    render(TokensView);
    const profile = await screen.findAllByRole('radio', { name: 'From a profile' });
    await fireEvent.click(profile[0]!);
    const select = screen.getByLabelText('CS profile');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a CS profile…', 'Lab CS', 'Empty CS', 'Lab pair (pair)']);
  });
});

describe('Tokens view: Inspect', () => {
  it('draws the token as labelled parts with their bytes on focus and hover, and lists every check', async () => {
    render(TokensView);
    const token = mint('alice', MOCKCS_UUID, IAT);
    paste(token);
    const parts = await screen.findByRole('list', { name: "The token's parts" });
    const buttons = within(parts).getAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.name')?.textContent)).toEqual(['preamble', 'version', 'issued', 'expires', 'username', 'signature']);
    expect(buttons.map((b) => b.querySelector('.chars')?.textContent).join('')).toBe(token);

    const issued = buttons[2]!;
    // screen readers get the bytes as the part's description
    const description = issued.ownerDocument.getElementById(issued.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toBe('bytes 69 55 ec 0f: 0x6955ec0f = 1767238671 = 2026-01-01 03:37:51 UTC (seconds since 1970, big-endian)');
    await fireEvent.focus(issued);
    expect(screen.getByText('0x6955ec0f = 1767238671 = 2026-01-01 03:37:51 UTC (seconds since 1970, big-endian)')).toBeTruthy();
    await fireEvent.blur(issued);
    await fireEvent.mouseEnter(buttons[4]!);
    expect(screen.getByText('UTF-8 "alice", 5 bytes')).toBeTruthy();
    expect(screen.getByText('61 6c 69 63 65')).toBeTruthy();

    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect(rows[0]!.textContent).toMatch(/starts with the preamble.*pass/);
    expect(rows[6]!.textContent).toMatch(/signature matches the token-uuid.*no token-uuid given.*skipped/);
    expect(screen.getByText('Decodes as PXZ-1')).toBeTruthy();
  });

  it('explains a damaged value: the code, the message and what to do', async () => {
    render(TokensView);
    // 24 characters of body: 18 bytes, canonical base64url but too short
    paste(mint('alice', MOCKCS_UUID, IAT).slice(0, 29));
    expect(await screen.findByText(/^TRUNCATED — not in the tool's reference format \(PXZ-1\): too short/)).toBeTruthy();
    // the paste mistake (cut short) above the decision, each with what to do
    expect(screen.getByText(/^Paste mistake: the token is cut short/)).toBeTruthy();
    expect(screen.getAllByText('What to do:')).toHaveLength(2);
    // whose word it is: the tool's model of a token (Genesys does not publish the bytes)
    const label = document.querySelector('[data-source-kind="model"][data-source-id="PXZ-1"]');
    expect(label?.textContent).toMatch(/tool's model/);
    expect(document.body.textContent).not.toMatch(/never looks like this/);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[2]!.textContent).toMatch(/at least 26 body bytes.*fail/);
    expect(screen.queryByRole('list', { name: "The token's parts" })).toBeNull();
  });

  it("gives the CS's decision with the options, and draws the validity window", async () => {
    render(TokensView);
    const now = Math.floor(Date.now() / 1000);
    paste(mint('alice', TYPED_UUID, now - 30));
    await screen.findByText('Decodes as PXZ-1');
    await fireEvent.click(screen.getByLabelText('Check as a CS would'));
    await fireEvent.click(screen.getAllByRole('radio', { name: 'Type it' }).at(-1)!);
    await fireEvent.input(screen.getByLabelText('token-uuid (typed, masked)'), { target: { value: TYPED_UUID } });
    await fireEvent.input(screen.getByLabelText(/^token-ttl \(min\)/), { target: { value: '20' } });
    expect(await screen.findByText(/^NOT_YET_VALID — /)).toBeTruthy();
    expect(screen.getByText(/token-ttl \(20 min\) is shorter than the token's life \(60 min\)/)).toBeTruthy();
    expect(screen.getByText(/Raise CS \[system\] token-ttl to at least 60/)).toBeTruthy();
    expect(screen.getByText('Validity window')).toBeTruthy();
    expect(screen.getByText('valid from')).toBeTruthy();

    await fireEvent.input(screen.getByLabelText(/^token-ttl \(min\)/), { target: { value: '' } });
    await fireEvent.click(await screen.findByRole('button', { name: "Use the token's life: 60 min" }));
    expect(await screen.findByText('OK — the CS accepts it')).toBeTruthy();
    expect(bridge.calls.at(-1)).toMatchObject({ channel: 'token.verify', input: { options: { gaxTokenLifeMinutes: 60, tokenTtlMinutes: null } } });
  });

  it('watches the inspected token on the shelf, and Inspect on the shelf brings a token back', async () => {
    render(TokensView);
    const now = Math.floor(Date.now() / 1000);
    const token = mint('dora', MOCKCS_UUID, now - 3600 - 30);
    paste(token);
    await fireEvent.click(await screen.findByRole('button', { name: 'Watch' }));
    const item = within(screen.getByRole('list', { name: 'Watched tokens' })).getByRole('listitem');
    // expired 30 s ago, still inside the default 60-second tolerance
    expect(within(item).getByText('inside tolerance')).toBeTruthy();
    expect(within(item).getByText(/Expired, but still on time for the CS/)).toBeTruthy();
    expect(within(item).getByTestId('to-expiry').textContent).toMatch(/^3\d s ago$/);

    paste('');
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
    await fireEvent.click(within(item).getByRole('button', { name: 'Inspect the token for dora' }));
    expect(screen.getByLabelText('Password value')).toHaveProperty('value', token);
    await screen.findByRole('table');

    await fireEvent.click(within(item).getByRole('button', { name: 'Remove the token for dora' }));
    expect(screen.queryByRole('list', { name: 'Watched tokens' })).toBeNull();
    expect(screen.getByText(/Nothing is being watched/)).toBeTruthy();
  });
});

describe('Tokens view: the shelf', () => {
  it('survives leaving the view and coming back (held in memory), and Clear all empties it', async () => {
    const first = render(TokensView);
    const now = Math.floor(Date.now() / 1000);
    for (const user of ['gus', 'hana']) {
      paste(mint(user, MOCKCS_UUID, now - 60));
      await waitFor(() => expect(screen.getByRole('button', { name: 'Watch' }).hasAttribute('disabled')).toBe(false));
      await waitFor(() => expect(within(screen.getByRole('table')).getAllByText(`"${user}"`).length).toBeGreaterThan(0));
      await fireEvent.click(screen.getByRole('button', { name: 'Watch' }));
    }
    first.unmount();
    render(TokensView);
    const items = within(screen.getByRole('list', { name: 'Watched tokens' })).getAllByRole('listitem');
    expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual(['hana', 'gus']);
    expect(screen.getByRole('heading', { name: /Countdowns/ }).textContent).toContain('(2)');
    await fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(screen.queryByRole('list', { name: 'Watched tokens' })).toBeNull();
    expect(tokenShelf.ticking).toBe(false);
  });
});
