/**
 * What start-up tells the person about damage, so nothing is papered over: secrets that could not
 * be loaded, in one line per cause (a damaged secret.key once, not once per secret), and a settings
 * file that was reset — what it reset, with the secret-storage choice kept, never silently dropped.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KEY_FILE_NAME } from './key-file.js';
import type { Profile } from './profile-model.js';
import { SETTINGS_FILE } from './settings-schema.js';
import type { SettingsStore } from './settings-store.js';
import type { StoreNotice } from './versioned-file.js';

const LISTED_PROFILES = 3;

/**
 * One warning per cause for the secrets no profile could load, with how many and where. The
 * per-secret lines stay on each profile (its `secretIssues`), beside the field to fill again.
 */
export function unreadableSecretWarnings(profiles: readonly Profile[], keyFileProblem: string | null): string[] {
  const byCause = new Map<string, { count: number; profiles: string[] }>();
  for (const profile of profiles)
    for (const issue of profile.secretIssues) {
      if (issue.state !== 'unreadable') continue;
      const cause = issue.message.replace(/^.* could not be loaded: /, '').replace(/; enter it again\.$/, '');
      const entry = byCause.get(cause) ?? { count: 0, profiles: [] };
      entry.count += 1;
      if (!entry.profiles.includes(profile.name)) entry.profiles.push(profile.name);
      byCause.set(cause, entry);
    }
  return [...byCause].map(([cause, { count, profiles: names }]) => {
    const where =
      names.length <= LISTED_PROFILES
        ? names.map((n) => JSON.stringify(n)).join(', ')
        : `${names
            .slice(0, LISTED_PROFILES)
            .map((n) => JSON.stringify(n))
            .join(', ')} and ${names.length - LISTED_PROFILES} more`;
    const what = `${count === 1 ? '1 saved secret' : `${count.toLocaleString('en-US')} saved secrets`} (in ${names.length === 1 ? 'profile' : `${names.length} profiles:`} ${where})`;
    if (cause.includes(KEY_FILE_NAME) && keyFileProblem)
      return `${keyFileProblem}: ${what} cannot be read and are lost unless a good copy of ${KEY_FILE_NAME} is put back. The damaged file was left as it is. Restore ${KEY_FILE_NAME} from a backup and restart, or enter the secrets again (each is marked in its profile).`;
    return `${what} could not be loaded: ${cause}. Enter ${count === 1 ? 'it' : 'them'} again (each is marked in its profile).`;
  });
}

/**
 * A settings file reset to its defaults (damaged, or gone) would turn secret storage from the key
 * file to memory only, so secrets typed afterwards would silently not be kept. secret.key in the
 * folder is the person's choice on record (choosing memory only deletes it): that choice is kept.
 * The reset's notice says what was reset.
 */
export async function keepChoicesAfterReset(
  dir: string,
  settings: SettingsStore,
  notices: StoreNotice[],
  settingsFileExisted: boolean,
): Promise<string | null> {
  const reset = notices.find((n) => n.file === SETTINGS_FILE && n.recoveredFrom === 'defaults');
  if (!reset && settingsFileExisted) return null;
  let keyFileThere = false;
  try {
    keyFileThere = (await fs.stat(path.join(dir, KEY_FILE_NAME))).isFile();
  } catch {
    // no key file: memory only was the choice, or secrets were never kept
  }
  let kept = 'secret storage: in memory only for this session (the default)';
  let saveError: string | null = null;
  if (keyFileThere && settings.get().secretStorage !== 'key-file') {
    const saved = await settings.apply({ secretStorage: 'key-file' });
    kept = `secret storage: kept as the key file (${KEY_FILE_NAME} is in the data folder; choose "memory only" in Settings to change it)`;
    if (!saved.ok) saveError = saved.error.message;
  }
  if (reset) reset.message += ` Reset to defaults: theme, zoom, the last view, the window's size and place, and the last used profiles; ${kept}.`;
  return saveError;
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
