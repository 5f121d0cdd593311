/**
 * What the handlers share: the one mock CS (created on first use, its data in the user-data
 * folder), the log of its last 100,000 events, the logins and clock probes in flight, the opened
 * store, and where a token-uuid comes from. Handlers stay thin over this and the domain modules.
 */
import { parseTokenUuid } from '../core/index.js';
import { MockCs, MockCsOptionsError, type MockCsEvent } from '../mockcs/index.js';
import type { Store } from '../store/index.js';
import { MOCKCS_LOG_CAPACITY, type MockCsView } from '../ipc/contract/mockcs.js';
import type { TokenUuidSource } from '../ipc/contract/tokens.js';
import { Classroom } from '../labs/classroom.js';
import { EventRing } from './event-ring.js';
import type { IpcEvents } from '../ipc/events.js';
import { mockCsView } from './mockcs-view.js';
import { LabSession } from '../labs/lab-session.js';
import { HandlerError } from '../ipc/result.js';

export interface ServicesInit {
  /** the user-data folder: the mock CS keeps its generated token-uuid and TLS certificate there */
  dataDir: string;
  store: Store;
  events: IpcEvents;
  /** the real clock, Unix ms */
  clock: () => number;
}

export class IpcServices {
  readonly store: Store;
  readonly events: IpcEvents;
  readonly clock: () => number;
  readonly mockCsLog = new EventRing<MockCsEvent>(MOCKCS_LOG_CAPACITY);
  /** the open training lab (its GAX side; its CS side is the mock CS) */
  readonly labs: LabSession = new LabSession(this);
  readonly classroom: Classroom = new Classroom(this);
  private readonly dataDir: string;
  private mock: MockCs | null = null;
  private mockQueue: Promise<unknown> = Promise.resolve();
  private readonly logins = new Map<string, AbortController>();
  private readonly probes = new Set<AbortController>();
  private disposed = false;

  constructor(init: ServicesInit) {
    this.dataDir = init.dataDir;
    this.store = init.store;
    this.events = init.events;
    this.clock = init.clock;
  }

  /** Where secrets are kept this session, in the words the UI shows next to every secret field. */
  secretStorage(): { mode: 'os-keychain' | 'key-file' | 'session-only'; description: string } {
    const info = this.store.secretMode();
    return { mode: info.mode, description: info.problem ? `${info.summary} (${info.problem})` : info.summary };
  }

  /** The mock CS, created (stopped, default options) on first use. */
  mockCs(): MockCs {
    if (this.mock) return this.mock;
    const cs = new MockCs({ dataDir: this.dataDir, clock: this.clock });
    cs.onEvent((event) => {
      this.mockCsLog.push(event);
      this.events.mockCsEvent(event);
      this.events.mockCsCountersMoved();
    });
    this.mock = cs;
    return cs;
  }

  /** The view of the mock CS, or null while nobody has used it (it does not exist yet). */
  mockCsViewIfCreated(): MockCsView | null {
    return this.mock ? mockCsView(this.mock) : null;
  }

  /**
   * Changes the mock CS one change at a time (a read-modify-write of its users must not interleave
   * with another), then tells the renderer — also when the change failed, as part of it may have
   * happened (a listener bound, the next refused). Errors come back as HandlerErrors in words.
   */
  async changeMockCs(change: (cs: MockCs) => Promise<void>): Promise<MockCsView> {
    const cs = this.mockCs();
    const run = this.mockQueue.then(() => change(cs));
    this.mockQueue = run.catch(() => undefined);
    try {
      await run;
    } catch (err) {
      throw mockCsFailure(err);
    } finally {
      this.events.mockCsChanged();
    }
    return mockCsView(cs);
  }

  /** The token-uuid a source names, or a HandlerError saying why there is none. Never logged. */
  async resolveTokenUuid(source: TokenUuidSource): Promise<string> {
    switch (source.kind) {
      case 'typed': {
        const parsed = parseTokenUuid(source.value);
        if (!parsed.ok)
          throw new HandlerError('INVALID_UUID', `the token-uuid is not a UUID: ${parsed.reason}`, 'Type it as 8-4-4-4-12 hex digits, optionally in {braces}.');
        return parsed.canonical;
      }
      case 'profile':
        return this.profileTokenUuid(source.profileId);
      case 'mockcs':
        try {
          return this.mockCs().tokenUuid();
        } catch (err) {
          throw new HandlerError('MOCKCS_TOKEN_UUID', `the mock CS's token-uuid cannot be read: ${firstLine(err)}`, 'Fix or delete the file named there, or configure a token-uuid.');
        }
    }
  }

