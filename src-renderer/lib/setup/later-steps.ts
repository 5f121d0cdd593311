/**
 * The wizard's steps 2–5 (GAX, Check, Try it, Apply) with their controllers, in a chunk of their own:
 * the first paint needs only step 1, and these drag in the trace, the timeline and the report writer
 * (the renderer's budget, bench/renderer.bench.js). Loaded once through `loadLaterSteps`; the
 * controllers then live for the window, like the wizard itself.
 */
import '../../styles/view-parts.css';
import { ApplyStep } from './apply.svelte.js';
import { SetupCheck } from './check.svelte.js';
import { TryIt } from './try-it.svelte.js';
import { wizard } from './setup-view.js';

export { default as GaxStep } from '../../components/setup/GaxStep.svelte';
export { default as CheckStep } from '../../components/setup/CheckStep.svelte';
export { default as TryItStep } from '../../components/setup/TryItStep.svelte';
export { default as ApplyStep } from '../../components/setup/ApplyStep.svelte';

export const setupCheck = new SetupCheck(wizard, () => Date.now());
export const tryIt = new TryIt(wizard);
export const applyStep = new ApplyStep(wizard, () => Date.now());
