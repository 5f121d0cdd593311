/**
 * One option's value against what Genesys accepts: INVALID_VALUE, VALUE_NOT_NORMAL,
 * PREAMBLE_INVALID, UUID_MALFORMED; and what a value implies on its own: PREAMBLE_AMBIGUOUS,
 * UUID_NOT_SET. A token-uuid's value is never quoted.
 */
import { DEFAULT_PREAMBLE } from '../../constants.js';
import { adviceSource, genesysSource, modelSource, type Source } from '../../sources.js';
import { findOption, optionLabel, optionsOf, suggestOptionName, type OptionDefinition, type OptionName } from '../../options/index.js';
import { COMPARE_TOKEN_UUID } from '../fix.js';
import { csTokensEnabled, effective, gaxSendsTokens, type EffectiveOption } from '../model.js';
import { COMMON_PASSWORD_BEGINNINGS, PREAMBLE_MIN_LENGTH } from '../thresholds.js';
import type { AppModel, Draft, Edit, RuleContext, RuleId } from '../types.js';
import { atLine, quote } from '../wording.js';

const WHY_INVALID: Partial<Record<OptionName, string>> = {
  'token-authentication-mode':
    'Genesys names one value, enable, which turns token authentication on for all ports; token authentication is not enabled by default. Expect it to stay off with this value, so a token in the Password field is not looked for and the login fails.',
  'token-tolerance':
    'Genesys publishes a whole number of seconds, 1–2147483647, unset or 0 meaning the default (documented for Configuration Server Proxy). Expect the CS not to use this value: the default, 60 s, whatever was meant.',
  'token-ttl':
    'Genesys publishes a whole number of minutes, 1–2147483647, unset or 0 meaning "use GAX token_life_in_minutes" (documented for Configuration Server Proxy). Expect the CS not to use this value.',
  confserv_trusted:
    'Genesys names true, which makes GAX use tokens. With this value expect GAX to keep logging in with passwords (what GAX does with it is not published).',
  token_life_in_minutes:
    'It is a number of minutes (Genesys publishes no range and no default for it). What GAX does with this value is not published; the CS Proxy page reads a value it cannot use as unset when it sizes its window.',
};

const WHY_NOT_NORMAL: Partial<Record<OptionName, string>> = {
  'token-authentication-mode': 'if it does not, token authentication stays off and every token login fails',
  'token-tolerance': 'if it does not, it applies the default of 60 s',
  'token-ttl': 'if it does not, it takes its window from GAX token_life_in_minutes',
  confserv_trusted: 'if it does not, GAX keeps logging in with passwords',
  token_life_in_minutes: 'if it does not, GAX mints tokens with its default life',
};

