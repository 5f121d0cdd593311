/** A scenario's broken CS side, put on the lab's own mock CS. */
import type { LabScenario } from '../core/labs/types.js';
import type { MockCsOptions } from '../mockcs/index.js';
import { labCsToMockCsOptions } from './mock-cs-setup.js';
import type { LabHost } from './needs.js';

/** What a lab may change on the mock CS: its token options, users and clock — never listeners or limits. */
const LAB_CS_OPTION_NAMES = [
  'tokenAuthenticationMode',
  'tokenPreambula',
  'tokenUuid',
  'tokenToleranceSeconds',
  'tokenTtlMinutes',
  'gaxTokenLifeMinutes',
  'clockOffsetSeconds',
  'passwordFieldLimit',
  'users',
] as const satisfies readonly (keyof MockCsOptions)[];

/**
 * Puts the scenario's broken CS side on the lab's mock CS (teaching diagnostics, so a refusal names
 * its reason) and starts it when stopped, on the listeners the lab's host was given (a free
 * loopback port, see IpcServices.labMockCs). Answers where it listens.
 */
export async function applyBrokenCs(host: LabHost, scenario: LabScenario): Promise<string> {
  const all = labCsToMockCsOptions(scenario.broken.cs);
  const patch: Partial<MockCsOptions> = { diagnostics: 'teaching' };
  for (const name of LAB_CS_OPTION_NAMES) if (all[name] !== undefined) (patch as Record<string, unknown>)[name] = all[name];
  const view = await host.change(async (cs) => {
    await cs.updateOptions(patch);
    if (!cs.status().running) await cs.start();
  });
  return view.listeners.map((l) => `${l.host}:${l.port}`).join(', ');
}
