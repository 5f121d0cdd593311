/**
 * The Try-it step's controller against the real main side: the real mock CS on 127.0.0.1 (a free
 * port), the real GAX login client, the real events. Every replay must provoke exactly the failure
 * it names, and leave the mock CS as the wizard describes it.
 */
import { createServer, type Server } from 'node:net';
import { describe, it, expect } from 'vitest';
import { mockCsPatchFor } from '../../../src-renderer/lib/setup/wizard.svelte.js';
import { TryIt } from '../../../src-renderer/lib/setup/try-it.svelte.js';
import { REPLAY_IDS, replayPlan, unknownUserName } from '../../../src-renderer/lib/setup/replays.js';
import { useWizardOnRuntime } from './runtime-bridge.js';
import { tokenSettings } from './wizard-settings.js';
import { setBridge } from '../../../src-renderer/lib/api.js';

const UUID = '7e3a91c4-5b2d-4f86-a0e9-d41c2b7f6e35';

const ctx = useWizardOnRuntime((wizard) => ({ tryIt: new TryIt(wizard) }));

/** The wizard's own mock CS (an empty change answers its view). */
async function tryItView() {
  return ctx.rb.t.call('mockcs.tryIt.update', { patch: {} });
}

async function mockOptions() {
  return (await tryItView()).options;
}

describe('Try it', () => {
  it('starts the mock CS with the wizard’s options and logs in as GAX: accepted, with the trace streamed live', async () => {
    ctx.wizard.cs.tolerance = '90';
    await ctx.tryIt.tryIt();
    expect(ctx.tryIt.problem).toBeNull();
    expect(ctx.tryIt.server).toMatchObject({ host: '127.0.0.1', tls: false, notes: [] });
    expect(ctx.tryIt.server!.port).toBeGreaterThan(0);
    const run = ctx.tryIt.main!;
    expect(run.result?.outcome).toBe('accepted');
    expect(run.result?.session?.authMethod).toBe('token');
    expect(run.steps.map((s) => s.id)).toEqual(['resolve', 'connect', 'tls', 'hello', 'token', 'register']);
    // the steps also came as login.step events of this run
    const streamed = ctx.rb.t.events.filter((e) => e.event === 'login.step' && (e.payload as { runId: string }).runId === run.runId);
    expect(streamed.length).toBeGreaterThanOrEqual(6);
    // the mock CS runs with exactly the wizard's options
    const o = await mockOptions();
    expect(o).toMatchObject({
      tokenAuthenticationMode: 'enable',
      tokenPreambula: '{PXZ}',
      tokenToleranceSeconds: 90,
      gaxTokenLifeMinutes: 60,
      clockOffsetSeconds: 0,
      diagnostics: 'teaching',
    });
    expect(o.tokenUuid.source).toBe('generated');
    expect(ctx.tryIt.stale).toBe(false);
    ctx.wizard.cs.ttl = '30';
    expect(ctx.tryIt.stale).toBe(true);
  });

  it('adds the sample user when the mock CS lacks it, and signs with a typed token-uuid when the wizard has one', async () => {
    ctx.wizard.sampleUser = 'alice';
    ctx.wizard.cs.uuidChoice = 'paste';
    ctx.wizard.cs.pastedUuid = UUID;
    await ctx.tryIt.tryIt();
    expect(ctx.tryIt.main?.result?.outcome).toBe('accepted');
    expect(ctx.tryIt.server?.notes).toEqual(['The user "alice" was added to the trial mock CS (token logins only: no password).']);
    const o = await mockOptions();
    expect(o.users).toContainEqual({ userName: 'alice', enabled: true, hasPassword: false });
    expect(o.tokenUuid.source).toBe('configured');
    const login = ctx.rb.calls.find((c) => c.channel === 'login.run')!.input as { credentials: { tokenUuid: unknown } };
    expect(login.credentials.tokenUuid).toEqual({ kind: 'typed', value: UUID });
  });

  it('shows the refusal when the options refuse fresh tokens (token-ttl much shorter than the life)', async () => {
    ctx.wizard.cs.ttl = '5';
    ctx.wizard.cs.tolerance = '30';
    await ctx.tryIt.tryIt();
    expect(ctx.tryIt.main?.result?.outcome).toBe('rejected');
    expect(ctx.tryIt.main?.result?.server?.code).toBe('NOT_YET_VALID');
    expect(ctx.tryIt.main?.result?.fix).toMatch(/token-ttl/);
  });

  it('replays each classic failure once, with the code it names, and restores the mock CS after each', async () => {
    await ctx.tryIt.tryIt();
    const expected = { 'clock-skew': 'NOT_YET_VALID', 'wrong-uuid': 'BAD_SIGNATURE', expired: 'EXPIRED', 'unknown-user': 'UNKNOWN_USER' } as const;
    for (const id of REPLAY_IDS) {
      await ctx.tryIt.replay(id);
      const run = ctx.tryIt.replays[id]!;
      expect(run.problem, id).toBeNull();
      expect(run.result?.outcome, id).toBe('rejected');
      expect(run.result?.server?.code, id).toBe(expected[id]);
      expect(run.expectCode).toBe(expected[id]);
      expect(run.result?.server?.message.length).toBeGreaterThan(10);
      expect(run.result?.fix.length).toBeGreaterThan(10);
      const o = await mockOptions();
      expect(o.clockOffsetSeconds, `${id} restored the clock`).toBe(0);
      expect(o).toMatchObject({ tokenAuthenticationMode: 'enable', diagnostics: 'teaching', gaxTokenLifeMinutes: 60 });
    }
    expect(ctx.tryIt.replays['clock-skew']!.setup).toBe(
      'The mock CS clock is set 2 min behind GAX’s — beyond token-tolerance (60 s) — for one login.',
    );
    expect(ctx.tryIt.replays['unknown-user']!.userName).toBe('no-such-user');
    // the clock skew was really set on the mock CS for that login: its decision saw a clock 2 min behind
    const status = await tryItView();
    expect(status.counters.rejected).toMatchObject({ NOT_YET_VALID: 1, BAD_SIGNATURE: 1, EXPIRED: 1, UNKNOWN_USER: 1 });
    expect(status.counters.accepted).toBe(1);
  });

  it('puts the mock CS back to the wizard’s options even when the replayed login cannot run', async () => {
    await ctx.tryIt.tryIt();
    const before = await mockOptions();
    // the login request itself fails (as when the window loses its connection mid-way)
    setBridge({
      invoke: (channel, input) =>
        channel === 'login.run'
          ? Promise.resolve({ ok: false, error: { code: 'DISCONNECTED', message: 'the connection to GAX Token Lab was lost' } })
          : ctx.rb.bridge.invoke(channel, input),
      on: ctx.rb.bridge.on,
    });
    await ctx.tryIt.replay('clock-skew');
    expect(ctx.tryIt.replays['clock-skew']!.problem).toEqual({ message: 'the connection to GAX Token Lab was lost' });
    const updates = ctx.rb.calls.filter((c) => c.channel === 'mockcs.tryIt.update').map((c) => (c.input as { patch: object }).patch);
    expect(updates).toEqual([{ clockOffsetSeconds: -120 }, mockCsPatchFor(ctx.wizard.settings!)]);
    expect(await mockOptions()).toEqual(before);
  });

  it("runs on a mock CS of its own: the user's (its options, users, port taken or not) is left as it was", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    try {
      await ctx.rb.t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: taken, tls: false }] });
      await ctx.rb.t.call('mockcs.options.update', { patch: { tokenUuid: UUID, tokenTtlMinutes: 7 } });
      const users = await ctx.rb.t.call('mockcs.users.upsert', { userName: 'mine', enabled: true, password: 'pw' });
      await ctx.tryIt.tryIt();
      expect(ctx.tryIt.problem).toBeNull();
      expect(ctx.tryIt.server!.port).not.toBe(taken);
      expect(ctx.tryIt.main?.result?.outcome).toBe('accepted');
      expect((await tryItView()).host).toEqual({ owner: 'try-it', name: "the setup wizard's Try it" });
      // the user's mock CS: not started, not re-optioned, no user added
      const mine = await ctx.rb.t.call('mockcs.status', {});
      expect(mine).toEqual(users);
      expect(ctx.rb.calls.map((c) => c.channel).filter((c) => c.startsWith('mockcs.') && !c.startsWith('mockcs.tryIt.'))).toEqual([]);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('has nothing to try while GAX sends passwords, or while an option is invalid', async () => {
    ctx.wizard.gax.trusted = 'false';
    expect(ctx.tryIt.unavailable).toMatch(/confserv_trusted=false GAX sends passwords/);
    await ctx.tryIt.tryIt();
    expect(ctx.tryIt.main).toBeNull();
    ctx.wizard.gax.trusted = 'true';
    ctx.wizard.gax.life = '';
    expect(ctx.tryIt.unavailable).toBe('Fix the options of steps 1 and 2 first.');
    expect(ctx.rb.calls.filter((c) => c.channel !== 'mockcs.listeners.set')).toEqual([]);
  });
});

