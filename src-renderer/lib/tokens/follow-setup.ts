/**
 * Tokens starts from the current setup: Mint takes the pair's GAX life and preamble and signs with its
 * CS profile's token-uuid; the inspector's CS check takes the same token-uuid and the CS options, so
 * the window it shows is the one that CS would apply. And "From a profile" in the CS check fills the
 * options that profile has (the window once said "1 d" while the profile's GAX life was 20 min).
 */
import { readSetupValues } from '../app/setup-values.js';
import type { MintForm } from './mint-form.svelte.js';
import type { TokenInspector } from './inspector.svelte.js';

export async function followSetup(pairId: string, mint: MintForm, inspector: TokenInspector): Promise<string | null> {
  const r = await readSetupValues(pairId);
  if (!r.ok) return r.message;
  const v = r.value;
  if (v.gaxLife !== null) mint.set('life', v.gaxLife);
  if (v.preamble !== null) {
    mint.set('preamble', v.preamble);
    inspector.setPreamble(v.preamble);
  }
  mint.uuid.setProfile(pairId);
  mint.uuid.setKind('profile');
  mint.csOptions = { name: v.name, ttl: v.ttl === null ? null : Number(v.ttl), tolerance: v.tolerance === null ? null : Number(v.tolerance) };
  fillCsCheck(inspector, v);
  inspector.cs.uuid.setProfile(pairId);
  inspector.cs.uuid.setKind('profile');
  return null;
}

function fillCsCheck(inspector: TokenInspector, v: { gaxLife: string | null; ttl: string | null; tolerance: string | null }): void {
  const cs = inspector.cs;
  cs.setOption('gaxLife', v.gaxLife ?? '');
  cs.setOption('ttl', v.ttl ?? '');
  cs.setOption('tolerance', v.tolerance ?? '');
}

/** The CS check's token-uuid now comes from profile `id`: its options come with it. */
export async function followCheckProfile(id: string, inspector: TokenInspector): Promise<void> {
  const r = await readSetupValues(id);
  if (r.ok) fillCsCheck(inspector, r.value);
}
