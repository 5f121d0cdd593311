import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { MintForm } from '../../../src-renderer/lib/tokens/mint-form.svelte.js';
import { SecondClock } from '../../../src-renderer/lib/tokens/second-clock.svelte.js';
import { TokenShelf } from '../../../src-renderer/lib/tokens/shelf.svelte.js';
import type { Scheduler } from '../../../src-renderer/lib/tokens/scheduler.js';
import { decide } from '../../../src-main/core/index.js';
import { fakeBridge, MOCKCS_UUID, PROFILE_UUID, TYPED_UUID, type FakeBridge } from './fake-bridge.js';

const NOW = 1_767_238_671;
const timers: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

let bridge: FakeBridge;
let shelf: TokenShelf;
beforeEach(() => {
  vi.useFakeTimers({ now: NOW * 1000 + 400 });
  bridge = fakeBridge();
  setBridge(bridge);
  shelf = new TokenShelf(new SecondClock(() => Date.now(), timers));
});
afterEach(() => {
  shelf.clear();
  vi.useRealTimers();
});

describe('mint validation', () => {
  it('shows a problem under a field once it is typed in, and every problem once Mint is pressed', async () => {
    const form = new MintForm(shelf, 'typed');
    expect(form.valid).toBe(false);
    expect(form.errorFor('username')).toBeNull();
    expect(form.errorFor('tokenUuid')).toBeNull();

    form.set('username', 'ali\u0007ce');
    expect(form.errorFor('username')).toBe('the username holds a control character');
    form.set('preamble', '{P Z}');
    expect(form.errorFor('preamble')).toBe('the preamble may hold only printable ASCII without spaces; character 3 is not');
    form.set('life', '0');
    expect(form.errorFor('life')).toBe('the life in minutes must be from 1 to 5256000');
    form.set('offset', '5 min');
    expect(form.errorFor('offset')).toBe('the offset in seconds must be a whole number');
    form.uuid.setTyped('{123e4567-e89b-12d3-a456-426614174000');
    expect(form.errorFor('tokenUuid')).toBe('not a UUID: an opening or closing brace is missing');

    form.uuid.setTyped('');
    expect(form.errorFor('tokenUuid')).toBeNull();
    expect(await form.mint()).toBe(false);
    expect(bridge.calls).toHaveLength(0);
    expect(form.errorFor('tokenUuid')).toBe('enter the token-uuid (CS [system] token-uuid)');
  });

  it('works out the length against the Password field as you type, and says the offset in words', () => {
    const form = new MintForm(shelf);
    form.set('username', 'alice');
    expect(form.fit).toMatchObject({ length: 45, limit: 64, fits: true, longestUsernameBytes: 19 });
    form.set('username', 'a'.repeat(20));
    expect(form.fit).toMatchObject({ fits: false, over: 1 });
    form.set('preamble', '{A}');
    expect(form.fit.longestUsernameBytes).toBe(20);
    form.set('preamble', '');
    expect(form.fitPreamble).toBe('{PXZ}');
    form.set('offset', '300');
    expect(form.offsetWords).toBe("GAX's clock is 5 min ahead of the CS's");
    form.set('offset', '\u221290');
    expect(form.offsetWords).toBe("GAX's clock is 90 s behind the CS's");
    form.set('offset', '0');
    expect(form.offsetWords).toBe("GAX's clock agrees with the CS's");
  });
});

describe('minting', () => {
  it('mints with the mock CS token-uuid and the clock offset, and puts the token on the shelf', async () => {
    const form = new MintForm(shelf);
    form.set('username', 'alice');
    form.set('life', '15');
    form.set('offset', '300');
    expect(await form.mint()).toBe(true);
    expect(bridge.calls[0]).toEqual({
      channel: 'token.mint',
      input: { username: 'alice', tokenUuid: { kind: 'mockcs' }, lifeMinutes: 15, preamble: '{PXZ}', gaxClockOffsetSeconds: 300 },
    });
    const r = form.result!;
    expect(r.iat).toBe(NOW + 300);
    expect(r.exp).toBe(NOW + 300 + 900);
    expect(r.length).toBe(45);
    // it is a real token: the CS accepts it with the mock CS token-uuid once GAX's clock is reached
    expect(decide({ value: r.token, tokenUuid: MOCKCS_UUID, userName: 'alice', now: r.iat, options: { gaxTokenLifeMinutes: 15 } }).code).toBe('OK');
    const [row] = shelf.rows;
    expect(row?.entry).toMatchObject({ username: 'alice', origin: 'minted', iat: r.iat, exp: r.exp });
    // GAX's clock 5 minutes ahead: not yet valid at the CS for 4 minutes (tolerance 60 s)
    expect(row?.countdown.state).toBe('not-yet-valid');
    expect(row?.countdown.toValidFrom).toBe(240);
  });

  it('mints with a typed token-uuid or a profile, and shows a failure next to the token-uuid', async () => {
    const form = new MintForm(shelf, 'typed');
    form.set('username', 'bob');
    form.uuid.setTyped(TYPED_UUID);
    expect(await form.mint()).toBe(true);
    expect(decide({ value: form.result!.token, tokenUuid: TYPED_UUID, now: NOW }).code).toBe('OK');

    form.uuid.setKind('profile');
    form.uuid.setProfile('cs-1');
    expect(await form.mint()).toBe(true);
    expect(decide({ value: form.result!.token, tokenUuid: PROFILE_UUID, now: NOW }).code).toBe('OK');

    form.uuid.setProfile('cs-2');
    expect(await form.mint()).toBe(false);
    expect(form.result).toBeNull();
    expect(form.errorFor('tokenUuid')).toBe('CS profile "Lab CS" has no [system] token-uuid');
    // changing the choice clears the server's complaint
    form.uuid.setProfile('cs-1');
    expect(form.errorFor('tokenUuid')).toBeNull();
    expect(shelf.entries).toHaveLength(2);
  });
});
