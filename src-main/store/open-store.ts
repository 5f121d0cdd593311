/**
 * The store as the app sees it: settings and profiles in one user-data folder, what was
 * recovered at start (`notices`), and where secrets are kept (`secretMode()`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeStaleTempFiles } from './atomic-file.js';
import { KEY_FILE_NAME } from './key-file.js';
import { LABS_PROGRESS_FILE, type OpenLab } from './labs-progress-schema.js';
import { LabsProgressStore } from './labs-progress-store.js';
import type { LabProgressEntry } from '../core/labs/types.js';
import type { Profile, ProfileSummary } from './profile-model.js';
import { exportProfiles, importProfiles, type ExportOptions, type ExportResult, type ImportResult } from './profile-transfer.js';
import { PROFILES_FILE, type ProfileInput, type ProfilePatch } from './profiles-schema.js';
import { ProfilesStore } from './profiles-store.js';
import { describeIoError, describeZodError, fail, type StoreResult } from './result.js';
import { SecretKeeper, type SecretModeInfo } from './secret-keeper.js';
import type { SecretCipher } from './secrets.js';
import { SETTINGS_FILE, settingsPatchSchema, type Settings, type SettingsPatch } from './settings-schema.js';
import { SettingsStore } from './settings-store.js';
import { fileExists, keepChoicesAfterReset, unreadableSecretWarnings } from './start-notices.js';
import type { StoreNotice } from './versioned-file.js';

export interface OpenStoreOptions {
  /** the user-data folder (Electron: `app.getPath('userData')`); created when missing */
  dir: string;
  /**
   * Electron: `safeStorageCipher(safeStorage)`. Web mode: omit it (or pass the web server's
   * `SessionSecretVault` to share it); secrets then follow `settings.secretStorage`.
   */
  cipher?: SecretCipher;
  /** milliseconds since the epoch; only for timestamps (profiles, set-aside names) */
  clock?: () => number;
}

export interface SettingsApi {
  get(): Settings;
  /** `secretStorage` changes where secrets are kept and re-saves them (web mode only) */
  update(patch: SettingsPatch): Promise<StoreResult<Settings>>;
}

export interface ProfilesApi {
  list(): ProfileSummary[];
  get(id: string): StoreResult<Profile>;
  create(input: ProfileInput): Promise<StoreResult<Profile>>;
  update(id: string, patch: ProfilePatch): Promise<StoreResult<Profile>>;
  rename(id: string, name: string): Promise<StoreResult<Profile>>;
  duplicate(id: string): Promise<StoreResult<Profile>>;
  /** also clears the id from `settings.lastUsed` */
  remove(id: string): Promise<StoreResult<{ id: string }>>;
  exportJson(ids: readonly string[], options?: ExportOptions): StoreResult<ExportResult>;
  importJson(text: string): Promise<StoreResult<ImportResult>>;
}

/** labs-progress.json: each lab's progress and the lab left open (labs-progress-schema.ts). */
export interface LabsProgressApi {
  /** one lab's progress; a lab never opened is not started */
  entry(id: string): LabProgressEntry;
  /** every touched lab's progress, by id */
  all(): Record<string, LabProgressEntry>;
  putEntry(id: string, entry: LabProgressEntry): Promise<StoreResult<LabProgressEntry>>;
  /** the lab left open with its GAX side, or null */
  open(): OpenLab | null;
  setOpen(open: OpenLab | null): Promise<StoreResult<void>>;
}

export interface Store {
  readonly dir: string;
  /** files that could not be used as they were at start, each set aside and recovered */
  readonly notices: readonly StoreNotice[];
  /** other things to tell the person at start, one line each (a secret that could not be loaded, a failed save) */
  readonly warnings: readonly string[];
  readonly settings: SettingsApi;
  readonly profiles: ProfilesApi;
  readonly labs: LabsProgressApi;
  secretMode(): SecretModeInfo;
  /** waits for pending saves and forgets the secrets held for this session */
  close(): Promise<void>;
}

