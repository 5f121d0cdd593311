/**
 * The Genesys options token authentication depends on: which application and section each lives in,
 * what it accepts, what it defaults to, and what it does, in the words of the Genesys pages this
 * tool is built on (GAX Deployment Guide "Secure Communication with Configuration Server" and the
 * Framework Configuration Options Reference, CS `[system]` section). The Set-up wizard reuses these
 * texts, so they say only what Genesys publishes.
 *
 * Pure data: no Node APIs, so the renderer imports it too.
 */
import { DEFAULT_PREAMBLE } from '../constants.js';
import { DEFAULT_TOLERANCE_SECONDS, DEFAULT_TTL_MINUTES } from '../window.js';

export type ApplicationKind = 'cs' | 'gax';
export const APPLICATIONS: readonly ApplicationKind[] = ['cs', 'gax'];

export const APPLICATION_LABEL: Record<ApplicationKind, string> = {
  cs: 'Configuration Server',
  gax: 'GAX',
};

/** The one section each application keeps its token options in. */
export const HOME_SECTION = { cs: 'system', gax: 'general' } as const satisfies Record<ApplicationKind, string>;
export type HomeSection = (typeof HOME_SECTION)[ApplicationKind];

export const OPTION_NAMES = [
  'token-authentication-mode',
  'token-preambula',
  'token-uuid',
  'token-tolerance',
  'token-ttl',
  'confserv_trusted',
  'token_life_in_minutes',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];

/** The mock CS's option names (csmock-protocol.md, "Server options") for the token options. */
export type MockCsOptionName =
  | 'tokenAuthenticationMode'
  | 'tokenPreambula'
  | 'tokenUuid'
  | 'tokenToleranceSeconds'
  | 'tokenTtlMinutes'
  | 'gaxTokenLifeMinutes';

/**
 * How a value is read: `mode` enable/disable, `boolean` true/false, `integer` a whole number in
 * `range`, `preamble` 1–16 printable ASCII, `uuid` a token-uuid in one of the forms pxz1-token.md accepts.
 */
export type OptionValueKind = 'mode' | 'boolean' | 'integer' | 'preamble' | 'uuid';

export interface OptionDefinition {
  name: OptionName;
  application: ApplicationKind;
  section: HomeSection;
  kind: OptionValueKind;
  unit?: 'seconds' | 'minutes';
  /** inclusive bounds of an integer option, as this tool checks them */
  range?: { min: number; max: number };
  /** the accepted spellings of an enumerated option, in their normal form */
  values?: readonly string[];
  /** the value in effect when the option is absent, as written in a file; null when there is none to write */
  default: string | null;
  /** what "unset" means, in one phrase (shown next to the default) */
  defaultMeaning: string;
  /** what the option accepts, in one phrase */
  accepts: string;
  /** a token-uuid is the shared secret: never shown, logged or exported without the person asking */
  secret: boolean;
  /** what the option does, from the Genesys documentation */
  summary: string;
  /** the mock CS option that mirrors it; GAX's confserv_trusted has none (it is the client's choice) */
  mockCs?: MockCsOptionName;
}

/** Genesys publishes 1–2147483647 (a signed 32-bit integer) for token-tolerance and token-ttl. */
export const GENESYS_MAX_INT = 2147483647;

