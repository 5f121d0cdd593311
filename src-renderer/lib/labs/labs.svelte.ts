/**
 * The Labs view's state: the list with each lab's saved progress, the open lab (story, hints,
 * check result, its GAX side), and what each action is doing. Everything lives in main; this
 * mirrors the answers, so a reload or a restart shows the same progress.
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { IpcError } from '../../../src-main/ipc/result.js';
import { LabGaxForm } from './gax-form.svelte.js';

export type LabSummary = RequestOutput<'labs.list'>['labs'][number];
export type OpenLab = NonNullable<RequestOutput<'labs.current'>['lab']>;
export type LabProgress = LabSummary['progress'];
export type LabAction = 'open' | 'check' | 'hint' | 'reveal' | 'reset' | 'gax' | 'extra' | 'export' | 'close';

export interface ExportedFile {
  name: string;
  text: string;
  application: 'cs' | 'gax';
}

export const STATUS_LABEL: Record<LabProgress['status'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  solved: 'Solved',
};

export class LabsController {
  labs = $state<LabSummary[]>([]);
  lab = $state<OpenLab | null>(null);
  loaded = $state(false);
  /** the action running now (one at a time: they all change the same lab) */
  busy = $state<LabAction | null>(null);
  /** the last failure, next to the action that caused it */
  error = $state<{ action: LabAction | 'load'; error: IpcError } | null>(null);
  readonly gax = new LabGaxForm();

  readonly solvedCount = $derived(this.labs.filter((l) => l.progress.status === 'solved').length);

  async load(): Promise<void> {
    const [list, current] = await Promise.all([api.invoke('labs.list', {}), api.invoke('labs.current', {})]);
    this.loaded = true;
    if (!list.ok) return this.fail('load', list.error);
    if (!current.ok) return this.fail('load', current.error);
    this.labs = list.data.labs;
    this.take(current.data.lab);
    if (this.error?.action === 'load') this.error = null;
  }

  async open(id: string): Promise<boolean> {
    return this.run(
      'open',
      () => api.invoke('labs.open', { id }),
      (lab) => this.take(lab),
    );
  }

  async check(): Promise<boolean> {
    return this.run(
      'check',
      () => api.invoke('labs.check', {}),
      (lab) => this.take(lab),
    );
  }

  async hint(): Promise<boolean> {
    const lab = this.lab;
    if (!lab) return false;
    return this.run(
      'hint',
      () => api.invoke('labs.hint', { id: lab.scenario.id }),
      (r) => {
        if (this.lab?.scenario.id === r.id) this.lab = { ...this.lab, hints: r.hints, progress: r.progress };
        this.setProgress(r.id, r.progress);
      },
    );
  }

  async reveal(): Promise<boolean> {
    const lab = this.lab;
    if (!lab) return false;
    return this.run(
      'reveal',
      () => api.invoke('labs.reveal', { id: lab.scenario.id }),
      (r) => {
        if (this.lab?.scenario.id === r.id) this.lab = { ...this.lab, solution: r.solution, explanation: r.explanation, progress: r.progress };
        this.setProgress(r.id, r.progress);
      },
    );
  }

  async reset(): Promise<boolean> {
    const lab = this.lab;
    if (!lab) return false;
    return this.run(
      'reset',
      () => api.invoke('labs.reset', { id: lab.scenario.id }),
      (r) => {
        this.setProgress(r.id, r.progress);
        if (r.lab) this.take(r.lab);
      },
    );
  }

  /** Leaves the open lab: its mock CS stops, and the user's own is back in the Server view as it was. */
  async close(): Promise<boolean> {
    return this.run(
      'close',
      () => api.invoke('labs.close', {}),
      () => (this.lab = null),
    );
  }

  /** Sends what changed on the GAX card. */
  async saveGax(): Promise<boolean> {
    const patch = this.gax.patch;
    if (!patch) return false;
    return this.run(
      'gax',
      () => api.invoke('labs.gax.update', { patch }),
      (lab) => this.take(lab),
    );
  }

  async removeExtraOption(name: string): Promise<boolean> {
    return this.run(
      'extra',
      () => api.invoke('labs.extraOptions.remove', { name }),
      (lab) => this.take(lab),
    );
  }

  /** The open lab's CS and GAX option files, for the Doctor; null (and the error shown) when they cannot be had. */
  async exportFiles(): Promise<ExportedFile[] | null> {
    let files: ExportedFile[] | null = null;
    await this.run(
      'export',
      () => api.invoke('labs.export', {}),
      (r) => (files = r.files),
    );
    return files;
  }

  errorFor(action: LabAction | 'load'): IpcError | null {
    return this.error?.action === action ? this.error.error : null;
  }

  private take(lab: OpenLab | null): void {
    const sameLab = lab !== null && this.lab?.scenario.id === lab.scenario.id;
    this.lab = lab;
    if (lab) {
      this.gax.load(lab.gax, sameLab);
      this.setProgress(lab.scenario.id, lab.progress);
    }
  }

  private setProgress(id: string, progress: LabProgress): void {
    this.labs = this.labs.map((l) => (l.id === id ? { ...l, progress } : l));
  }

  private fail(action: LabAction | 'load', error: IpcError): void {
    this.error = { action, error };
  }

  private async run<T>(
    action: LabAction,
    call: () => Promise<{ ok: true; data: T } | { ok: false; error: IpcError }>,
    onOk: (data: T) => void,
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = action;
    try {
      const r = await call();
      if (!r.ok) {
        this.fail(action, r.error);
        return false;
      }
      this.error = null;
      onOk(r.data);
      return true;
    } finally {
      this.busy = null;
    }
  }
}
