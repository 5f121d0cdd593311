/**
 * The tool's own profiles as option sets. The store defines the full profile schema
 * (src-main/store); these adapters take only the part that holds options — a CS profile's
 * `{kind: 'cs', system: {…}}`, a GAX profile's `{kind: 'gax', general: {…}}` — so the core does
 * not depend on the store.
 */
import { HOME_SECTION, type ApplicationKind } from './catalog.js';
import type { OptionSet } from './option-set.js';

/** Values as a profile may hold them; null or absent means "not set". */
export type ProfileOptionValue = string | number | boolean | null | undefined;

export interface CsProfileOptions {
  kind: 'cs';
  system: Record<string, ProfileOptionValue>;
}
export interface GaxProfileOptions {
  kind: 'gax';
  general: Record<string, ProfileOptionValue>;
}
/** The store's records and exports keep the home section's options under `options`. */
export interface StoredProfileOptions {
  kind: 'cs' | 'gax';
  options: Record<string, ProfileOptionValue>;
}
export type ProfileOptions = CsProfileOptions | GaxProfileOptions | StoredProfileOptions;

function toStrings(values: Record<string, ProfileOptionValue>): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    entries.push([name, String(value)]);
  }
  return Object.fromEntries(entries);
}

export function fromProfile(profile: ProfileOptions): OptionSet {
  const values = 'options' in profile ? profile.options : profile.kind === 'cs' ? profile.system : profile.general;
  return { application: profile.kind, sections: { [HOME_SECTION[profile.kind]]: toStrings(values) } };
}

/** The home section of a set as a profile's options (other sections are not part of a profile). */
export function toProfile(set: OptionSet): ProfileOptions {
  const home = { ...(set.sections[HOME_SECTION[set.application]] ?? {}) };
  return set.application === 'cs' ? { kind: 'cs', system: home } : { kind: 'gax', general: home };
}

export type ProfileParse = { ok: true; set: OptionSet } | { ok: false; reason: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionValues(v: unknown, where: string): { ok: true; values: Record<string, ProfileOptionValue> } | { ok: false; reason: string } {
  if (!isRecord(v)) return { ok: false, reason: `${where} must be an object of option names and values` };
  for (const [name, value] of Object.entries(v)) {
    const t = typeof value;
    if (!(value === null || t === 'string' || t === 'number' || t === 'boolean'))
      return { ok: false, reason: `${where}."${name}" must be text, a number, true/false or null` };
  }
  return { ok: true, values: v as Record<string, ProfileOptionValue> };
}

/**
 * Reads parsed JSON that is a CS or GAX profile, or the plain `{application, sections}` shape.
 * `reason` says what was expected, for a one-line error.
 */
export function optionSetFromJson(value: unknown): ProfileParse {
  if (!isRecord(value)) return { ok: false, reason: 'the JSON is not an object' };
  if (value['kind'] === 'cs' || value['kind'] === 'gax') {
    const kind = value['kind'];
    const key = value[HOME_SECTION[kind]] === undefined && value['options'] !== undefined ? 'options' : HOME_SECTION[kind];
    const values = optionValues(value[key], `"${key}"`);
    if (!values.ok) return values;
    return { ok: true, set: fromProfile({ kind, options: values.values }) };
  }
  if (value['application'] === 'cs' || value['application'] === 'gax') {
    const application: ApplicationKind = value['application'];
    const sections = value['sections'];
    if (!isRecord(sections)) return { ok: false, reason: '"sections" must be an object of sections' };
    const out: [string, Record<string, string>][] = [];
    for (const [section, options] of Object.entries(sections)) {
      const values = optionValues(options, `"sections"."${section}"`);
      if (!values.ok) return values;
      out.push([section, toStrings(values.values)]);
    }
    return { ok: true, set: { application, sections: Object.fromEntries(out) } };
  }
  return {
    ok: false,
    reason: 'it is JSON but not a CS or GAX profile: expected {"kind":"cs","system":{…}} or {"kind":"gax","general":{…}}',
  };
}
