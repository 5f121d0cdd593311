/**
 * The wizard keeps its values across a reload of the window: the step, the CS and GAX options as
 * typed and the sample user go to sessionStorage (this window only, gone when it closes). The
 * token-uuid is a secret and is not written there: after a reload a generated one is made anew
 * (said so in `restoredNote`) and a pasted one must be pasted again.
 */
import type { SetupWizard } from './wizard.svelte.js';
import type { SetupStepId } from './steps.js';
import { SETUP_STEPS } from './steps.js';

const KEY = 'gax-token-lab.wizard-draft.v1';

interface Draft {
  step: SetupStepId;
  cs: { mode: 'enable' | 'disable'; preamble: string; uuidChoice: string; tolerance: string; ttl: string };
  gax: { trusted: 'true' | 'false'; life: string };
  sampleUser: string;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function isDraft(d: unknown): d is Draft {
  if (typeof d !== 'object' || d === null) return false;
  const x = d as Draft;
  const str = (v: unknown) => typeof v === 'string' && v.length <= 4096;
  return (
    SETUP_STEPS.some((s) => s.id === x.step) &&
    typeof x.cs === 'object' &&
    x.cs !== null &&
    (x.cs.mode === 'enable' || x.cs.mode === 'disable') &&
    str(x.cs.preamble) &&
    str(x.cs.uuidChoice) &&
    str(x.cs.tolerance) &&
    str(x.cs.ttl) &&
    typeof x.gax === 'object' &&
    x.gax !== null &&
    (x.gax.trusted === 'true' || x.gax.trusted === 'false') &&
    str(x.gax.life) &&
    str(x.sampleUser)
  );
}

/** What the restore changed that the person should know, or null. */
export const draftState = $state<{ restoredNote: string | null }>({ restoredNote: null });

export function restoreDraft(wizard: SetupWizard): void {
  const raw = storage()?.getItem(KEY);
  if (!raw) return;
  let d: unknown;
  try {
    d = JSON.parse(raw);
  } catch {
    return;
  }
  if (!isDraft(d)) return;
  const choice = (['cs', 'generate', 'paste', 'keep'] as const).find((c) => c === d.cs.uuidChoice);
  const uuidChoice = choice ?? wizard.cs.uuidChoice;
  Object.assign(wizard.cs, {
    mode: d.cs.mode,
    preamble: d.cs.preamble,
    uuidChoice,
    generatedUuid: uuidChoice === 'generate' ? crypto.randomUUID() : '',
    pastedUuid: '',
    tolerance: d.cs.tolerance,
    ttl: d.cs.ttl,
  });
  wizard.gax = { trusted: d.gax.trusted, life: d.gax.life };
  wizard.sampleUser = d.sampleUser;
  wizard.step = d.step;
  if (uuidChoice === 'generate')
    draftState.restoredNote = 'Your values are back after the reload. The token-uuid is a secret and was not kept: a new one was generated.';
  else if (uuidChoice === 'paste')
    draftState.restoredNote = 'Your values are back after the reload. The token-uuid is a secret and was not kept: paste it again.';
  else draftState.restoredNote = null;
}

/** Saves the draft on every change, for the window's life. */
export function keepDraft(wizard: SetupWizard): void {
  $effect.root(() => {
    $effect(() => {
      const d: Draft = {
        step: wizard.step,
        cs: {
          mode: wizard.cs.mode,
          preamble: wizard.cs.preamble,
          uuidChoice: wizard.cs.uuidChoice,
          tolerance: wizard.cs.tolerance,
          ttl: wizard.cs.ttl,
        },
        gax: { trusted: wizard.gax.trusted, life: wizard.gax.life },
        sampleUser: wizard.sampleUser,
      };
      try {
        storage()?.setItem(KEY, JSON.stringify(d));
      } catch {
        // storage full or refused: the wizard works on, only a reload forgets it
      }
    });
  });
}

export function clearDraft(): void {
  draftState.restoredNote = null;
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
