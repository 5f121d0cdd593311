/**
 * The Set-up wizard's state: the step shown, the CS and GAX options as typed, the sample username,
 * and everything derived from them — each step's problems, what the CS and GAX would run with, the
 * token's fit in the Password field and the validity window. One instance lives for the window
 * (lib/setup/setup-view.ts), so a half-done set-up survives a visit to another view.
 */
import { checkUsername, passwordFieldFit, type PasswordFieldFit, type OptionSet, type TokenTimeOptions } from '../../../src-main/core/browser.js';
import {
  checkCsOptions,
  csFieldId,
  csMockCsPatch,
  csOptionsFromSection,
  csSystemSection,
  defaultCsOptions,
  type CsOptionField,
  type CsOptionsCheck,
  type CsOptionsValues,
  type FieldProblem,
} from '../options/cs-options.svelte.js';
import {
  checkGaxOptions,
  defaultGaxOptions,
  gaxGeneralSection,
  gaxOptionsFromSection,
  type GaxOptionField,
  type GaxOptionsCheck,
  type GaxOptionsValues,
} from './gax-options.js';
import { SETUP_STEPS, stepIndex, stepName, type SetupStepId, type StepProblem, type StepperStep } from './steps.js';

/** Element ids of the wizard's fields, so a problem can take the person to its field. */
export const CS_EDITOR_PREFIX = 'setup-cs';
export const FIELD_IDS = {
  'token-authentication-mode': csFieldId(CS_EDITOR_PREFIX, 'token-authentication-mode'),
  'token-preambula': csFieldId(CS_EDITOR_PREFIX, 'token-preambula'),
  'token-uuid': csFieldId(CS_EDITOR_PREFIX, 'token-uuid'),
  'token-tolerance': csFieldId(CS_EDITOR_PREFIX, 'token-tolerance'),
  'token-ttl': csFieldId(CS_EDITOR_PREFIX, 'token-ttl'),
  confserv_trusted: 'setup-gax-trusted',
  token_life_in_minutes: 'setup-gax-life',
  sampleUser: 'setup-sample-user',
} as const satisfies Record<CsOptionField | GaxOptionField | 'sampleUser', string>;

/** The user the wizard mints for and logs in as until the person types another: every CS has it. */
export const DEFAULT_SAMPLE_USER = 'default';

/** Everything GAX and the CS would run with, once every step is valid. */
export interface WizardSettings {
  mode: 'enable' | 'disable';
  preamble: string;
  /** the token-uuid made or pasted here; null: left to the CS */
  tokenUuid: string | null;
  toleranceSeconds: number | null;
  ttlMinutes: number | null;
  confservTrusted: boolean;
  lifeMinutes: number;
}

export class SetupWizard {
  step = $state<SetupStepId>('cs');
  cs = $state<CsOptionsValues>(defaultCsOptions());
  gax = $state<GaxOptionsValues>(defaultGaxOptions());
  sampleUser = $state(DEFAULT_SAMPLE_USER);
  /** fields typed in (errors show once a field was typed in, or all at once after a refused Next) */
  touched = $state<Partial<Record<GaxOptionField | 'sampleUser', boolean>>>({});
  /** the step whose Next was refused, with why; cleared when the step changes or its problems are gone */
  refused = $state<{ step: SetupStepId; problems: StepProblem[] } | null>(null);
  /** steps whose every error is shown, not only those of touched fields (after a refused Next) */
  revealed = $state<Partial<Record<SetupStepId, boolean>>>({});

  readonly csCheck: CsOptionsCheck = $derived.by(() => checkCsOptions(this.cs));
  readonly gaxCheck: GaxOptionsCheck = $derived.by(() => checkGaxOptions(this.gax));
  readonly sampleUserProblem: string | null = $derived.by(() => checkUsername(this.sampleUser));

