/**
 * Every rule, in the order their fixes are applied: structure first (a misspelt or misplaced line
 * becomes the option it meant), then single values, then what the applications do together — so
 * a later, broader fix (e.g. "enable token authentication") has the last word.
 */
import { adviceSource, genesysSource, modelSource, type Source } from '../../sources.js';
import type { Rule, RuleId, Severity } from '../types.js';
import { coverageRule } from './coverage.js';
import { deploymentRule } from './deployment.js';
import { lengthRule } from './length.js';
import { modesRule } from './modes.js';
import { structureRule } from './structure.js';
import { timesRule } from './times.js';
import { ttlUnitsRule } from './ttl-units.js';
import { valuesRule } from './values.js';

export const RULES: readonly Rule[] = [structureRule, valuesRule, deploymentRule, modesRule, ttlUnitsRule, timesRule, lengthRule, coverageRule];

export interface RuleInfo {
  /** the severity it is reported with (some rules lower it when the effect is milder, as noted) */
  severity: Severity;
  title: string;
  /**
   * whose word the rule is; a finding may name another (e.g. VALUE_NOT_NORMAL is Genesys's for
   * enable/true, advice for numbers). An ERROR is only ever a Genesys one.
   */
  source: Source;
}

/** One line per rule, for legends, `--help` and documentation. */
export const RULE_INFO: Record<RuleId, RuleInfo> = {
  MODE_NOT_ENABLED: {
    severity: 'error',
    title: 'GAX sends tokens but the CS does not have token-authentication-mode=enable: every GAX login fails',
    source: genesysSource('GAX-SECURE'),
  },
  TOKEN_AUTH_UNUSED: { severity: 'warning', title: 'the CS accepts tokens but GAX still sends passwords', source: genesysSource('GAX-SECURE') },
  INVALID_VALUE: {
    severity: 'error',
    title: 'a value outside what Genesys publishes (a warning for GAX options, whose values Genesys does not bound)',
    source: genesysSource('CSP-SYSTEM'),
  },
  VALUE_NOT_NORMAL: {
    severity: 'warning',
    title: 'a value spelt in a way the application may not accept (case, spaces, zeros)',
    source: adviceSource(),
  },
  UUID_MALFORMED: {
    severity: 'warning',
    title: "token-uuid is not in a UUID form the tool's model reads (never changed by a fix)",
    source: modelSource('PXZ-1'),
  },
  UUID_NOT_SET: {
    severity: 'info',
    title: 'token-uuid unset: the CS uses the value the primary master CS generated',
    source: genesysSource('GAX-SECURE'),
  },
  PREAMBLE_INVALID: {
    severity: 'warning',
    title: "token-preambula is not 1–16 printable ASCII characters (the tool's PXZ-1 rule)",
    source: modelSource('PXZ-1'),
  },
  PREAMBLE_AMBIGUOUS: { severity: 'warning', title: 'an ordinary password could start with the preamble', source: adviceSource() },
  TOKEN_TOO_LONG: {
    severity: 'warning',
    title: "with the tool's reference token format (PXZ-1), some users' tokens do not fit the ~64-byte Password field of the GAX interface",
    source: modelSource('PXZ-1'),
  },
  USERNAME_INVALID: { severity: 'warning', title: 'a given username cannot be put in a PXZ-1 token', source: modelSource('PXZ-1') },
  TTL_SHORTER_THAN_LIFE: {
    severity: 'error',
    title: 'token-ttl shorter than the token life: fresh tokens are not yet valid (documented for Configuration Server Proxy)',
    source: genesysSource('CSP-SYSTEM'),
  },
  LIFE_TOO_LONG: { severity: 'warning', title: 'tokens live long: a copied token stays usable', source: adviceSource() },
  TOLERANCE_TOO_LARGE: { severity: 'warning', title: 'token-tolerance keeps expired tokens usable for long', source: adviceSource() },
  TOLERANCE_TOO_SMALL: { severity: 'warning', title: 'token-tolerance too small for ordinary clock drift', source: adviceSource() },
  CLOCK_SKEW_EXCEEDS_TOLERANCE: {
    severity: 'error',
    title: 'the measured clock offset exceeds token-tolerance (a warning while fresh tokens still pass)',
    source: genesysSource('CSP-SYSTEM'),
  },
  UNKNOWN_OPTION: {
    severity: 'warning',
    title: 'a misspelt token option (info for other unknown token-like names)',
    source: genesysSource('GAX-SECURE'),
  },
  WRONG_SECTION: { severity: 'warning', title: 'a token option in the wrong section or application', source: genesysSource('GAX-SECURE') },
  DUPLICATE_OPTION: { severity: 'warning', title: 'an option set more than once (info when the values agree)', source: adviceSource() },
  OTHER_APPLICATION_MISSING: { severity: 'info', title: "only one application's options were given", source: adviceSource() },
  CS_OPTIONS_DIFFER: {
    severity: 'warning',
    title: 'two CS-side files (CS, backup, CS Proxy) disagree on a token option: logins fail after a switchover or through the proxy',
    source: modelSource('GAX-SIDE'),
  },
  CS_LOCAL_CONFIG_FILE: {
    severity: 'info',
    title: "a master CS's local configuration file, not an Application's options export",
    source: genesysSource('CS-SYSTEM'),
  },
  TTL_LOOKS_LIKE_SECONDS: {
    severity: 'warning',
    title: 'token-ttl reads like seconds typed into a minutes option',
    source: adviceSource(),
  },
};
