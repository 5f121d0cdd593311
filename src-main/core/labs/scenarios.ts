/**
 * Every training lab, in teaching order: the nine faults of issue 7 (in its order), then the ones
 * added because they teach something real. Pure data — the scenario files say why each is built
 * the way it is; judge.ts decides whether a fix is the right one.
 */
import { OPTION_SCENARIOS } from './scenarios-options.js';
import { TIME_SCENARIOS } from './scenarios-time.js';
import { USER_SCENARIOS } from './scenarios-users.js';
import type { LabScenario } from './types.js';

const ORDER = [
  'cs-mode-disabled',
  'backup-cs-token-uuid',
  'cs-clock-behind',
  'ttl-shorter-than-life',
  'expired-token-replayed',
  'preamble-too-long',
  'token-for-another-user',
  'user-disabled',
  'misspelt-mode-option',
  'gax-clock-ahead',
] as const;

const BY_ID = new Map<string, LabScenario>([...OPTION_SCENARIOS, ...TIME_SCENARIOS, ...USER_SCENARIOS].map((s) => [s.id, s]));

export const LAB_SCENARIOS: readonly LabScenario[] = Object.freeze(
  ORDER.map((id) => {
    const s = BY_ID.get(id);
    if (!s) throw new Error(`lab ${id} is listed but not defined`);
    return deepFreeze(s);
  }),
);

/** Scenarios are shared by every caller: an edit goes to a copy (cloneLabSetup), never to the scenario. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The scenario with this id (exact, kebab-case), or undefined. */
export function findScenario(id: string): LabScenario | undefined {
  return LAB_SCENARIOS.find((s) => s.id === id);
}
