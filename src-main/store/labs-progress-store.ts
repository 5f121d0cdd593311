/** labs-progress.json: read once at start, changed one lab at a time, each change saved atomically. */
import type { LabProgressEntry } from '../core/labs/types.js';
import { StoreFileWriter } from './store-file.js';
import { describeZodError, fail, ok, type StoreResult } from './result.js';
import {
  LABS_PROGRESS_FILE,
  labIdSchema,
  labProgressEntrySchema,
  labsProgressFormat,
  notStarted,
  openLabSchema,
  type LabsProgress,
  type OpenLab,
} from './labs-progress-schema.js';
import { loadVersionedFile, type StoreNotice } from './versioned-file.js';

export class LabsProgressStore {
  #data: LabsProgress;
  readonly #writer: StoreFileWriter;

  private constructor(dir: string, data: LabsProgress, blocked: boolean) {
    this.#data = data;
    this.#writer = new StoreFileWriter(dir, LABS_PROGRESS_FILE, () => this.#data, blocked);
  }

  static async open(dir: string, now: () => number): Promise<{ store: LabsProgressStore; notices: StoreNotice[]; saveError: string | null }> {
    const loaded = await loadVersionedFile(dir, labsProgressFormat, now);
    const store = new LabsProgressStore(dir, loaded.data, loaded.blocked);
    let saveError: string | null = null;
    if (loaded.rewrite) {
      const saved = await store.#writer.save();
      if (!saved.ok) saveError = saved.error.message;
    }
    return { store, notices: loaded.notices, saveError };
  }

  /** One lab's progress; a lab never opened is not started. */
  entry(id: string): LabProgressEntry {
    return structuredClone(this.#data.labs[id] ?? notStarted());
  }

  /** Every lab's saved progress, by id (labs never touched are absent). */
  all(): Record<string, LabProgressEntry> {
    return structuredClone(this.#data.labs);
  }

  open(): OpenLab | null {
    return structuredClone(this.#data.open);
  }

  /** Replaces one lab's progress and saves. The entry is checked against the file's schema first. */
  async putEntry(id: string, entry: LabProgressEntry): Promise<StoreResult<LabProgressEntry>> {
    const checkedId = labIdSchema.safeParse(id);
    if (!checkedId.success) return fail('INVALID_INPUT', `the lab id ${describeZodError(checkedId.error)}`, 'Pick a lab from the list.');
    const checked = labProgressEntrySchema.safeParse(entry);
    if (!checked.success) return fail('INVALID_INPUT', `the lab progress is not valid: ${describeZodError(checked.error)}`, 'This is a bug; reload the Labs view.');
    this.#data = { ...this.#data, labs: { ...this.#data.labs, [id]: checked.data } };
    const saved = await this.#writer.save();
    return saved.ok ? ok(this.entry(id)) : saved;
  }

  /** Keeps the open lab (or none) and saves. */
  async setOpen(open: OpenLab | null): Promise<StoreResult<void>> {
    if (open !== null) {
      const checked = openLabSchema.safeParse(open);
      if (!checked.success) return fail('INVALID_INPUT', `the open lab is not valid: ${describeZodError(checked.error)}`, 'Correct that field and try again.');
      open = checked.data;
    }
    this.#data = { ...this.#data, open };
    return this.#writer.save();
  }

  flush(): Promise<void> {
    return this.#writer.flush();
  }
}
