/**
 * Loads the current setup into the mock CS, on the person's explicit "Load into the mock CS": the CS
 * profile's token options (its token-uuid read once through secrets.reveal, straight into the mock
 * CS's options and not kept here) and the GAX profile's token_life_in_minutes as the CS reads it.
 */
import { api } from '../api.js';
import type { MockCsOptionsPatch } from '../../../src-main/ipc/contract/mockcs.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { ServerStatus } from '../app/server-status.svelte.js';
import { applyChange, type Problem } from './server-change.js';

type ProfileView = RequestOutput<'profiles.get'>;

function opt(p: ProfileView, name: string): string | null {
  if (p.kind === 'pair') return null;
  const v = p.options[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}
const num = (v: string | null): number | null => (v !== null && /^\d+$/.test(v) ? Number(v) : null);

export async function loadSetupIntoMockCs(
  pairId: string,
  status: ServerStatus,
): Promise<{ ok: true; name: string } | { ok: false; problem: Problem }> {
  const pair = await api.invoke('profiles.get', { id: pairId });
  if (!pair.ok) return { ok: false, problem: { message: pair.error.message } };
  if (pair.data.kind !== 'pair') return { ok: false, problem: { message: `"${pair.data.name}" is not a CS + GAX pair` } };
  const [cs, gax] = await Promise.all([
    api.invoke('profiles.get', { id: pair.data.csProfileId }),
    api.invoke('profiles.get', { id: pair.data.gaxProfileId }),
  ]);
  if (!cs.ok || !gax.ok)
    return { ok: false, problem: { message: (!cs.ok ? cs.error : !gax.ok ? gax.error : null)?.message ?? 'a profile of the pair is missing' } };
  const uuidOption = cs.data.kind === 'cs' ? cs.data.options['token-uuid'] : undefined;
  let tokenUuid: string | null = null;
  if (typeof uuidOption === 'object' && uuidOption.set) {
    const r = await api.invoke('secrets.reveal', { profileId: cs.data.id, field: { option: 'token-uuid' } });
    if (!r.ok)
      return {
        ok: false,
        problem: { message: `the CS profile's token-uuid cannot be read: ${r.error.message}`, ...(r.error.hint ? { hint: r.error.hint } : {}) },
      };
    tokenUuid = r.data.value;
  }
  const mode = opt(cs.data, 'token-authentication-mode');
  const preamble = opt(cs.data, 'token-preambula');
  const patch: MockCsOptionsPatch = {
    ...(mode === 'enable' || mode === 'disable' ? { tokenAuthenticationMode: mode } : {}),
    ...(preamble ? { tokenPreambula: preamble } : {}),
    // unset on the CS profile: the mock CS generates its own, as a primary master CS would
    tokenUuid,
    tokenTtlMinutes: num(opt(cs.data, 'token-ttl')),
    tokenToleranceSeconds: num(opt(cs.data, 'token-tolerance')),
    gaxTokenLifeMinutes: num(opt(gax.data, 'token_life_in_minutes')),
  };
  const problem = await applyChange(status, () => api.invoke('mockcs.options.update', { patch }));
  return problem ? { ok: false, problem } : { ok: true, name: pair.data.name };
}
