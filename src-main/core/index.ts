/** The token core: pure logic, no sockets, files, Electron or Svelte. */
export * from './codes.js';
export * from './constants.js';
export * from './uuid.js';
export * from './inputs.js';
export * from './base64url.js';
export * from './pxz1.js';
export * from './window.js';
export * from './fit.js';
export * from './decision.js';
export * from './explain.js';
export * from './time-format.js';
export * from './segments.js';
export * from './redact.js';
export * from './sources.js';
export * from './scrub.js';
export * from './login-steps.js';
