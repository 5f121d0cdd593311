/**
 * A lab's CS side and the mock CS's options, both ways: a check or `lab start` runs a mock CS from
 * a LabCsSetup, and the app reads its running mock CS back into one for the judge.
 */
import type { LabCsSetup } from '../core/labs/index.js';
import type { MockCsOptions } from '../mockcs/index.js';

/**
 * The mock CS options a lab's CS runs with. `extraOptions` are not among them: they are names the
 * CS does not know, and the CS ignores unknown names. Listeners and limits are the caller's.
 */
export function labCsToMockCsOptions(cs: LabCsSetup): Partial<MockCsOptions> {
  return {
    tokenAuthenticationMode: cs.tokenAuthenticationMode,
    tokenPreambula: cs.tokenPreambula,
    tokenUuid: cs.tokenUuid,
    tokenToleranceSeconds: cs.tokenToleranceSeconds,
    tokenTtlMinutes: cs.tokenTtlMinutes,
    gaxTokenLifeMinutes: cs.gaxTokenLifeMinutes,
    clockOffsetSeconds: cs.clockOffsetSeconds,
    passwordFieldLimit: cs.passwordFieldLimit,
    users: cs.users.map((u) => ({ userName: u.userName, enabled: u.enabled, ...(u.password !== undefined ? { password: u.password } : {}) })),
  };
}

/**
 * A running mock CS as a lab's CS side. `tokenUuid` is the effective one (MockCs.tokenUuid(): the
 * configured or the generated value); `extraOptions` are the lines the app keeps beside the mock CS.
 */
export function labCsFromMockCs(options: MockCsOptions, tokenUuid: string, extraOptions: Record<string, string>): LabCsSetup {
  return {
    tokenAuthenticationMode: options.tokenAuthenticationMode,
    tokenPreambula: options.tokenPreambula,
    tokenUuid,
    tokenToleranceSeconds: options.tokenToleranceSeconds,
    tokenTtlMinutes: options.tokenTtlMinutes,
    gaxTokenLifeMinutes: options.gaxTokenLifeMinutes,
    clockOffsetSeconds: options.clockOffsetSeconds,
    passwordFieldLimit: options.passwordFieldLimit,
    users: options.users.map((u) => ({ userName: u.userName, enabled: u.enabled, ...(u.password !== undefined ? { password: u.password } : {}) })),
    extraOptions: { ...extraOptions },
  };
}
