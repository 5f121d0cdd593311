/**
 * GAX settings from a saved profile: a GAX profile gives confserv_trusted and token_life_in_minutes;
 * a pair gives those and its CS profile's token-preambula and token-uuid (looked up in main, never
 * sent here). Only names, ids and non-secret option values reach this window.
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { ConnectForm } from './connect-form.svelte.js';

export interface GaxProfileChoice {
  id: string;
  name: string;
  kind: 'gax' | 'pair';
}

type ProfileView = RequestOutput<'profiles.get'>;

function optionText(p: ProfileView, name: string): string | null {
  if (p.kind === 'pair') return null;
  const v = p.options[name];
  return typeof v === 'string' ? v.trim() : null;
}

export class GaxProfiles {
  list = $state<GaxProfileChoice[] | null>(null);
  /** what loading the list or a profile said, in words */
  problem = $state<string | null>(null);
  /** what applying a profile changed, in words */
  applied = $state<string | null>(null);

  async load(): Promise<void> {
    const r = await api.invoke('profiles.list', {});
    if (!r.ok) {
      this.list = null;
      this.problem = r.error.message;
      return;
    }
    this.problem = null;
    this.list = r.data.profiles
      .filter((p) => p.kind === 'gax' || p.kind === 'pair')
      .map((p) => ({ id: p.id, name: p.name, kind: p.kind as 'gax' | 'pair' }));
  }

  /** Fills the form's GAX settings from the profile; says what it set, or why it could not. */
  async apply(id: string, form: ConnectForm): Promise<boolean> {
    this.applied = null;
    const got = await api.invoke('profiles.get', { id });
    if (!got.ok) {
      this.problem = `${got.error.message}${got.error.hint ? ` — ${got.error.hint}` : ''}`;
      return false;
    }
    let gax: ProfileView = got.data;
    let cs: ProfileView | null = null;
    if (gax.kind === 'pair') {
      const pair = gax;
      const [g, c] = await Promise.all([api.invoke('profiles.get', { id: pair.gaxProfileId }), api.invoke('profiles.get', { id: pair.csProfileId })]);
      if (!g.ok || !c.ok) {
        const e = !g.ok ? g.error : !c.ok ? c.error : null;
        this.problem = `the pair "${pair.name}": ${e?.message ?? 'a profile of it is missing'}`;
        return false;
      }
      gax = g.data;
      cs = c.data;
    }
    const set: string[] = [];
    const trusted = optionText(gax, 'confserv_trusted');
    if (trusted !== null && /^(true|false)$/i.test(trusted)) {
      form.confservTrusted = trusted.toLowerCase() === 'true';
      set.push(`confserv_trusted=${form.confservTrusted}`);
    }
    const life = optionText(gax, 'token_life_in_minutes');
    if (life !== null && /^\d+$/.test(life)) {
      form.tokenLife = life;
      set.push(`token_life_in_minutes=${life}`);
    }
    if (cs) {
      const preamble = optionText(cs, 'token-preambula');
      if (preamble) {
        form.preamble = preamble;
        set.push(`token-preambula=${preamble}`);
      }
      form.uuid.setProfile(id);
      form.uuid.setKind('profile');
      set.push("the CS profile's token-uuid");
    }
    form.who = 'gax';
    this.problem = null;
    this.applied = set.length ? `Set ${set.join(', ')}.` : 'The profile sets none of these options: the values here were kept.';
    return true;
  }
}
