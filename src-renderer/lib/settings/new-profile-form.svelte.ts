/**
 * The "New profile" form: a kind, a name, and for a pair its CS and GAX profiles. Checked as the
 * person types with the store's own limits, so the Create button only sends what the store accepts.
 */
import type { NewProfile, ProfileKind, ProfileList } from './profile-list.svelte.js';

/** The store's limit (src-main/store/profiles-schema.ts, MAX_PROFILE_NAME_CHARS). */
export const MAX_NAME_CHARS = 80;

export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the profile a name.';
  if (trimmed.length > MAX_NAME_CHARS) return `The name is ${trimmed.length} characters long; at most ${MAX_NAME_CHARS}.`;
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'The name holds a control character (a tab or a line break): remove it.';
  return null;
}

export class NewProfileForm {
  open = $state(false);
  kind = $state<ProfileKind>('cs');
  name = $state('');
  csProfileId = $state('');
  gaxProfileId = $state('');
  /** errors show once the person tried to create, or typed in the field */
  touched = $state(false);

  constructor(private readonly list: ProfileList) {}

  readonly nameError = $derived(this.touched ? nameProblem(this.name) : null);
  readonly csError = $derived(this.touched && this.kind === 'pair' && this.csProfileId === '' ? 'Choose the CS profile of the pair.' : null);
  readonly gaxError = $derived(this.touched && this.kind === 'pair' && this.gaxProfileId === '' ? 'Choose the GAX profile of the pair.' : null);

  show(): void {
    this.open = true;
    this.list.createError = null;
  }

  hide(): void {
    this.open = false;
    this.reset();
  }

  setKind(kind: ProfileKind): void {
    this.kind = kind;
    this.list.createError = null;
  }

  setName(name: string): void {
    this.name = name;
    this.touched = true;
    this.list.createError = null;
  }

  /** Creates the profile; on success the form closes and empties. */
  async submit(): Promise<boolean> {
    this.touched = true;
    const input = this.input();
    if (!input) return false;
    const created = await this.list.create(input);
    if (!created) return false;
    this.hide();
    return true;
  }

  private input(): NewProfile | null {
    if (nameProblem(this.name) !== null) return null;
    const name = this.name.trim();
    if (this.kind !== 'pair') return { kind: this.kind, name };
    if (this.csProfileId === '' || this.gaxProfileId === '') return null;
    return { kind: 'pair', name, csProfileId: this.csProfileId, gaxProfileId: this.gaxProfileId };
  }

  private reset(): void {
    this.kind = 'cs';
    this.name = '';
    this.csProfileId = '';
    this.gaxProfileId = '';
    this.touched = false;
  }
}
