// The labs through the real IPC runtime: opening a lab puts its broken CS side on the app's mock CS
// and starts it; Check runs a real GAX login against it and judges the fix; the trainee fixes the CS
// through mockcs.* (as the Server view does) or the GAX side through labs.gax.update; hints, reveal,
// attempts and the open lab survive a restart (labs-progress.json); reset puts the broken setup back.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findScenario, LAB_SCENARIOS } from '../../src-main/core/labs/index.js';
import { expectNoLeak, expectOneLine, startRuntime, type TestRuntime } from './helpers.js';

const open: TestRuntime[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function runtime(dir?: string): Promise<TestRuntime> {
  const t = await startRuntime({}, dir);
  open.push(t);
  // a free port: the default 2020 may be taken by another test or program
  await t.call('mockcs.listeners.set', { listeners: [{ host: '127.0.0.1', port: 0 }] });
  return t;
}

function scenario(id: string) {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

describe('a lab fixed on the CS side (cs-mode-disabled)', () => {
  it('opens broken, fails with the broken code, a wrong fix is not solved, the right one is; progress saved', async () => {
    const t = await runtime();
    const s = scenario('cs-mode-disabled');
    const list = await t.call('labs.list', undefined);
    expect(list.labs.map((l) => l.id)).toEqual(LAB_SCENARIOS.map((l) => l.id));
    expect(list.labs.length).toBeGreaterThanOrEqual(9);
    expect(list.labs.every((l) => l.progress.status === 'not-started')).toBe(true);
    expect(list.openId).toBeNull();

    const lab = await t.call('labs.open', { id: s.id });
    expect(lab.scenario).toMatchObject({ id: s.id, title: s.title, story: s.story, brokenCode: s.brokenCode, hintCount: s.hints.length });
    expect(lab.progress.status).toBe('in-progress');
    expect(lab.progress.startedAt).not.toBeNull();
    expect(lab.hints).toEqual([]);
    expect(lab.solution).toBeNull();
    expect(lab.explanation).toBeNull();
    expect(lab.gax.tokenUuid).toEqual({ masked: `••••••••-••••-••••-••••-••••••••${s.broken.gax.tokenUuid.slice(-4)}`, valid: true });
    const status = await t.call('mockcs.status', undefined);
    expect(status.running).toBe(true);
    expect(status.options).toMatchObject({ tokenAuthenticationMode: 'disable', tokenUuid: { source: 'configured' }, diagnostics: 'teaching' });
    expect(status.options.users.map((u) => u.userName)).toEqual(s.broken.cs.users.map((u) => u.userName));
    expect(status.listeners[0]?.host).toBe('127.0.0.1');

    const broken = await t.call('labs.check', undefined);
    expect(broken.lastCheck).toMatchObject({ scenarioId: s.id, solved: false, login: { code: s.brokenCode } });
    expect(broken.progress).toMatchObject({ status: 'in-progress', attempts: 1 });

    // A wrong fix: GAX back to passwords. It logs in, but the tokens the upgrade was for are never used.
    const user = s.broken.cs.users[0]!;
    await t.call('labs.gax.update', { patch: { confservTrusted: false, password: user.password! } });
    const wrong = await t.call('labs.check', undefined);
    expect(wrong.lastCheck?.solved).toBe(false);
    expect(wrong.lastCheck?.login.code).toBe('OK');
    expect(wrong.lastCheck?.problems.length).toBeGreaterThan(0);
    for (const p of wrong.lastCheck!.problems) expectOneLine(p.message);
    expect(wrong.gax).toMatchObject({ confservTrusted: false, hasPassword: true });
    await t.call('labs.gax.update', { patch: { confservTrusted: true, password: null } });

    // The right fix, made as the Server view makes it.
    await t.call('mockcs.options.update', { patch: { tokenAuthenticationMode: 'enable' } });
    const fixed = await t.call('labs.check', undefined);
    expect(fixed.lastCheck).toMatchObject({ solved: true, login: { code: 'OK', authMethod: 'token' }, problems: [] });
    expect(fixed.progress).toMatchObject({ status: 'solved', attempts: 3 });
    expect(fixed.progress.solvedAt).not.toBeNull();
    expect(fixed.explanation).toEqual(s.explanation);
    expect(fixed.solution).toBeNull(); // solved, not revealed

    // Solved stays solved when a later check fails.
    await t.call('mockcs.options.update', { patch: { tokenAuthenticationMode: 'disable' } });
    const again = await t.call('labs.check', undefined);
    expect(again.lastCheck?.solved).toBe(false);
    expect(again.progress.status).toBe('solved');

    expect((await t.call('labs.list', undefined)).labs.find((l) => l.id === s.id)?.progress.status).toBe('solved');
    expect(t.badEvents).toEqual([]);
    expectNoLeak(t, [s.broken.cs.tokenUuid, user.password!]);
  });

  it('keeps hints, reveal, attempts and the open lab with its GAX side across a restart; reset puts the broken setup back', async () => {
    const t = await runtime();
    const s = scenario('cs-mode-disabled');
    await t.call('labs.open', { id: s.id });
    await t.call('labs.check', undefined);
    const h1 = await t.call('labs.hint', { id: s.id });
    expect(h1).toMatchObject({ id: s.id, hints: [s.hints[0]], progress: { hintsShown: 1 } });
    const h2 = await t.call('labs.hint', { id: s.id });
    expect(h2.hints).toEqual(s.hints.slice(0, 2));
    const revealed = await t.call('labs.reveal', { id: s.id });
    expect(revealed).toMatchObject({ solution: s.solution, explanation: s.explanation, progress: { revealed: true, hintsShown: 2 } });
    await t.call('labs.gax.update', { patch: { tokenLifeMinutes: 33 } });
    const dir = t.dir;
    await t.runtime.dispose();
    open.splice(open.indexOf(t), 1);

    const saved = JSON.parse(await fs.readFile(join(dir, 'labs-progress.json'), 'utf8'));
    expect(saved).toMatchObject({
      version: 2,
      labs: { [s.id]: { status: 'in-progress', hintsShown: 2, revealed: true, attempts: 1 } },
      open: { scenarioId: s.id },
    });

    const t2 = await startRuntime({}, dir);
    open.push(t2);
    try {
      const list = await t2.call('labs.list', undefined);
      expect(list.openId).toBe(s.id);
      expect(list.labs.find((l) => l.id === s.id)?.progress).toMatchObject({ status: 'in-progress', hintsShown: 2, revealed: true, attempts: 1 });
      const { lab } = await t2.call('labs.current', undefined);
      expect(lab).not.toBeNull();
      expect(lab!.hints).toEqual(s.hints.slice(0, 2));
      expect(lab!.solution).toEqual(s.solution);
      expect(lab!.gax.tokenLifeMinutes).toBe(33);
      expect(lab!.notice).toMatch(/restarted/);
      // the mock CS was given the lab's broken CS side again
      expect((await t2.call('mockcs.status', undefined)).options.tokenAuthenticationMode).toBe('disable');

      await t2.call('mockcs.options.update', { patch: { tokenAuthenticationMode: 'enable' } });
      const reset = await t2.call('labs.reset', { id: s.id });
      expect(reset.progress).toEqual({ status: 'not-started', hintsShown: 0, revealed: false, attempts: 0, startedAt: null, solvedAt: null });
      expect(reset.lab?.gax.tokenLifeMinutes).toBe(s.broken.gax.tokenLifeMinutes);
      expect(reset.lab?.hints).toEqual([]);
      expect(reset.lab?.solution).toBeNull();
      expect((await t2.call('mockcs.status', undefined)).options.tokenAuthenticationMode).toBe('disable');
      const check = await t2.call('labs.check', undefined);
      expect(check.lastCheck?.login.code).toBe(s.brokenCode);
    } finally {
      await t2.close();
      open.splice(open.indexOf(t2), 1);
    }
  });
});

describe("a backup CS whose token-uuid is not the primary's (backup-cs-token-uuid)", () => {
  it("fails BAD_SIGNATURE; GAX's side has no token-uuid to change; the primary's, shown and copied, put on the backup is the fix", async () => {
    const t = await runtime();
    const s = scenario('backup-cs-token-uuid');
    const lab = await t.call('labs.open', { id: s.id });
    expect(lab.scenario.csRole).toBe('backup');
    // The GAX card shows the token-uuid GAX signs with: the primary's, masked.
    expect(lab.gax.tokenUuid.masked.endsWith(s.broken.gax.tokenUuid.slice(-4))).toBe(true);
    expect((await t.call('labs.check', undefined)).lastCheck?.login.code).toBe('BAD_SIGNATURE');

    // GAX has no token-uuid of its own (GAX-SIDE): the contract has no such field on the GAX side.
    const refused = await t.invoke('labs.gax.update', { patch: { tokenUuid: s.broken.cs.tokenUuid } } as never);
    expect(refused.ok).toBe(false);

    // What the trainee does in the app: Show the primary's (a deliberate click), Copy, paste on the backup (Server view).
    const shown = await t.call('labs.handout.tokenUuid', { id: s.id }, { record: false });
    await t.call('mockcs.options.update', { patch: { tokenUuid: `{${shown.tokenUuid.toUpperCase()}}` } }, { record: false });
    const solved = await t.call('labs.check', undefined);
    expect(solved.lastCheck).toMatchObject({ solved: true, login: { code: 'OK', authMethod: 'token' } });
    expectNoLeak(t, [s.broken.cs.tokenUuid, s.broken.gax.tokenUuid]);
  });

  it('in a lab whose CS is the primary, GAX follows a token-uuid changed on the CS', async () => {
    const t = await runtime();
    const s = scenario('user-disabled');
    await t.call('labs.open', { id: s.id });
    await t.call('mockcs.options.update', { patch: { tokenUuid: '0d9e6b7a-1c2f-4e3d-9a8b-7c6d5e4f3a21' } }, { record: false });
    const lab = await t.call('labs.current', undefined);
    expect(lab.lab?.gax.tokenUuid.masked.endsWith('3a21')).toBe(true);
    expect((await t.call('labs.check', undefined)).lastCheck?.login.code).toBe('USER_DISABLED');
  });
});

describe('the options typed on the CS application (misspelt-mode-option)', () => {
  it('exports both applications for the Doctor, with the misspelt line, and lets the trainee delete it', async () => {
    const t = await runtime();
    const s = scenario('misspelt-mode-option');
    const lab = await t.call('labs.open', { id: s.id });
    expect(lab.extraOptions).toEqual(s.broken.cs.extraOptions);
    const { files } = await t.call('labs.export', undefined, { record: false });
    expect(files.map((f) => f.application)).toEqual(['cs', 'gax']);
    expect(files[0]!.text).toMatch(/^\[system\]$/m);
    expect(files[0]!.text).toContain('token-authentification-mode=enable');
    expect(files[0]!.text).not.toMatch(/^token-authentication-mode=/m);
    expect(files[1]!.text).toMatch(/^confserv_trusted=true$/m);
    expect((await t.call('labs.check', undefined)).lastCheck?.login.code).toBe('BAD_PASSWORD');
    const removed = await t.call('labs.extraOptions.remove', { name: 'token-authentification-mode' });
    expect(removed.extraOptions).toEqual({});
    const again = await t.invoke('labs.extraOptions.remove', { name: 'token-authentification-mode' });
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_FOUND');
    await t.call('mockcs.options.update', { patch: { tokenAuthenticationMode: 'enable' } });
    expect((await t.call('labs.check', undefined)).lastCheck).toMatchObject({ solved: true });
  });
});

describe('refusals in words', () => {
  it('answers NO_LAB_OPEN, NOT_FOUND, NO_MORE_HINTS and MOCKCS_STOPPED with one line and a hint', async () => {
    const t = await runtime();
    const codes: string[] = [];
    const expectFail = async (p: Promise<{ ok: boolean; error?: { code: string; message: string; hint?: string } }>) => {
      const r = await p;
      expect(r.ok).toBe(false);
      expectOneLine(r.error!.message);
      expect(r.error!.hint).toBeTruthy();
      codes.push(r.error!.code);
    };
    await expectFail(t.invoke('labs.check', undefined));
    await expectFail(t.invoke('labs.gax.update', { patch: { tokenLifeMinutes: 5 } }));
    await expectFail(t.invoke('labs.export', undefined));
    await expectFail(t.invoke('labs.open', { id: 'no-such-lab' }));
    const s = scenario('user-disabled');
    for (let i = 0; i < s.hints.length; i++) await t.call('labs.hint', { id: s.id });
    await expectFail(t.invoke('labs.hint', { id: s.id }));
    await t.call('labs.open', { id: s.id });
    await t.call('mockcs.stop', undefined);
    await expectFail(t.invoke('labs.check', undefined));
    expect(codes).toEqual(['NO_LAB_OPEN', 'NO_LAB_OPEN', 'NO_LAB_OPEN', 'NOT_FOUND', 'NO_MORE_HINTS', 'MOCKCS_STOPPED']);
    expect(t.internalErrors).toEqual([]);
  });

  it('a damaged labs-progress.json is set aside and reported like the other store files', async () => {
    const t = await runtime();
    await t.call('labs.hint', { id: 'cs-mode-disabled' });
    const dir = t.dir;
    await t.runtime.dispose();
    open.splice(open.indexOf(t), 1);
    await fs.writeFile(join(dir, 'labs-progress.json'), '{"version": 1, "labs": {"cs-mode-disabled": {"status": "done"}}}');
    const t2 = await startRuntime({}, dir);
    open.push(t2);
    const notices = await t2.waitForEvent('store.notices', () => true);
    expect(notices.notices).toHaveLength(1);
    expect(notices.notices[0]).toMatchObject({ file: 'labs-progress.json', recoveredFrom: 'defaults' });
    expect(notices.notices[0]!.setAsideTo).toMatch(/^labs-progress\.corrupt-.*\.json$/);
    expect((await t2.call('labs.list', undefined)).labs.every((l) => l.progress.status === 'not-started')).toBe(true);
    expect((await fs.readdir(dir)).some((f) => f.startsWith('labs-progress.corrupt-'))).toBe(true);
    await t2.close();
    open.splice(open.indexOf(t2), 1);
  });
});