  /** A CS profile's token-uuid; a pair's CS profile's. A GAX profile has none: GAX reads the CS's. */
  private profileTokenUuid(profileId: string): string {
    const found = this.store.profiles.get(profileId);
    if (!found.ok) throw new HandlerError(found.error.code, found.error.message, found.error.hint);
    let profile = found.data;
    if (profile.kind === 'pair') {
      const cs = this.store.profiles.get(profile.csProfileId);
      if (!cs.ok) throw new HandlerError(cs.error.code, `the pair ${JSON.stringify(profile.name)}: ${cs.error.message}`, cs.error.hint);
      profile = cs.data;
    }
    if (profile.kind !== 'cs')
      throw new HandlerError(
        'WRONG_KIND',
        `GAX profile ${JSON.stringify(profile.name)} holds no token-uuid: GAX uses the one configured on Configuration Server`,
        'Pick a CS profile or a pair.',
      );
    const value = profile.options['token-uuid'];
    if (value === undefined) {
      const issue = profile.secretIssues.find((i) => i.option === 'token-uuid');
      if (issue) throw new HandlerError('SECRET_UNAVAILABLE', issue.message, 'Open the profile and enter the token-uuid again.');
      throw new HandlerError('NO_TOKEN_UUID', `CS profile ${JSON.stringify(profile.name)} has no [system] token-uuid`, 'Set token-uuid in the profile, or use the mock CS or a typed token-uuid.');
    }
    const parsed = parseTokenUuid(value);
    if (!parsed.ok)
      throw new HandlerError('INVALID_UUID', `the token-uuid of CS profile ${JSON.stringify(profile.name)} is not a UUID: ${parsed.reason}`, 'Correct it in the profile.');
    return parsed.canonical;
  }

  /** Registers a login run; a runId already running is refused (its events would mix). */
  beginLogin(runId: string): AbortController {
    if (this.disposed) throw closing();
    if (this.logins.has(runId))
      throw new HandlerError('RUN_IN_PROGRESS', `a login with runId "${runId}" is already running`, 'Give each run its own runId, or cancel that one first.');
    const controller = new AbortController();
    this.logins.set(runId, controller);
    return controller;
  }

  endLogin(runId: string, controller: AbortController): void {
    if (this.logins.get(runId) === controller) this.logins.delete(runId);
  }

  /** Cancels a run in flight; false when there is none by that id (it may have just ended). */
  cancelLogin(runId: string): boolean {
    const controller = this.logins.get(runId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** A clock probe in flight, so dispose() can stop it; call the returned function when it ends. */
  beginProbe(): { signal: AbortSignal; end: () => void } {
    if (this.disposed) throw closing();
    const controller = new AbortController();
    this.probes.add(controller);
    return { signal: controller.signal, end: () => this.probes.delete(controller) };
  }

  /** Stops the mock CS, cancels logins and probes, and closes the store (pending saves finish first). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const c of this.logins.values()) c.abort();
    for (const c of this.probes) c.abort();
    this.labs.dispose();
    const stopped = this.mock ? this.mockQueue.then(() => this.mock?.stop()) : Promise.resolve();
    await Promise.allSettled([stopped, this.store.close()]);
  }
}

/**
 * A mock CS failure in words, with the code the renderer can act on. The mock CS words its own
 * failures as plain Errors (or MockCsOptionsError); anything else is a bug and stays as it is, so
 * register() answers INTERNAL instead of showing a programming error to the person.
 */
export function mockCsFailure(err: unknown): unknown {
  if (err instanceof HandlerError) return err;
  if (!(err instanceof Error) || (err.constructor !== Error && !(err instanceof MockCsOptionsError))) return err;
  if (err instanceof MockCsOptionsError) return new HandlerError('BAD_OPTIONS', err.message, 'Correct it and try again; nothing was changed.');
  const cause = err instanceof Error ? (err.cause as NodeJS.ErrnoException | undefined) : undefined;
  switch (cause?.code) {
    case 'EADDRINUSE':
      return new HandlerError('PORT_IN_USE', firstLine(err), 'Pick another port (0 picks a free one), or stop the program using it.');
    case 'EACCES':
    case 'EPERM':
      return new HandlerError('PORT_NOT_ALLOWED', firstLine(err), 'Use a port from 1024 up.');
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new HandlerError('ADDRESS_NOT_AVAILABLE', firstLine(err), 'Listen on 127.0.0.1 or one of this machine\'s addresses.');
  }
  return new HandlerError('MOCKCS_FAILED', firstLine(err), 'Check the data folder is writable, then try again.');
}

/** The first line of an error's message: the domain modules word them for people, without stacks. */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 500) || 'unknown error';
}

function closing(): HandlerError {
  return new HandlerError('SHUTTING_DOWN', 'GAX Token Lab is closing', 'Start it again.');
}
