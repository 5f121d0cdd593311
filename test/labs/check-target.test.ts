// runLabCheck against a running mock CS (as the app checks its own Server), and what it answers
// when it cannot run: never an exception, never a secret in the result.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cloneLabSetup, findScenario, type LabSetup } from '../../src-main/core/labs/index.js';
import { labCsFromMockCs, labCsToMockCsOptions, runLabCheck } from '../../src-main/labs/index.js';
import { MockCs, type MockCsEvent } from '../../src-main/mockcs/index.js';

const running: MockCs[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((cs) => cs.stop()));
});

async function startCs(setup: LabSetup, clock?: () => number): Promise<{ cs: MockCs; port: number }> {
  const cs = new MockCs({ options: { ...labCsToMockCsOptions(setup.cs), listeners: [{ host: '127.0.0.1', port: 0 }] }, ...(clock ? { clock } : {}) });
  running.push(cs);
  const [l] = await cs.start();
  return { cs, port: l!.port };
}

describe("runLabCheck with a target (the app's running mock CS)", { timeout: 30_000 }, () => {
  it('fails on the broken CS, then passes once the running CS is fixed and read back for the judge', async () => {
    const scenario = findScenario('ttl-shorter-than-life')!;
    const { cs, port } = await startCs(scenario.broken);
    const events: MockCsEvent[] = [];
    cs.onEvent((e) => events.push(e));
    const target = { host: '127.0.0.1', port };
    const extra = scenario.broken.cs.extraOptions;

    const before = await runLabCheck({
      scenario,
      setup: { cs: labCsFromMockCs(cs.getOptions(), cs.tokenUuid(), extra), gax: scenario.broken.gax },
      target,
    });
    expect(before.login).toMatchObject({ outcome: 'rejected', code: 'NOT_YET_VALID' });
    expect(before.solved).toBe(false);
    expect(events.some((e) => e.kind === 'register' && e.code === 'NOT_YET_VALID')).toBe(true);

    await cs.updateOptions({ tokenTtlMinutes: 20 });
    const after = await runLabCheck({
      scenario,
      setup: { cs: labCsFromMockCs(cs.getOptions(), cs.tokenUuid(), extra), gax: scenario.broken.gax },
      target,
    });
    expect(after.problems).toEqual([]);
    expect(after.solved).toBe(true);
    expect(after.login).toMatchObject({ outcome: 'accepted', code: 'OK', authMethod: 'token' });
  });

  it('replays a captured token at the target: the CS sees a token minted 30 minutes ago', async () => {
    const scenario = findScenario('expired-token-replayed')!;
    const { cs, port } = await startCs(scenario.broken);
    const events: MockCsEvent[] = [];
    cs.onEvent((e) => events.push(e));
    const r = await runLabCheck({ scenario, setup: cloneLabSetup(scenario.broken), target: { host: '127.0.0.1', port } });
    expect(r.login.code).toBe('EXPIRED');
    const refused = events.find((e) => e.kind === 'register');
    expect(refused?.message).toMatch(/expired .*10 min before the server's clock/);
  });

  it('uses the given clock for both the CS and GAX, and stamps the result with it', async () => {
    const scenario = findScenario('cs-clock-behind')!;
    const fixed = Date.UTC(2026, 0, 1, 12, 0, 0);
    const fix = cloneLabSetup(scenario.broken);
    fix.cs.clockOffsetSeconds = 0;
    const r = await runLabCheck({ scenario, setup: fix, clock: () => fixed });
    expect(r.solved).toBe(true);
    expect(r.checkedAt).toBe(fixed);
    const broken = await runLabCheck({ scenario, setup: cloneLabSetup(scenario.broken), clock: () => fixed });
    expect(broken.login.message).toContain('2026-01-01 11:50:00 UTC'); // the CS clock, 10 min behind the given one
  });
});

describe('runLabCheck never throws and never leaks', { timeout: 30_000 }, () => {
  it('answers an invalid setup with the reason, without trying a login', async () => {
    const scenario = findScenario('user-disabled')!;
    for (const setup of [null, {}, { cs: {}, gax: {} }] as unknown as LabSetup[]) {
      const r = await runLabCheck({ scenario, setup });
      expect(r.solved).toBe(false);
      expect(r.login.outcome).toBe('invalid-input');
      expect(r.problems[0]?.id).toBe('invalid-setup');
      expect(r.verdict).toBe('Not solved: the setup is not valid, so no login was tried.');
    }
  });

  it('answers an unreachable target as a login without a decision', async () => {
    const scenario = findScenario('user-disabled')!;
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const r = await runLabCheck({ scenario, setup: cloneLabSetup(scenario.broken), target: { host: '127.0.0.1', port } });
    expect(r.login.outcome).toBe('unreachable');
    expect(r.problems[0]).toMatchObject({ id: 'login-failed' });
    expect(r.problems[0]!.message).toMatch(/did not get a decision from the CS \(unreachable\)/);
    expect(r.verdict).toMatch(/^Not solved: the login did not get a decision from the CS \(unreachable\)/);
  });

  it('answers a GAX side that cannot log in (confserv_trusted=false, no password) as invalid input', async () => {
    const scenario = findScenario('user-disabled')!;
    const s = cloneLabSetup(scenario.broken);
    s.gax.confservTrusted = false;
    const r = await runLabCheck({ scenario, setup: s });
    expect(r.login.outcome).toBe('invalid-input');
    expect(r.login.message).toMatch(/confserv_trusted is false/);
    expect(r.problems.map((p) => p.id)).toEqual(['login-failed', 'gax-not-trusted']);
  });

  it('keeps the token-uuid, the passwords and the whole token out of the result', async () => {
    for (const id of ['token-for-another-user', 'backup-cs-token-uuid', 'expired-token-replayed', 'cs-mode-disabled']) {
      const scenario = findScenario(id)!;
      const s = cloneLabSetup(scenario.broken);
      const withPassword = cloneLabSetup(scenario.broken);
      withPassword.gax.confservTrusted = false;
      withPassword.gax.password = s.cs.users[0]!.password!;
      for (const setup of [s, withPassword]) {
        const text = JSON.stringify(await runLabCheck({ scenario, setup }));
        expect(text).not.toContain(s.cs.tokenUuid);
        expect(text).not.toContain(s.gax.tokenUuid);
        for (const u of s.cs.users) if (u.password) expect(text).not.toContain(u.password);
        expect(text).not.toMatch(/\{PXZ\}[A-Za-z0-9_-]{20,}/);
      }
    }
  });
});
