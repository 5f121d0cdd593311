/** The clock probe: how far a server's clock is from this machine's. */
import { probeServerTime, type LoginOutcome } from '../../client/index.js';
import type { HandlersOf } from '../contract/index.js';
import type { clockRequests } from '../contract/clock.js';
import { HandlerError } from '../result.js';
import type { IpcServices } from '../context.js';
import { resolveTarget } from './target.js';

export function clockHandlers(services: IpcServices): HandlersOf<typeof clockRequests> {
  return {
    async 'clock.probe'({ target, tls, samples }) {
      const where = resolveTarget(services, target, tls);
      const probe = services.beginProbe();
      try {
        const measured = await probeServerTime({
          host: where.host,
          port: where.port,
          tls: where.tls,
          samples,
          signal: probe.signal,
          clock: services.clock,
        });
        if (!measured.ok) throw new HandlerError(outcomeCode(measured.outcome), measured.message, measured.fix);
        return { offsetMs: measured.offsetMs, roundTripMs: measured.roundTripMs, samples: measured.samples, serverTime: measured.serverTime };
      } finally {
        probe.end();
      }
    },
  };
}

/** `tls-failed` → `TLS_FAILED`: the client's outcome as an error code. */
function outcomeCode(outcome: LoginOutcome): string {
  return outcome.toUpperCase().replace(/-/g, '_');
}
