/**
 * The core as the renderer may import it: everything here is pure and reaches no `node:` module,
 * directly or through what it imports (core/index.ts does: the token codec needs node:crypto).
 * test/architecture/layering.test.ts holds both rules, so a deep import or a Node dependency added
 * behind this file fails there, not in a browser.
 */
export * from './codes.js';
export * from './constants.js';
export * from './uuid.js';
export * from './inputs.js';
export * from './window.js';
export * from './fit.js';
export * from './explain.js';
export * from './time-format.js';
export * from './sources.js';
export * from './scrub.js';
export * from './login-steps.js';
export * from './web-bridge.js';
export * from './options/index.js';
export { decodeOptionBytes } from './doctor/decode.js';
export type * from './doctor/types.js';
export { LAB_MAX_MINUTES } from './labs/setup.js';
export * from './report/index.js';
export * from './paste-mistakes.js';
