/** What every connection reads from the running server. Options are replaced as a whole on update, so a decision sees one consistent set. */
import type { EventHub } from './events.js';
import type { MockCsOptions } from './options.js';
import type { Session } from './session.js';
import type { UserDirectory } from './users.js';

export interface MockCsCounters {
  /** successful registrations */
  accepted: number;
  /** refused registrations by their real reason (also in realistic mode, where the client sees AUTH_FAILED) */
  rejected: Record<string, number>;
  /** other Error answers by code: BAD_FRAME, SERVER_BUSY, IDLE_TIMEOUT, TOO_MANY_ATTEMPTS, … */
  protocolErrors: Record<string, number>;
}

export interface ServerState {
  options: MockCsOptions;
  users: UserDirectory;
  /** the effective token-uuid: configured, or generated and kept */
  tokenUuid: string;
  readonly events: EventHub;
  readonly sessions: Set<Session>;
  registeredCount: number;
  readonly counters: MockCsCounters;
  /** the CS clock: Unix ms with the simulated offset */
  csNowMs(): number;
}

export function count(record: Record<string, number>, code: string): void {
  record[code] = (record[code] ?? 0) + 1;
}
