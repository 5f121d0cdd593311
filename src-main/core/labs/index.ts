/**
 * Training labs, the pure part: the shared types, the scenarios, the judge and the option-file
 * view of a setup. No Node here (the renderer imports it): the checks that open sockets live in
 * src-main/labs/.
 */
export * from './types.js';
export { LAB_SCENARIOS, findScenario } from './scenarios.js';
export { judgeFix, labUser, SCENARIO_RULES, MAX_FAIR_TOLERANCE_SECONDS, MAX_FAIR_TTL_FACTOR, GENESYS_PASSWORD_FIELD_BYTES } from './judge.js';
export {
  LAB_TOKEN_LIFE_MINUTES,
  LAB_MAX_MINUTES,
  workingSetup,
  cloneLabSetup,
  labCsOptionsText,
  labGaxOptionsText,
  type LabPerson,
} from './setup.js';
export { gaxSigning, withGaxSigning, type GaxSigning } from './gax-side.js';
export { genesysText, modelText, adviceText } from './text.js';
