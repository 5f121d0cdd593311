/**
 * Step 3, "Check": a sample token for the typed username, minted by the main side as GAX would, and
 * every warning about the settings — the doctor's findings (`doctor.diagnose` over the very option
 * files the Apply step writes, so the wizard and the doctor never disagree) plus the few notes only
 * the wizard makes. Answers to superseded requests are dropped, so fast typing never shows stale results.
 */
import { api } from '../api.js';
import { writeOptionsText } from '../../../src-main/core/browser.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { SetupWizard, WizardSettings } from './wizard.svelte.js';
import { timelineModel, type TimelineModel } from './timeline.js';

export type SampleToken = RequestOutput<'token.mint'>;
export type DoctorFinding = RequestOutput<'doctor.diagnose'>['findings'][number];

export interface ApiProblem {
  message: string;
  hint?: string;
}

export interface SetupWarning {
  /** a doctor rule id, or the wizard's own */
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  why: string;
  /** the corrected option lines, when an option fixes it */
  fix: string;
  source: 'doctor' | 'wizard';
}

/** File names the doctor reports (they are the names the Apply step saves under). */
export const CHECK_FILE_NAMES = { cs: 'cs-system-options.cfg', gax: 'gax-general-options.cfg' } as const;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Notes only the wizard makes: what a 0 means, which the doctor does not report (0 is a valid value).
 * Pure, from the settings alone.
 */
export function wizardNotes(s: WizardSettings): SetupWarning[] {
  const notes: SetupWarning[] = [];
  if (s.toleranceSeconds === 0)
    notes.push({
      id: 'TOLERANCE_ZERO_MEANS_DEFAULT',
      severity: 'info',
      message: '[system] token-tolerance=0 means the default: 60 s',
      why: 'Genesys: unset or 0 means the default. The CS widens each token’s window by 60 s before its start and after its expiry, exactly as if the option were not set; write 60, or leave it out, to say so plainly.',
      fix: '',
      source: 'wizard',
    });
  if (s.ttlMinutes === 0)
    notes.push({
      id: 'TTL_ZERO_MEANS_UNSET',
      severity: 'info',
      message: `[system] token-ttl=0 means unset: the CS uses GAX token_life_in_minutes (${s.lifeMinutes} min)`,
      why: 'Genesys: unset or 0 means the CS takes the window from GAX token_life_in_minutes, and from 1440 min when that is unset or 0 too.',
      fix: '',
      source: 'wizard',
    });
  return notes;
}

/** The option files the doctor reads: the same lines the Apply step writes, the token-uuid included (the doctor's answer masks it). */
export function checkFiles(
  system: Record<string, string>,
  general: Record<string, string>,
): { name: string; text: string; application: 'cs' | 'gax' }[] {
  const cs = writeOptionsText({ application: 'cs', sections: { system } });
  const gax = writeOptionsText({ application: 'gax', sections: { general } });
  return [
    { name: CHECK_FILE_NAMES.cs, text: cs.ok ? cs.text : '', application: 'cs' },
    { name: CHECK_FILE_NAMES.gax, text: gax.ok ? gax.text : '', application: 'gax' },
  ];
}

/**
 * The doctor names lines ("token-ttl=5 (line 2)") of files the person has not seen yet; in the
 * wizard the option name says which line is meant, so the line numbers are left out.
 */
export function withoutLineNumbers(text: string): string {
  return text.replace(/ \(lines? [\d, and]+(?: more)?\)/g, '');
}

export class SetupCheck {
  sample = $state<SampleToken | null>(null);
  sampleProblem = $state<ApiProblem | null>(null);
  findings = $state<DoctorFinding[] | null>(null);
  doctorProblem = $state<ApiProblem | null>(null);
  pending = $state(false);
  /** the token-uuid used to mint the sample when the real one is left to the CS; never leaves this window except to mint */
  readonly throwawayUuid: string;
  private seq = 0;
  private readonly wizard: SetupWizard;
  private readonly clock: () => number;

  /** The validity window drawn on a timeline: here, not in the wizard, so it loads with this step. */
  readonly timeline: TimelineModel | null = $derived.by(() => {
    const life = this.wizard.gaxCheck.settings.tokenLifeMinutes;
    return life === null ? null : timelineModel(life, this.wizard.timeOptions);
  });

  constructor(wizard: SetupWizard, clock: () => number, throwawayUuid: string = crypto.randomUUID()) {
    this.wizard = wizard;
    this.clock = clock;
    this.throwawayUuid = throwawayUuid;
  }

  /** True when the sample was minted with the throwaway token-uuid (the real one is the CS's). */
  get sampleUsesThrowaway(): boolean {
    return this.wizard.settings?.tokenUuid === null;
  }

  /** Every warning: the doctor's findings, then the wizard's notes; errors first. */
  get warnings(): SetupWarning[] {
    const settings = this.wizard.settings;
    const fromDoctor: SetupWarning[] = (this.findings ?? []).map((f) => ({
      id: f.id,
      severity: f.severity,
      message: withoutLineNumbers(f.message),
      why: withoutLineNumbers(f.why),
      fix: f.fix,
      source: 'doctor',
    }));
    const all = [...fromDoctor, ...(settings ? wizardNotes(settings) : [])];
    return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  }

  /** Mints the sample and asks the doctor, for the wizard's current settings. */
  async refresh(): Promise<void> {
    const settings = this.wizard.settings;
    const seq = ++this.seq;
    if (!settings) {
      this.sample = null;
      this.findings = null;
      this.pending = false;
      return;
    }
    const user = this.wizard.sampleUserProblem === null ? this.wizard.sampleUser : null;
    this.pending = true;
    const files = checkFiles(this.wizard.systemSection, this.wizard.generalSection);
    const [minted, diagnosed] = await Promise.all([
      user === null
        ? Promise.resolve(null)
        : api.invoke('token.mint', {
            username: user,
            tokenUuid: { kind: 'typed', value: settings.tokenUuid ?? this.throwawayUuid },
            lifeMinutes: settings.lifeMinutes,
            preamble: settings.preamble,
            now: Math.floor(this.clock() / 1000),
          }),
      api.invoke('doctor.diagnose', { files, ...(user === null ? {} : { users: [user] }) }),
    ]);
    if (seq !== this.seq) return;
    this.pending = false;
    if (minted === null) {
      this.sample = null;
      this.sampleProblem = null;
    } else if (minted.ok) {
      this.sample = minted.data;
      this.sampleProblem = null;
    } else {
      this.sample = null;
      this.sampleProblem = problemOf(minted.error);
    }
    if (diagnosed.ok) {
      this.findings = diagnosed.data.findings;
      this.doctorProblem = null;
    } else {
      this.findings = null;
      this.doctorProblem = problemOf(diagnosed.error);
    }
  }
}

export function problemOf(e: { message: string; hint?: string | undefined }): ApiProblem {
  return e.hint ? { message: e.message, hint: e.hint } : { message: e.message };
}
