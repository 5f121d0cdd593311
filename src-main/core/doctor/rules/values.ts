/**
 * One option's value against what Genesys accepts: INVALID_VALUE, VALUE_NOT_NORMAL,
 * PREAMBLE_INVALID, UUID_MALFORMED; and what a value implies on its own: PREAMBLE_AMBIGUOUS,
 * UUID_NOT_SET. A token-uuid's value is never quoted.
 */
import { DEFAULT_PREAMBLE } from '../../constants.js';
import { findOption, optionLabel, optionsOf, suggestOptionName, type OptionDefinition, type OptionName } from '../../options/index.js';
import { csTokensEnabled, effective, gaxSendsTokens, type EffectiveOption } from '../model.js';
import { COMMON_PASSWORD_BEGINNINGS, PREAMBLE_MIN_LENGTH } from '../thresholds.js';
import type { AppModel, Draft, Edit, RuleContext, RuleId } from '../types.js';
import { atLine, quote } from '../wording.js';

const WHY_INVALID: Partial<Record<OptionName, string>> = {
  'token-authentication-mode':
    'Genesys accepts only enable or disable. A CS that does not recognise the value cannot be relied on to turn token authentication on: expect it to stay off, so a token in the Password field is checked as a plain password and the login fails.',
  'token-tolerance':
    'Genesys accepts a whole number of seconds, 1–2147483647 (0 means the default). The CS cannot use this value: expect it to apply the default, 60 s, whatever was meant.',
  'token-ttl':
    'Genesys accepts a whole number of minutes, 1–2147483647 (0 means unset). The CS cannot use this value: expect it to take its validity window from GAX token_life_in_minutes (or 1440 min) instead.',
  confserv_trusted:
    'Genesys accepts only true or false. GAX cannot be relied on to read this as true: expect it to keep logging in with passwords.',
  token_life_in_minutes:
    'GAX sets each token\'s expiry to its issue time plus token_life_in_minutes, so it needs a positive number of minutes. With this value GAX cannot be relied on to mint tokens the CS accepts, and the CS reads the option as unset when it sizes its window.',
};

const WHY_NOT_NORMAL: Partial<Record<OptionName, string>> = {
  'token-authentication-mode': 'if it does not, token authentication stays off and every token login fails',
  'token-tolerance': 'if it does not, it applies the default of 60 s',
  'token-ttl': 'if it does not, it takes its window from GAX token_life_in_minutes',
  confserv_trusted: 'if it does not, GAX keeps logging in with passwords',
  token_life_in_minutes: 'if it does not, GAX mints tokens with its default life',
};

function idFor(def: OptionDefinition): RuleId {
  if (def.kind === 'preamble') return 'PREAMBLE_INVALID';
  if (def.kind === 'uuid') return 'UUID_MALFORMED';
  return 'INVALID_VALUE';
}

/**
 * The value to write instead of one Genesys does not accept and that has no likely meaning: for the
 * on/off options, the setting the other application expects; for the rest, the default.
 */
function fallbackEdit(app: AppModel, def: OptionDefinition, ctx: RuleContext, line: number | null): Edit {
  const base = { application: app.application, file: app.fileName };
  if (def.name === 'token-authentication-mode')
    return { ...base, kind: 'set', name: def.name, value: ctx.gax.some(gaxSendsTokens) ? 'enable' : 'disable' };
  if (def.name === 'confserv_trusted')
    return { ...base, kind: 'set', name: def.name, value: ctx.cs.some(csTokensEnabled) ? 'true' : 'false' };
  if (def.default !== null) return { ...base, kind: 'set', name: def.name, value: def.default };
  const note =
    def.name === 'token-uuid'
      ? 'the CS then uses the UUID the primary master CS generated, and GAX reads it from the configuration; or write your UUID as 8-4-4-4-12 hex digits'
      : `not a value Genesys accepts; unset, it means: ${def.defaultMeaning}`;
  return { ...base, kind: 'unset', name: def.name, line, note };
}