  /** What the CS and GAX would run with; null while step 1 or 2 has an error. */
  readonly settings: WizardSettings | null = $derived.by(() => {
    const cs = this.csCheck;
    const gax = this.gaxCheck;
    if (!cs.valid || !gax.valid || gax.settings.tokenLifeMinutes === null) return null;
    return {
      mode: cs.settings.tokenAuthenticationMode,
      preamble: cs.settings.tokenPreambula,
      tokenUuid: cs.settings.tokenUuid ?? null,
      toleranceSeconds: cs.settings.tokenToleranceSeconds,
      ttlMinutes: cs.settings.tokenTtlMinutes,
      confservTrusted: gax.settings.confservTrusted,
      lifeMinutes: gax.settings.tokenLifeMinutes,
    };
  });

  /** The three numbers the CS's decision depends on (token core `TokenTimeOptions`). */
  readonly timeOptions: TokenTimeOptions = $derived.by(() => ({
    tokenToleranceSeconds: this.csCheck.settings.tokenToleranceSeconds,
    tokenTtlMinutes: this.csCheck.settings.tokenTtlMinutes,
    gaxTokenLifeMinutes: this.gaxCheck.settings.tokenLifeMinutes,
  }));

  /** The sample token's length against the 64-byte Password field (computed, so it shows before any mint). */
  readonly fit: PasswordFieldFit | null = $derived.by(() =>
    this.sampleUserProblem === null ? passwordFieldFit(this.csCheck.settings.tokenPreambula, this.sampleUser) : null,
  );

  /** CS `[system]` and GAX `[general]` as option lines (Genesys names, documented spellings). */
  readonly systemSection: Record<string, string> = $derived.by(() => csSystemSection(this.csCheck.settings));
  readonly generalSection: Record<string, string> = $derived.by(() => gaxGeneralSection(this.gaxCheck.settings));

  // ---- steps -------------------------------------------------------------------------------

  /** What keeps `step` from being left forward, in the order of its fields. */
  problems(step: SetupStepId): StepProblem[] {
    const out: StepProblem[] = [];
    if (step === 'cs') {
      for (const [field, e] of Object.entries(this.csCheck.errors) as [CsOptionField, { message: string }][])
        out.push({ fieldId: FIELD_IDS[field], label: field, message: e.message });
    } else if (step === 'gax') {
      for (const [field, e] of Object.entries(this.gaxCheck.errors) as [GaxOptionField, { message: string }][])
        out.push({ fieldId: FIELD_IDS[field], label: field, message: e.message });
    } else if (step === 'check' && this.sampleUserProblem !== null)
      out.push({ fieldId: FIELD_IDS.sampleUser, label: 'Sample username', message: this.sampleUserProblem });
    return out;
  }

  get index(): number {
    return stepIndex(this.step);
  }

  get isFirst(): boolean {
    return this.index === 0;
  }

  get isLast(): boolean {
    return this.index === SETUP_STEPS.length - 1;
  }

  /** The steps as the stepper shows them: before the current one done, after it still to do. */
  get stepperSteps(): StepperStep[] {
    const current = this.index;
    return SETUP_STEPS.map((s, i) => ({
      id: s.id,
      name: s.name,
      summary: s.summary,
      state: i === current ? 'current' : i < current ? 'done' : 'todo',
      problems: this.problems(s.id).length,
    }));
  }

  touch(field: GaxOptionField | 'sampleUser'): void {
    this.touched[field] = true;
  }

  /** The error to show under a GAX field: at once for a typed value; for an empty one once typed in, or after a refused Next. */
  shownError(field: GaxOptionField): FieldProblem | null {
    const e = this.gaxCheck.errors[field];
    const typed = field === 'token_life_in_minutes' && this.gax.life !== '';
    return e && (typed || this.touched[field] || this.isRevealed('gax')) ? e : null;
  }

  /** The sample username's problem, shown as it is typed or after a refused Next. */
  get shownSampleUserError(): string | null {
    const p = this.sampleUserProblem;
    return p !== null && (this.sampleUser !== '' || this.touched.sampleUser || this.isRevealed('check')) ? p : null;
  }

  /** Shows every error of a step, not just those of touched fields. */
  isRevealed(step: SetupStepId): boolean {
    return this.revealed[step] === true;
  }

