/**
 * The app's own settings as the Settings view shows them: the theme (applied at once, then saved),
 * where data and secrets are kept, what start-up had to recover, and what the app is and runs on.
 */
import { api } from '../api.js';
import { theme as appTheme, type Theme, type ThemeChoice } from '../app/theme.svelte.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { IpcError } from '../../../src-main/ipc/result.js';

export type SettingsData = RequestOutput<'settings.get'>;
export type AppInfo = RequestOutput<'app.info'>;
export type StoreNotice = SettingsData['notices'][number];
export type SecretStorage = SettingsData['secretStorage'];
export type SecretStorageChoice = SettingsData['settings']['secretStorage'];

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export class AppSettings {
  data = $state<SettingsData | null>(null);
  info = $state<AppInfo | null>(null);
  loadError = $state<IpcError | null>(null);
  /** the theme was applied but could not be saved */
  themeError = $state<IpcError | null>(null);
  storageError = $state<IpcError | null>(null);
  storageBusy = $state(false);
  linkError = $state<IpcError | null>(null);
  /** stops listening to `store.notices` (the store repeats its notices to each new listener) */
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly theme: Theme = appTheme) {}

  get themeChoice(): ThemeChoice {
    return this.theme.choice;
  }

  /** Reads the settings and the app's details, and keeps the store's notices current while the view is open. */
  async load(): Promise<void> {
    this.unsubscribe ??= api.on('store.notices', (p) => {
      if (this.data) this.data = { ...this.data, notices: p.notices };
    });
    const [settings, info] = await Promise.all([api.invoke('settings.get', {}), api.invoke('app.info', {})]);
    if (!settings.ok) this.loadError = settings.error;
    else {
      this.loadError = null;
      this.data = settings.data;
    }
    if (info.ok) this.info = info.data;
    else this.loadError ??= info.error;
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Applies the theme at once, then saves it; a failed save keeps the theme for this session and says so. */
  async setTheme(choice: ThemeChoice): Promise<void> {
    this.theme.set(choice);
    const r = await api.invoke('settings.update', { patch: { theme: choice } });
    if (!r.ok) {
      this.themeError = r.error;
      return;
    }
    this.themeError = null;
    if (this.data) this.data = { ...this.data, settings: r.data.settings };
  }

  /** Web mode only: secrets kept for this session, or saved with the key file in the data folder. */
  async setSecretStorage(choice: SecretStorageChoice): Promise<void> {
    this.storageBusy = true;
    try {
      const r = await api.invoke('settings.update', { patch: { secretStorage: choice } });
      if (!r.ok) {
        this.storageError = r.error;
      } else this.storageError = null;
      // Re-read even after a failure: the store may have switched part-way, and its description says where things stand.
      const fresh = await api.invoke('settings.get', {});
      if (fresh.ok) this.data = fresh.data;
    } finally {
      this.storageBusy = false;
    }
  }

  /** Electron: opens an https link in the system browser (main checks it first). */
  async openExternal(url: string): Promise<void> {
    const r = await api.invoke('app.openExternal', { url });
    if (!r.ok) this.linkError = r.error;
    else if (!r.data.opened)
      this.linkError = { code: 'NOT_OPENED', message: 'the system did not open the link', hint: `Open ${url} in a browser yourself.` };
    else this.linkError = null;
  }

  get secretStorage(): SecretStorage | null {
    return this.data?.secretStorage ?? this.info?.secretStorage ?? null;
  }

  /** The person can choose only where there is no OS keychain (web mode). */
  get canChooseSecretStorage(): boolean {
    return this.secretStorage !== null && this.secretStorage.mode !== 'os-keychain';
  }

  get storageChoice(): SecretStorageChoice {
    return this.data?.settings.secretStorage ?? 'session-only';
  }
}
