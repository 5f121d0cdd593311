/**
 * Where a token-uuid comes from, as a person picks it: typed (masked), a saved CS profile, or the mock
 * CS's own. Only a typed one is ever in the renderer, and only because the person typed it; the other
 * two are resolved on the main side and never sent here.
 */
import type { TokenUuidSource } from '../../../src-main/ipc/contract/tokens.js';
import { parseTokenUuid } from '../../../src-main/core/browser.js';

export type UuidSourceKind = TokenUuidSource['kind'];

export const UUID_SOURCE_LABEL: Record<UuidSourceKind, string> = {
  typed: 'Type it',
  mockcs: "The mock CS's",
  profile: 'From a profile',
};

export class UuidSourceChoice {
  kind = $state<UuidSourceKind>('typed');
  typed = $state('');
  profileId = $state('');

  constructor(
    kind: UuidSourceKind = 'typed',
    /** called after every change the person makes (the inspector re-checks as they type) */
    private readonly onChange: () => void = () => undefined,
  ) {
    this.kind = kind;
  }

  /** Why the current choice cannot be used yet, or null when it can. An empty typed value is "missing", not wrong. */
  readonly problem = $derived.by((): { missing: boolean; message: string } | null => {
    if (this.kind === 'typed') {
      if (this.typed.trim() === '') return { missing: true, message: 'enter the token-uuid (CS [system] token-uuid)' };
      const parsed = parseTokenUuid(this.typed);
      return parsed.ok ? null : { missing: false, message: `not a UUID: ${parsed.reason}` };
    }
    if (this.kind === 'profile' && this.profileId === '') return { missing: true, message: 'choose a CS profile' };
    return null;
  });

  /** What goes in a request, or null while the choice is incomplete or invalid. */
  readonly source = $derived.by((): TokenUuidSource | null => {
    if (this.problem) return null;
    if (this.kind === 'typed') return { kind: 'typed', value: this.typed.trim() };
    if (this.kind === 'profile') return { kind: 'profile', profileId: this.profileId };
    return { kind: 'mockcs' };
  });

  setKind(kind: UuidSourceKind): void {
    this.kind = kind;
    this.onChange();
  }

  setTyped(value: string): void {
    this.typed = value;
    this.onChange();
  }

  setProfile(id: string): void {
    this.profileId = id;
    this.onChange();
  }
}
