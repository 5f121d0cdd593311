/**
 * A mock CS host for a door that serves one mock CS until it is told to stop (the CLI's `serve` and
 * `lab start`): the same MockCsHost the app keeps, configured and started in one change, so the
 * command line and the app run a mock CS the same way.
 */
import type { ListenerInfo, MockCsEvent, MockCsOptions } from '../mockcs/index.js';
import { EventRing } from './event-ring.js';
import { MockCsHost, type MockCsOwner } from './mockcs-host.js';

/**
 * A command line's log is its stdout: the host keeps only the last few events, not the app's
 * 100,000, or a server taking thousands of logins a second would hold hundreds of MB.
 */
const CLI_LOG_KEPT = 100;

class CliMockCsHost extends MockCsHost {
  override readonly log = new EventRing<MockCsEvent>(CLI_LOG_KEPT);
}

export interface StartedHostInit {
  owner: MockCsOwner;
  name: string;
  /** where a generated token-uuid and the TLS certificate are kept (nothing is written there otherwise) */
  dataDir: string;
  options: Partial<MockCsOptions>;
  /** every event of the mock CS, from before its first listener binds */
  onEvent(event: MockCsEvent): void;
  clock?: () => number;
}

/**
 * Configures and starts a host's mock CS. A failure (a port in use, options refused) rejects with
 * the workbench's HandlerError in words, the mock CS stopped.
 */
export async function startedHost(init: StartedHostInit): Promise<{ host: MockCsHost; listeners: ListenerInfo[] }> {
  const host = new CliMockCsHost({
    owner: init.owner,
    name: init.name,
    dataDir: init.dataDir,
    clock: init.clock ?? Date.now,
    listener: { event: (_host, event) => init.onEvent(event), changed: () => undefined },
  });
  let listeners: ListenerInfo[] = [];
  await host.change(async (cs) => {
    await cs.updateOptions(init.options);
    listeners = await cs.start();
  });
  return { host, listeners };
}
