/**
 * The CS `[system]` token options as typed, and their check: each value read with the Genesys option
 * catalog (src-main/core/options), the same reading the doctor uses. Pure: no runes, no I/O.
 */
import { DEFAULT_PREAMBLE, checkOptionValue, optionDefinition, type OptionDefinition, type ValueCheck } from '../../../src-main/core/browser.js';

/**
 * Where the token-uuid comes from: made here, pasted, left to the CS (the primary master CS generates
 * one for its Configuration Database), or — in the Server view — kept as the mock CS has it.
 */
export type UuidChoice = 'generate' | 'paste' | 'cs' | 'keep';

/** The options as typed. Integers stay text so that a half-typed or wrong value can be explained, not lost. */
export interface CsOptionsValues {
  mode: 'enable' | 'disable';
  preamble: string;
  uuidChoice: UuidChoice;
  /** the token-uuid made here (choice "generate"); a secret */
  generatedUuid: string;
  /** the token-uuid pasted (choice "paste"); a secret */
  pastedUuid: string;
  /** seconds; '' = unset */
  tolerance: string;
  /** minutes; '' = unset */
  ttl: string;
}

export const CS_OPTION_FIELDS = ['token-authentication-mode', 'token-preambula', 'token-uuid', 'token-tolerance', 'token-ttl'] as const;
export type CsOptionField = (typeof CS_OPTION_FIELDS)[number];

const FIELD_SUFFIX: Record<CsOptionField, string> = {
  'token-authentication-mode': 'mode',
  'token-preambula': 'preamble',
  'token-uuid': 'uuid',
  'token-tolerance': 'tolerance',
  'token-ttl': 'ttl',
};

/** The element id of a field's control in an editor with this id prefix (a problem list links to it). */
export function csFieldId(prefix: string, field: CsOptionField): string {
  return `${prefix}-${FIELD_SUFFIX[field]}`;
}

export interface FieldProblem {
  message: string;
  /** the value the person most likely meant, offered as a one-click fix; never a secret */
  suggestion?: string;
}

/** What the CS would run with: the mock CS's option names, numbers parsed. */
export interface CsTokenSettings {
  tokenAuthenticationMode: 'enable' | 'disable';
  tokenPreambula: string;
  /** a UUID; null: left to the CS; undefined: kept as it is (choice "keep") */
  tokenUuid: string | null | undefined;
  tokenToleranceSeconds: number | null;
  tokenTtlMinutes: number | null;
}

export interface CsOptionsCheck {
  valid: boolean;
  errors: Partial<Record<CsOptionField, FieldProblem>>;
  /** not errors: a spelling that will be written normalised, or what a value like 0 means */
  notes: Partial<Record<CsOptionField, string>>;
  /** the values as the CS would read them; an invalid one counts as unset (its default applies) */
  settings: CsTokenSettings;
}

export function defaultCsOptions(): CsOptionsValues {
  return {
    mode: 'enable',
    preamble: DEFAULT_PREAMBLE,
    uuidChoice: 'cs',
    generatedUuid: '',
    pastedUuid: '',
    tolerance: '',
    ttl: '',
  };
}

/** The token-uuid the values name: the generated or pasted one, null when left to the CS, undefined when kept. */
export function chosenUuid(values: CsOptionsValues): string | null | undefined {
  switch (values.uuidChoice) {
    case 'generate':
      return values.generatedUuid;
    case 'paste':
      return values.pastedUuid;
    case 'cs':
      return null;
    case 'keep':
      return undefined;
  }
}

const def = (name: CsOptionField): OptionDefinition => optionDefinition(name);

function problemOf(check: ValueCheck & { status: 'invalid' }, secret: boolean): FieldProblem {
  // A suggestion for a secret would be a guess at the secret: there is none (the catalog gives none either).
  return !secret && check.suggestion !== null ? { message: check.reason, suggestion: check.suggestion } : { message: check.reason };
}

/** An optional whole number: '' is unset; else the catalog's check (range, units, spelling). */
function checkOptionalInteger(
  field: 'token-tolerance' | 'token-ttl',
  raw: string,
  errors: CsOptionsCheck['errors'],
  notes: CsOptionsCheck['notes'],
): number | null {
  if (raw.trim() === '') return null;
  const check = checkOptionValue(def(field), raw);
  if (check.status === 'invalid') {
    errors[field] = problemOf(check, false);
    return null;
  }
  if (check.status === 'not-normal') notes[field] = `${capitalise(check.reason)}.`;
  const n = Number(check.normal);
  if (n === 0)
    notes[field] =
      field === 'token-tolerance'
        ? '0 means the default: the CS uses 60 s, the same as leaving the option unset.'
        : '0 means unset: the CS uses GAX token_life_in_minutes, or 1440 min when that is unset too.';
  return n;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function checkCsOptions(values: CsOptionsValues): CsOptionsCheck {
  const errors: CsOptionsCheck['errors'] = {};
  const notes: CsOptionsCheck['notes'] = {};

  let preamble = values.preamble;
  const preambleCheck = checkOptionValue(def('token-preambula'), values.preamble);
  if (preambleCheck.status === 'invalid') {
    errors['token-preambula'] = problemOf(preambleCheck, false);
    preamble = DEFAULT_PREAMBLE;
  } else if (values.preamble !== DEFAULT_PREAMBLE)
    notes['token-preambula'] = `Genesys recommends the default, ${DEFAULT_PREAMBLE}, unless you have an overriding reason.`;

  let tokenUuid = chosenUuid(values);
  if (values.uuidChoice === 'generate' || values.uuidChoice === 'paste') {
    const check = checkOptionValue(def('token-uuid'), tokenUuid ?? '');
    if (check.status === 'invalid') {
      errors['token-uuid'] = problemOf(check, true);
      tokenUuid = null;
    } else tokenUuid = (tokenUuid ?? '').trim();
  }

  const tokenToleranceSeconds = checkOptionalInteger('token-tolerance', values.tolerance, errors, notes);
  const tokenTtlMinutes = checkOptionalInteger('token-ttl', values.ttl, errors, notes);

  return {
    valid: Object.keys(errors).length === 0,
    errors,
    notes,
    settings: { tokenAuthenticationMode: values.mode, tokenPreambula: preamble, tokenUuid, tokenToleranceSeconds, tokenTtlMinutes },
  };
}
