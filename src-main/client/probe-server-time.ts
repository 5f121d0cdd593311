/**
 * probeServerTime: how far the server's clock is from ours, as NTP measures it — several
 * GetServerTime round trips, the best being the one with the lowest round trip. Never throws.
 */
import { withDeadline } from './deadline.js';
import { isLoginFailure, LoginFailure } from './failure.js';
import { cancelledFailure, describeTarget, errorText, type TargetContext } from './explain-failure.js';
import { explainServerError } from './explain-rejection.js';
import { bestSample, sampleServerTime, type ServerTimeSample } from './server-time.js';
import { explainStepError, openSession } from './open-session.js';
import { Trace } from './trace.js';
import { checkTarget, checkTls, normalizeHost } from './validate-request.js';
import { ServerAnswerError, type CsmockSession } from './csmock-session.js';
import type { ServerTimeResult, ServerTimeTarget, TimedStepId } from './types.js';

export const DEFAULT_SAMPLES = 5;
export const MAX_SAMPLES = 100;
const DEFAULT_TIMEOUT_MS = 5000;

export async function probeServerTime(target: ServerTimeTarget): Promise<ServerTimeResult> {
  const invalid = (message: string, fix: string): ServerTimeResult => ({
    ok: false,
    outcome: 'invalid-input',
    message: `invalid input: ${message}`,
    fix,
  });
  if (!target || typeof target !== 'object') return invalid('no target', 'Give host and port.');
  const targetProblem = checkTarget(target.host, target.port);
  if (targetProblem) return invalid(targetProblem, "Give the server's host and its listening port.");
  const samples = target.samples ?? DEFAULT_SAMPLES;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES)
    return invalid(`samples must be a whole number from 1 to ${MAX_SAMPLES}`, `Leave it unset for ${DEFAULT_SAMPLES}.`);
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 600_000)
    return invalid('the timeout must be from 1 to 600000 ms', `Leave it unset for ${DEFAULT_TIMEOUT_MS} ms.`);
  const host = normalizeHost(target.host);
  const tls = checkTls(target.tls, host);
  if (!tls.ok) return { ok: false, outcome: 'invalid-input', message: tls.message, fix: tls.fix };
  const clock = typeof target.clock === 'function' ? target.clock : Date.now;
  const ctx: TargetContext = { host, port: target.port, tls: tls.value !== null };
  const timeouts: Record<TimedStepId, number> = { resolve: timeoutMs, connect: timeoutMs, tls: timeoutMs, hello: timeoutMs, register: timeoutMs };
  const refused = (e: ServerAnswerError) => {
    const explained = explainServerError(e.answer, { userName: '', sent: 'password', nowMs: clock() });
    return new LoginFailure('rejected', explained.message, explained.fix, { server: e.answer });
  };

  let session: CsmockSession | null = null;
  try {
    if (target.signal?.aborted) throw cancelledFailure('resolve');
    const opened = await openSession({ host, port: target.port, tls: tls.value, timeouts, signal: target.signal, clock }, new Trace(clock), {}, (e) =>
      refused(e),
    );
    session = opened.session;
    const taken: ServerTimeSample[] = [];
    for (let i = 0; i < samples; i++) {
      const { requestId, sample } = sampleServerTime(opened.session, clock);
      const current = opened.session;
      taken.push(
        await withDeadline(sample, {
          timeoutMs,
          signal: target.signal,
          onTimeout: () =>
            new LoginFailure(
              'timeout',
              `${describeTarget(host, target.port)} did not answer GetServerTime within ${timeoutMs} ms`,
              'The server is stuck or overloaded: check it, or raise the timeout.',
            ),
          onAbort: () => cancelledFailure('hello'),
          release: () => current.forget(requestId),
        }),
      );
    }
    await opened.session.close();
    const best = bestSample(taken)!;
    return {
      ok: true,
      offsetMs: best.offsetMs,
      roundTripMs: best.roundTripMs,
      samples: taken.map(({ offsetMs, roundTripMs }) => ({ offsetMs, roundTripMs })),
      serverTime: best.serverTime,
    };
  } catch (e) {
    session?.destroy();
    const failure = isLoginFailure(e) ? e : e instanceof ServerAnswerError ? refused(e) : explainStepError(e, 'hello', ctx);
    return { ok: false, outcome: failure.outcome, message: failure.message || errorText(e), fix: failure.fix };
  }
}
