/**
 * From CS and GAX options to what the token core and the mock CS take, and back.
 *
 * The direction options → settings is lenient where the meaning is certain: a value spelt
 * unusually but meaning an accepted one (`Enable`, ` 60 `) counts as that value, a value Genesys
 * does not accept counts as unset (the default applies). The doctor is where such values are
 * reported; these converters answer "what would the applications run with".
 */
import { DEFAULT_PREAMBLE } from '../constants.js';
import type { TokenTimeOptions } from '../window.js';
import { HOME_SECTION, type OptionName } from './catalog.js';
import { readHomeOption, type OptionSet } from './option-set.js';
import { acceptedValue } from './values.js';

export interface TokenOptionSets {
  cs?: OptionSet | undefined;
  gax?: OptionSet | undefined;
}

/** The token options of the mock CS (csmock-protocol.md "Server options"), named as there. */
export interface MockCsTokenOptions {
  tokenAuthenticationMode: 'enable' | 'disable';
  tokenPreambula: string;
  /** null: unset, the CS generates one */
  tokenUuid: string | null;
  tokenToleranceSeconds: number | null;
  tokenTtlMinutes: number | null;
  gaxTokenLifeMinutes: number | null;
}

/** What GAX needs to mint a token, from both applications' options (GAX reads the CS's preamble and token-uuid). */
export interface GaxTokenSettings {
  confservTrusted: boolean;
  tokenLifeMinutes: number | null;
  preamble: string;
  tokenUuid: string | null;
}

function accepted(set: OptionSet | undefined, name: OptionName): string | undefined {
  const read = readHomeOption(set, name);
  return read ? acceptedValue(read.check) : undefined;
}

function acceptedNumber(set: OptionSet | undefined, name: OptionName): number | null {
  const v = accepted(set, name);
  return v === undefined ? null : Number(v);
}

/** The three options the CS's validity window depends on (token core `TokenTimeOptions`). */
export function toTokenTimeOptions(sets: TokenOptionSets): TokenTimeOptions {
  return timeNumbers(sets);
}

function timeNumbers(sets: TokenOptionSets): Pick<MockCsTokenOptions, 'tokenToleranceSeconds' | 'tokenTtlMinutes' | 'gaxTokenLifeMinutes'> {
  return {
    tokenToleranceSeconds: acceptedNumber(sets.cs, 'token-tolerance'),
    tokenTtlMinutes: acceptedNumber(sets.cs, 'token-ttl'),
    gaxTokenLifeMinutes: acceptedNumber(sets.gax, 'token_life_in_minutes'),
  };
}

export function toMockCsOptions(sets: TokenOptionSets): MockCsTokenOptions {
  return {
    tokenAuthenticationMode: accepted(sets.cs, 'token-authentication-mode') === 'enable' ? 'enable' : 'disable',
    tokenPreambula: accepted(sets.cs, 'token-preambula') ?? DEFAULT_PREAMBLE,
    tokenUuid: accepted(sets.cs, 'token-uuid')?.trim() ?? null,
    ...timeNumbers(sets),
  };
}

export function toGaxTokenSettings(sets: TokenOptionSets): GaxTokenSettings {
  return {
    confservTrusted: accepted(sets.gax, 'confserv_trusted') === 'true',
    tokenLifeMinutes: acceptedNumber(sets.gax, 'token_life_in_minutes'),
    preamble: accepted(sets.cs, 'token-preambula') ?? DEFAULT_PREAMBLE,
    tokenUuid: accepted(sets.cs, 'token-uuid')?.trim() ?? null,
  };
}

/**
 * The reverse: mock CS options (as the wizard or the Server view holds them) → a CS `[system]` and a
 * GAX `[general]` option set. Unset (null) options are left out, and so is the default preamble
 * (Genesys recommends not configuring it). `confservTrusted` defaults to "the CS has tokens enabled".
 */
export function fromMockCsOptions(options: Partial<MockCsTokenOptions>, gax: { confservTrusted?: boolean } = {}): { cs: OptionSet; gax: OptionSet } {
  const system: Record<string, string> = {};
  const mode = options.tokenAuthenticationMode ?? 'disable';
  system['token-authentication-mode'] = mode;
  if (options.tokenPreambula !== undefined && options.tokenPreambula !== DEFAULT_PREAMBLE) system['token-preambula'] = options.tokenPreambula;
  if (options.tokenUuid != null) system['token-uuid'] = options.tokenUuid;
  if (options.tokenToleranceSeconds != null) system['token-tolerance'] = String(options.tokenToleranceSeconds);
  if (options.tokenTtlMinutes != null) system['token-ttl'] = String(options.tokenTtlMinutes);
  const general: Record<string, string> = {};
  general['confserv_trusted'] = String(gax.confservTrusted ?? mode === 'enable');
  if (options.gaxTokenLifeMinutes != null) general['token_life_in_minutes'] = String(options.gaxTokenLifeMinutes);
  return {
    cs: { application: 'cs', sections: { [HOME_SECTION.cs]: system } },
    gax: { application: 'gax', sections: { [HOME_SECTION.gax]: general } },
  };
}
