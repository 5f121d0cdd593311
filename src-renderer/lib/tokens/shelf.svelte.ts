/**
 * The Countdowns shelf: the tokens being watched, newest first, each with its live countdowns derived
 * from its absolute instants on every tick of one shared SecondClock. Tokens are kept in memory only
 * (they are sensitive): the shelf survives switching views, not a reload.
 */
import type { ValidityWindow } from '../../../src-main/core/browser.js';
import { countdownAt, STATE_TEXT, type Countdown, type TokenState } from './countdown.js';
import type { SecondClock } from './second-clock.svelte.js';
import { tokenPreview } from './token-words.js';

export interface WatchedTokenInput {
  token: string;
  preamble: string;
  username: string;
  iat: number;
  exp: number;
  /** the CS window this token is judged by */
  window: Pick<ValidityWindow, 'validFrom' | 'validUntil' | 'toleranceSeconds' | 'ttlMinutes' | 'ttlSource'>;
  origin: 'minted' | 'inspected';
  /** which CS options the window assumes, in words */
  windowNote: string;
  /**
   * What the card's verdict covers besides time: the signature and against which token-uuid, in words.
   * Absent: time only (a countdown never claims the CS accepts a token whose signature it did not check).
   */
  signature?: string;
}

export interface WatchedToken extends WatchedTokenInput {
  id: number;
  /** preamble + 6 characters + … + length: what the shelf shows of the token */
  preview: string;
  /** when it was put on the shelf, ms */
  addedAt: number;
}

export interface ShelfRow {
  entry: WatchedToken;
  countdown: Countdown;
}

export class TokenShelf {
  entries = $state<WatchedToken[]>([]);
  /** the last state change, for the shelf's live region ("alice: now inside tolerance …") */
  announcement = $state('');
  private nextId = 1;
  private release: (() => void) | null = null;
  private lastStates = new Map<number, TokenState>();

  constructor(private readonly clock: SecondClock) {}

  /** the second every row is derived from */
  get now(): number {
    return this.clock.seconds;
  }

  readonly rows = $derived.by((): ShelfRow[] => {
    const now = this.clock.seconds;
    return this.entries.map((entry) => ({ entry, countdown: countdownAt(now, { ...entry.window, iat: entry.iat, exp: entry.exp }) }));
  });

  /**
   * Puts a token on top of the shelf. The same token again moves to the top (judged by the newest
   * window) instead of appearing twice.
   */
  add(input: WatchedTokenInput): WatchedToken {
    // Ticking first: an idle clock's last reading is stale, and the new entry is judged by a fresh one.
    this.release ??= this.clock.subscribe(() => this.announceChanges());
    this.clock.sync();
    const existing = this.entries.find((e) => e.token === input.token);
    const entry: WatchedToken = {
      ...input,
      id: existing?.id ?? this.nextId++,
      preview: tokenPreview(input.token, input.preamble),
      addedAt: existing?.addedAt ?? this.clock.nowMs,
    };
    this.entries = [entry, ...this.entries.filter((e) => e.token !== input.token)];
    this.lastStates.set(entry.id, this.stateOf(entry));
    return entry;
  }

  remove(id: number): void {
    this.entries = this.entries.filter((e) => e.id !== id);
    this.lastStates.delete(id);
    if (this.entries.length === 0) this.stopTicking();
  }

  clear(): void {
    this.entries = [];
    this.lastStates.clear();
    this.announcement = '';
    this.stopTicking();
  }

  get ticking(): boolean {
    return this.release !== null;
  }

  private stopTicking(): void {
    this.release?.();
    this.release = null;
  }

  private stateOf(entry: WatchedToken): TokenState {
    return countdownAt(this.clock.seconds, { ...entry.window, iat: entry.iat, exp: entry.exp }).state;
  }

  /** Said once per change, so a screen reader hears "expired", not a countdown every second. */
  private announceChanges(): void {
    const changes: string[] = [];
    for (const entry of this.entries) {
      const state = this.stateOf(entry);
      if (this.lastStates.get(entry.id) !== state) {
        const why = STATE_TEXT[state].explanation;
        changes.push(`Token for ${entry.username}: now ${STATE_TEXT[state].label} — ${why.charAt(0).toLowerCase()}${why.slice(1)}.`);
      }
      this.lastStates.set(entry.id, state);
    }
    if (changes.length) this.announcement = changes.join(' ');
  }
}
