/**
 * The Set-up wizard's controller, one for the window, so a half-done set-up survives a visit to
 * another view. Other views use `wizard.loadOptions(cs, gax)` (the Doctor's "Open in the wizard").
 * Steps 3–5 and their controllers load on demand (later-steps.ts).
 */
import { SetupWizard } from './wizard.svelte.js';
import type { SetupStepId } from './steps.js';
import { keepDraft, restoreDraft } from './wizard-draft.svelte.js';

export const wizard = new SetupWizard();
restoreDraft(wizard);
keepDraft(wizard);

export type LaterSteps = typeof import('./later-steps.js');

/** Steps 1 and 2 ship with the first paint; the rest come from later-steps.ts. */
export function isLaterStep(id: SetupStepId): boolean {
  return id !== 'cs' && id !== 'gax';
}

let laterSteps: Promise<LaterSteps> | undefined;
/** The one load of steps 3–5; a failed load is forgotten, so the next call tries again. */
export function loadLaterSteps(): Promise<LaterSteps> {
  laterSteps ??= import('./later-steps.js').catch((e: unknown) => {
    laterSteps = undefined;
    throw e;
  });
  return laterSteps;
}
