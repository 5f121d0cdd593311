/**
 * The source registry (titles and places) for SourceLabel, loaded on its own when a label is first
 * pointed at, focused or opened: a label needs only its kind to show, and the wizard's first step
 * should not wait for every source's title. Until then sourceEntryOf answers null.
 */
import type { Source } from '../../../src-main/core/browser.js';
import type * as Registry from '../../../src-main/core/browser-sources.js';

let registry = $state<typeof Registry | null>(null);
let loading: Promise<void> | null = null;

/** Starts loading the registry (once; again after a failed attempt). */
export function loadSources(): void {
  loading ??= import('../../../src-main/core/browser-sources.js').then(
    (m) => {
      registry = m;
    },
    () => {
      // The label still says whose word it is; only the title stays out. The next reach tries again.
      loading = null;
    },
  );
}

export function sourceEntryOf(source: Source): Registry.SourceEntry | null {
  return registry ? registry.sourceEntry(source) : null;
}
