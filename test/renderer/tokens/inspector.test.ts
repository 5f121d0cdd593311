import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { TokenInspector, INSPECT_DEBOUNCE_MS } from '../../../src-renderer/lib/tokens/inspector.svelte.js';
import { SecondClock } from '../../../src-renderer/lib/tokens/second-clock.svelte.js';
import { TokenShelf } from '../../../src-renderer/lib/tokens/shelf.svelte.js';
import type { Scheduler } from '../../../src-renderer/lib/tokens/scheduler.js';
import { mintToken } from '../../../src-main/core/index.js';
import { fakeBridge, MOCKCS_UUID, TYPED_UUID, type FakeBridge } from './fake-bridge.js';

const NOW = 1_767_238_671; // 2026-01-01T03:37:51Z
const timers: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function mint(username: string, tokenUuid = MOCKCS_UUID, iat = NOW - 60, lifeMinutes = 60): string {
  const r = mintToken({ tokenUuid, username, iat, exp: iat + lifeMinutes * 60 });
  if (!r.ok) throw new Error(r.reason);
  return r.value.token;
}

/** lets the bridge's promise chain (handler, holds) run under fake timers */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

let bridge: FakeBridge;
beforeEach(() => {
  vi.useFakeTimers({ now: NOW * 1000 });
  bridge = fakeBridge();
  setBridge(bridge);
});
afterEach(() => vi.useRealTimers());

