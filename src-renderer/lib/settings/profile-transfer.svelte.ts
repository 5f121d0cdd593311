/**
 * Profiles in and out as JSON: the export leaves token-uuids and passwords out unless the person
 * ticks "include secrets" (and is told what that means); the import reads a file made by Export.
 */
import { api } from '../api.js';
import { saveText, type SaveOutcome, type SaveRequest } from '../server/save-file.js';
import type { IpcError } from '../../../src-main/ipc/result.js';
import type { ProfileSummary } from './profile-list.svelte.js';

/** The store refuses larger imports; checked here too so a wrong file is not read into memory. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportReport {
  fileName: string;
  imported: ProfileSummary[];
  /** one line each, e.g. a profile renamed because its name was taken */
  problems: string[];
}

export interface ExportReport {
  fileName: string;
  count: number;
  includesSecrets: boolean;
  how: 'saved' | 'downloaded';
  path?: string;
  /** secrets asked for that are not in the file (this session could not load them) */
  warnings: string[];
}

export class ProfileTransfer {
  /** the export panel is shown */
  exportOpen = $state(false);
  includeSecrets = $state(false);
  /** profiles left out of the export; new profiles are in it unless unticked */
  excluded = $state<string[]>([]);
  exporting = $state(false);
  exportReport = $state<ExportReport | null>(null);
  exportError = $state<IpcError | null>(null);
  importing = $state(false);
  importReport = $state<ImportReport | null>(null);
  importError = $state<IpcError | null>(null);

  constructor(
    private readonly onImported: () => Promise<void>,
    private readonly save: (req: SaveRequest) => Promise<SaveOutcome> = saveText,
  ) {}

  openExport(): void {
    this.exportOpen = true;
    this.exportReport = null;
    this.exportError = null;
  }

  /** Closing also unticks "include secrets": the next export starts from the safe choice. */
  closeExport(): void {
    this.exportOpen = false;
    this.includeSecrets = false;
  }

  isChosen(id: string): boolean {
    return !this.excluded.includes(id);
  }

  setChosen(id: string, chosen: boolean): void {
    this.excluded = chosen ? this.excluded.filter((x) => x !== id) : [...this.excluded, id];
  }

  setIncludeSecrets(on: boolean): void {
    this.includeSecrets = on;
  }

  /** The ids to export from the current list; undefined means every profile. */
  chosenIds(profiles: readonly ProfileSummary[]): string[] | undefined {
    const chosen = profiles.filter((p) => this.isChosen(p.id)).map((p) => p.id);
    return chosen.length === profiles.length ? undefined : chosen;
  }

  async exportProfiles(profiles: readonly ProfileSummary[]): Promise<void> {
    this.exportReport = null;
    this.exportError = null;
    const ids = this.chosenIds(profiles);
    if (ids?.length === 0) {
      this.exportError = { code: 'NOTHING_CHOSEN', message: 'no profile is ticked for the export', hint: 'Tick the profiles to export.' };
      return;
    }
    this.exporting = true;
    try {
      const includeSecrets = this.includeSecrets;
      const r = await api.invoke('profiles.export', ids ? { ids, includeSecrets } : { includeSecrets });
      if (!r.ok) {
        this.exportError = r.error;
        return;
      }
      const saved = await this.save({ suggestedName: r.data.fileName, content: r.data.content, mime: 'application/json' });
      if (!saved.ok) {
        this.exportError = { code: 'SAVE_FAILED', message: saved.message, ...(saved.hint ? { hint: saved.hint } : {}) };
        return;
      }
      if (saved.how === 'cancelled') return;
      this.exportReport = {
        fileName: r.data.fileName,
        count: countProfiles(r.data.content),
        includesSecrets: includeSecrets,
        how: saved.how,
        ...(saved.how === 'saved' && saved.path ? { path: saved.path } : {}),
        warnings: r.data.warnings,
      };
    } finally {
      this.exporting = false;
    }
  }

  async importFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<void> {
    this.importReport = null;
    this.importError = null;
    if (file.size > MAX_IMPORT_BYTES) {
      this.importError = {
        code: 'TOO_LARGE',
        message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a profiles export is far smaller`,
        hint: 'Choose a file made with Export in this list.',
      };
      return;
    }
    this.importing = true;
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        this.importError = {
          code: 'UNREADABLE',
          message: `${file.name} could not be read`,
          hint: 'Check the file is still there and readable, then choose it again.',
        };
        return;
      }
      const r = await api.invoke('profiles.import', { text });
      if (!r.ok) {
        this.importError = { ...r.error, message: `${file.name}: ${r.error.message}` };
        return;
      }
      this.importReport = { fileName: file.name, imported: r.data.imported, problems: r.data.problems };
      await this.onImported();
    } finally {
      this.importing = false;
    }
  }
}

/** How many profiles the export text holds (pairs bring their members along). */
function countProfiles(content: string): number {
  try {
    const parsed = JSON.parse(content) as { profiles?: unknown };
    return Array.isArray(parsed.profiles) ? parsed.profiles.length : 0;
  } catch {
    return 0;
  }
}
