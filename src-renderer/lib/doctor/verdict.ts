/**
 * The one sentence at the top of a diagnosis: can GAX log in with these options, and if not, why —
 * in terms of what the CS does with the next login. Worded from the findings the core doctor made;
 * no rule is re-judged here.
 */
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { RuleId } from '../../../src-main/core/browser.js';

export type DoctorResult = RequestOutput<'doctor.diagnose'>;
export type Finding = DoctorResult['findings'][number];
export type FileRole = NonNullable<DoctorResult['files'][number]['role']>;

/** What each file is, as the doctor recognised it (core/doctor/roles.ts gives the reason). */
export const FILE_ROLE_LABEL: Record<FileRole, string> = {
  cs: 'Configuration Server options export',
  csproxy: 'CS Proxy options export',
  gax: 'GAX options export',
  'cs-local-config': 'master CS local configuration file',
};

export interface Verdict {
  kind: 'error' | 'warn' | 'ok' | 'info';
  /** one sentence */
  sentence: string;
}

/**
 * What each error means for the next GAX login, most fundamental first: when several are found,
 * the verdict leads with the one that would stop a login before the others are even reached.
 */
const ERROR_CONSEQUENCE: Partial<Record<RuleId, string>> = {
  MODE_NOT_ENABLED:
    'GAX cannot log in: it sends a token as its password, but token authentication is not enabled on the CS, so the CS checks the token as an ordinary password and refuses it',
  // worded from the finding itself: which option and what is wrong with it
  INVALID_VALUE: 'A value is outside what Genesys publishes',
  TTL_SHORTER_THAN_LIFE:
    'GAX cannot log in: token-ttl is shorter than GAX’s token life, so the CS refuses every freshly minted token as not yet valid',
  CLOCK_SKEW_EXCEEDS_TOLERANCE:
    'GAX logins fail: the CS and GAX clocks differ by more than token-tolerance, so the CS refuses tokens as expired or not yet valid',
};

/** What each warning means, when it is the first one to fix. */
const WARNING_CONSEQUENCE: Partial<Record<RuleId, string>> = {
  TOKEN_AUTH_UNUSED: 'GAX still logs in with passwords: the CS accepts tokens, but GAX is not set to send them',
  UNKNOWN_OPTION: 'an option name is misspelt, so its application ignores it',
  WRONG_SECTION: 'an option is in the wrong section or application, so it is ignored',
  DUPLICATE_OPTION: 'an option is set more than once',
  VALUE_NOT_NORMAL: 'a value is spelt in a way the application may not accept',
  PREAMBLE_AMBIGUOUS: 'an ordinary password could start with the preamble',
  LIFE_TOO_LONG: 'tokens live long, so a copied token stays usable',
  TOLERANCE_TOO_LARGE: 'token-tolerance keeps expired tokens usable for long',
  TOLERANCE_TOO_SMALL: 'token-tolerance is too small for ordinary clock drift, so good tokens may be refused',
  CLOCK_SKEW_EXCEEDS_TOLERANCE: 'the clocks differ by more than token-tolerance, so tokens are refused once they near their expiry',
  USERNAME_INVALID: 'a username given cannot be put in a token',
  CS_OPTIONS_DIFFER: 'two CS-side servers disagree on a token option, so logins fail after a switchover to the backup or through the proxy',
  TTL_LOOKS_LIKE_SECONDS: 'token-ttl reads like seconds typed into a minutes option',
  UUID_MALFORMED: 'the CS’s token-uuid is not in a UUID form the tool’s model reads: compare it with the value GAX signs with',
  PREAMBLE_INVALID: 'token-preambula breaks the tool’s reference token format (1–16 printable ASCII)',
  TOKEN_TOO_LONG: 'with the tool’s reference token format, some users’ tokens would not fit the Password field of the GAX interface (about 64 bytes)',
};

/** Said whenever nothing in the files stops a login: the most common cause left is not in any export. */
export const KEY_NOT_VISIBLE = 'the token-uuid GAX signs with is not in any export: compare it with the CS’s (see Not checked).';

const ERROR_ORDER = Object.keys(ERROR_CONSEQUENCE) as RuleId[];

function more(n: number, what: string): string {
  return n === 0 ? '' : ` (and ${n} more ${what}${n === 1 ? '' : 's'} below)`;
}

function rank(f: Finding): number {
  const i = ERROR_ORDER.indexOf(f.id);
  return i < 0 ? ERROR_ORDER.length : i;
}

export function verdictOf(result: DoctorResult): Verdict {
  const unread = result.errors.length;
  if (result.files.length === 0)
    return {
      kind: 'error',
      sentence:
        unread === 1
          ? 'The file could not be read, so nothing was checked: see why below.'
          : `None of the ${unread} inputs could be read, so nothing was checked: see why below.`,
    };

  // Errors that show only once other fixes are applied do not stop a login today.
  const errors = result.findings.filter((f) => f.severity === 'error' && !f.afterFixes);
  if (errors.length > 0) {
    const lead = [...errors].sort((a, b) => rank(a) - rank(b))[0]!;
    const sentence =
      lead.id === 'INVALID_VALUE'
        ? `A token option’s value is outside what Genesys publishes: ${lead.message}`
        : (ERROR_CONSEQUENCE[lead.id] ?? `GAX logins are at risk: ${lowerFirst(lead.message)}`);
    return { kind: 'error', sentence: `${sentence}${more(errors.length - 1, 'error')}.` };
  }

  const warnings = result.findings.filter((f) => f.severity === 'warning' || (f.severity === 'error' && f.afterFixes));
  if (warnings.length > 0) {
    const lead = warnings.find((f) => f.severity === 'warning') ?? warnings[0]!;
    if (lead.id === 'TOKEN_AUTH_UNUSED')
      return { kind: 'warn', sentence: `${WARNING_CONSEQUENCE.TOKEN_AUTH_UNUSED}${more(warnings.length - 1, 'warning')}.` };
    const what = WARNING_CONSEQUENCE[lead.id] ?? lowerFirst(lead.message);
    const count = warnings.length === 1 ? 'one thing needs attention' : `${warnings.length} things need attention`;
    return {
      kind: 'warn',
      sentence: `Nothing in these files stops GAX from logging in, but ${count}: first, ${what}. Not seen here: ${KEY_NOT_VISIBLE}`,
    };
  }

  if (result.findings.some((f) => f.id === 'OTHER_APPLICATION_MISSING')) {
    const given = result.files.every((f) => f.application === 'cs') ? 'CS' : 'GAX';
    const missing = given === 'CS' ? 'GAX' : 'CS';
    return {
      kind: 'info',
      sentence: `Nothing wrong in the ${given} options alone; add the ${missing} application’s options to check the two together.`,
    };
  }
  if (!tokensInUse(result))
    return { kind: 'info', sentence: 'Token authentication is off on both sides: GAX logs in with passwords, and nothing here stops it.' };
  return { kind: 'ok', sentence: `Nothing in these files stops GAX from logging in with tokens — but ${KEY_NOT_VISIBLE}` };
}

/** Does GAX send tokens, or the CS accept them, once corrected? */
function tokensInUse(result: DoctorResult): boolean {
  return result.corrected.some(
    (c) =>
      (c.application === 'gax' && c.options.sections['general']?.['confserv_trusted'] === 'true') ||
      (c.application === 'cs' && c.options.sections['system']?.['token-authentication-mode'] === 'enable'),
  );
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
