/**
 * The "GAX application" card of an open lab: GAX's own options, as typed, checked as typed, and sent
 * as a patch of what changed. No token-uuid or preamble: in the tool's model (GAX-SIDE) GAX has none
 * of its own and signs with the primary CS's, which the card shows read-only (SigningCard).
 */
import type { RequestInput, RequestOutput } from '../../../src-main/ipc/contract/index.js';
import { checkUsername, LAB_MAX_MINUTES } from '../../../src-main/core/browser.js';
import { wholeNumberProblem } from '../app/whole-number.js';

export type LabGaxView = NonNullable<RequestOutput<'labs.current'>['lab']>['gax'];
export type LabGaxPatch = RequestInput<'labs.gax.update'>['patch'];
export type TokenSourceKind = 'mint' | 'replay';
export type GaxField = 'tokenLife' | 'userName' | 'tokenUserName' | 'password' | 'clockOffset' | 'issuedMinutesAgo' | 'replayLife';

const MAX_OFFSET = 10 * 366 * 86400;

export class LabGaxForm {
  confservTrusted = $state(true);
  tokenLife = $state('');
  userName = $state('');
  /** '' = the token is minted for the login user */
  tokenUserName = $state('');
  /** a new password; '' keeps the current one */
  password = $state('');
  clockOffset = $state('0');
  tokenSource = $state<TokenSourceKind>('mint');
  issuedMinutesAgo = $state('0');
  replayLife = $state('20');
  /** what main holds now */
  current = $state<LabGaxView | null>(null);
  /** the lab's GAX mints its token for another user: the card shows that field (also once it is cleared) */
  showTokenUser = $state(false);

  /** @param sameLab the view is the same lab's, after a change: keep the fields the card already shows */
  load(view: LabGaxView, sameLab = false): void {
    this.showTokenUser = (sameLab && this.showTokenUser) || view.tokenUserName !== null;
    this.current = view;
    this.confservTrusted = view.confservTrusted;
    this.tokenLife = String(view.tokenLifeMinutes);
    this.userName = view.userName;
    this.tokenUserName = view.tokenUserName ?? '';
    this.password = '';
    this.clockOffset = String(view.clockOffsetSeconds);
    this.tokenSource = view.tokenSource.kind;
    if (view.tokenSource.kind === 'replay') {
      this.issuedMinutesAgo = String(view.tokenSource.issuedMinutesAgo);
      this.replayLife = String(view.tokenSource.lifeMinutes);
    }
  }

  readonly errors = $derived.by((): Partial<Record<GaxField, string>> => {
    const e: Partial<Record<GaxField, string>> = {};
    const life = wholeNumberProblem(this.tokenLife, 1, LAB_MAX_MINUTES, 'token_life_in_minutes');
    if (life) e.tokenLife = life;
    const user = this.userName === '' ? 'enter the user GAX logs in as' : checkUsername(this.userName);
    if (user) e.userName = user;
    if (this.tokenUserName !== '') {
      const bad = checkUsername(this.tokenUserName);
      if (bad) e.tokenUserName = bad;
    }
    if (this.password.length > 1024) e.password = 'at most 1024 characters';
    const offset = wholeNumberProblem(this.clockOffset, -MAX_OFFSET, MAX_OFFSET, 'the offset');
    if (offset) e.clockOffset = offset;
    if (this.tokenSource === 'replay') {
      const ago = wholeNumberProblem(this.issuedMinutesAgo, 0, LAB_MAX_MINUTES, 'minutes ago');
      if (ago) e.issuedMinutesAgo = ago;
      const rl = wholeNumberProblem(this.replayLife, 1, LAB_MAX_MINUTES, 'the life');
      if (rl) e.replayLife = rl;
    }
    return e;
  });

  readonly valid = $derived(Object.keys(this.errors).length === 0);

  /** The changes against what main holds, or null when nothing changed. */
  readonly patch = $derived.by((): LabGaxPatch | null => {
    const c = this.current;
    if (!c || !this.valid) return null;
    const p: LabGaxPatch = {};
    if (this.confservTrusted !== c.confservTrusted) p.confservTrusted = this.confservTrusted;
    if (Number(this.tokenLife.trim()) !== c.tokenLifeMinutes) p.tokenLifeMinutes = Number(this.tokenLife.trim());
    if (this.userName !== c.userName) p.userName = this.userName;
    if ((this.tokenUserName || null) !== c.tokenUserName) p.tokenUserName = this.tokenUserName || null;
    if (this.password !== '') p.password = this.password;
    if (Number(this.clockOffset.trim()) !== c.clockOffsetSeconds) p.clockOffsetSeconds = Number(this.clockOffset.trim());
    const source =
      this.tokenSource === 'mint'
        ? { kind: 'mint' as const }
        : { kind: 'replay' as const, issuedMinutesAgo: Number(this.issuedMinutesAgo.trim()), lifeMinutes: Number(this.replayLife.trim()) };
    if (JSON.stringify(source) !== JSON.stringify(c.tokenSource)) p.tokenSource = source;
    return Object.keys(p).length > 0 ? p : null;
  });

  readonly dirty = $derived(this.patch !== null || (!this.valid && this.current !== null));

  errorFor(field: GaxField): string | null {
    return this.errors[field] ?? null;
  }
}
