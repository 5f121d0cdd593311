/**
 * The source registry (titles and places) for SourceLabel, loaded on its own after the first paint:
 * a label needs only its kind to show, and the wizard's first step should not wait for every
 * source's title. Until it has loaded (a moment), sourceEntryOf answers null.
 */
import type { Source } from '../../../src-main/core/browser.js';
import type * as Registry from '../../../src-main/core/browser-sources.js';

let registry = $state<typeof Registry | null>(null);
let loading: Promise<void> | null = null;

export function sourceEntryOf(source: Source): Registry.SourceEntry | null {
  if (registry) return registry.sourceEntry(source);
  loading ??= import('../../../src-main/core/browser-sources.js').then(
    (m) => {
      registry = m;
    },
    () => {
      // The label still says whose word it is; only the title stays out. A later label tries again.
      loading = null;
    },
  );
  return null;
}
