/** A mock CS status view for the event tests: running, no listeners or connections, `accepted` logins counted. */
import type { MockCsView } from '../../src-main/ipc/contract/mockcs.js';

export function mockCsView(accepted: number): MockCsView {
  return {
    running: true,
    listeners: [],
    connections: 0,
    registered: 0,
    counters: { accepted, rejected: {}, protocolErrors: {} },
    options: {} as MockCsView['options'],
  };
}
