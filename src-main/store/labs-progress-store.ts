/**
 * labs-progress.json: read once at start, changed one lab at a time, each change saved atomically.
 * The open lab's secrets are in clear in memory only; the file holds them sealed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabProgressEntry } from '../core/labs/types.js';
import { backupPathFor, writeFileAtomic } from './atomic-file.js';
import { LabSecretSealer, openLabSecrets } from './labs-progress-secrets.js';
import type { SecretKeeper } from './secret-keeper.js';
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

  private constructor(dir: string, data: LabsProgress, keeper: SecretKeeper, blocked: boolean) {
    this.#data = data;
    const sealer = new LabSecretSealer(keeper);
    this.#writer = new StoreFileWriter(
      dir,
      LABS_PROGRESS_FILE,
      () => ({ ...this.#data, open: this.#data.open && sealer.atRest(this.#data.open) }),
      blocked,
    );
  }

  static async open(
    dir: string,
    keeper: SecretKeeper,
    now: () => number,
  ): Promise<{ store: LabsProgressStore; notices: StoreNotice[]; saveError: string | null; lost: string | null }> {
    const loaded = await loadVersionedFile(dir, labsProgressFormat, now);
    const opened = loaded.data.open ? openLabSecrets(loaded.data.open, keeper) : null;
    const store = new LabsProgressStore(dir, { ...loaded.data, open: opened?.open ?? null }, keeper, loaded.blocked);
    let saveError: string | null = null;
    if (loaded.rewrite || opened?.hadClear) {
      const saved = await store.#writer.save();
      if (!saved.ok) saveError = saved.error.message;
      // The previous copy (.bak) still holds the clear values: replace it with the sealed file.
      else if (opened?.hadClear) saveError = await replaceBackup(dir);
    }
    return { store, notices: loaded.notices, saveError, lost: opened?.lost ?? null };
  }

  /** Writes the file again in the current secret mode (after the person changed where secrets are kept). */
  save(): Promise<StoreResult<void>> {
    return this.#writer.save();
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
    if (!checked.success)
      return fail('INVALID_INPUT', `the lab progress is not valid: ${describeZodError(checked.error)}`, 'This is a bug; reload the Labs view.');
    this.#data = { ...this.#data, labs: { ...this.#data.labs, [id]: checked.data } };
    const saved = await this.#writer.save();
    return saved.ok ? ok(this.entry(id)) : saved;
  }

  /** Keeps the open lab (or none) and saves. */
  async setOpen(open: OpenLab | null): Promise<StoreResult<void>> {
    if (open !== null) {
      const checked = openLabSchema.safeParse(open);
      if (!checked.success)
        return fail('INVALID_INPUT', `the open lab is not valid: ${describeZodError(checked.error)}`, 'Correct that field and try again.');
      open = checked.data;
    }
    this.#data = { ...this.#data, open };
    return this.#writer.save();
  }

  flush(): Promise<void> {
    return this.#writer.flush();
  }
}

async function replaceBackup(dir: string): Promise<string | null> {
  const target = path.join(dir, LABS_PROGRESS_FILE);
  try {
    await writeFileAtomic(backupPathFor(target), await readFile(target), { keepBackup: false });
    return null;
  } catch {
    return `${LABS_PROGRESS_FILE}.bak could not be replaced and may still hold the open lab's token-uuid or password in clear; delete it from ${dir}`;
  }
}