describe('the inspector', () => {
  it('decodes as you type: one request once typing pauses for the debounce time', async () => {
    const inspector = new TokenInspector(timers);
    const token = mint('alice');
    for (let i = 6; i <= token.length; i += 6) {
      inspector.setValue(token.slice(0, i));
      vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS - 10);
    }
    inspector.setValue(token);
    expect(bridge.calls).toHaveLength(0);
    expect(inspector.pending).toBe(true);
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    expect(bridge.calls).toEqual([{ channel: 'token.decode', input: { value: token, preamble: '{PXZ}' } }]);
    expect(inspector.pending).toBe(false);
    const i = inspector.inspection!;
    expect(i.verified).toBe(false);
    expect(i.view.code).toBe('OK');
    expect(i.view.decoded?.username).toBe('alice');
    expect(i.view.decoded?.segments.map((s) => s.part)).toEqual(['preamble', 'version', 'issued', 'expires', 'username', 'signature']);
    expect(i.view.steps.find((s) => s.id === 'signature')).toMatchObject({ status: 'skipped', detail: 'no token-uuid given' });
  });

  it('latest wins: an older answer that arrives last is dropped', async () => {
    const inspector = new TokenInspector(timers);
    const first = mint('alice');
    const second = mint('bob');
    const releaseFirst = bridge.holdAnswer(0);
    inspector.setValue(first);
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    inspector.setValue(second);
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    expect(inspector.inspection?.view.decoded?.username).toBe('bob');
    releaseFirst();
    await settle();
    expect(bridge.calls).toHaveLength(2);
    expect(inspector.inspection?.value).toBe(second);
    expect(inspector.inspection?.view.decoded?.username).toBe('bob');
  });

  it('drops an answer when the value changed while it was on its way, and clears for an empty value', async () => {
    const inspector = new TokenInspector(timers);
    const release = bridge.holdAnswer(0);
    inspector.setValue(mint('alice'));
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    inspector.setValue('');
    release();
    await settle();
    expect(inspector.inspection).toBeNull();
    expect(inspector.pending).toBe(false);
    expect(bridge.calls).toHaveLength(1);
  });

  it('reports the first failing check of a damaged token, with the core message and hint', async () => {
    const inspector = new TokenInspector(timers);
    const token = mint('alice');
    inspector.setValue(token.slice(0, 25));
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    const v = inspector.inspection!.view;
    expect(v.code).toBe('TRUNCATED');
    expect(v.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'fail', ...Array(7).fill('skipped')]);
    expect(v.hint).toMatch(/Password field/);
    expect(v.decoded).toBeUndefined();
  });

  it('checks as the CS once a token-uuid and options are given, and waits while they are incomplete', async () => {
    const inspector = new TokenInspector(timers);
    const token = mint('alice', TYPED_UUID);
    inspector.setValue(token);
    inspector.cs.setEnabled(true);
    inspector.cs.uuid.setKind('typed');
    inspector.cs.uuid.setTyped('123e4567-e89b');
    expect(inspector.cs.waitingFor).toMatch(/not a UUID/);
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    expect(bridge.calls.at(-1)?.channel).toBe('token.decode');

    inspector.cs.uuid.setTyped(TYPED_UUID);
    inspector.cs.setOption('tolerance', '30');
    inspector.cs.setOption('ttl', '20');
    inspector.cs.setUserName('alice');
    expect(inspector.cs.waitingFor).toBeNull();
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    expect(bridge.calls.at(-1)).toEqual({
      channel: 'token.verify',
      input: {
        value: token,
        preamble: '{PXZ}',
        tokenUuid: { kind: 'typed', value: TYPED_UUID },
        options: { tokenToleranceSeconds: 30, tokenTtlMinutes: 20, gaxTokenLifeMinutes: null },
        userName: 'alice',
      },
    });
    // token-ttl 20 min is shorter than the 60-minute life: a fresh token is not valid yet
    const v = inspector.inspection!.view;
    expect(inspector.inspection!.verified).toBe(true);
    expect(v.code).toBe('NOT_YET_VALID');
    expect(v.window).toMatchObject({ ttlMinutes: 20, ttlSource: 'token-ttl', toleranceSeconds: 30 });
    expect(v.warnings.join(' ')).toMatch(/refused as not yet valid/);

    inspector.cs.setOption('ttl', 'ten');
    expect(inspector.cs.problems.ttl).toBe('token-ttl must be a whole number');
    expect(inspector.cs.request).toBeNull();
  });

  it('does not ask with an invalid preamble, and says why', async () => {
    const inspector = new TokenInspector(timers);
    inspector.setValue(mint('alice'));
    inspector.setPreamble('{P Z}');
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS * 2);
    await settle();
    expect(bridge.calls).toHaveLength(0);
    expect(inspector.preambleProblem).toMatch(/printable ASCII without spaces/);
    expect(inspector.inspection).toBeNull();
  });

  it('shows a failed request next to the check (a profile with no token-uuid), in words', async () => {
    const inspector = new TokenInspector(timers);
    inspector.setValue(mint('alice'));
    inspector.cs.setEnabled(true);
    inspector.cs.uuid.setKind('profile');
    inspector.cs.uuid.setProfile('cs-2');
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    expect(inspector.inspection).toBeNull();
    expect(inspector.error).toEqual({
      code: 'NO_TOKEN_UUID',
      message: 'CS profile "Lab CS" has no [system] token-uuid',
      hint: 'Set token-uuid in the profile, or use the mock CS or a typed token-uuid.',
    });
  });

  it('watches the inspected token, judged by the checked window or, without a check, by its own life', async () => {
    const shelf = new TokenShelf(new SecondClock(() => Date.now(), timers));
    const inspector = new TokenInspector(timers);
    const token = mint('carol', MOCKCS_UUID, NOW - 60, 30);
    inspector.setValue(token);
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    const assumed = inspector.watch(shelf)!;
    expect(assumed.window).toMatchObject({ validFrom: NOW - 60 - 60, validUntil: NOW - 60 + 1800 + 60, ttlMinutes: 30 });
    expect(assumed.windowNote).toMatch(/^assumed: /);

    inspector.cs.setEnabled(true);
    inspector.cs.setOption('tolerance', '120');
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    expect(inspector.inspection!.view.code).toBe('OK');
    const checked = inspector.watch(shelf)!;
    expect(checked.id).toBe(assumed.id);
    expect(shelf.entries).toHaveLength(1);
    expect(checked.window).toMatchObject({ validUntil: NOW - 60 + 1800 + 120, ttlMinutes: 1440, ttlSource: 'default' });
    shelf.clear();
  });
});

describe('a pasted value with a line break', () => {
  it('is checked as it is (the CS would refuse it), pointed out, and trimmed only on request', async () => {
    const inspector = new TokenInspector(timers);
    const token = mint('alice');
    inspector.setValue(`${token}\n`);
    expect(inspector.paddedWithSpace).toBe(true);
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    expect(inspector.inspection!.view.code).toBe('MALFORMED_ENCODING');
    inspector.trim();
    expect(inspector.paddedWithSpace).toBe(false);
    vi.advanceTimersByTime(INSPECT_DEBOUNCE_MS);
    await settle();
    expect(inspector.inspection!.view.code).toBe('OK');
    expect(bridge.calls.map((c) => (c.input as { value: string }).value)).toEqual([`${token}\n`, token]);
  });
});
