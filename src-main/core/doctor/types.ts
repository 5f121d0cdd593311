/** The doctor's vocabulary: findings, the edits behind their fixes, and what rules look at. */
import type { ApplicationKind, OptionName, OptionSet } from '../options/index.js';
import type { Source } from '../sources.js';
import type { FileRole, ParsedFile, ReadError } from './read-result.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const RULE_IDS = [
  'MODE_NOT_ENABLED',
  'TOKEN_AUTH_UNUSED',
  'INVALID_VALUE',
  'VALUE_NOT_NORMAL',
  'UUID_MALFORMED',
  'UUID_NOT_SET',
  'PREAMBLE_INVALID',
  'PREAMBLE_AMBIGUOUS',
  'TOKEN_TOO_LONG',
  'USERNAME_INVALID',
  'TTL_SHORTER_THAN_LIFE',
  'LIFE_TOO_LONG',
  'TOLERANCE_TOO_LARGE',
  'TOLERANCE_TOO_SMALL',
  'CLOCK_SKEW_EXCEEDS_TOLERANCE',
  'UNKNOWN_OPTION',
  'WRONG_SECTION',
  'DUPLICATE_OPTION',
  'OTHER_APPLICATION_MISSING',
  'CS_OPTIONS_DIFFER',
  'CS_LOCAL_CONFIG_FILE',
  'TTL_LOOKS_LIKE_SECONDS',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Finding {
  /** stable: scripts and the view key on it */
  id: RuleId;
  severity: Severity;
  /** whose word it is: a Genesys document, the tool's model, or the tool's advice (core/sources.ts) */
  source: Source;
  /** what was found, naming the option, its section and (unless secret) its value */
  message: string;
  /** what the CS (or GAX) will do with the next login because of it, in the mechanism's terms */
  why: string;
  /** the corrected `[section]` lines; `#` lines say what to delete or do by hand; '' when nothing is to change */
  fix: string;
  /** the application the finding concerns (where the fix goes), null when it concerns the inputs */
  application: ApplicationKind | null;
  /** the file it was found in, null when the finding is about something missing from every file */
  file: string | null;
  /** 1-based line in that file, null when not tied to a line (or read from JSON) */
  line: number | null;
  /** the option concerned, as written, when there is one */
  option: string | null;
  /** true when it appears only once the other fixes are applied (e.g. a misspelt option, renamed, then conflicts) */
  afterFixes: boolean;
}

/** One change to one file's token options; a finding's fix text and the corrected files are both made from these. */
export type Edit =
  /** set a known option in its application's home section */
  | {
      kind: 'set';
      application: ApplicationKind;
      file: string | null;
      name: OptionName;
      value: string;
      /** the line the value came from, when it is moved from elsewhere */
      sourceLine?: number | null;
      /** a guess from another application's file: it never replaces a value this file sets */
      onlyIfUnset?: boolean;
    }
  /** take a known option out of the home section, so its default applies */
  | { kind: 'unset'; application: ApplicationKind; file: string | null; name: OptionName; line: number | null; note: string }
  /** a line that is not part of the corrected options (misspelt, misplaced, repeated): delete it */
  | { kind: 'delete'; application: ApplicationKind; file: string | null; section: string; name: string; line: number | null; note: string }
  /** something to do by hand that no option line expresses */
  | { kind: 'note'; application: ApplicationKind | null; file: string | null; text: string };

/** What a rule reports: a finding plus the edits its fix is made of. */
export interface Draft extends Omit<Finding, 'fix' | 'afterFixes' | 'source'> {
  edits: Edit[];
  /** when this finding's source differs from its rule's (RULE_INFO), e.g. by option */
  source?: Source;
}

/** One line of options as the rules see it: where it is and what it says. */
export interface Entry {
  section: string;
  name: string;
  value: string;
  line: number | null;
}

/** One file's options, as given (round one) or as corrected so far (later rounds). */
export interface AppModel {
  application: ApplicationKind;
  /** what the file is: a CS, CS Proxy or GAX options export, or a master CS's local configuration file */
  role: FileRole;
  fileName: string;
  entries: Entry[];
}

/**
 * What a file is. A CS Proxy and a master CS's local file are CS-side: they hold the CS `[system]`
 * token options (when they hold any) and are compared with the other CSs.
 */
export type { FileRole };
export const FILE_ROLE_LABEL: Record<FileRole, string> = {
  cs: 'Configuration Server options export',
  csproxy: 'Configuration Server Proxy options export',
  gax: 'GAX options export',
  'cs-local-config': "master Configuration Server's local configuration file",
};

export interface RuleContext {
  files: AppModel[];
  /** every CS-side file whose token options the doctor can see (CS, CS Proxy, a local file's [system]) */
  cs: AppModel[];
  gax: AppModel[];
  /** usernames to check token lengths for; undefined when none were given */
  users: string[] | undefined;
  /** measured CS clock − GAX clock, seconds; undefined when not measured */
  clockOffsetSeconds: number | undefined;
}

export type Rule = (ctx: RuleContext) => Draft[];

export interface CorrectedFile {
  application: ApplicationKind;
  fileName: string;
  /** the corrected token options as option-file text: `#` lines for deletions, then `[section]` and `name=value` lines */
  text: string;
  /** false when the file's token options need no change */
  changed: boolean;
  /** the corrected token options, e.g. to open in the wizard; a token-uuid only when `revealSecrets` was set */
  options: OptionSet;
  /** true when a token-uuid was left out of `text` and `options` because it is a secret */
  secretsOmitted: boolean;
}

export type DoctorFileInput =
  { name: string; text: string; application?: ApplicationKind | undefined; encoding?: string | undefined } | { name: string; options: OptionSet };

export interface DoctorInput {
  files: DoctorFileInput[];
  users?: readonly string[] | undefined;
  clockOffsetSeconds?: number | undefined;
  /** write a token-uuid into the corrected files instead of leaving it out (when the person asks) */
  revealSecrets?: boolean | undefined;
}

export interface DoctorResult {
  /** the files that could be read */
  files: ParsedFile[];
  /** sorted: errors, then warnings, then info; within each, by file and line */
  findings: Finding[];
  /** one per readable file */
  corrected: CorrectedFile[];
  /** the files that could not be read, one line each; their options were not checked */
  errors: ReadError[];
  /** what the files cannot show, so a clean result never hides an unchecked cause */
  notChecked: string[];
}
