/** The doctor: reads exported CS and GAX options and says what is wrong, why, and the corrected lines. Pure: no I/O. */
export * from './types.js';
export * from './thresholds.js';
export * from './reader.js';
export * from './decode.js';
export { detectApplication, type Detection } from './detect.js';
export { RULES, RULE_INFO, type RuleInfo } from './rules/index.js';
export { preambleAmbiguity } from './rules/values.js';
export { diagnose } from './diagnose.js';
