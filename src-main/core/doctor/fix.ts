/**
 * Fixes as text. A finding's `fix` and the corrected files are made from the same edits, so they
 * cannot disagree; where two fixes set one option, the later, broader one (rules/index.ts order)
 * is what the corrected file holds. A token-uuid is never written out unless the person asked for
 * it: its line becomes a `#` comment pointing at the line that holds it.
 */
import {
  HOME_SECTION,
  OPTION_DEFINITIONS,
  formatOptionLine,
  formatSectionLine,
  optionDefinition,
  type ApplicationKind,
  type OptionName,
  type OptionSet,
} from '../options/index.js';
import type { AppModel, CorrectedFile, Edit } from './types.js';
import { appName, atLine } from './wording.js';

/** A set of a secret is written as a comment that says where the value is. */
function secretLine(name: OptionName, line: number | null, file: string | null): string {
  const where = line === null ? 'the value you have' : `the value from line ${line}${file ? ` of ${file}` : ''}`;
  return `# ${name}=… (${where}; a secret, not repeated here)`;
}

function deleteLine(section: string, name: string, line: number | null, note: string): string {
  return `# delete [${section}] ${name}${atLine(line)}: ${note}`;
}

/** The fix of one finding, from its edits; `application` is the one the finding concerns. */
export function renderFix(edits: readonly Edit[], application: ApplicationKind | null): string {
  const groups = new Map<ApplicationKind, Edit[]>();
  for (const e of edits) {
    if (e.kind === 'note') continue;
    const group = groups.get(e.application);
    if (group)
      group.push(e); // in place: one finding may carry thousands of edits (a line repeated)
    else groups.set(e.application, [e]);
  }
  const out: string[] = [];
  for (const [app, group] of groups) {
    if (groups.size > 1 || app !== application) {
      const file = group.find((e) => e.file)?.file;
      out.push(`# on the ${appName(app)} application${file ? ` (${file})` : ''}:`);
    }
    for (const e of group) {
      if (e.kind === 'delete') out.push(deleteLine(e.section, e.name, e.line, e.note));
      if (e.kind === 'unset') out.push(deleteLine(optionDefinition(e.name).section, e.name, e.line, e.note));
    }
    const sets = group.filter((e): e is Extract<Edit, { kind: 'set' }> => e.kind === 'set');
    if (sets.length) out.push(formatSectionLine(HOME_SECTION[app]));
    for (const s of sets)
      out.push(optionDefinition(s.name).secret ? secretLine(s.name, s.sourceLine ?? null, s.file) : formatOptionLine(s.name, s.value));
  }
  for (const e of edits) if (e.kind === 'note') out.push(`# ${e.text}`);
  return out.join('\n');
}

/** token-uuid, token_uuid, TokenUUID…: any line that may be (or be meant as) the shared key. */
function isTokenUuidName(name: string): boolean {
  return name.toLowerCase().replace(/[^a-z]/g, '') === 'tokenuuid';
}

/**
 * No fix sets, unsets, deletes or moves a token-uuid line: whatever it holds, every GAX and CS in
 * the deployment signs or checks with the key it gives (or, unset, the one the primary master CS
 * generated), so changing it changes that key for all of them. Such an edit becomes a note saying
 * what to compare first.
 */
export const COMPARE_TOKEN_UUID =
  "compare the token-uuid GAX signs with and the CS's on the hosts themselves (last 4 characters only, never pasted anywhere public); a new value is a planned change for every GAX and CS at once";

export function guardTokenUuid(edits: readonly Edit[]): Edit[] {
  let guarded = false;
  const out = edits.map((e): Edit => {
    if (e.kind === 'note' || !isTokenUuidName(e.name)) return e;
    guarded = true;
    const where = e.file ? ` in ${e.file}` : '';
    const text =
      e.kind === 'set'
        ? `token-uuid is not written${where} by this tool: it would change the key tokens are checked with`
        : `leave ${e.kind === 'delete' ? `[${e.section}] ${e.name}` : 'token-uuid'}${atLine(e.line)}${where} as it is for now`;
    return { kind: 'note', application: e.application, file: e.file, text };
  });
  if (guarded && !out.some((e) => e.kind === 'note' && e.text === COMPARE_TOKEN_UUID))
    out.push({ kind: 'note', application: null, file: null, text: COMPARE_TOKEN_UUID });
  return out;
}