  /** The refusal to show under the step's buttons, while its problems last. */
  get refusal(): { step: SetupStepId; problems: StepProblem[] } | null {
    if (!this.refused || this.refused.step !== this.step) return null;
    const problems = this.problems(this.step);
    return problems.length > 0 ? { step: this.step, problems } : null;
  }

  /** Forward one step; refused (false) while this step has problems, which are then shown. */
  next(): boolean {
    if (this.isLast) return false;
    return this.goTo(SETUP_STEPS[this.index + 1]!.id);
  }

  back(): void {
    if (this.isFirst) return;
    this.show(SETUP_STEPS[this.index - 1]!.id);
  }

  /**
   * Any step back, or forward when every step before the target is free of problems. Otherwise the
   * first step with problems is shown with its problems listed, and the answer is false.
   */
  goTo(target: SetupStepId): boolean {
    const to = stepIndex(target);
    for (let i = 0; i < to; i++) {
      const s = SETUP_STEPS[i]!.id;
      const problems = this.problems(s);
      if (problems.length > 0) {
        this.show(s);
        this.revealed[s] = true;
        this.refused = { step: s, problems };
        return false;
      }
    }
    this.show(target);
    return true;
  }

  /** Why a forward move from this step would be refused, in one line; null when it would not. */
  blockedReason(step: SetupStepId = this.step): string | null {
    const n = this.problems(step).length;
    if (n === 0) return null;
    return `${n === 1 ? 'One field needs' : `${n} fields need`} fixing on ${stepName(step)} before you can go on.`;
  }

  private show(step: SetupStepId): void {
    this.step = step;
    this.refused = null;
  }

  // ---- loading and resetting ---------------------------------------------------------------

  /**
   * Fills the wizard with existing options — the doctor's corrected files ("Open in the wizard"), a
   * profile — and shows step 1. Accepts option sets or the home sections as plain records.
   * `uuidOmitted`: the CS options had a token-uuid that was left out as a secret; the person is asked to paste it.
   */
  loadOptions(cs: OptionSet | Record<string, string>, gax: OptionSet | Record<string, string>, opts: { uuidOmitted?: boolean } = {}): void {
    // In place: the options editor holds this one object (a new one would belong to whichever view replaced it).
    Object.assign(this.cs, csOptionsFromSection(homeSection(cs, 'system'), opts));
    this.gax = gaxOptionsFromSection(homeSection(gax, 'general'));
    this.revealed = { cs: true, gax: true };
    this.show('cs');
  }

  /** Back to the start: default options, step 1. */
  reset(): void {
    Object.assign(this.cs, defaultCsOptions());
    this.gax = defaultGaxOptions();
    this.sampleUser = DEFAULT_SAMPLE_USER;
    this.revealed = {};
    this.touched = {};
    this.show('cs');
  }
}

/**
 * The mock CS options that make it behave like the CS these settings describe: the CS options, GAX's
 * token life as the CS reads it, a clock that agrees with ours, and teaching diagnostics — the person
 * is here to learn why a login fails, so the real code, not realistic mode's AUTH_FAILED.
 */
export function mockCsPatchFor(s: WizardSettings) {
  return {
    ...csMockCsPatch({
      tokenAuthenticationMode: s.mode,
      tokenPreambula: s.preamble,
      tokenUuid: s.tokenUuid,
      tokenToleranceSeconds: s.toleranceSeconds,
      tokenTtlMinutes: s.ttlMinutes,
    }),
    gaxTokenLifeMinutes: s.lifeMinutes,
    clockOffsetSeconds: 0,
    diagnostics: 'teaching' as const,
  };
}

function homeSection(o: OptionSet | Record<string, string>, section: 'system' | 'general'): Record<string, string> {
  if (isOptionSet(o)) return { ...(o.sections[section] ?? {}) };
  return { ...o };
}

function isOptionSet(o: OptionSet | Record<string, string>): o is OptionSet {
  return typeof (o as OptionSet).sections === 'object' && ((o as OptionSet).application === 'cs' || (o as OptionSet).application === 'gax');
}
