/** What every connection reads from the running server. Options are replaced as a whole on update, so a decision sees one consistent set. */
import type { DecisionInput } from '../core/index.js';
import type { RegisterContext } from './authenticate.js';
import type { EventHub } from './events.js';
import type { MockCsOptions } from './options.js';
import { RefusalWordsCache } from './refusal-words.js';
import type { UserDirectory } from './users.js';

export interface MockCsCounters {
  /** successful registrations */
  accepted: number;
  /** refused registrations by their real reason (also in realistic mode, where the client sees AUTH_FAILED) */
  rejected: Record<string, number>;
  /** other Error answers by code: BAD_FRAME, SERVER_BUSY, IDLE_TIMEOUT, TOO_MANY_ATTEMPTS, … */
  protocolErrors: Record<string, number>;
}

/** What the server holds of a connection (a Session). */
export interface LiveSession {
  readonly registered: boolean;
  optionsChanged(): void;
  destroy(reason: string): void;
  readonly closed: Promise<void>;
}

export interface ServerState {
  options: MockCsOptions;
  /** derived from `options` and replaced with them */
  derived: OptionsDerived;
  users: UserDirectory;
  /** the effective token-uuid: configured, or generated and kept */
  tokenUuid: string;
  readonly events: EventHub;
  readonly sessions: Set<LiveSession>;
  registeredCount: number;
  readonly counters: MockCsCounters;
  /** the CS clock: Unix ms with the simulated offset */
  csNowMs(): number;
}

export function count(record: Record<string, number>, code: string): void {
  record[code] = (record[code] ?? 0) + 1;
}

/** What logins need from the options, made once per options rather than once per login. */
export interface OptionsDerived {
  /** the token options as the core's decision takes them */
  decisionOptions: NonNullable<DecisionInput['options']>;
  /** refusal words that repeat per user: new with every options change, so none outlives the settings it was written under */
  words: RefusalWordsCache;
}

export function deriveFromOptions(o: MockCsOptions): OptionsDerived {
  return {
    decisionOptions: {
      tokenToleranceSeconds: o.tokenToleranceSeconds,
      tokenTtlMinutes: o.tokenTtlMinutes,
      gaxTokenLifeMinutes: o.gaxTokenLifeMinutes,
    },
    words: new RefusalWordsCache(),
  };
}

/** What a RegisterClient decision reads, now. */
export function registerContext(state: ServerState): RegisterContext {
  return {
    options: state.options,
    users: state.users,
    tokenUuid: state.tokenUuid,
    nowMs: state.csNowMs(),
    explainAccepted: state.events.active,
    decisionOptions: state.derived.decisionOptions,
    words: state.derived.words,
  };
}