interface HomeValue {
  value: string;
  line: number | null;
}

/** One file's token options as the fixes change them. */
export class Correction {
  readonly application: ApplicationKind;
  readonly fileName: string;
  readonly role: AppModel['role'];
  private readonly home = new Map<OptionName, HomeValue>();
  /** lines to delete by hand, in the order found (a Set: a file may repeat an option thousands of times) */
  private readonly deletions = new Set<string>();
  private readonly original = new Map<OptionName, string>();

  constructor(model: AppModel) {
    this.application = model.application;
    this.fileName = model.fileName;
    this.role = model.role;
    const section = HOME_SECTION[model.application];
    for (const e of model.entries) {
      const def = OPTION_DEFINITIONS.find((d) => d.name === e.name && d.application === model.application);
      if (def && e.section === section) this.home.set(def.name, { value: e.value, line: e.line });
    }
    for (const [name, v] of this.home) this.original.set(name, v.value);
  }

  /** Applies the edits meant for this file; true when anything changed. */
  apply(edits: readonly Edit[]): boolean {
    let changed = false;
    for (const e of edits) {
      if (e.kind === 'note' || e.file !== this.fileName || e.application !== this.application) continue;
      if (e.kind === 'set') {
        const current = this.home.get(e.name);
        if (current?.value === e.value || (current && e.onlyIfUnset)) continue;
        this.home.set(e.name, { value: e.value, line: e.sourceLine ?? current?.line ?? null });
        changed = true;
      } else if (e.kind === 'unset') {
        if (!this.home.delete(e.name)) continue;
        const line = deleteLine(HOME_SECTION[this.application], e.name, e.line, e.note);
        this.deletions.add(line);
        changed = true;
      } else {
        const line = deleteLine(e.section, e.name, e.line, e.note);
        if (this.deletions.has(line)) continue;
        this.deletions.add(line);
        changed = true;
      }
    }
    return changed;
  }

  /** The corrected options as a file model, for the next round of rules. */
  model(): AppModel {
    const section = HOME_SECTION[this.application];
    return {
      application: this.application,
      role: this.role,
      fileName: this.fileName,
      entries: this.ordered().map(([name, v]) => ({ section, name, value: v.value, line: v.line })),
    };
  }

  private ordered(): [OptionName, HomeValue][] {
    return OPTION_DEFINITIONS.filter((d) => this.home.has(d.name)).map((d) => [d.name, this.home.get(d.name) as HomeValue]);
  }

  isChanged(): boolean {
    if (this.deletions.size) return true;
    if (this.home.size !== this.original.size) return true;
    for (const [name, v] of this.home) if (this.original.get(name) !== v.value) return true;
    return false;
  }

  result(revealSecrets: boolean): CorrectedFile {
    const section = HOME_SECTION[this.application];
    const changed = this.isChanged();
    const lines: string[] = [
      changed
        ? `# ${appName(this.application)} token options from ${this.fileName}, corrected by the GAX Token Lab doctor`
        : `# ${appName(this.application)} token options from ${this.fileName}: no change needed`,
    ];
    if (this.deletions.size) lines.push("# Delete these lines from the application's options by hand:", ...this.deletions);
    lines.push(formatSectionLine(section));
    const options: Record<string, string> = {};
    let secretsOmitted = false;
    for (const [name, v] of this.ordered()) {
      if (optionDefinition(name).secret && !revealSecrets) {
        secretsOmitted = true;
        lines.push(secretLine(name, v.line, this.fileName));
        continue;
      }
      options[name] = v.value;
      lines.push(formatOptionLine(name, v.value));
    }
    const set: OptionSet = { application: this.application, sections: { [section]: options } };
    return { application: this.application, fileName: this.fileName, text: lines.join('\n') + '\n', changed, options: set, secretsOmitted };
  }
}
