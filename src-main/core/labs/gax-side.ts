/**
 * The one model of GAX's side (GAX-SIDE, core/sources.ts) applied to a lab: GAX has no token-uuid
 * or preamble of its own and signs with those of the primary master CS it is configured against.
 * Where the lab's CS is that primary, GAX follows whatever the trainee sets on it; where the lab's
 * CS is a backup, GAX keeps signing with the primary's values. Pure.
 */
import type { LabScenario, LabSetup } from './types.js';

export interface GaxSigning {
  tokenUuid: string;
  preamble: string;
  /** which CS the values come from */
  from: 'lab-cs' | 'primary-cs';
}

export function gaxSigning(scenario: Pick<LabScenario, 'csRole'>, setup: LabSetup): GaxSigning {
  return scenario.csRole === 'backup'
    ? { tokenUuid: setup.gax.tokenUuid, preamble: setup.gax.preamble, from: 'primary-cs' }
    : { tokenUuid: setup.cs.tokenUuid, preamble: setup.cs.tokenPreambula, from: 'lab-cs' };
}

/** The setup as the check runs it: GAX's token-uuid and preamble are the ones it signs with. */
export function withGaxSigning(scenario: Pick<LabScenario, 'csRole'>, setup: LabSetup): LabSetup {
  const s = gaxSigning(scenario, setup);
  return { cs: setup.cs, gax: { ...setup.gax, tokenUuid: s.tokenUuid, preamble: s.preamble } };
}
