/**
 * The Genesys options token authentication depends on: which application and section each lives in,
 * what it accepts, what it defaults to, and what it does, in the words of the Genesys pages this
 * tool is built on (GAX-SECURE: GAX Deployment Guide "Secure Communication with Configuration
 * Server"; CSP-SYSTEM: the Configuration Server Proxy `[system]` section, where token-tolerance and
 * token-ttl are documented). The Set-up wizard reuses these texts: where one says more than Genesys
 * publishes, it says it is the tool's model (`source` names whose word the summary is).
 *
 * Pure data: no Node APIs, so the renderer imports it too.
 */
import { DEFAULT_PREAMBLE } from '../constants.js';
// Sources as plain values, not through sources.ts's genesysSource(): that module carries the whole
// registry (titles, texts), and the renderer's first paint needs this catalog but not the registry.
import type { Source } from '../sources.js';
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
  'tokenAuthenticationMode' | 'tokenPreambula' | 'tokenUuid' | 'tokenToleranceSeconds' | 'tokenTtlMinutes' | 'gaxTokenLifeMinutes';

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
  /** what the option does, from the Genesys documentation (any part that is the tool's model says so) */
  summary: string;
  /** the Genesys document the summary comes from */
  source: Source;
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
    // `disable` is the tool's word for "off": Genesys names only enable.
    default: 'disable',
    defaultMeaning: 'token authentication is off (it is not enabled by default)',
    accepts: 'enable (the only value Genesys names; anything else, or no value, leaves it off)',
    secret: false,
    summary:
      'Set to enable to turn on token-based authentication on all ports of this Configuration Server. It is not enabled by default; enable it on Configuration Server first, then on GAX.',
    source: { kind: 'genesys', id: 'GAX-SECURE' },
    mockCs: 'tokenAuthenticationMode',
  },
  {
    name: 'token-preambula',
    application: 'cs',
    section: 'system',
    kind: 'preamble',
    default: DEFAULT_PREAMBLE,
    defaultMeaning: `the tag ${DEFAULT_PREAMBLE}`,
    accepts: "Genesys publishes no character rule; the tool's token format (PXZ-1) takes 1–16 printable ASCII characters, no spaces",
    secret: false,
    summary:
      'The tag at the start of every password token: Configuration Server looks for it at the start of the Password field. Default {PXZ}; Genesys recommends not configuring it. The token, tag included, must fit the Password field of the GAX interface (approximately 64 bytes).',
    source: { kind: 'genesys', id: 'GAX-SECURE' },
    mockCs: 'tokenPreambula',
  },
  {
    name: 'token-uuid',
    application: 'cs',
    section: 'system',
    kind: 'uuid',
    default: null,
    defaultMeaning: 'the primary master Configuration Server generates one for the Configuration Database',
    accepts: "a UUID (Genesys publishes no text form; the tool's model reads 8-4-4-4-12 hex digits, optionally in {braces} or after urn:uuid:)",
    secret: true,
    summary:
      "A UUID used to generate the symmetric key that signs tokens (GAX uses it as a salt). If not set, Configuration Server uses a value the primary master Configuration Server generated for the Configuration Database. In the tool's model GAX has no token-uuid of its own and signs with its CS's. Anyone who knows it can mint tokens: treat it like a password.",
    source: { kind: 'genesys', id: 'GAX-SECURE' },
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
      'For GAX and Configuration Server clocks that are not synchronised: seconds added before the start and after the expiry of each token. Default 60; unset or 0 means 60. Takes effect immediately. Documented for Configuration Server Proxy.',
    source: { kind: 'genesys', id: 'CSP-SYSTEM' },
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
      'How long (minutes) the server considers a token valid, ending at the expiry GAX set. Unset or 0: GAX token_life_in_minutes is used, and if that is unset or 0 too, 1440. Takes effect immediately. Documented for Configuration Server Proxy.',
    source: { kind: 'genesys', id: 'CSP-SYSTEM' },
    mockCs: 'tokenTtlMinutes',
  },
  {
    name: 'confserv_trusted',
    application: 'gax',
    section: 'general',
    kind: 'boolean',
    values: ['true', 'false'],
    // Genesys publishes no default; writing one would invent it.
    default: null,
    defaultMeaning: "not published (the tool's model: GAX logs in with passwords unless it is true)",
    accepts: 'true (Genesys names true to use tokens), or false',
    secret: false,
    summary:
      'Set to true so that GAX (8.5.25 and later) logs in to Configuration Server with short-lived tokens instead of passwords. Genesys publishes no default.',
    source: { kind: 'genesys', id: 'GAX-SECURE' },
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
    accepts: 'a positive whole number of minutes (no range is published; the CS Proxy page reads 0 as unset)',
    secret: false,
    summary:
      'How long (minutes) each token GAX mints stays valid; an expired token is rejected. Genesys recommends the default; it publishes no default value.',
    source: { kind: 'genesys', id: 'GAX-SECURE' },
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
