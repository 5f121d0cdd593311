/** settings.json: read once at start, changed by validated patches, each saved atomically. */
import { StoreFileWriter } from './store-file.js';
import { ok, type StoreResult } from './result.js';
import { SETTINGS_FILE, settingsFormat, type Settings, type SettingsPatch } from './settings-schema.js';
import { loadVersionedFile, type StoreNotice } from './versioned-file.js';

export class SettingsStore {
  #settings: Settings;
  readonly #writer: StoreFileWriter;

  private constructor(
    readonly dir: string,
    settings: Settings,
    blocked: boolean,
  ) {
    this.#settings = settings;
    this.#writer = new StoreFileWriter(dir, SETTINGS_FILE, () => this.#settings, blocked);
  }

  static async open(dir: string, now: () => number): Promise<{ store: SettingsStore; notices: StoreNotice[]; saveError: string | null }> {
    const loaded = await loadVersionedFile(dir, settingsFormat, now);
    const store = new SettingsStore(dir, loaded.data, loaded.blocked);
    let saveError: string | null = null;
    if (loaded.rewrite) {
      const saved = await store.save();
      if (!saved.ok) saveError = saved.error.message;
    }
    return { store, notices: loaded.notices, saveError };
  }

  get(): Settings {
    return structuredClone(this.#settings);
  }

  /** Applies an already validated patch and saves. */
  async apply(patch: SettingsPatch): Promise<StoreResult<Settings>> {
    const current = this.#settings;
    this.#settings = {
      ...current,
      ...definedOnly({ theme: patch.theme, zoomFactor: patch.zoomFactor, lastView: patch.lastView, secretStorage: patch.secretStorage }),
      window: patch.window === undefined ? current.window : patch.window,
      lastUsed: { ...current.lastUsed, ...definedOnly(patch.lastUsed ?? {}) },
    };
    const saved = await this.save();
    return saved.ok ? ok(this.get()) : saved;
  }

  save(): Promise<StoreResult<void>> {
    return this.#writer.save();
  }

  flush(): Promise<void> {
    return this.#writer.flush();
  }
}

/** `{a: 1, b: undefined}` → `{a: 1}`: a patch's absent fields must not overwrite. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
