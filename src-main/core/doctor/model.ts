/** What the rules ask of a file: the value an application actually reads for an option, and pairs of CS and GAX files. */
import type { TokenTimeOptions } from '../window.js';
import { HOME_SECTION, acceptedValue, checkOptionValue, optionDefinition, type OptionName, type ValueCheck } from '../options/index.js';
import type { ParsedFile } from './reader.js';
import type { AppModel, Entry, RuleContext } from './types.js';

export function modelFromParsed(file: ParsedFile): AppModel {
  return {
    application: file.application,
    role: file.role ?? file.application,
    fileName: file.name,
    entries: file.sections.flatMap((s) => s.options.map((o): Entry => ({ section: s.name, name: o.name, value: o.value, line: o.line }))),
  };
}

export function makeContext(files: AppModel[], users: readonly string[] | undefined, clockOffsetSeconds: number | undefined): RuleContext {
  return {
    files,
    cs: files.filter((f) => f.application === 'cs' && showsTokenOptions(f)),
    gax: files.filter((f) => f.application === 'gax'),
    users: users ? [...users] : undefined,
    clockOffsetSeconds,
  };
}

/**
 * False for a master CS's local configuration file without a [system] section: it holds none of the
 * token options, so it says nothing of what that CS runs with (CS_LOCAL_CONFIG_FILE says so) and is
 * neither paired with GAX nor compared with the other CSs.
 */
export function showsTokenOptions(app: AppModel): boolean {
  return app.role !== 'cs-local-config' || app.entries.some((e) => e.section.toLowerCase() === HOME_SECTION.cs);
}

/** Every line of a known option where its application reads it: the right name in the home section. */
export function homeEntries(app: AppModel, name: OptionName): Entry[] {
  const def = optionDefinition(name);
  if (def.application !== app.application) return [];
  return app.entries.filter((e) => e.section === HOME_SECTION[app.application] && e.name === name);
}

export interface EffectiveOption {
  entry: Entry;
  check: ValueCheck;
  /** the value the application runs with when it accepts the spelling; undefined when it cannot read it */
  accepted: string | undefined;
}

/**
 * The option as its application reads it. With repeated lines the last is taken: Genesys keeps one
 * value per option and does not document which an import keeps (DUPLICATE_OPTION says so).
 */
export function effective(app: AppModel | undefined, name: OptionName): EffectiveOption | undefined {
  if (!app) return undefined;
  const entries = homeEntries(app, name);
  const entry = entries[entries.length - 1];
  if (!entry) return undefined;
  const check = checkOptionValue(optionDefinition(name), entry.value);
  return { entry, check, accepted: acceptedValue(check) };
}

export function acceptedNumber(app: AppModel | undefined, name: OptionName): number | null {
  const v = effective(app, name)?.accepted;
  return v === undefined ? null : Number(v);
}

export function timeOptions(cs: AppModel | undefined, gax: AppModel | undefined): TokenTimeOptions {
  return {
    tokenToleranceSeconds: acceptedNumber(cs, 'token-tolerance'),
    tokenTtlMinutes: acceptedNumber(cs, 'token-ttl'),
    gaxTokenLifeMinutes: acceptedNumber(gax, 'token_life_in_minutes'),
  };
}

/** Every CS file with every GAX file; a missing side is undefined, so single-file checks still run. */
export function pairs(ctx: RuleContext): { cs: AppModel | undefined; gax: AppModel | undefined }[] {
  const css: (AppModel | undefined)[] = ctx.cs.length ? ctx.cs : [undefined];
  const gaxes: (AppModel | undefined)[] = ctx.gax.length ? ctx.gax : [undefined];
  return css.flatMap((cs) => gaxes.map((gax) => ({ cs, gax })));
}

/** Is token authentication on for this CS (a value it accepts, spelt `enable`)? */
export function csTokensEnabled(cs: AppModel | undefined): boolean {
  return effective(cs, 'token-authentication-mode')?.accepted === 'enable';
}

export function gaxSendsTokens(gax: AppModel | undefined): boolean {
  return effective(gax, 'confserv_trusted')?.accepted === 'true';
}
