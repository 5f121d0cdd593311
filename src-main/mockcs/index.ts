/** The mock Configuration Server (csmock/1): the server, its options, events and wire types. */
export { MockCs, type MockCsInit, type MockCsStatus } from './server.js';
export {
  mockCsOptionsSchema,
  parseMockCsOptions,
  mergeMockCsOptions,
  describeOptionIssues,
  MockCsOptionsError,
  DEFAULT_USERS,
  type MockCsOptions,
  type MockCsOptionsInput,
  type MockCsUser,
  type MockCsListener,
  type PublicMockCsOptions,
  type OptionsResult,
} from './options.js';
export { redactToken, formatLogLine, type MockCsEvent, type MockCsEventKind, type MockCsEventListener } from './events.js';
export { listenerId, type ListenerInfo } from './listeners.js';
export { instructorReserve } from './admission.js';
export type { MockCsCounters } from './state.js';
export { TOKEN_UUID_FILE } from './persist.js';
export { TLS_DIR, CERT_FILE, KEY_FILE } from './tls.js';
export * from './protocol.js';
