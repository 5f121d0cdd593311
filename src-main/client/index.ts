/** The GAX-side login client: runLogin, probeServerTime and their step trace. */
export * from './types.js';
export { runLogin } from './login.js';
export { probeServerTime } from './probe-server-time.js';
export { redactToken } from '../core/redact.js';
export { validateLoginRequest } from './validate-request.js';
export { normalizeFingerprint, formatFingerprint } from './certificate.js';
