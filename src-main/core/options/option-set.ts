/**
 * The plain shape every part of the tool exchanges options in: one application's options by section,
 * values as the strings Genesys stores (option files hold strings only).
 */
import { HOME_SECTION, optionDefinition, type ApplicationKind, type OptionName } from './catalog.js';
import { checkOptionValue, type ValueCheck } from './values.js';

export interface OptionSet {
  application: ApplicationKind;
  sections: Record<string, Record<string, string>>;
}

export function emptyOptionSet(application: ApplicationKind): OptionSet {
  return { application, sections: {} };
}

/** A known option's raw value where its application reads it (its home section), or undefined. */
export function homeValue(set: OptionSet | undefined, name: OptionName): string | undefined {
  if (!set) return undefined;
  const def = optionDefinition(name);
  if (def.application !== set.application) return undefined;
  const section = set.sections[HOME_SECTION[set.application]];
  return section && Object.hasOwn(section, name) ? section[name] : undefined;
}

export interface ReadOption {
  raw: string;
  check: ValueCheck;
}

/** A known option as its application reads it: absent, or its raw value and how it reads. */
export function readHomeOption(set: OptionSet | undefined, name: OptionName): ReadOption | undefined {
  const raw = homeValue(set, name);
  return raw === undefined ? undefined : { raw, check: checkOptionValue(optionDefinition(name), raw) };
}

/** A deep copy, so callers can change the result freely. */
export function cloneOptionSet(set: OptionSet): OptionSet {
  const sections: Record<string, Record<string, string>> = {};
  for (const [name, options] of Object.entries(set.sections)) sections[name] = { ...options };
  return { application: set.application, sections };
}
