/**
 * Saving one of the store's JSON files: through the file's queue, atomically, with the answer as
 * a typed result. Saves asked for while one is waiting share it: the waiting save serializes the
 * state when it starts, so it carries every change made before it.
 */
import path from 'node:path';
import { runSerialized, writeFileAtomic } from './atomic-file.js';
import { describeIoError, fail, ok, type StoreResult } from './result.js';

export class StoreFileWriter {
  #waiting: Promise<void> | null = null;
  readonly #target: string;

  constructor(
    private readonly dir: string,
    private readonly fileName: string,
    private readonly snapshot: () => unknown,
    /** the file on disk could be neither read nor set aside at load: never write over it */
    private readonly blocked: boolean,
  ) {
    this.#target = path.join(dir, fileName);
  }

  async save(): Promise<StoreResult<void>> {
    if (this.blocked)
      return fail(
        'WRITE_FAILED',
        `${this.fileName} could be neither read nor set aside, so it is not overwritten; the change is kept for this session only`,
        `move ${this.fileName} out of ${this.dir} and restart the app`,
      );
    try {
      await this.#queue();
      return ok(undefined);
    } catch (err) {
      return fail(
        'WRITE_FAILED',
        `${this.fileName} could not be saved (${describeIoError(err)}); the change is kept for this session only`,
        `check that ${this.dir} is writable and the disk has free space`,
      );
    }
  }

  /** Resolves when every save asked for so far has finished. */
  async flush(): Promise<void> {
    await runSerialized(this.#target, async () => undefined);
  }

  #queue(): Promise<void> {
    if (this.#waiting) return this.#waiting;
    const run = runSerialized(this.#target, async () => {
      this.#waiting = null;
      await writeFileAtomic(this.#target, `${JSON.stringify(this.snapshot(), null, 2)}\n`, { keepBackup: true });
    });
    this.#waiting = run;
    return run;
  }
}
