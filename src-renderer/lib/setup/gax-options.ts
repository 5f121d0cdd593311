/**
 * GAX `[general]` as the wizard edits it: `confserv_trusted` and `token_life_in_minutes`, checked with
 * the Genesys option catalog. The token life is required here although GAX has a default: Genesys
 * does not publish that default, and the wizard needs a number to mint its sample token and to log in.
 */
import { checkOptionValue, fromMockCsOptions, optionDefinition } from '../../../src-main/core/browser.js';
import type { FieldProblem } from '../options/cs-options.svelte.js';

export interface GaxOptionsValues {
  trusted: 'true' | 'false';
  /** minutes, as typed */
  life: string;
}

export type GaxOptionField = 'confserv_trusted' | 'token_life_in_minutes';

export interface GaxTokenSettings {
  confservTrusted: boolean;
  /** null while the typed value is not a valid life */
  tokenLifeMinutes: number | null;
}

export interface GaxOptionsCheck {
  valid: boolean;
  errors: Partial<Record<GaxOptionField, FieldProblem>>;
  notes: Partial<Record<GaxOptionField, string>>;
  settings: GaxTokenSettings;
}

/** The life the wizard starts with: the longest in Genesys's own token-ttl example ("a token valid from 12:00 to 1:00"). */
export const WIZARD_START_LIFE_MINUTES = 60;

export function defaultGaxOptions(): GaxOptionsValues {
  return { trusted: 'true', life: String(WIZARD_START_LIFE_MINUTES) };
}

export function checkGaxOptions(values: GaxOptionsValues): GaxOptionsCheck {
  const errors: GaxOptionsCheck['errors'] = {};
  const notes: GaxOptionsCheck['notes'] = {};
  let tokenLifeMinutes: number | null = null;
  if (values.life.trim() === '')
    errors.token_life_in_minutes = {
      message: 'the token life is empty; this wizard needs it to mint a sample token and to try a login (Genesys does not publish GAX’s default)',
    };
  else {
    const check = checkOptionValue(optionDefinition('token_life_in_minutes'), values.life);
    if (check.status === 'invalid')
      errors.token_life_in_minutes = check.suggestion !== null ? { message: check.reason, suggestion: check.suggestion } : { message: check.reason };
    else {
      if (check.status === 'not-normal') notes.token_life_in_minutes = `${check.reason.charAt(0).toUpperCase()}${check.reason.slice(1)}.`;
      tokenLifeMinutes = Number(check.normal);
    }
  }
  if (values.trusted === 'false')
    notes.confserv_trusted = 'With false, GAX keeps sending each user’s password: the CS settings of step 1 are then not used.';
  return {
    valid: Object.keys(errors).length === 0,
    errors,
    notes,
    settings: { confservTrusted: values.trusted === 'true', tokenLifeMinutes },
  };
}

/** The `[general]` lines, written by the core's converter (the one the doctor's fixes use). */
export function gaxGeneralSection(settings: GaxTokenSettings): Record<string, string> {
  const { gax } = fromMockCsOptions({ gaxTokenLifeMinutes: settings.tokenLifeMinutes }, { confservTrusted: settings.confservTrusted });
  return { ...(gax.sections['general'] ?? {}) };
}

/**
 * A `[general]` section (a file, a profile, the doctor's corrected lines) as wizard values, read as GAX
 * reads it: no confserv_trusted means false; no token_life_in_minutes stays empty, so the person is
 * asked for one instead of being given a number nobody chose.
 */
export function gaxOptionsFromSection(general: Record<string, string>): GaxOptionsValues {
  const trusted = general['confserv_trusted']?.trim().toLowerCase();
  return { trusted: trusted === 'true' ? 'true' : 'false', life: general['token_life_in_minutes'] ?? '' };
}
