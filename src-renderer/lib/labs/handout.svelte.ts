/**
 * The classroom handout's token-uuid: masked until the instructor clicks Show, then asked of main
 * (labs.handout.tokenUuid) for the open lab only. Held here, never logged; shown only while the
 * lab it was asked for is still the open one, and forgotten on Hide or when the handout goes away.
 */
import { api } from '../api.js';
import type { IpcError } from '../../../src-main/ipc/result.js';

export class HandoutController {
  private shown = $state<{ labId: string; tokenUuid: string } | null>(null);
  busy = $state(false);
  error = $state<IpcError | null>(null);

  /** `openLabId` reads the open lab's id (reactive), so a lab opened since hides the old value. */
  constructor(private readonly openLabId: () => string | null) {}

  /** the open lab's broken token-uuid in clear while shown; null: masked */
  readonly tokenUuid = $derived.by((): string | null => {
    const s = this.shown;
    return s !== null && s.labId === this.openLabId() ? s.tokenUuid : null;
  });

  async reveal(): Promise<boolean> {
    const id = this.openLabId();
    if (id === null || this.busy) return false;
    this.busy = true;
    const r = await api.invoke('labs.handout.tokenUuid', { id });
    this.busy = false;
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    this.error = null;
    this.shown = { labId: r.data.id, tokenUuid: r.data.tokenUuid };
    return true;
  }

  hide(): void {
    this.shown = null;
    this.error = null;
  }
}
