/**
 * Lines that do not reach the option they were meant for: a misspelt name (UNKNOWN_OPTION), a
 * known option in the wrong section or application (WRONG_SECTION), and one option set twice
 * (DUPLICATE_OPTION). Unknown options near no token option are left alone: real exports hold many
 * options this tool has no business judging.
 */
import {
  HOME_SECTION,
  checkOptionValue,
  findOption,
  looksLikeTokenSetting,
  optionLabel,
  optionsOf,
  suggestOptionName,
  type OptionDefinition,
} from '../../options/index.js';
import { modelSource } from '../../sources.js';
import { effective, homeEntries } from '../model.js';
import type { AppModel, Draft, Edit, Entry, RuleContext } from '../types.js';
import { appName, atLine, formatLines, quote, shownAssignment, theApp } from '../wording.js';
import { insteadOf } from './consequences.js';

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The value to carry over to the intended option: its normal spelling, or the likely meant value, else as written. */
function carriedValue(def: OptionDefinition, value: string): string {
  const check = checkOptionValue(def, value);
  if (check.status !== 'invalid') return check.normal;
  return check.suggestion ?? value;
}

/** Edits that move a line's value to where `def` belongs: delete the line; set it there unless already set. */
function moveEdits(app: AppModel, entry: Entry, def: OptionDefinition, ctx: RuleContext, note: string): Edit[] {
  const edits: Edit[] = [
    { kind: 'delete', application: app.application, file: app.fileName, section: entry.section, name: entry.name, line: entry.line, note },
  ];
  if (def.application === app.application) {
    if (!effective(app, def.name))
      edits.push({
        kind: 'set',
        application: app.application,
        file: app.fileName,
        name: def.name,
        value: carriedValue(def, entry.value),
        sourceLine: entry.line,
      });
    return edits;
  }
  if (def.name === 'token-uuid') return edits; // GAX has no token-uuid of its own; the CS's is the one that counts
  const other = def.application === 'cs' ? ctx.cs[0] : ctx.gax[0];
  if (other && effective(other, def.name)) return edits;
  edits.push({
    kind: 'set',
    application: def.application,
    file: other?.fileName ?? null,
    name: def.name,
    value: carriedValue(def, entry.value),
    sourceLine: null,
    onlyIfUnset: true,
  });
  return edits;
}

function unknownOption(app: AppModel, entry: Entry, ctx: RuleContext): Draft | null {
  const suggestion = suggestOptionName(entry.name);
  const home = HOME_SECTION[app.application];
  if (!suggestion) {
    if (entry.section !== home || !looksLikeTokenSetting(entry.name)) return null;
    return {
      id: 'UNKNOWN_OPTION',
      severity: 'info',
      message: `[${entry.section}] ${entry.name}${atLine(entry.line)} is not a token option Genesys documents`,
      why: `${cap(theApp(app.application))} ignores options it does not know, so this line has no effect on token logins. The token options are ${optionsOf(
        app.application,
      )
        .map((d) => d.name)
        .join(', ')}.`,
      edits: [],
      application: app.application,
      file: app.fileName,
      line: entry.line,
      option: entry.name,
    };
  }
  const def = suggestion.definition;
  const sameApp = def.application === app.application;
  const target = sameApp ? optionLabel(def) : optionLabel(def, true);
  const how =
    suggestion.basis === 'case-or-separators'
      ? 'Option names are matched exactly, with their case and their "-" or "_"'
      : 'Option names are matched exactly';
  return {
    id: 'UNKNOWN_OPTION',
    severity: 'warning',
    message: `[${entry.section}] ${entry.name}${atLine(entry.line)} is not a Genesys option; it looks like ${target}`,
    why: sameApp
      ? `${how}: ${theApp(app.application)} ignores ${entry.name}, so ${insteadOf(def, app)}.`
      : `${how}, and ${def.name} is a ${appName(def.application)} option: ${theApp(app.application)} ignores this line, and ${theApp(def.application)} does not read it from here.`,
    edits: moveEdits(app, entry, def, ctx, `misspelt ${def.name}`),
    application: app.application,
    file: app.fileName,
    line: entry.line,
    option: entry.name,
  };
}

