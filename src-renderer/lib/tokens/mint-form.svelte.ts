/**
 * The Mint panel: mints a token as GAX would (token.mint), validating each input as it is typed with
 * the core's own rules, and puts every minted token on the shelf.
 */
import { api } from '../api.js';
import type { IpcError } from '../../../src-main/ipc/result.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import {
  DEFAULT_PREAMBLE,
  MAX_USERNAME_BYTES,
  checkPreamble,
  checkUsername,
  utf8ByteLength,
  passwordFieldFit,
  DEFAULT_PASSWORD_FIELD_LIMIT,
  type PasswordFieldFit,
  validityWindow,
} from '../../../src-main/core/browser.js';
import { UuidSourceChoice } from './uuid-source.svelte.js';
import type { TokenUuidSource } from '../../../src-main/ipc/contract/tokens.js';
import { clockOffsetWords, parseWholeNumber } from './token-words.js';
import type { TokenShelf } from './shelf.svelte.js';

export type MintedToken = RequestOutput<'token.mint'>;
type MintField = 'username' | 'tokenUuid' | 'life' | 'preamble' | 'offset';

export const DEFAULT_LIFE_MINUTES = 60;
/** a GAX clock more than a year off is a typo, not a skew */
const MAX_OFFSET_SECONDS = 366 * 86400;
/** 10 years; the handler refuses times past 2106 anyway */
const MAX_LIFE_MINUTES = 5_256_000;

/** Which field an error code from token.mint belongs next to. */
const FIELD_OF_CODE: Record<string, MintField> = {
  INVALID_UUID: 'tokenUuid',
  NO_TOKEN_UUID: 'tokenUuid',
  SECRET_UNAVAILABLE: 'tokenUuid',
  WRONG_KIND: 'tokenUuid',
  NOT_FOUND: 'tokenUuid',
  MOCKCS_TOKEN_UUID: 'tokenUuid',
  INVALID_USERNAME: 'username',
  INVALID_PREAMBLE: 'preamble',
  INVALID_TIMES: 'offset',
};

export class MintForm {
  username = $state('');
  readonly uuid: UuidSourceChoice;
  life = $state(String(DEFAULT_LIFE_MINUTES));
  /** the CS options of the current setup, when one is used: the shelf's window follows them */
  csOptions = $state<{ name: string; ttl: number | null; tolerance: number | null } | null>(null);
  preamble = $state(DEFAULT_PREAMBLE);
  offset = $state('0');
  /** fields the person has typed in: their errors show as they type; the others after a Mint attempt */
  private touched = $state<Partial<Record<MintField, boolean>>>({});
  private attempted = $state(false);
  busy = $state(false);
  result = $state<MintedToken | null>(null);
  /** the last token.mint failure, with the field it belongs to (null: the form as a whole) */
  failure = $state<{ field: MintField | null; error: IpcError } | null>(null);

  constructor(
    private readonly shelf: TokenShelf,
    uuidKind: 'typed' | 'mockcs' = 'mockcs',
  ) {
    this.uuid = new UuidSourceChoice(uuidKind, () => this.touch('tokenUuid'));
  }

  /** Every input's problem, whether or not it is shown yet. */
  readonly problems = $derived.by((): Record<MintField, string | null> => {
    const life = parseWholeNumber(this.life, { min: 1, max: MAX_LIFE_MINUTES }, 'the life in minutes');
    const offset = parseWholeNumber(this.offset, { min: -MAX_OFFSET_SECONDS, max: MAX_OFFSET_SECONDS }, 'the offset in seconds');
    return {
      username: checkUsername(this.username),
      tokenUuid: this.uuid.problem?.message ?? null,
      life: life.ok ? null : life.reason,
      preamble: checkPreamble(this.preamble),
      offset: offset.ok ? null : offset.reason,
    };
  });

  readonly valid = $derived(Object.values(this.problems).every((p) => p === null));
  /** Mint was pressed while a field is wrong: every problem is on screen now */
  readonly blocked = $derived(this.attempted && !this.valid);

