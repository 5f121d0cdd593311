/**
 * GAX settings from saved profiles, against the real store: a GAX profile sets confserv_trusted and
 * token_life_in_minutes; a pair also sets the preamble and takes the token-uuid from its CS profile
 * (looked up in main, never sent here) — and a login with it is accepted by a mock CS that has it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { ConnectForm } from '../../../src-renderer/lib/connect/connect-form.svelte.js';
import { GaxProfiles } from '../../../src-renderer/lib/connect/gax-profiles.svelte.js';
import { LoginRunner, browserTimers } from '../../../src-renderer/lib/connect/login-runner.svelte.js';
import { RunHistory } from '../../../src-renderer/lib/connect/run-history.svelte.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

const UUID = '3f8e2d1c-6b4a-4c9e-8f7d-2a1b0c9d8e7f';
let bridge: RuntimeBridge;
let ids: { cs: string; gax: string; pair: string };

beforeAll(async () => {
  bridge = await runtimeBridge();
  setBridge(bridge);
  const cs = await bridge.call('profiles.create', { kind: 'cs', name: 'Lab CS', options: { 'token-preambula': '{LAB}', 'token-uuid': UUID } });
  const gax = await bridge.call('profiles.create', {
    kind: 'gax',
    name: 'Lab GAX',
    options: { confserv_trusted: 'true', token_life_in_minutes: '15' },
  });
  const plain = await bridge.call('profiles.create', { kind: 'gax', name: 'Untrusted GAX', options: { confserv_trusted: 'False' } });
  const pair = await bridge.call('profiles.create', { kind: 'pair', name: 'Lab', csProfileId: cs.id, gaxProfileId: gax.id });
  ids = { cs: cs.id, gax: plain.id, pair: pair.id };
  await bridge.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
  await bridge.call('mockcs.start', { options: { tokenAuthenticationMode: 'enable', tokenPreambula: '{LAB}', tokenUuid: UUID } });
});
afterAll(async () => {
  await bridge.call('mockcs.stop', {});
  await bridge.close();
});

describe('GaxProfiles', () => {
  it('lists GAX profiles and pairs only', async () => {
    const p = new GaxProfiles();
    await p.load();
    expect(p.list?.map((x) => `${x.name}/${x.kind}`).sort()).toEqual(['Lab GAX/gax', 'Lab/pair', 'Untrusted GAX/gax']);
  });

  it('fills the GAX settings from a GAX profile, saying what it set', async () => {
    const p = new GaxProfiles();
    const f = new ConnectForm();
    expect(await p.apply(ids.gax, f)).toBe(true);
    expect(f.confservTrusted).toBe(false);
    expect(f.tokenLife).toBe('60');
    expect(p.applied).toBe('Set confserv_trusted=false.');
  });

  it("fills them from a pair, with the CS profile's token-uuid, and the login is accepted", async () => {
    const p = new GaxProfiles();
    const f = new ConnectForm();
    expect(await p.apply(ids.pair, f)).toBe(true);
    expect(p.applied).toBe("Set confserv_trusted=true, token_life_in_minutes=15, token-preambula={LAB}, the CS profile's token-uuid.");
    expect(f.uuid.source).toEqual({ kind: 'profile', profileId: ids.pair });
    const history = new RunHistory();
    const runner = new LoginRunner(f, history, { now: () => Date.now(), timers: browserTimers, targetText: () => 'mock CS' });
    const run = await runner.runOnce();
    expect(run?.outcome).toBe('accepted');
    expect(run?.result.token?.redacted.startsWith('{LAB}')).toBe(true);
    const token = run?.result.token;
    expect(token && token.exp !== undefined ? token.exp - token.iat : undefined).toBe(15 * 60);
    expect(JSON.stringify(bridge.sent)).not.toContain(UUID);
  });

  it('says why a profile cannot be used', async () => {
    const p = new GaxProfiles();
    expect(await p.apply('no-such-profile', new ConnectForm())).toBe(false);
    expect(p.problem).toMatch(/no-such-profile|not found|no profile/i);
  });
});
