/**
 * A saved profile taken to where it is used: opened in the Set up wizard (to change it and save it
 * back), or made the current setup that Connect, Tokens and the Server view start from.
 * Opening in the wizard reads the CS profile's token-uuid once (secrets.reveal, on the person's
 * click), so the wizard's trial login and its saved files sign with the profile's own value.
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import { navigation } from '../app/navigation.svelte.js';
import { currentSetup } from '../app/current-setup.svelte.js';
import { wizard } from '../setup/setup-view.js';

type ProfileView = RequestOutput<'profiles.get'>;

/** What the wizard edits when it was opened from a profile: Apply then saves back into these. */
export interface WizardEditing {
  name: string;
  pairId: string | null;
  csId: string | null;
  gaxId: string | null;
  /** options the profiles had, so one cleared in the wizard is removed on save */
  csKeys: string[];
  gaxKeys: string[];
}

export const editingState = $state<{ editing: WizardEditing | null }>({ editing: null });

function plain(p: ProfileView | null): Record<string, string> {
  if (!p || p.kind === 'pair') return {};
  return Object.fromEntries(Object.entries(p.options).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Opens the profile (CS, GAX or a pair) in the wizard; returns why it could not, or null. */
export async function openInWizard(id: string): Promise<string | null> {
  const got = await api.invoke('profiles.get', { id });
  if (!got.ok) return got.error.message;
  let cs: ProfileView | null = null;
  let gax: ProfileView | null = null;
  if (got.data.kind === 'pair') {
    const [c, g] = await Promise.all([
      api.invoke('profiles.get', { id: got.data.csProfileId }),
      api.invoke('profiles.get', { id: got.data.gaxProfileId }),
    ]);
    if (!c.ok || !g.ok) return `the pair "${got.data.name}": ${(!c.ok ? c.error : !g.ok ? g.error : null)?.message ?? 'a profile of it is missing'}`;
    cs = c.data;
    gax = g.data;
  } else if (got.data.kind === 'cs') cs = got.data;
  else gax = got.data;
  const csOptions = plain(cs);
  const uuid = cs && cs.kind === 'cs' ? cs.options['token-uuid'] : undefined;
  let uuidOmitted = false;
  if (cs && typeof uuid === 'object' && uuid.set) {
    const r = await api.invoke('secrets.reveal', { profileId: cs.id, field: { option: 'token-uuid' } });
    if (r.ok) csOptions['token-uuid'] = r.data.value;
    else uuidOmitted = true;
  }
  wizard.loadOptions(csOptions, plain(gax), { uuidOmitted });
  editingState.editing = {
    name: got.data.name,
    pairId: got.data.kind === 'pair' ? got.data.id : null,
    csId: cs?.id ?? null,
    gaxId: gax?.id ?? null,
    csKeys: cs && cs.kind === 'cs' ? Object.keys(cs.options) : [],
    gaxKeys: gax && gax.kind === 'gax' ? Object.keys(gax.options) : [],
  };
  navigation.go('setup');
  return null;
}

/** Saves the wizard's options back into the profiles it was opened from; returns why not, or null. */
export async function saveBack(system: Record<string, string>, general: Record<string, string>): Promise<string | null> {
  const e = editingState.editing;
  if (!e) return 'the wizard was not opened from a profile';
  const patchOf = (next: Record<string, string>, before: string[]) => ({
    ...Object.fromEntries(before.filter((k) => !(k in next)).map((k) => [k, null])),
    ...next,
  });
  if (e.csId) {
    const r = await api.invoke('profiles.update', { id: e.csId, patch: { options: patchOf(system, e.csKeys) } });
    if (!r.ok) return r.error.message;
    e.csKeys = Object.keys(system);
  }
  if (e.gaxId) {
    const r = await api.invoke('profiles.update', { id: e.gaxId, patch: { options: patchOf(general, e.gaxKeys) } });
    if (!r.ok) return r.error.message;
    e.gaxKeys = Object.keys(general);
  }
  if (e.pairId) await currentSetup.use(e.pairId, e.name);
  return null;
}
