/**
 * Every rule, in the order their fixes are applied: structure first (a misspelt or misplaced line
 * becomes the option it meant), then single values, then what the applications do together — so
 * a later, broader fix (e.g. "enable token authentication") has the last word.
 */
import type { Rule, RuleId, Severity } from '../types.js';
import { coverageRule } from './coverage.js';
import { lengthRule } from './length.js';
import { modesRule } from './modes.js';
import { structureRule } from './structure.js';
import { timesRule } from './times.js';
import { valuesRule } from './values.js';

export const RULES: readonly Rule[] = [structureRule, valuesRule, modesRule, timesRule, lengthRule, coverageRule];

export interface RuleInfo {
  /** the severity it is reported with (some rules lower it when the effect is milder, as noted) */
  severity: Severity;
  title: string;
}

/** One line per rule, for legends, `--help` and documentation. */
export const RULE_INFO: Record<RuleId, RuleInfo> = {
  MODE_NOT_ENABLED: { severity: 'error', title: 'GAX sends tokens but the CS does not accept them: every GAX login fails' },
  TOKEN_AUTH_UNUSED: { severity: 'warning', title: 'the CS accepts tokens but GAX still sends passwords' },
  INVALID_VALUE: { severity: 'error', title: 'a value Genesys does not accept' },
  VALUE_NOT_NORMAL: { severity: 'warning', title: 'a value spelt in a way the application may not accept (case, spaces, zeros)' },
  UUID_MALFORMED: { severity: 'error', title: 'token-uuid is not a UUID: no token can be verified' },
  UUID_NOT_SET: { severity: 'info', title: 'token-uuid unset: the CS uses the one the primary master generated' },
  PREAMBLE_INVALID: { severity: 'error', title: 'token-preambula is not 1–16 printable ASCII characters' },
  PREAMBLE_AMBIGUOUS: { severity: 'warning', title: 'an ordinary password could start with the preamble' },
  TOKEN_TOO_LONG: { severity: 'error', title: "some users' tokens do not fit the 64-byte Password field" },
  USERNAME_INVALID: { severity: 'warning', title: 'a given username cannot be put in a token' },
  TTL_SHORTER_THAN_LIFE: { severity: 'error', title: 'token-ttl shorter than the token life: fresh tokens are not yet valid' },
  LIFE_TOO_LONG: { severity: 'warning', title: 'tokens live long: a copied token stays usable' },
  TOLERANCE_TOO_LARGE: { severity: 'warning', title: 'token-tolerance keeps expired tokens usable for long' },
  TOLERANCE_TOO_SMALL: { severity: 'warning', title: 'token-tolerance too small for ordinary clock drift' },
  CLOCK_SKEW_EXCEEDS_TOLERANCE: {
    severity: 'error',
    title: 'the measured clock offset exceeds token-tolerance (a warning while fresh tokens still pass)',
  },
  UNKNOWN_OPTION: { severity: 'warning', title: 'a misspelt token option (info for other unknown token-like names)' },
  WRONG_SECTION: { severity: 'warning', title: 'a token option in the wrong section or application' },
  DUPLICATE_OPTION: { severity: 'warning', title: 'an option set more than once (info when the values agree)' },
  OTHER_APPLICATION_MISSING: { severity: 'info', title: "only one application's options were given" },
};
