/**
 * One Doctor session: the inputs, the diagnosis of the last run (verdict, findings by severity,
 * what was normalised, the corrected files), saving those files, and handing the corrected options
 * to the Set up wizard. The diagnosis itself is the core doctor's, run on the main side.
 */
import { api } from '../api.js';
import { saveText, type SaveOutcome, type SaveRequest } from '../server/save-file.js';
import type { OptionSet } from '../../../src-main/core/browser.js';
import type { IpcError } from '../../../src-main/ipc/result.js';
import { DoctorInputs, type FileSource } from './doctor-inputs.svelte.js';
import { DoctorProfiles } from './profile-sources.svelte.js';
import { verdictOf, type DoctorResult, type Finding, type Verdict } from './verdict.js';

export type Severity = Finding['severity'];
export type CorrectedFile = DoctorResult['corrected'][number];

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_LABEL: Record<Severity, { one: string; many: string; icon: string }> = {
  error: { one: 'Error', many: 'Errors', icon: '✕' },
  warning: { one: 'Warning', many: 'Warnings', icon: '!' },
  info: { one: 'Info', many: 'Information', icon: 'i' },
};

/** What "Open in the wizard" needs of the Set up wizard (lib/setup's `wizard.loadOptions`). */
export interface WizardTarget {
  loadOptions(cs: OptionSet | Record<string, string>, gax: OptionSet | Record<string, string>, opts?: { uuidOmitted?: boolean }): void;
}

export interface Diagnosis {
  result: DoctorResult;
  verdict: Verdict;
  groups: { severity: Severity; findings: Finding[] }[];
  /** inputs whose secret options were not sent (saved profiles: the token-uuid stays on the main side) */
  withheld: { file: string; options: string[] }[];
  /** how a file's bytes were decoded when not plain UTF-8, by file name */
  encodings: Record<string, string>;
  /** saved profiles that could not be read */
  profileErrors: IpcError[];
  users: string[];
  clockOffsetSeconds: number | undefined;
}

export class DoctorSession {
  readonly inputs = new DoctorInputs();
  readonly profiles = new DoctorProfiles();
  running = $state(false);
  diagnosis = $state<Diagnosis | null>(null);
  /** why the last run did not happen or failed, in words */
  error = $state<IpcError | null>(null);
  saves = $state<Record<string, SaveOutcome>>({});
  /** the corrected files "Open in the wizard" takes, by application */
  wizardFiles = $state<{ cs: string | null; gax: string | null }>({ cs: null, gax: null });
  /** what the inputs were when the shown diagnosis was made */
  private diagnosedInputs = $state<string | null>(null);

  constructor(
    private readonly wizard: WizardTarget,
    private readonly navigateToSetup: () => void,
    private readonly save: (req: SaveRequest) => Promise<SaveOutcome> = saveText,
  ) {}

  /** Everything that changes a diagnosis, as one comparable text. */
  private readonly inputsSignature = $derived(
    JSON.stringify([
      this.inputs.files.map((f) => [f.key, f.application]),
      this.inputs.pastes.map((p) => [p.application, p.text]),
      this.profiles.picked,
      this.inputs.users,
      this.inputs.clockOffsetSeconds ?? null,
    ]),
  );

  /** The inputs changed since the diagnosis shown was made. */
  readonly stale = $derived(this.diagnosis !== null && this.diagnosedInputs !== this.inputsSignature);

  readonly hasInput = $derived(this.inputs.files.length > 0 || this.inputs.hasPaste || this.profiles.picked.length > 0);

  /** The first reason the inputs cannot be sent, or null. */
  readonly blocked: string | null = $derived.by(() => {
    if (!this.hasInput) return 'Open or drop an exported options file, paste options, or pick a saved profile first.';
    return (
      this.inputs.pastes.map((p) => this.inputs.pasteError(p.key)).find((e) => e !== null) ?? this.inputs.usersError ?? this.inputs.clockOffsetError
    );
  });