  /** The error to show under a field now: a local problem once typed in (or after Mint), else the server's. */
  errorFor(field: MintField): string | null {
    const local = this.problems[field];
    // A token-uuid not given yet is not an error until Mint is pressed; a wrong one is, as it is typed.
    const early = field === 'tokenUuid' ? this.uuid.problem?.missing === false : this.touched[field];
    if (local && (early || this.attempted)) return local;
    if (this.failure?.field === field) return this.failure.error.message;
    return null;
  }

  /** the preamble the length is worked out with: the typed one, or the default while it is invalid */
  readonly fitPreamble = $derived(checkPreamble(this.preamble) ? DEFAULT_PREAMBLE : this.preamble);

  /** The token's length against the Password field, known before minting (it depends only on these two). */
  readonly fit = $derived.by((): PasswordFieldFit => {
    const preamble = this.fitPreamble;
    const username = this.username === '' || utf8ByteLength(this.username) > MAX_USERNAME_BYTES ? '' : this.username;
    return passwordFieldFit(preamble, username, DEFAULT_PASSWORD_FIELD_LIMIT);
  });

  readonly usernameBytes = $derived(utf8ByteLength(this.username));

  readonly offsetWords = $derived.by((): string | null => {
    const o = parseWholeNumber(this.offset, { min: -MAX_OFFSET_SECONDS, max: MAX_OFFSET_SECONDS }, 'the offset');
    return o.ok ? clockOffsetWords(o.value) : null;
  });

  set(field: 'username' | 'life' | 'preamble' | 'offset', value: string): void {
    this[field] = value;
    this.touch(field);
  }

  touch(field: MintField): void {
    this.touched = { ...this.touched, [field]: true };
    if (this.failure?.field === field) this.failure = null;
  }

  private signedWith(source: TokenUuidSource): string {
    if (source.kind === 'mockcs') return "the mock CS's token-uuid (as it is now)";
    if (source.kind === 'profile') return `the token-uuid of the profile "${this.profileName(source.profileId) ?? 'chosen'}"`;
    return 'the typed token-uuid';
  }

  /** the names of the profiles a token-uuid can come from, for the shelf's words */
  profileName: (id: string) => string | null = () => null;

  /** Mints with the current inputs; on success the token goes on the shelf. Returns whether it worked. */
  async mint(): Promise<boolean> {
    this.attempted = true;
    const source = this.uuid.source;
    if (!this.valid || !source) return false;
    this.busy = true;
    this.failure = null;
    const lifeMinutes = Number(this.life.trim());
    const r = await api.invoke('token.mint', {
      username: this.username,
      tokenUuid: source,
      lifeMinutes,
      preamble: this.preamble,
      gaxClockOffsetSeconds: Number(this.offset.trim().replace(/^\u2212/, '-')),
    });
    this.busy = false;
    if (!r.ok) {
      this.result = null;
      this.failure = { field: FIELD_OF_CODE[r.error.code] ?? null, error: r.error };
      return false;
    }
    this.result = r.data;
    const cs = this.csOptions;
    const w = validityWindow(r.data.exp, {
      gaxTokenLifeMinutes: lifeMinutes,
      tokenTtlMinutes: cs?.ttl ?? null,
      tokenToleranceSeconds: cs?.tolerance ?? null,
    });
    this.shelf.add({
      token: r.data.token,
      preamble: r.data.preamble,
      username: r.data.username,
      iat: r.data.iat,
      exp: r.data.exp,
      window: w,
      origin: 'minted',
      signature: `signed with ${this.signedWith(source)}: a CS with that token-uuid accepts the signature, any other refuses it (BAD_SIGNATURE)`,
      windowNote: cs
        ? `as the setup "${cs.name}" sets the CS: ttl ${w.ttlMinutes} min (${w.ttlSource}), token-tolerance ${w.toleranceSeconds} s${w.toleranceIsDefault ? ' (default)' : ''}`
        : `as minted: token-ttl unset, so the CS uses token_life_in_minutes = ${lifeMinutes}; token-tolerance ${w.toleranceSeconds} s (default)`,
    });
    return true;
  }
}
