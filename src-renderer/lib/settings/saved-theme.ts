/**
 * At start the app shows the theme saved in Settings. Until the answer comes the page follows the
 * system (theme.css), so a dark system never flashes light; a choice made meanwhile wins.
 */
import { api } from '../api.js';
import { theme as appTheme, type Theme } from '../app/theme.svelte.js';

export async function applySavedTheme(theme: Theme = appTheme): Promise<void> {
  const before = theme.choice;
  const r = await api.invoke('settings.get', {});
  if (r.ok && theme.choice === before) theme.set(r.data.settings.theme);
}