  async diagnose(): Promise<void> {
    if (this.blocked) {
      this.error = { code: 'NO_INPUT', message: this.blocked };
      return;
    }
    this.running = true;
    this.error = null;
    const signature = this.inputsSignature;
    try {
      const fromProfiles = await this.profiles.fileRequests();
      const files = [...this.inputs.fileRequests(), ...fromProfiles.files];
      if (files.length === 0) {
        this.error = fromProfiles.errors[0] ?? { code: 'NO_INPUT', message: 'There is nothing to check.' };
        return;
      }
      if (files.length > 20) {
        this.error = {
          code: 'TOO_MANY',
          message: `${files.length} inputs; the doctor reads at most 20 at once.`,
          hint: 'Remove some files or profiles.',
        };
        return;
      }
      const users = [...new Set([...this.inputs.users, ...fromProfiles.users])];
      const clockOffsetSeconds = this.inputs.clockOffsetSeconds;
      const r = await api.invoke('doctor.diagnose', {
        files,
        ...(users.length ? { users } : {}),
        ...(clockOffsetSeconds !== undefined ? { clockOffsetSeconds } : {}),
      });
      if (!r.ok) {
        this.error = r.error;
        return;
      }
      const withheldFiles = new Set(fromProfiles.withheld.filter((w) => w.options.includes('token-uuid')).map((w) => w.file));
      // The profile has a token-uuid the doctor was not shown; "not set" would be wrong about it.
      const result = {
        ...r.data,
        findings: r.data.findings.filter((f) => !(f.id === 'UUID_NOT_SET' && f.file !== null && withheldFiles.has(f.file))),
      };
      const encodings = Object.fromEntries(this.inputs.files.filter((f) => f.encoding !== undefined).map((f) => [f.name, f.encoding as string]));
      this.diagnosis = {
        result,
        verdict: verdictOf(result),
        groups: SEVERITY_ORDER.map((severity) => ({ severity, findings: result.findings.filter((f) => f.severity === severity) })).filter(
          (g) => g.findings.length > 0,
        ),
        withheld: fromProfiles.withheld,
        encodings,
        profileErrors: fromProfiles.errors,
        users,
        clockOffsetSeconds,
      };
      this.saves = {};
      this.diagnosedInputs = signature;
      this.wizardFiles = {
        cs: result.corrected.find((c) => c.application === 'cs')?.fileName ?? null,
        gax: result.corrected.find((c) => c.application === 'gax')?.fileName ?? null,
      };
    } finally {
      this.running = false;
    }
  }

  /**
   * Adds opened or dropped files and diagnoses at once: a person who drops two exports gets the
   * answer without looking for a button. Nothing runs when no file could be added.
   */
  async addFilesAndDiagnose(sources: Iterable<FileSource>): Promise<void> {
    const before = this.inputs.files.length;
    await this.inputs.addFiles(sources);
    if (this.inputs.files.length > before) await this.diagnose();
  }

  /** Starts over: no inputs, no result. */
  reset(): void {
    this.inputs.clear();
    this.profiles.clear();
    this.diagnosis = null;
    this.error = null;
    this.saves = {};
  }

  correctedOf(application: 'cs' | 'gax'): CorrectedFile[] {
    return this.diagnosis?.result.corrected.filter((c) => c.application === application) ?? [];
  }

  chooseWizardFile(application: 'cs' | 'gax', fileName: string): void {
    this.wizardFiles = { ...this.wizardFiles, [application]: fileName };
  }

  /** Saves one corrected file: the native dialog in Electron, a download in web mode. */
  async saveCorrected(file: CorrectedFile): Promise<void> {
    const outcome = await this.save({ suggestedName: correctedFileName(file.fileName), content: file.text, mime: 'text/plain' });
    this.saves = { ...this.saves, [file.fileName]: outcome };
  }

  /** Loads the chosen corrected options into the Set up wizard and shows it. */
  openInWizard(): boolean {
    const pick = (application: 'cs' | 'gax') => this.correctedOf(application).find((c) => c.fileName === this.wizardFiles[application]);
    const cs = pick('cs');
    const gax = pick('gax');
    if (!cs && !gax) return false;
    const uuidOmitted =
      (cs?.secretsOmitted ?? false) ||
      (cs !== undefined && this.diagnosis!.withheld.some((w) => w.file === cs.fileName && w.options.includes('token-uuid')));
    this.wizard.loadOptions(cs?.options ?? {}, gax?.options ?? {}, { uuidOmitted });
    this.navigateToSetup();
    return true;
  }
}

/** "confserv.cfg" → "confserv-corrected.cfg"; characters a file system refuses become "-". */
export function correctedFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim() || 'options';
  const m = /^(.*?)(\.(cfg|conf|ini|txt))$/i.exec(safe);
  const base = (m ? m[1]! : safe).slice(0, 150);
  return `${base}-corrected${m ? m[2]! : '.cfg'}`;
}
