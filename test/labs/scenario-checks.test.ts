// Every lab end to end, over real sockets: runLabCheck starts a mock CS from the setup's CS side on
// 127.0.0.1:0, logs in with the real GAX client, and judges. For each scenario: the broken setup
// fails with its brokenCode, the intended fix (and any other right one) is solved, and the general
// and lab-specific wrong fixes are not, each with the problem named.
import { describe, expect, it } from 'vitest';
import { cloneLabSetup, LAB_SCENARIOS, type LabScenario, type LabSetup } from '../../src-main/core/labs/index.js';
import { runLabCheck } from '../../src-main/labs/index.js';
import { FIXES, labUserPassword, type WrongFix } from './fixes.js';

function changed(scenario: LabScenario, ...changes: ((s: LabSetup) => void)[]): LabSetup {
  const s = cloneLabSetup(scenario.broken);
  for (const c of changes) c(s);
  return s;
}

/** Wrong fixes every lab must refuse, whatever its fault. */
const GENERAL_WRONG: WrongFix[] = [
  { what: 'token authentication turned off on the CS', change: (s) => void (s.cs.tokenAuthenticationMode = 'disable'), problem: 'token-auth-off' },
  {
    what: 'GAX confserv_trusted=false, sending the password',
    change: (s) => {
      s.gax.confservTrusted = false;
      s.gax.password = labUserPassword(s);
    },
    problem: 'gax-not-trusted',
  },
];

describe('every lab, checked with a real login against a real mock CS', { timeout: 60_000 }, () => {
  it('has a fix table entry for every scenario and no stale one', () => {
    expect(Object.keys(FIXES).sort()).toEqual(LAB_SCENARIOS.map((s) => s.id).sort());
  });

  for (const scenario of LAB_SCENARIOS) {
    const fixes = FIXES[scenario.id]!;
    describe(scenario.id, () => {
      it(`broken setup fails with ${scenario.brokenCode}`, async () => {
        const r = await runLabCheck({ scenario, setup: cloneLabSetup(scenario.broken) });
        expect(r.scenarioId).toBe(scenario.id);
        expect(r.login.outcome).toBe('rejected');
        expect(r.login.code).toBe(scenario.brokenCode);
        expect(r.solved).toBe(false);
        expect(r.problems[0]?.id).toBe('login-failed');
        expect(r.problems[0]?.message).toContain(scenario.brokenCode);
        expect(r.verdict).toMatch(new RegExp(`^Not solved: GAX's login is still refused \\(${scenario.brokenCode}\\)`));
      });

      it(`intended fix (${fixes.intended.what}) is solved`, async () => {
        const r = await runLabCheck({ scenario, setup: changed(scenario, fixes.intended.change) });
        expect(r.problems).toEqual([]);
        expect(r.solved).toBe(true);
        expect(r.login).toMatchObject({ outcome: 'accepted', code: 'OK', authMethod: 'token' });
        expect(r.verdict).toMatch(/^Solved: /);
      });

      for (const right of fixes.alsoRight ?? [])
        it(`also right: ${right.what}`, async () => {
          const r = await runLabCheck({ scenario, setup: changed(scenario, right.change) });
          expect(r.problems).toEqual([]);
          expect(r.solved).toBe(true);
        });

      for (const wrong of [...GENERAL_WRONG, ...fixes.wrong])
        it(`wrong fix (${wrong.what}) is not solved: ${wrong.problem}`, async () => {
          const r = await runLabCheck({ scenario, setup: changed(scenario, wrong.change) });
          expect(r.solved).toBe(false);
          expect(r.problems.map((p) => p.id)).toContain(wrong.problem);
          for (const p of r.problems) expect(p.message).toMatch(/^\S.*\.$/);
        });

      it('the intended fix plus turning token auth off is still not solved', async () => {
        const r = await runLabCheck({ scenario, setup: changed(scenario, fixes.intended.change, GENERAL_WRONG[0]!.change) });
        expect(r.solved).toBe(false);
        expect(r.problems.map((p) => p.id)).toEqual(expect.arrayContaining(['login-failed', 'token-auth-off']));
      });
    });
  }
});