describe('replay plans', () => {
  const base = tokenSettings(60);

  it('clock skew: just past the edge of the window, on the nearer side', () => {
    expect(replayPlan('clock-skew', base, [])).toMatchObject({ available: true, serverClockOffsetSeconds: -120, expectCode: 'NOT_YET_VALID' });
    // a token-ttl a day long opens the window 23 h early: the CS clock ahead is the nearer edge
    expect(replayPlan('clock-skew', { ...base, ttlMinutes: 1440 }, [])).toMatchObject({
      serverClockOffsetSeconds: 3600 + 60 + 60,
      expectCode: 'EXPIRED',
    });
    expect(replayPlan('clock-skew', { ...base, ttlMinutes: 2147483647, lifeMinutes: 1073741823 }, [])).toMatchObject({ available: false });
  });

  it('expired: GAX’s clock back by the life plus tolerance plus a minute', () => {
    expect(replayPlan('expired', { ...base, toleranceSeconds: 300 }, [])).toMatchObject({
      gaxClockOffsetSeconds: -(3600 + 300 + 60),
      expectCode: 'EXPIRED',
    });
  });

  it('unknown user: a name the mock CS does not have', () => {
    expect(unknownUserName([])).toBe('no-such-user');
    expect(unknownUserName(['no-such-user', 'no-such-user-2'])).toBe('no-such-user-3');
  });
});
