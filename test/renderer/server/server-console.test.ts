/**
 * The Server view's controllers against the real main side (runtime bridge): start and stop,
 * listeners with the non-loopback confirmation, users, the clock offset in words, diagnostics.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { ServerStatus } from '../../../src-renderer/lib/app/server-status.svelte.js';
import { ServerConsole } from '../../../src-renderer/lib/server/server-console.svelte.js';
import { clockOffsetWords, measuredOffsetWords } from '../../../src-renderer/lib/server/clock-words.js';
import { parseOffset } from '../../../src-renderer/lib/server/clock-form.svelte.js';
import { hostError, portError } from '../../../src-renderer/lib/server/listeners-form.svelte.js';
import { runtimeBridge, type RuntimeBridge } from '../runtime-bridge.js';

let bridge: RuntimeBridge;
let status: ServerStatus;
let c: ServerConsole;
const SECRET = 'Wombat-Lantern-9931!';

beforeAll(async () => {
  bridge = await runtimeBridge();
  setBridge(bridge);
  status = new ServerStatus();
  await status.refresh();
  c = new ServerConsole(status);
});
afterAll(async () => {
  await bridge.close();
});

describe('clock words', () => {
  it('says how far the CS clock is off, the way a person does', () => {
    expect(clockOffsetWords(-600)).toBe('CS clock 10 min behind');
    expect(clockOffsetWords(90)).toBe('CS clock 90 s ahead');
    expect(clockOffsetWords(0)).toBe('CS clock in step');
    expect(clockOffsetWords(-3900, 'GAX clock')).toBe('GAX clock 1 h 5 min behind');
    expect(measuredOffsetWords(-600_050)).toBe('CS clock 10 min behind this machine');
    expect(measuredOffsetWords(3.4)).toBe('CS clock within 3 ms of this machine');
    expect(parseOffset('+120')).toEqual({ ok: true, seconds: 120 });
    expect(parseOffset('−60')).toEqual({ ok: true, seconds: -60 });
    expect(parseOffset('1.5')).toMatchObject({ ok: false });
    expect(parseOffset('999999999999')).toEqual({ ok: false, message: 'more than ten years off: use a smaller offset' });
  });
});

describe('ServerConsole with the real mock CS', () => {
  it('checks listener rows as typed', () => {
    expect(portError('')).toBe('enter a port (0 picks a free one)');
    expect(portError('70000')).toBe('a port is at most 65535');
    expect(portError('0')).toBeNull();
    expect(hostError('my host')).toBe('a host has no spaces');
    c.listeners.setPort(0, 'abc');
    expect(c.listeners.errors[0]).toEqual({ host: null, port: 'a port is a whole number from 0 to 65535' });
    expect(c.listeners.valid).toBe(false);
    c.listeners.reset();
    expect(c.listeners.rows.map((r) => [r.host, r.port, r.tls])).toEqual([['127.0.0.1', '2020', false]]);
  });

  it('asks before listening on an address other machines reach, and sends nothing until confirmed', async () => {
    c.listeners.setHost(0, '0.0.0.0');
    c.listeners.setPort(0, '0');
    expect(await c.listeners.apply()).toBe(false);
    expect(c.listeners.confirmation?.message).toMatch(/^listening on 0\.0\.0\.0 opens the mock CS to other machines/);
    expect(status.view!.options.listeners[0]!.host).toBe('127.0.0.1');
    c.listeners.cancelExposed();
    expect(c.listeners.confirmation).toBeNull();
    // while stopped a confirmed host is only configured (nothing is bound in this test)
    expect(await c.listeners.confirmExposed()).toBe(true);
    expect(status.view!.options.listeners).toEqual([{ host: '0.0.0.0', port: 0, tls: false }]);
    c.listeners.setHost(0, '127.0.0.1');
    expect(await c.listeners.apply()).toBe(true);
    expect(c.listeners.dirty).toBe(false);
  });

  it('starts on a free port, shows where it listens, and stops', async () => {
    expect(await c.start()).toBe(true);
    expect(c.running).toBe(true);
    const bound = c.listeners.bound(0)!;
    expect(bound.host).toBe('127.0.0.1');
    expect(bound.port).toBeGreaterThan(0);
    expect(c.counters).toEqual({ accepted: 0, refused: 0, rows: [] });
    expect(await c.stop()).toBe(true);
    expect(c.running).toBe(false);
    expect(c.listeners.bound(0)).toBeNull();
  });

  it('applies the edited listeners before starting, and says so when they are refused', async () => {
    c.listeners.setPort(0, '70000');
    expect(await c.start()).toBe(false);
    expect(c.problem?.message).toBe('the listeners as edited could not be applied');
    c.listeners.reset();
  });

  it('adds a token-only user, disables it, gives it a password, removes the password and the user', async () => {
    const u = c.users;
    u.setNewName('al\tice');
    expect(u.nameError).toBe('the username holds a control character');
    u.setNewName('default');
    expect(u.nameError).toBe('"default" is already a user: change it in the list');
    u.setNewName('alice');
    expect(await u.add()).toBe(true);
    expect(u.users.find((x) => x.userName === 'alice')).toEqual({ userName: 'alice', enabled: true, hasPassword: false });
    expect(u.newName).toBe('');

    const alice = () => u.users.find((x) => x.userName === 'alice')!;
    expect(await u.setEnabled(alice(), false)).toBe(true);
    expect(alice().enabled).toBe(false);

    u.startPassword(alice());
    expect(await u.savePassword(alice())).toBe(false);
    expect(u.rowProblem?.problem.message).toMatch(/^type the new password/);
    u.editPassword = SECRET;
    expect(await u.savePassword(alice())).toBe(true);
    expect(alice()).toEqual({ userName: 'alice', enabled: false, hasPassword: true });
    expect(u.editing).toBeNull();

    expect(await u.removePassword(alice())).toBe(true);
    expect(alice().hasPassword).toBe(false);
    expect(await u.remove(alice())).toBe(true);
    expect(u.users.map((x) => x.userName)).toEqual(['default']);
    // the password went to main once and never came back
    expect(JSON.stringify(bridge.sent)).not.toContain(SECRET);
  });

  it("edits the token options in the shared editor's values, applies them live, and follows the server otherwise", async () => {
    const o = c.options;
    o.sync();
    expect(o.values.mode).toBe('disable');
    expect(o.values.uuidChoice).toBe('cs');
    expect(o.dirty).toBe(false);
    o.sync();
    expect(o.dirty).toBe(false);
    o.values.mode = 'enable';
    o.values.tolerance = '30';
    o.gaxLife = '60';
    expect(o.dirty).toBe(true);
    expect(o.valid).toBe(true);
    // the server changing meanwhile does not overwrite the edits
    await bridge.call('mockcs.options.update', { patch: { tokenPreambula: '{ABC}' } });
    await status.refresh();
    o.sync();
    expect(o.values.mode).toBe('enable');
    expect(await o.apply()).toBe(true);
    expect(status.view!.options).toMatchObject({ tokenAuthenticationMode: 'enable', tokenToleranceSeconds: 30, gaxTokenLifeMinutes: 60 });
    expect(o.dirty).toBe(false);
    expect(o.note).toBe('Saved: the server uses them when it starts.');

    o.values.uuidChoice = 'paste';
    o.values.pastedUuid = 'not-a-uuid';
    expect(o.valid).toBe(false);
    expect(await o.apply()).toBe(false);
    o.values.pastedUuid = '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35';
    expect(await o.apply()).toBe(true);
    expect(status.view!.options.tokenUuid).toEqual({ source: 'configured', masked: '••••••••-••••-••••-••••-••••••••6e35' });
    expect(o.values.uuidChoice).toBe('keep');
    expect(o.keepUuidLabel).toBe('the one configured on the mock CS, ••••••••-••••-••••-••••-••••••••6e35');
    // a configured token-uuid cannot be regenerated: main says why
    expect(await o.regenerateUuid()).toBe(false);
    expect(o.problem?.message).toMatch(/configured/);
    o.values.uuidChoice = 'cs';
    o.gaxLife = 'x';
    expect(o.gaxLifeProblem).toBe('a whole number of minutes, or empty for unset');
    o.gaxLife = '';
    expect(await o.apply()).toBe(true);
    expect(status.view!.options.tokenUuid.source).toBe('generated');
    expect(status.view!.options.gaxTokenLifeMinutes).toBeNull();
    const before = status.view!.options.tokenUuid.masked;
    expect(await o.regenerateUuid()).toBe(true);
    expect(status.view!.options.tokenUuid.masked).not.toBe(before);
    await bridge.call('mockcs.options.update', { patch: { tokenPreambula: '{PXZ}', tokenToleranceSeconds: 60, tokenAuthenticationMode: 'disable' } });
    await status.refresh();
  });

  it('sets the clock offset live, in words, and refuses what is not a number of seconds', async () => {
    const k = c.clock;
    k.setText('-600');
    expect(k.words).toBe('CS clock 10 min behind');
    expect(k.dirty).toBe(true);
    expect(await k.apply()).toBe(true);
    expect(status.view!.options.clockOffsetSeconds).toBe(-600);
    expect(k.dirty).toBe(false);
    k.setText('ten');
    expect(k.error).toBe('a whole number of seconds, negative when the CS clock is behind');
    expect(await k.apply()).toBe(false);
    expect(await k.set(0)).toBe(true);
    expect(k.text).toBe('0');
    expect(await k.setDiagnostics('realistic')).toBe(true);
    expect(k.diagnostics).toBe('realistic');
    await k.setDiagnostics('teaching');
  });
});
