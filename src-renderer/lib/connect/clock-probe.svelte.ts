/** "How far is the CS clock from mine?": several GetServerTime round trips, the best one kept (clock.probe). */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { ConnectForm } from './connect-form.svelte.js';
import { measuredOffsetWords } from '../server/clock-words.js';

export type ProbeResult = RequestOutput<'clock.probe'>;

export class ClockProbe {
  busy = $state(false);
  result = $state.raw<(ProbeResult & { at: number }) | null>(null);
  problem = $state<{ message: string; hint?: string } | null>(null);

  constructor(private readonly now: () => number) {}

  readonly words = $derived.by((): string | null => (this.result ? measuredOffsetWords(this.result.offsetMs) : null));

  async probe(form: ConnectForm): Promise<boolean> {
    const input = form.probeRequest();
    if (!input) {
      this.problem = { message: 'the target is not complete', hint: 'Fill in the host, the port and the TLS settings first.' };
      return false;
    }
    this.busy = true;
    this.problem = null;
    try {
      const r = await api.invoke('clock.probe', input);
      if (!r.ok) {
        this.result = null;
        this.problem = r.error.hint ? { message: r.error.message, hint: r.error.hint } : { message: r.error.message };
        return false;
      }
      this.result = { ...r.data, at: this.now() };
      return true;
    } finally {
      this.busy = false;
    }
  }
}
