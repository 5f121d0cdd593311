/**
 * The Set-up wizard's controller, one for the window, so a half-done set-up survives a visit to
 * another view. Other views use `wizard.loadOptions(cs, gax)` (the Doctor's "Open in the wizard").
 * Steps 2–5 and their controllers load on demand (later-steps.ts).
 */
import { SetupWizard } from './wizard.svelte.js';
import type { SetupStepId } from './steps.js';
import { keepDraft, restoreDraft } from './wizard-draft.svelte.js';

export const wizard = new SetupWizard();
restoreDraft(wizard);
keepDraft(wizard);

export type LaterSteps = typeof import('./later-steps.js');

/** Step 1 ships with the first paint; the rest come from later-steps.ts. */
export function isLaterStep(id: SetupStepId): boolean {
  return id !== 'cs';
}

let laterSteps: Promise<LaterSteps> | undefined;
let loaded: LaterSteps | null = null;
/** The one load of steps 2–5; a failed load is forgotten, so the next call tries again. */
export function loadLaterSteps(): Promise<LaterSteps> {
  laterSteps ??= import('./later-steps.js').then(
    (m) => (loaded = m),
    (e: unknown) => {
      laterSteps = undefined;
      throw e;
    },
  );
  return laterSteps;
}

/** Steps 2–5 when already loaded: the view opened again shows them at once, without a loading line. */
export function laterStepsIfLoaded(): LaterSteps | null {
  return loaded;
}
