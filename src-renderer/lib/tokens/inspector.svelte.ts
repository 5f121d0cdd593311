/**
 * The Inspect panel: any pasted value is decoded as it is typed (debounced, latest wins) by the core
 * on the main side — token.decode, or token.verify when a CS check is set up — so the parts and the
 * checks shown are exactly the ones the CS runs.
 */
import { api } from '../api.js';
import type { DecisionView } from '../../../src-main/ipc/contract/tokens.js';
import type { IpcError } from '../../../src-main/ipc/result.js';
import { DEFAULT_PREAMBLE, checkPreamble, findPasteMistake, validityWindow } from '../../../src-main/core/browser.js';
import { CsCheck } from './cs-check.svelte.js';
import type { Scheduler } from './scheduler.js';
import type { TokenShelf, WatchedToken } from './shelf.svelte.js';

export const INSPECT_DEBOUNCE_MS = 150;
/** the contract's bound on a Password value */
export const MAX_VALUE_CHARS = 16384;

export interface Inspection {
  /** the value this answer is about */
  value: string;
  preamble: string;
  /** token.verify (a CS check) or token.decode */
  verified: boolean;
  view: DecisionView;
  /** the token-uuid the signature was checked against, in words (a CS check only) */
  checkedAgainst?: string;
}

const AGAINST = { mockcs: "the mock CS's token-uuid", profile: "the chosen profile's token-uuid", typed: 'the typed token-uuid' } as const;

export class TokenInspector {
  value = $state('');
  preamble = $state(DEFAULT_PREAMBLE);
  readonly cs: CsCheck;
  /** the answer for the latest value (never an older one) */
  inspection = $state<Inspection | null>(null);
  /** the request itself failed (e.g. the profile is gone): its message and hint */
  error = $state<IpcError | null>(null);
  /** a newer value is waiting for its answer */
  pending = $state(false);
  private generation = 0;
  private timer: unknown = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly debounceMs: number = INSPECT_DEBOUNCE_MS,
  ) {
    this.cs = new CsCheck(() => this.changed());
  }

  readonly preambleProblem = $derived(checkPreamble(this.preamble));
  readonly tooLong = $derived(this.value.length > MAX_VALUE_CHARS);
  /** a paste often brings a line break along; the CS would get it too, so it is checked as is and pointed out */
  readonly paddedWithSpace = $derived(this.value !== '' && this.value !== this.value.trim());
  /** a copy-and-paste mistake named for what it is, before the decoder names its symptom (the request's user, when given, tells a cut by length) */
  readonly pasteMistake = $derived.by(() => {
    if (this.preambleProblem || this.tooLong) return null;
    const cs = this.cs;
    return findPasteMistake(this.value, this.preamble, cs.enabled && cs.userName !== '' ? cs.userName : undefined);
  });

  setValue(value: string): void {
    this.value = value;
    this.changed();
  }

  /** Removes the white space around the value (the person's choice: it is checked as pasted until then). */
  trim(): void {
    this.setValue(this.value.trim());
  }

  setPreamble(preamble: string): void {
    this.preamble = preamble;
    this.changed();
  }

  /** Asks again now, e.g. for the CS's decision at the current clock. */
  async refresh(): Promise<void> {
    this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    await this.run(++this.generation);
  }

  /** Any input changed: older answers no longer count; ask again once typing pauses. */
  changed(): void {
    const generation = ++this.generation;
    this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    if (this.value === '' || this.preambleProblem || this.tooLong) {
      this.pending = false;
      this.inspection = null;
      this.error = null;
      return;
    }
    this.pending = true;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      void this.run(generation);
    }, this.debounceMs);
  }

  private async run(generation: number): Promise<void> {
    const value = this.value;
    const preamble = this.preamble;
    if (value === '' || this.preambleProblem || this.tooLong) return;
    const extras = this.cs.request;
    this.pending = true;
    const r = extras ? await api.invoke('token.verify', { value, preamble, ...extras }) : await api.invoke('token.decode', { value, preamble });
    // Latest wins: an answer to anything but the newest input is dropped.
    if (generation !== this.generation) return;
    this.pending = false;
    if (r.ok) {
      this.inspection = {
        value,
        preamble,
        verified: extras !== null,
        view: r.data,
        ...(extras ? { checkedAgainst: AGAINST[extras.tokenUuid.kind] } : {}),
      };
      this.error = null;
    } else {
      this.inspection = null;
      this.error = r.error;
    }
  }

  /** The inspected token can be watched when it decoded. */
  get canWatch(): boolean {
    return !!this.inspection?.view.decoded;
  }

  /**
   * Puts the inspected token on the shelf, judged by the CS window of the check when there is one,
   * else by the window GAX's own settings imply (token-ttl = the token's life, default tolerance).
   */
  watch(shelf: TokenShelf): WatchedToken | null {
    const i = this.inspection;
    const d = i?.view.decoded;
    if (!i || !d) return null;
    const checked = i.verified ? i.view.window : undefined;
    const lifeMinutes = Math.max(1, Math.ceil((d.exp - d.iat) / 60));
    const window = checked ?? validityWindow(d.exp, { gaxTokenLifeMinutes: lifeMinutes });
    const windowNote = checked
      ? `as checked: ttl ${checked.ttlMinutes} min (${checked.ttlSource}), token-tolerance ${checked.toleranceSeconds} s${checked.toleranceIsDefault ? ' (default)' : ''}`
      : `assumed: token-ttl unset, the CS reads token_life_in_minutes = ${lifeMinutes} (the token's life); token-tolerance ${window.toleranceSeconds} s (default)`;
    const src = i.verified ? i.checkedAgainst : null;
    const signature = src
      ? `its signature ${i.view.steps.some((s) => s.id === 'signature' && s.status === 'fail') ? 'FAILED' : 'matched'} against ${src}`
      : undefined;
    return shelf.add({
      token: i.value,
      preamble: d.preamble,
      username: d.username,
      iat: d.iat,
      exp: d.exp,
      window,
      origin: 'inspected',
      windowNote,
      ...(signature ? { signature } : {}),
    });
  }
}