/** Whose word a value check is: the published value sets and ranges, or the tool's PXZ-1 for the preamble and UUID forms. */
function sourceOf(def: OptionDefinition): Source {
  if (def.kind === 'preamble') return modelSource('PXZ-1');
  if (def.name === 'token-tolerance' || def.name === 'token-ttl') return genesysSource('CSP-SYSTEM');
  if (def.application === 'gax' && def.kind === 'integer') return adviceSource();
  return genesysSource('GAX-SECURE');
}

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
    return ctx.gax.some(gaxSendsTokens)
      ? { ...base, kind: 'set', name: def.name, value: 'enable' }
      : { ...base, kind: 'unset', name: def.name, line, note: 'token authentication is off unless it is enable' };
  if (def.name === 'confserv_trusted') return { ...base, kind: 'set', name: def.name, value: ctx.cs.some(csTokensEnabled) ? 'true' : 'false' };
  if (def.default !== null) return { ...base, kind: 'set', name: def.name, value: def.default };
  const note = `not a value Genesys publishes; unset, it means: ${def.defaultMeaning}`;
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
      source: def.kind === 'mode' || def.kind === 'boolean' ? genesysSource('GAX-SECURE') : adviceSource(),
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
  let severity: Draft['severity'] = sourceOf(def).kind === 'genesys' && def.application === 'cs' ? 'error' : 'warning';
  let edits: Edit[] = [edit];
  if (id === 'PREAMBLE_INVALID')
    why = `The CS recognises a token by the preamble at the start of the Password field (Genesys). That a preamble is 1–16 printable ASCII characters without spaces is the rule of the tool's reference token format (PXZ-1), not a published one: with that format this value cannot be put in a token. Genesys recommends not configuring token-preambula, so the default ${DEFAULT_PREAMBLE} applies.`;
  if (id === 'UUID_MALFORMED') {
    severity = 'warning';
    why =
      def.kind === 'uuid' && /^[0-9a-f]{32}$/i.test(entry.value.trim())
        ? "Genesys describes token-uuid as a UUID and uses its value as a salt for the key; it publishes no text form. 32 hex digits without dashes is not a form the tool's model (PXZ-1) reads, so tokens cannot be checked here with it — whether the CS takes it is not published. Do not change it on a running deployment: every GAX and CS signs or checks with the key it gives."
        : 'Genesys describes token-uuid as a UUID and uses its value as a salt for the key. This value is not one in any form the tool reads; what the CS does with it is not published, and GAX and the CS agree only if both use exactly this value. Do not change it on a running deployment: every GAX and CS signs or checks with the key it gives.';
    edits = [
      {
        kind: 'note',
        application: app.application,
        file: app.fileName,
        text: COMPARE_TOKEN_UUID,
      },
    ];
  }
  return {
    ...common,
    id,
    severity,
    source: id === 'UUID_MALFORMED' && /^[0-9a-f]{32}$/i.test(entry.value.trim()) ? modelSource('PXZ-1') : sourceOf(def),
    message: `${optionLabel(def)}${shown}${atLine(entry.line)}: ${check.reason}`,
    why,
    edits,
  };
}

/**
 * token_life_in_minutes=0: Genesys does not say what GAX does with it; the CS Proxy page reads 0 as
 * unset (then token-ttl, else 1440 min). Not an error: advice to write what is meant.
 */
function lifeZero(app: AppModel, e: EffectiveOption): Draft | null {
  if (e.entry.value.trim() !== '0') return null;
  return {
    id: 'INVALID_VALUE',
    severity: 'warning',
    source: adviceSource(),
    message: `[general] token_life_in_minutes=0${atLine(e.entry.line)}: what GAX does with 0 is not published`,
    why: "The Configuration Server Proxy page reads token_life_in_minutes=0 as unset when it sizes the window (then token-ttl, else 1440 min); how long GAX makes its tokens live with 0 is not published. Leave the option out to use GAX's default, as Genesys recommends, or write the number of minutes you mean.",
    edits: [
      {
        kind: 'unset',
        application: 'gax',
        file: app.fileName,
        name: 'token_life_in_minutes',
        line: e.entry.line,
        note: "0 is not a published value: GAX's default applies",
      },
    ],
    application: 'gax',
    file: app.fileName,
    line: e.entry.line,
    option: 'token_life_in_minutes',
  };
}

/** Why a valid preamble could also be how an ordinary password begins, or null. */
export function preambleAmbiguity(preamble: string): string | null {
  if (preamble.length < PREAMBLE_MIN_LENGTH) return `it is only ${preamble.length} character${preamble.length === 1 ? '' : 's'} long`;
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
    why: `The CS looks for the preamble at the start of the Password field (Genesys); judging how likely a password is to start with it is the tool's advice. A user whose ordinary password starts with ${quote(e.accepted)} has it taken for a token, which does not decode, so that user's password logins are refused while token authentication is on. Genesys recommends the default, ${DEFAULT_PREAMBLE}.`,
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
    why: "Nothing to do: the CS uses the value the primary master CS generated for the Configuration Database (Genesys), and in the tool's model GAX signs with that same value. That value is in no export: the doctor cannot compare it with what GAX uses.",
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
      const zero = def.name === 'token_life_in_minutes' ? lifeZero(app, e) : null;
      const d = zero ?? invalidValue(app, def, e, ctx);
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
