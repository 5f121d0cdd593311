/**
 * The CS `[system]` options between the editor's values and the rest of the tool: the option lines
 * (written by the core's converter, as the doctor's fixes are), the mock CS's options, a section read
 * from a file or a profile, and the default shown under a field. Pure: no runes, no I/O.
 */
import { fromMockCsOptions, optionDefinition, type OptionName } from '../../../src-main/core/browser.js';
import type { PublicMockCsOptionsView } from '../../../src-main/ipc/contract/mockcs.js';
import { defaultCsOptions, type CsOptionsValues, type CsTokenSettings } from './cs-options-check.js';

/**
 * The `[system]` lines for these options, Genesys names and documented spellings: unset options and
 * the default preamble are left out (Genesys recommends not configuring it); the token-uuid only when
 * one was made or pasted here. Built by the core's converter, the same one the doctor's fixes use.
 */
export function csSystemSection(settings: CsTokenSettings): Record<string, string> {
  const { cs } = fromMockCsOptions({ ...settings, tokenUuid: settings.tokenUuid ?? null });
  return { ...(cs.sections['system'] ?? {}) };
}

/** The mock CS options patch for these settings (a kept token-uuid is left out of the patch). */
export function csMockCsPatch(settings: CsTokenSettings): {
  tokenAuthenticationMode: 'enable' | 'disable';
  tokenPreambula: string;
  tokenUuid?: string | null;
  tokenToleranceSeconds: number | null;
  tokenTtlMinutes: number | null;
} {
  const { tokenUuid, ...rest } = settings;
  return tokenUuid === undefined ? rest : { ...rest, tokenUuid };
}

/**
 * The mock CS's current options as editor values: its token-uuid cannot be shown (main never sends
 * it), so a configured one is "kept" and a generated one is "left to the CS" — which is what it is.
 */
export function csOptionsFromMockCs(o: PublicMockCsOptionsView): CsOptionsValues {
  return {
    mode: o.tokenAuthenticationMode,
    preamble: o.tokenPreambula,
    uuidChoice: o.tokenUuid.source === 'configured' ? 'keep' : 'cs',
    generatedUuid: '',
    pastedUuid: '',
    tolerance: o.tokenToleranceSeconds === null ? '' : String(o.tokenToleranceSeconds),
    ttl: o.tokenTtlMinutes === null ? '' : String(o.tokenTtlMinutes),
  };
}

/**
 * A `[system]` section (an option file, a profile, the doctor's corrected lines) as editor values.
 * `uuidOmitted`: the section had a token-uuid that was left out because it is a secret — the person
 * is asked to paste it rather than have it silently become "left to the CS".
 */
export function csOptionsFromSection(system: Record<string, string>, opts: { uuidOmitted?: boolean } = {}): CsOptionsValues {
  const values = defaultCsOptions();
  const mode = system['token-authentication-mode']?.trim().toLowerCase();
  values.mode = mode === 'enable' ? 'enable' : 'disable';
  if (system['token-preambula'] !== undefined) values.preamble = system['token-preambula'];
  const uuid = system['token-uuid'];
  if (uuid !== undefined) {
    values.uuidChoice = 'paste';
    values.pastedUuid = uuid;
  } else values.uuidChoice = opts.uuidOmitted ? 'paste' : 'cs';
  values.tolerance = system['token-tolerance'] ?? '';
  values.ttl = system['token-ttl'] ?? '';
  return values;
}

/**
 * Options whose Genesys summary (the catalog's `summary`, shown as each field's help) already says
 * what their default is: a "Default: …" line under them would say it twice.
 */
export const SUMMARY_STATES_DEFAULT: ReadonlySet<OptionName> = new Set<OptionName>([
  'token-authentication-mode',
  'token-preambula',
  'token-uuid',
  'token-tolerance',
  'token-ttl',
]);

/** "Default: …" for a field — its value and what it means — unless its help already says it. */
export function defaultText(name: OptionName): string | undefined {
  if (SUMMARY_STATES_DEFAULT.has(name)) return undefined;
  const d = optionDefinition(name);
  if (d.default === null || d.kind === 'integer') return d.defaultMeaning;
  if (d.kind === 'preamble') return d.default;
  return `${d.default} (${d.defaultMeaning})`;
}