export const OPTION_DEFINITIONS: readonly OptionDefinition[] = [
  {
    name: 'token-authentication-mode',
    application: 'cs',
    section: 'system',
    kind: 'mode',
    values: ['enable', 'disable'],
    default: 'disable',
    defaultMeaning: 'token authentication is off',
    accepts: 'enable or disable',
    secret: false,
    summary:
      'Set to enable to turn on token-based authentication on all ports of this Configuration Server. It is off by default; enable it on Configuration Server first, then on GAX.',
    mockCs: 'tokenAuthenticationMode',
  },
  {
    name: 'token-preambula',
    application: 'cs',
    section: 'system',
    kind: 'preamble',
    default: DEFAULT_PREAMBLE,
    defaultMeaning: `the tag ${DEFAULT_PREAMBLE}`,
    accepts: '1–16 printable ASCII characters, no spaces',
    secret: false,
    summary:
      'The tag at the start of every password token: Configuration Server treats a Password that starts with it as a token. Default {PXZ}; Genesys recommends keeping the default. The token, tag included, must fit the Password field (about 64 bytes).',
    mockCs: 'tokenPreambula',
  },
  {
    name: 'token-uuid',
    application: 'cs',
    section: 'system',
    kind: 'uuid',
    default: null,
    defaultMeaning: 'the primary master Configuration Server generates one for the Configuration Database',
    accepts: 'a UUID: 8-4-4-4-12 hex digits, optionally in {braces} or after urn:uuid:',
    secret: true,
    summary:
      'The UUID from which GAX and Configuration Server derive the shared key that signs tokens. If not set, Configuration Server uses a value the primary master Configuration Server generated for the Configuration Database. Anyone who knows it can mint tokens: treat it like a password.',
    mockCs: 'tokenUuid',
  },
  {
    name: 'token-tolerance',
    application: 'cs',
    section: 'system',
    kind: 'integer',
    unit: 'seconds',
    range: { min: 0, max: GENESYS_MAX_INT },
    default: String(DEFAULT_TOLERANCE_SECONDS),
    defaultMeaning: `${DEFAULT_TOLERANCE_SECONDS} s; unset or 0 also means ${DEFAULT_TOLERANCE_SECONDS} s`,
    accepts: `a whole number of seconds, 1–${GENESYS_MAX_INT} (0 means the default)`,
    secret: false,
    summary:
      'For GAX and Configuration Server clocks that are not synchronised: seconds added before the start and after the expiry of each token. Default 60; unset or 0 means 60. Takes effect immediately.',
    mockCs: 'tokenToleranceSeconds',
  },
  {
    name: 'token-ttl',
    application: 'cs',
    section: 'system',
    kind: 'integer',
    unit: 'minutes',
    range: { min: 0, max: GENESYS_MAX_INT },
    default: null,
    defaultMeaning: `GAX token_life_in_minutes, or ${DEFAULT_TTL_MINUTES} min when that is unset or 0 too`,
    accepts: `a whole number of minutes, 1–${GENESYS_MAX_INT} (0 means unset)`,
    secret: false,
    summary:
      'How long (minutes) Configuration Server considers a token valid, ending at the expiry GAX set. Unset or 0: GAX token_life_in_minutes is used, and if that is unset or 0 too, 1440. Takes effect immediately.',
    mockCs: 'tokenTtlMinutes',
  },
  {
    name: 'confserv_trusted',
    application: 'gax',
    section: 'general',
    kind: 'boolean',
    values: ['true', 'false'],
    default: 'false',
    defaultMeaning: 'GAX logs in with passwords',
    accepts: 'true or false',
    secret: false,
    summary:
      'Set to true so that GAX (8.5.25 and later) logs in to Configuration Server with short-lived tokens instead of passwords.',
  },
  {
    name: 'token_life_in_minutes',
    application: 'gax',
    section: 'general',
    kind: 'integer',
    unit: 'minutes',
    range: { min: 1, max: GENESYS_MAX_INT },
    // The Genesys page does not publish GAX's own default; the tool does not invent one.
    default: null,
    defaultMeaning: `GAX's default (not published); the CS then falls back to token-ttl or ${DEFAULT_TTL_MINUTES} min`,
    accepts: 'a positive whole number of minutes',
    secret: false,
    summary:
      'How long (minutes) each token GAX mints stays valid; once it has expired, a login with it is refused. Genesys recommends the default unless you have an overriding reason.',
    mockCs: 'gaxTokenLifeMinutes',
  },
];

const BY_NAME = new Map<string, OptionDefinition>(OPTION_DEFINITIONS.map((d) => [d.name, d]));

/** The definition of a known option, by its exact Genesys name. */
export function findOption(name: string): OptionDefinition | undefined {
  return BY_NAME.get(name);
}

export function optionDefinition(name: OptionName): OptionDefinition {
  const d = BY_NAME.get(name);
  if (!d) throw new Error(`no definition for ${name}`);
  return d;
}

export function isOptionName(name: string): name is OptionName {
  return BY_NAME.has(name);
}

/** The known options of one application, in the order the wizard and the writer list them. */
export function optionsOf(application: ApplicationKind): OptionDefinition[] {
  return OPTION_DEFINITIONS.filter((d) => d.application === application);
}

/** `[system] token-ttl` or `GAX [general] token_life_in_minutes`: how messages name an option. */
export function optionLabel(d: OptionDefinition, withApplication = false): string {
  const where = `[${d.section}] ${d.name}`;
  return withApplication ? `${d.application === 'cs' ? 'CS' : 'GAX'} ${where}` : where;
}
