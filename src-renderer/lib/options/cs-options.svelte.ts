/**
 * The CS `[system]` token options as a person edits them — shared by the Set-up wizard and the Server
 * view, so both read, check and explain each option the same way. The values are a plain object of
 * strings (what was typed); the checks, the texts and the defaults all come from the Genesys option
 * catalog in src-main/core/options, which the doctor uses too, so the editor and the doctor never disagree.
 */
import {
  chosenUuid,
  checkCsOptions,
  type CsOptionField,
  type CsOptionsCheck,
  type CsOptionsValues,
  type FieldProblem,
  type UuidChoice,
} from './cs-options-check.js';

export * from './cs-options-check.js';
export * from './cs-options-convert.js';

function rawValue(v: CsOptionsValues, field: CsOptionField): string {
  switch (field) {
    case 'token-authentication-mode':
      return v.mode;
    case 'token-preambula':
      return v.preamble;
    case 'token-uuid':
      return chosenUuid(v) ?? '';
    case 'token-tolerance':
      return v.tolerance;
    case 'token-ttl':
      return v.ttl;
  }
}

/**
 * The editor's own state over a values object it does not own: which fields the person has left
 * (errors show once a field was touched, or all at once when the owner asks), and the token-uuid choice.
 */
export class CsOptionsEditorState {
  touched = $state<Partial<Record<CsOptionField, boolean>>>({});
  readonly check: CsOptionsCheck = $derived.by(() => checkCsOptions(this.values()));
  private readonly values: () => CsOptionsValues;
  private readonly newUuid: () => string;

  constructor(values: () => CsOptionsValues, newUuid: () => string = () => crypto.randomUUID()) {
    this.values = values;
    this.newUuid = newUuid;
  }

  touch(field: CsOptionField): void {
    this.touched[field] = true;
  }

  /** One value typed or chosen: the editor changes the options it was given here, not as a prop. */
  set<K extends keyof CsOptionsValues>(key: K, value: CsOptionsValues[K]): void {
    this.values()[key] = value;
  }

  /**
   * The error to show under a field: for anything typed at once; for an empty field once the person
   * has been in it, or always when `all` (after a refused Next) — an empty form is not yet wrong.
   */
  shownError(field: CsOptionField, all = false): FieldProblem | null {
    const e = this.check.errors[field];
    return e && (all || this.touched[field] || rawValue(this.values(), field) !== '') ? e : null;
  }

  chooseUuid(choice: UuidChoice): void {
    const v = this.values();
    v.uuidChoice = choice;
    if (choice === 'generate' && v.generatedUuid === '') v.generatedUuid = this.newUuid();
  }

  /** A new random token-uuid for the choice "generate" (the old one is forgotten). */
  regenerateUuid(): void {
    const v = this.values();
    v.generatedUuid = this.newUuid();
    v.uuidChoice = 'generate';
  }

  /** Replaces a field's value with the suggestion shown next to its error. */
  applySuggestion(field: 'token-preambula' | 'token-tolerance' | 'token-ttl'): void {
    const s = this.check.errors[field]?.suggestion;
    if (s === undefined) return;
    const v = this.values();
    if (field === 'token-preambula') v.preamble = s;
    else if (field === 'token-tolerance') v.tolerance = s;
    else v.ttl = s;
  }
}
