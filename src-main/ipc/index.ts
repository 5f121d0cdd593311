/**
 * The entry both hosts call — Electron's main process and web mode's server — to get the whole
 * contract: one dispatcher for requests (sender checked, input parsed, then the handler) and one
 * stream of events. The hosts only carry messages; everything else is decided here.
 */
import { crashSummary } from '../host/crash-report.js';
import { openStore, type SecretCipher } from '../store/index.js';
import type { EventChannel, Handlers } from './contract/index.js';
import { IpcEvents } from './events.js';
import { appHandlers } from './handlers/app.js';
import { clockHandlers } from './handlers/clock.js';
import { labsHandlers } from './handlers/labs.js';
import { loginHandlers } from './handlers/login.js';
import { mockCsHandlers } from './handlers/mockcs.js';
import { optionsHandlers } from './handlers/options.js';
import { storeHandlers } from './handlers/store.js';
import { tokenHandlers } from './handlers/tokens.js';
import { createDispatcher, joinHandlers, type Dispatcher, type SenderInfo } from './register.js';
import { fail } from './result.js';
import { IpcServices } from './context.js';

export type { Dispatcher, SenderInfo } from './register.js';
export type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from './contract/index.js';
export { REQUEST_CHANNELS, EVENT_CHANNELS } from './contract/index.js';

export interface IpcHost {
  mode: 'electron' | 'web';
  /** the user-data folder: settings, profiles, the mock CS's generated token-uuid and certificate */
  dataDir: string;
  /** Electron: `safeStorageCipher(safeStorage)`; web mode: the session-only cipher from src-main/store */
  cipher: SecretCipher;
  appInfo: { version: string; versions: { node: string; electron?: string; chrome?: string } };
  /** whether a request may use the contract at all; checked before anything else */
  isTrustedSender(s: SenderInfo): boolean;
  /** Electron only: the native save dialog, then the write */
  saveFile?(req: { suggestedName: string; content: string; mime: string }): Promise<{ saved: boolean; path?: string }>;
  /** Electron only: shell.openExternal (the URL is already checked: https, no credentials) */
  openExternal?(url: string): Promise<boolean>;
  /** the support log's folder (app.logFolder), when the host keeps one */
  logDir?: string;
  /** Electron only: shell.openPath, to show the log folder */
  openFolder?(dir: string): Promise<boolean>;
  /** the host's support log: start-up warnings (secrets not loaded, failed saves) go to it */
  log?(level: 'info' | 'warn' | 'error', line: string): void;
  /** the real clock, Unix ms; default Date.now */
  clock?: () => number;
  /** a handler failed unexpectedly (the person got INTERNAL); for the host's log */
  onInternalError?(channel: string, err: unknown): void;
  /** also check every answer against its schema (tests and development builds) */
  checkOutputs?: boolean;
}

export interface IpcRuntime {
  dispatcher: Dispatcher;
  /** every event from now on (payloads match the contract); returns the unsubscribe function */
  subscribe(listener: (event: EventChannel, payload: unknown) => void): () => void;
  /**
   * An unexpected error in the host process (an uncaught exception, an unhandled rejection): sent to
   * the window as `app.problem`, one line scrubbed of token-uuids and tokens. The host logs it too.
   */
  reportProblem(error: unknown): void;
  /** stops the mock CS, cancels logins and probes, flushes the store; later requests answer SHUTTING_DOWN */
  dispose(): Promise<void>;
}

/** Opens the store in `host.dataDir` and wires every handler. Rejects with a one-line Error when the store cannot be opened. */
export async function createIpcRuntime(host: IpcHost): Promise<IpcRuntime> {
  const clock = host.clock ?? Date.now;
  const opened = await openStore({ dir: host.dataDir, cipher: host.cipher, clock });
  if (!opened.ok) throw new Error(`${opened.error.message}: ${opened.error.hint}`);
  const store = opened.data;

  const events: IpcEvents = new IpcEvents(() => services.mockCsViewIfCreated());
  const services: IpcServices = new IpcServices({ dataDir: host.dataDir, store, events, clock });
  events.storeNotices(store.notices);
  for (const warning of store.warnings) host.log?.('warn', warning);

  const groups = [
    tokenHandlers({ clock, resolveTokenUuid: (source) => services.resolveTokenUuid(source) }),
    mockCsHandlers(services),
    loginHandlers(services),
    clockHandlers(services),
    storeHandlers(services),
    optionsHandlers(),
    appHandlers(services, host),
    labsHandlers(services),
  ] as const;
  const handlers: Handlers = joinHandlers(groups);
  const inner = createDispatcher(handlers, {
    isTrustedSender: (sender) => host.isTrustedSender(sender),
    ...(host.onInternalError ? { onInternalError: (channel: string, err: unknown) => host.onInternalError?.(channel, err) } : {}),
    checkOutputs: host.checkOutputs === true,
  });

  let disposing: Promise<void> | null = null;
  const dispatcher: Dispatcher = {
    channels: inner.channels,
    invoke(channel, payload, sender) {
      // A foreign sender is still refused as such; a trusted one is told why nothing happens.
      if (disposing && host.isTrustedSender(sender)) return Promise.resolve(fail('SHUTTING_DOWN', 'GAX Token Lab is closing', 'Start it again.'));
      return inner.invoke(channel, payload, sender);
    },
  };
  return {
    dispatcher,
    subscribe: (listener) => events.subscribe(listener),
    reportProblem: (error) => events.appProblem(crashSummary(error), clock()),
    dispose() {
      disposing ??= services.dispose().finally(() => events.dispose());
      return disposing;
    },
  };
}