function invalidValue(app: AppModel, def: OptionDefinition, e: EffectiveOption, ctx: RuleContext): Draft | null {
  const { check, entry } = e;
  const common = { application: app.application, file: app.fileName, line: entry.line, option: def.name };
  if (check.status === 'ok') return null;
  if (check.status === 'not-normal')
    return {
      ...common,
      id: 'VALUE_NOT_NORMAL',
      severity: 'warning',
      message: `${optionLabel(def)}=${quote(entry.value)}${atLine(entry.line)}: ${check.reason}`,
      why: `Genesys documents the value as ${quote(check.normal)}; whether ${app.application === 'cs' ? 'the CS' : 'GAX'} also takes ${quote(entry.value)} is not documented — ${WHY_NOT_NORMAL[def.name] ?? 'it may not'}. Writing the documented spelling removes the doubt.`,
      edits: [{ kind: 'set', application: app.application, file: app.fileName, name: def.name, value: check.normal }],
    };
  const id = idFor(def);
  const shown = def.secret ? '' : `=${quote(entry.value)}`;
  const edit: Edit =
    check.suggestion !== null
      ? { kind: 'set', application: app.application, file: app.fileName, name: def.name, value: check.suggestion }
      : fallbackEdit(app, def, ctx, entry.line);
  let why = WHY_INVALID[def.name] ?? '';
  if (id === 'PREAMBLE_INVALID')
    why = `The CS recognises a token by the preamble at the start of the Password field, and GAX puts it there. A preamble must be 1–16 printable ASCII characters without spaces (the token format): this one cannot be put in a token, so token logins fail. Genesys recommends the default, ${DEFAULT_PREAMBLE}.`;
  if (id === 'UUID_MALFORMED')
    why = 'GAX and the CS derive the key that signs tokens from token-uuid. The CS cannot read this one as a UUID, so no token signature can be checked against it: every token login fails.';
  return {
    ...common,
    id,
    severity: 'error',
    message: `${optionLabel(def)}${shown}${atLine(entry.line)}: ${check.reason}`,
    why,
    edits: [edit],
  };
}

/** Why a valid preamble could also be how an ordinary password begins, or null. */
export function preambleAmbiguity(preamble: string): string | null {
  if (preamble.length < PREAMBLE_MIN_LENGTH)
    return `it is only ${preamble.length} character${preamble.length === 1 ? '' : 's'} long`;
  const lower = preamble.toLowerCase();
  const common = COMMON_PASSWORD_BEGINNINGS.find((p) => p.startsWith(lower));
  if (common) return `common passwords begin with it (such as ${quote(common)})`;
  if (/^[A-Za-z0-9]+$/.test(preamble)) return 'it is only letters and digits, like the beginning of many passwords';
  return null;
}

function ambiguousPreamble(app: AppModel, e: EffectiveOption): Draft | null {
  if (e.accepted === undefined) return null;
  const reason = preambleAmbiguity(e.accepted);
  if (!reason) return null;
  return {
    id: 'PREAMBLE_AMBIGUOUS',
    severity: 'warning',
    message: `[system] token-preambula=${quote(e.accepted)}${atLine(e.entry.line)}: ${reason}`,
    why: `The CS tells a token from a password only by the start of the Password field. A user whose ordinary password starts with ${quote(e.accepted)} has it taken for a token, which does not decode, so that user's password logins are refused while token authentication is on. Genesys recommends the default, ${DEFAULT_PREAMBLE}.`,
    edits: [{ kind: 'set', application: 'cs', file: app.fileName, name: 'token-preambula', value: DEFAULT_PREAMBLE }],
    application: 'cs',
    file: app.fileName,
    line: e.entry.line,
    option: 'token-preambula',
  };
}

function uuidNotSet(app: AppModel): Draft | null {
  if (app.application !== 'cs' || effective(app, 'token-uuid') || !csTokensEnabled(app)) return null;
  // A misspelt or misplaced token-uuid is set by its own fix: "not set, nothing to do" would mislead.
  if (app.entries.some((e) => (findOption(e.name) ?? suggestOptionName(e.name)?.definition)?.name === 'token-uuid')) return null;
  return {
    id: 'UUID_NOT_SET',
    severity: 'info',
    message: '[system] token-uuid is not set',
    why: 'Nothing to do: the CS uses the UUID the primary master CS generated for the Configuration Database, and GAX reads it from the configuration. Set one only if you need to know the value, e.g. to check tokens with this tool.',
    edits: [],
    application: 'cs',
    file: app.fileName,
    line: null,
    option: 'token-uuid',
  };
}

export function valuesRule(ctx: RuleContext): Draft[] {
  const drafts: Draft[] = [];
  for (const app of ctx.files) {
    for (const def of optionsOf(app.application)) {
      const e = effective(app, def.name);
      if (!e) continue;
      const d = invalidValue(app, def, e, ctx);
      if (d) drafts.push(d);
      if (def.name === 'token-preambula') {
        const a = ambiguousPreamble(app, e);
        if (a) drafts.push(a);
      }
    }
    const u = uuidNotSet(app);
    if (u) drafts.push(u);
  }
  return drafts;
}
