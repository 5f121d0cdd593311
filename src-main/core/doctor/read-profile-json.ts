/** The tool's own profiles (and the plain `{application, sections}` shape) as parsed files. */
import { isSecretOptionName, optionSetFromJson, type OptionSet } from '../options/index.js';
import {
  lineAt,
  readFailure as fail,
  withApplication,
  type OptionTextInput,
  type ParsedFile,
  type ParsedSection,
  type ReadResult,
} from './read-result.js';

export function readProfileJson(input: OptionTextInput, body: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const line = jsonErrorLine(body, detail);
    return fail(
      'BAD_JSON',
      input.name,
      line,
      'this looks like JSON (it starts with "{") but is not valid JSON: save the profile again from the tool, or give the .cfg/.conf file',
    );
  }
  const parsed = optionSetFromJson(value);
  if (!parsed.ok) return fail('NOT_A_PROFILE', input.name, null, parsed.reason);
  const sections = sectionsFromSet(parsed.set, (section, name) => locateJsonKey(body, section, name));
  return withApplication(input, 'profile-json', sections, [], parsed.set.application);
}

/** A caller's own option set (the wizard's, a stored profile's) as a parsed file, without lines. */
export function readOptionSet(name: string, set: OptionSet): ParsedFile {
  return {
    name,
    format: 'option-set',
    application: set.application,
    applicationSource: 'caller',
    applicationReason: 'as given',
    sections: sectionsFromSet(set, () => null),
    normalised: [],
  };
}

function sectionsFromSet(set: OptionSet, lineOf: (section: string, name: string | null) => number | null): ParsedSection[] {
  return Object.entries(set.sections).map(([section, options]) => ({
    name: section,
    line: lineOf(section, null),
    options: Object.entries(options).map(([name, value]) => ({
      section,
      name,
      value,
      line: lineOf(section, name),
      secret: isSecretOptionName(name),
    })),
  }));
}

/** The line of `"name"` after `"section"` in JSON text; null when not found as written. */
function locateJsonKey(text: string, section: string, name: string | null): number | null {
  const sectionAt = text.indexOf(JSON.stringify(section));
  if (sectionAt < 0) return null;
  if (name === null) return lineAt(text, sectionAt);
  const at = text.indexOf(`${JSON.stringify(name)}`, sectionAt + 1);
  return at < 0 ? null : lineAt(text, at);
}

/** JSON.parse names a position ("at position 42") or a line ("line 3 column 5") depending on the Node version. */
function jsonErrorLine(text: string, message: string): number | null {
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(message);
  if (byPosition) return lineAt(text, Number(byPosition[1]));
  return null;
}

export type ExportReading = { ok: true; sets: { name: string; set: OptionSet }[] } | { ok: false; reason: string };

/**
 * A profiles export of the tool (`{"profiles": [...]}`, as the Profiles list saves it): each CS and
 * GAX profile becomes its own option set, named after the file and the profile; pairs only name
 * their members and are skipped. Null when the text is not such an export.
 */
export function profilesInExport(fileName: string, text: string): ExportReading | null {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trimStart().startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null; // the single-profile reader reports the JSON error with its line
  }
  const profiles = (value as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(profiles)) return null;
  const sets: { name: string; set: OptionSet }[] = [];
  for (const [i, p] of profiles.entries()) {
    const kind = (p as { kind?: unknown } | null)?.kind;
    if (kind === 'pair') continue;
    const parsed = optionSetFromJson(p);
    if (!parsed.ok) return { ok: false, reason: `profile ${i + 1}: ${parsed.reason}` };
    const label = typeof (p as { name?: unknown }).name === 'string' ? (p as { name: string }).name : `${i + 1}`;
    sets.push({ name: `${fileName} › ${kind === 'cs' ? 'CS' : 'GAX'} profile "${label}"`, set: parsed.set });
  }
  if (sets.length === 0) return { ok: false, reason: 'the export holds no CS or GAX profile' };
  return { ok: true, sets };
}
