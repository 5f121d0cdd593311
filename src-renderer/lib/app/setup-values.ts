/**
 * The non-secret values of a saved pair that the views start from: GAX's token_life_in_minutes and
 * confserv_trusted, the CS's token-preambula, token-ttl and token-tolerance. The token-uuid stays in
 * the store: views name the pair as its source ({kind: 'profile', profileId}) and main looks it up.
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';

type ProfileView = RequestOutput<'profiles.get'>;

export interface SetupValues {
  pairId: string;
  name: string;
  gaxLife: string | null;
  confservTrusted: boolean | null;
  preamble: string | null;
  ttl: string | null;
  tolerance: string | null;
}

function text(p: ProfileView, option: string): string | null {
  if (p.kind === 'pair') return null;
  const v = p.options[option];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

const whole = (v: string | null): string | null => (v !== null && /^\d+$/.test(v) ? v : null);

/** A pair's values, or a CS profile's (no GAX side then). */
export async function readSetupValues(pairId: string): Promise<{ ok: true; value: SetupValues } | { ok: false; message: string }> {
  const pair = await api.invoke('profiles.get', { id: pairId });
  if (!pair.ok) return { ok: false, message: pair.error.message };
  if (pair.data.kind === 'cs') {
    // A CS profile alone: its options, and no GAX side.
    const cs = pair.data;
    const value = {
      pairId,
      name: cs.name,
      gaxLife: null,
      confservTrusted: null,
      preamble: text(cs, 'token-preambula'),
      ttl: whole(text(cs, 'token-ttl')),
      tolerance: whole(text(cs, 'token-tolerance')),
    };
    return { ok: true, value };
  }
  if (pair.data.kind !== 'pair') return { ok: false, message: `"${pair.data.name}" is not a CS + GAX pair` };
  const [gax, cs] = await Promise.all([
    api.invoke('profiles.get', { id: pair.data.gaxProfileId }),
    api.invoke('profiles.get', { id: pair.data.csProfileId }),
  ]);
  if (!gax.ok || !cs.ok)
    return {
      ok: false,
      message: `the pair "${pair.data.name}": ${(!gax.ok ? gax.error : !cs.ok ? cs.error : null)?.message ?? 'a profile of it is missing'}`,
    };
  const trusted = text(gax.data, 'confserv_trusted');
  return {
    ok: true,
    value: {
      pairId,
      name: pair.data.name,
      gaxLife: whole(text(gax.data, 'token_life_in_minutes')),
      confservTrusted: trusted === null || !/^(true|false)$/i.test(trusted) ? null : trusted.toLowerCase() === 'true',
      preamble: text(cs.data, 'token-preambula'),
      ttl: whole(text(cs.data, 'token-ttl')),
      tolerance: whole(text(cs.data, 'token-tolerance')),
    },
  };
}
