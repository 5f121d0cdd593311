/**
 * Reading one option value the way Genesys documents it, and telling three cases apart:
 *   ok          — the value is exactly one Genesys accepts;
 *   not-normal  — it means an accepted value but is spelt in a way the application may not accept
 *                 (`Enable`, `TRUE`, ` 60 `, `060`): `normal` is the spelling to write;
 *   invalid     — Genesys does not accept it; `suggestion` is the value the person most likely meant
 *                 (`yes` → `true`, `2min` → `120` seconds), or null when there is no safe guess.
 * A token-uuid is a secret: no reason here ever quotes a value.
 */
import { checkPreamble } from '../inputs.js';
import { parseTokenUuid } from '../uuid.js';
import { DEFAULT_PREAMBLE } from '../constants.js';
import type { OptionDefinition } from './catalog.js';

export type ValueCheck =
  | { status: 'ok'; normal: string }
  | { status: 'not-normal'; normal: string; reason: string }
  | { status: 'invalid'; reason: string; suggestion: string | null };

export function checkOptionValue(def: OptionDefinition, raw: string): ValueCheck {
  switch (def.kind) {
    case 'mode':
    case 'boolean':
      return checkWord(def, raw);
    case 'integer':
      return checkInteger(def, raw);
    case 'preamble':
      return checkPreambleValue(raw);
    case 'uuid':
      return checkUuidValue(raw);
  }
}

/** The value an application runs with when it accepts the spelling, else undefined. */
export function acceptedValue(check: ValueCheck): string | undefined {
  return check.status === 'invalid' ? undefined : check.normal;
}

// Words people write for "on" and "off" in option files; the accepted word is picked by meaning.
const AFFIRMATIVE = new Set(['enable', 'enabled', 'true', 'yes', 'y', 'on', '1']);
const NEGATIVE = new Set(['disable', 'disabled', 'false', 'no', 'n', 'off', '0']);

function checkWord(def: OptionDefinition, raw: string): ValueCheck {
  const values = def.values ?? [];
  const [on, off] = def.kind === 'mode' ? ['enable', 'disable'] : ['true', 'false'];
  if (values.includes(raw)) return { status: 'ok', normal: raw };
  const folded = raw.trim().toLowerCase();
  if (values.includes(folded)) {
    const how = describeSpelling(raw, folded);
    return { status: 'not-normal', normal: folded, reason: `${how}; Genesys documents it as "${folded}"` };
  }
  // Genesys names only `enable` for token-authentication-mode; `disable` is the tool's word for off.
  const accepts = def.kind === 'mode' ? `${on}, the only value Genesys names` : `${on} or ${off}`;
  if (folded === '') return { status: 'invalid', reason: `the value is empty; it must be ${accepts}`, suggestion: null };
  if (AFFIRMATIVE.has(folded)) return { status: 'invalid', reason: `"${raw.trim()}" is not ${accepts}`, suggestion: on ?? null };
  if (NEGATIVE.has(folded)) return { status: 'invalid', reason: `"${raw.trim()}" is not ${accepts}`, suggestion: off ?? null };
  return { status: 'invalid', reason: `"${raw.trim()}" is not ${accepts}`, suggestion: null };
}

function describeSpelling(raw: string, folded: string): string {
  const spaced = raw !== raw.trim();
  const cased = raw.trim() !== folded;
  if (spaced && cased) return 'it has spaces around it and capital letters';
  if (spaced) return 'it has spaces around it';
  return 'it has capital letters';
}

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
};

function checkInteger(def: OptionDefinition, raw: string): ValueCheck {
  const range = def.range ?? { min: 0, max: Number.MAX_SAFE_INTEGER };
  const unit = def.unit ?? 'seconds';
  const t = raw.trim();
  const inRange = (n: number) => n >= range.min && n <= range.max;
  const rangeText = range.min === 1 ? `a positive whole number (1–${range.max})` : `a whole number from ${range.min} to ${range.max}`;
  if (t === '') return { status: 'invalid', reason: `the value is empty; it must be ${rangeText}`, suggestion: null };
  const plain = /^\+?(\d+)$/.exec(t);
  if (plain) {
    const digits = plain[1] ?? '';
    const n = digits.replace(/^0+(?=\d)/, '').length > 10 ? Infinity : Number(digits);
    if (!inRange(n)) {
      const what = n < range.min ? `${n} is not positive` : `${t} is more than ${range.max}`;
      return { status: 'invalid', reason: `${what}; it must be ${rangeText}`, suggestion: null };
    }
    const normal = String(n);
    if (raw === normal) return { status: 'ok', normal };
    const how = raw !== t ? 'it has spaces around it' : t.startsWith('+') ? 'it has a plus sign' : 'it has leading zeros';
    return { status: 'not-normal', normal, reason: `${how}; write it as ${normal}` };
  }
  const withUnit = /^(\d+)\s*([a-z]+)$/i.exec(t);
  const factor = withUnit ? UNIT_SECONDS[(withUnit[2] ?? '').toLowerCase()] : undefined;
  if (withUnit && factor !== undefined) {
    const seconds = Number(withUnit[1]) * factor;
    const perUnit = unit === 'minutes' ? 60 : 1;
    const converted = seconds / perUnit;
    const suggestion = Number.isInteger(converted) && inRange(converted) ? String(converted) : null;
    return {
      status: 'invalid',
      reason: `"${t}" holds a unit; the option is a plain number of ${unit}`,
      suggestion,
    };
  }
  if (/^-\d+$/.test(t)) return { status: 'invalid', reason: `${t} is negative; it must be ${rangeText}`, suggestion: null };
  if (/^[+-]?\d*[.,]\d+$/.test(t)) return { status: 'invalid', reason: `"${t}" is not a whole number; it must be ${rangeText}`, suggestion: null };
  return { status: 'invalid', reason: `"${t}" is not a number; it must be ${rangeText}`, suggestion: null };
}

function checkPreambleValue(raw: string): ValueCheck {
  const problem = checkPreamble(raw);
  if (problem === null) return { status: 'ok', normal: raw };
  const trimmed = raw.trim();
  const suggestion = trimmed !== raw && checkPreamble(trimmed) === null ? trimmed : DEFAULT_PREAMBLE;
  return { status: 'invalid', reason: problem, suggestion };
}

function checkUuidValue(raw: string): ValueCheck {
  const parsed = parseTokenUuid(raw);
  if (parsed.ok) return { status: 'ok', normal: raw };
  // No suggestion: the right value is a secret only the person knows (or the CS generates).
  return { status: 'invalid', reason: parsed.reason, suggestion: null };
}