export async function openStore(options: OpenStoreOptions): Promise<StoreResult<Store>> {
  const { dir } = options;
  const now = options.clock ?? Date.now;
  if (typeof dir !== 'string' || dir.trim() === '') return fail('INVALID_INPUT', 'no data folder was given', 'pass the user-data folder');
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    return fail('WRITE_FAILED', `the data folder ${dir} could not be created (${describeIoError(err)})`, 'check the path and its permissions');
  }
  await removeStaleTempFiles(dir, [SETTINGS_FILE, PROFILES_FILE, LABS_PROGRESS_FILE, KEY_FILE_NAME]);

  const settingsExisted = await fileExists(path.join(dir, SETTINGS_FILE));
  const settingsOpened = await SettingsStore.open(dir, now);
  const settings = settingsOpened.store;
  const keptError = await keepChoicesAfterReset(dir, settings, settingsOpened.notices, settingsExisted);
  const keeper = await SecretKeeper.open(dir, options.cipher, settings.get().secretStorage);
  const profilesOpened = await ProfilesStore.open(dir, keeper, now);
  const profiles = profilesOpened.store;
  const labsOpened = await LabsProgressStore.open(dir, keeper, now);
  const labs = labsOpened.store;

  const warnings: string[] = [];
  for (const error of [settingsOpened.saveError, keptError, profilesOpened.saveError, labsOpened.saveError, labsOpened.lost])
    if (error) warnings.push(error);
  const loaded = profiles.list().flatMap((summary) => {
    const found = profiles.get(summary.id);
    return found.ok ? [found.data] : [];
  });
  warnings.push(...unreadableSecretWarnings(loaded, keeper.keyFileProblem()));

  const settingsApi: SettingsApi = {
    get: () => settings.get(),
    async update(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success)
        return fail('INVALID_INPUT', `the settings change is not valid: ${describeZodError(parsed.error)}`, 'correct that field and try again');
      const choice = parsed.data.secretStorage;
      const switching = choice !== undefined && choice !== settings.get().secretStorage;
      if (switching) {
        const chosen = await keeper.choose(choice);
        if (!chosen.ok) return chosen;
      }
      const saved = await settings.apply(parsed.data);
      if (!saved.ok || !switching) return saved;
      const resealed = await profiles.resealAndSave();
      if (!resealed.ok) return resealed;
      const labsSaved = await labs.save();
      if (!labsSaved.ok) return labsSaved;
      // Only once no saved profile needs it: every copy sealed with it becomes unreadable.
      await keeper.forgetKeyFile();
      return saved;
    },
  };

  const profilesApi: ProfilesApi = {
    list: () => profiles.list(),
    get: (id) => profiles.get(id),
    create: (input) => profiles.create(input),
    update: (id, patch) => profiles.update(id, patch),
    rename: (id, name) => profiles.rename(id, name),
    duplicate: (id) => profiles.duplicate(id),
    async remove(id) {
      const removed = await profiles.remove(id);
      if (!removed.ok) return removed;
      const lastUsed = settings.get().lastUsed;
      const cleared = Object.fromEntries(
        Object.entries(lastUsed)
          .filter(([, v]) => v === id)
          .map(([k]) => [k, null]),
      );
      if (Object.keys(cleared).length > 0) {
        const saved = await settings.apply({ lastUsed: cleared });
        if (!saved.ok) return saved;
      }
      return removed;
    },
    exportJson: (ids, exportOptions = {}) => exportProfiles(profiles, ids, exportOptions, new Date(now()).toISOString()),
    importJson: (text) => importProfiles(profiles, keeper, text),
  };

  return {
    ok: true,
    data: {
      dir,
      notices: [...settingsOpened.notices, ...profilesOpened.notices, ...labsOpened.notices],
      warnings,
      settings: settingsApi,
      profiles: profilesApi,
      labs: {
        entry: (id) => labs.entry(id),
        all: () => labs.all(),
        putEntry: (id, entry) => labs.putEntry(id, entry),
        open: () => labs.open(),
        setOpen: (open) => labs.setOpen(open),
      },
      secretMode: () => keeper.info(),
      async close() {
        await Promise.all([settings.flush(), profiles.flush(), labs.flush()]);
        keeper.vault.clear();
      },
    },
  };
}
