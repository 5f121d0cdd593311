/** The wizard's settings the pure-helper tests start from. */
import type { WizardSettings } from '../../../src-renderer/lib/setup/wizard.svelte.js';

/** Tokens enabled with the {PXZ} preamble, GAX sending tokens that live `lifeMinutes`; nothing else set. */
export function tokenSettings(lifeMinutes: number): WizardSettings {
  return {
    mode: 'enable',
    preamble: '{PXZ}',
    tokenUuid: null,
    toleranceSeconds: null,
    ttlMinutes: null,
    confservTrusted: true,
    lifeMinutes,
  };
}