function wrongSection(app: AppModel, entry: Entry, def: OptionDefinition, ctx: RuleContext): Draft {
  const sameApp = def.application === app.application;
  const home = HOME_SECTION[def.application];
  let why: string;
  if (!sameApp && def.name === 'token-uuid')
    why =
      "In the tool's model GAX has no token-uuid option of its own: it signs with its CS's token-uuid (Genesys does not publish how GAX obtains it). So this line most likely has no effect, and it leaves a secret where nobody looks after it — but if GAX's tokens are accepted today, compare this value with the CS's before you take it out.";
  else if (!sameApp)
    why = `Only ${theApp(def.application)} reads ${def.name}, from its own [${home}] section: in the ${appName(app.application)} application's options this line has no effect.`;
  else if (entry.section.toLowerCase() === home)
    why = `Genesys documents these options in the [${home}] section; that a section name differing in case or spaces is another section is the tool's model, so expect that ${insteadOf(def, app)}.`;
  else
    why = `${cap(theApp(app.application))} reads token options only from its [${home}] section, so this line has no effect: ${insteadOf(def, app)}.`;
  return {
    id: 'WRONG_SECTION',
    severity: 'warning',
    ...(!sameApp && def.name === 'token-uuid' ? { source: modelSource('GAX-SIDE') } : {}),
    message: sameApp
      ? `${def.name}${atLine(entry.line)} is under [${entry.section}]; it belongs under [${home}]`
      : `${def.name}${atLine(entry.line)} is in the ${appName(app.application)} application's options; it belongs to ${theApp(def.application)}, under [${home}]`,
    why,
    edits: moveEdits(app, entry, def, ctx, sameApp ? `belongs under [${home}]` : `a ${appName(def.application)} option`),
    application: app.application,
    file: app.fileName,
    line: entry.line,
    option: entry.name,
  };
}

function duplicates(app: AppModel): Draft[] {
  const drafts: Draft[] = [];
  for (const def of optionsOf(app.application)) {
    const entries = homeEntries(app, def.name);
    if (entries.length < 2) continue;
    const last = entries[entries.length - 1] as Entry;
    const lines = entries.flatMap((e) => (e.line === null ? [] : [e.line]));
    const differ = new Set(entries.map((e) => e.value)).size > 1;
    const values = def.secret ? '' : ` (${entries.map((e) => quote(e.value)).join(', ')})`;
    drafts.push({
      id: 'DUPLICATE_OPTION',
      severity: differ ? 'warning' : 'info',
      message: `${optionLabel(def)} is set ${entries.length} times${lines.length ? ` (${formatLines(lines)})` : ''}${differ ? ` with different values${values}` : ' with the same value'}`,
      why: differ
        ? `Genesys keeps one value per option and does not document which line an import keeps. The doctor reads the last one, ${shownAssignment(def.name, last.value)}${atLine(last.line)}, but ${theApp(app.application)} may end up with another, so the next login may not behave as this file suggests.`
        : 'Genesys keeps one value per option; the repeated line changes nothing but invites a later edit to one copy only.',
      edits: entries.slice(0, -1).map((e): Edit => ({
        kind: 'delete',
        application: app.application,
        file: app.fileName,
        section: e.section,
        name: e.name,
        line: e.line,
        note: `repeated${last.line === null ? '' : `; line ${last.line} is kept`}`,
      })),
      application: app.application,
      file: app.fileName,
      line: last.line,
      option: def.name,
    });
  }
  return drafts;
}

export function structureRule(ctx: RuleContext): Draft[] {
  const drafts: Draft[] = [];
  for (const app of ctx.files) {
    const home = HOME_SECTION[app.application];
    for (const entry of app.entries) {
      const def = findOption(entry.name);
      if (!def) {
        const d = unknownOption(app, entry, ctx);
        if (d) drafts.push(d);
      } else if (def.application !== app.application || entry.section !== home) {
        drafts.push(wrongSection(app, entry, def, ctx));
      }
    }
    drafts.push(...duplicates(app));
  }
  return drafts;
}
