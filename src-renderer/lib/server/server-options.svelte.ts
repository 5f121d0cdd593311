/**
 * The mock CS's token options in the shared CS options editor (the one the wizard uses), plus the one
 * GAX option the CS reads (token_life_in_minutes), applied to the running server at once. The form
 * follows the server until the person changes something; Apply sends the change, Reset drops it.
 */
import { GENESYS_MAX_INT } from '../../../src-main/core/browser.js';
import { api } from '../api.js';
import type { ServerStatus } from '../app/server-status.svelte.js';
import { checkCsOptions, csMockCsPatch, csOptionsFromMockCs, defaultCsOptions, type CsOptionsValues } from '../options/cs-options.svelte.js';
import { applyChange, type Problem } from './server-change.js';

export function gaxLifeError(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return 'a whole number of minutes, or empty for unset';
  return Number(t) > GENESYS_MAX_INT ? `at most ${GENESYS_MAX_INT}` : null;
}

export class ServerOptionsForm {
  /** what the editor shows and changes (bound to it) */
  values = $state<CsOptionsValues>(defaultCsOptions());
  /** GAX [general] token_life_in_minutes as the CS knows it; '' = unset */
  gaxLife = $state('');
  busy = $state(false);
  problem = $state<Problem | null>(null);
  /** what the last apply did, in words */
  note = $state<string | null>(null);
  /** the server's options as last taken into the form, to tell an edit from a sync */
  private baseline = $state('');
  /** the server's options last seen by `sync` (not reactive: sync runs in an effect and must not loop) */
  private seen = '';

  constructor(private readonly status: ServerStatus) {}

  readonly check = $derived.by(() => checkCsOptions(this.values));
  readonly gaxLifeProblem = $derived.by(() => gaxLifeError(this.gaxLife));
  readonly valid = $derived(this.check.valid && this.gaxLifeProblem === null);
  readonly dirty = $derived.by(() => this.baseline !== '' && this.snapshot() !== this.baseline);

  /** the mock CS's token-uuid as it may be shown: where it comes from and its masked form */
  readonly tokenUuid = $derived.by(() => this.status.view?.options.tokenUuid ?? null);

  /** the editor's "keep" choice, offered while a token-uuid is configured */
  readonly keepUuidLabel = $derived.by((): string | undefined => {
    const u = this.tokenUuid;
    return u?.source === 'configured' ? `the one configured on the mock CS, ${u.masked}` : undefined;
  });

  /** Takes the server's options into the form when they changed, unless the person is editing it. */
  sync(): void {
    const o = this.status.view?.options;
    if (!o) return;
    const key = JSON.stringify(o);
    if (key === this.seen) return;
    this.seen = key;
    if (!this.dirty) this.load();
  }

  /** Drops the edits: the form shows the server's options again. */
  reset(): void {
    this.problem = null;
    this.note = null;
    this.load();
  }

  async apply(): Promise<boolean> {
    if (!this.valid || this.busy) return false;
    const life = this.gaxLife.trim();
    const patch = { ...csMockCsPatch(this.check.settings), gaxTokenLifeMinutes: life === '' ? null : Number(life) };
    this.busy = true;
    this.note = null;
    try {
      this.problem = await applyChange(this.status, () => api.invoke('mockcs.options.update', { patch }));
      if (this.problem) return false;
      this.load();
      this.note = this.status.view?.running
        ? 'Applied: the next login is decided with these options.'
        : 'Saved: the server uses them when it starts.';
      return true;
    } finally {
      this.busy = false;
    }
  }

  /** A new generated token-uuid (tokens minted with the old one then fail BAD_SIGNATURE). */
  async regenerateUuid(): Promise<boolean> {
    this.problem = await applyChange(this.status, () => api.invoke('mockcs.tokenUuid.regenerate', {}));
    if (!this.problem) this.note = 'A new token-uuid is in effect: tokens minted with the old one are now refused BAD_SIGNATURE.';
    return this.problem === null;
  }

  private load(): void {
    const o = this.status.view?.options;
    if (!o) return;
    this.values = csOptionsFromMockCs(o);
    this.gaxLife = o.gaxTokenLifeMinutes === null ? '' : String(o.gaxTokenLifeMinutes);
    this.baseline = this.snapshot();
  }

  private snapshot(): string {
    return JSON.stringify([this.values, this.gaxLife]);
  }
}
