/**
 * The Set-up wizard's controllers, one each for the window, so a half-done set-up survives a visit to
 * another view. Other views use `wizard.loadOptions(cs, gax)` (the Doctor's "Open in the wizard").
 */
import { ApplyStep } from './apply.svelte.js';
import { SetupCheck } from './check.svelte.js';
import { TryIt } from './try-it.svelte.js';
import { SetupWizard } from './wizard.svelte.js';

import { keepDraft, restoreDraft } from './wizard-draft.svelte.js';

export const wizard = new SetupWizard();
restoreDraft(wizard);
keepDraft(wizard);
export const setupCheck = new SetupCheck(wizard, () => Date.now());
export const tryIt = new TryIt(wizard);
export const applyStep = new ApplyStep(wizard, () => Date.now());
