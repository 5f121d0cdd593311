/**
 * The source registry (each source's title and where to find it) as the renderer loads it: on its
 * own, after the first paint, by dynamic import. Like core/browser.ts it reaches no `node:` module
 * (test/architecture/layering.test.ts).
 */
export { sourceEntry } from './sources.js';
export type { SourceEntry } from './sources.js';
