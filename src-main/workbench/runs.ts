/** Login runs and clock probes in flight, so a run can be cancelled by id and closing stops them all. */
import { closing, HandlerError } from './failure.js';

export class Runs {
  private readonly logins = new Map<string, AbortController>();
  private readonly probes = new Set<AbortController>();
  private closed = false;

  /** Registers a login run; a runId already running is refused (its events would mix). */
  beginLogin(runId: string): AbortController {
    if (this.closed) throw closing();
    if (this.logins.has(runId))
      throw new HandlerError(
        'RUN_IN_PROGRESS',
        `a login with runId "${runId}" is already running`,
        'Give each run its own runId, or cancel that one first.',
      );
    const controller = new AbortController();
    this.logins.set(runId, controller);
    return controller;
  }

  endLogin(runId: string, controller: AbortController): void {
    if (this.logins.get(runId) === controller) this.logins.delete(runId);
  }

  /** Cancels a run in flight; false when there is none by that id (it may have just ended). */
  cancelLogin(runId: string): boolean {
    const controller = this.logins.get(runId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** A clock probe in flight, so close() can stop it; call the returned function when it ends. */
  beginProbe(): { signal: AbortSignal; end: () => void } {
    if (this.closed) throw closing();
    const controller = new AbortController();
    this.probes.add(controller);
    return { signal: controller.signal, end: () => this.probes.delete(controller) };
  }

  /** Cancels everything in flight; later runs are refused as SHUTTING_DOWN. */
  close(): void {
    this.closed = true;
    for (const c of this.logins.values()) c.abort();
    for (const c of this.probes) c.abort();
  }
}
