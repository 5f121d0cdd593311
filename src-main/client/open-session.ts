/**
 * The steps every csmock/1 conversation starts with — resolve, TCP, TLS, Hello and the clock
 * offset — each timed in the trace and bounded by its own timeout. Shared by the login and the
 * server-time probe.
 */
import { isIP, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { withDeadline } from './deadline.js';
import { isLoginFailure, LoginFailure } from './failure.js';
import { connectTcp, resolveHost, startTls, CertificateRefused } from './connect.js';
import {
  cancelledFailure,
  connectionLostFailure,
  describeTarget,
  errorText,
  notCsmockFailure,
  timeoutFailure,
  type TargetContext,
} from './explain-failure.js';
import { ConnectionLost, CsmockSession, ProtocolViolation, RequestRefused, ServerAnswerError, type Hello } from './csmock-session.js';
import { describeOffset, offsetFromHello, sampleServerTime } from './server-time.js';
import { fingerprintHead } from './certificate.js';
import type { Trace } from './trace.js';
import type { TlsPlan } from './validate-request.js';
import type { CertificateInfo, ClockMeasurement, StepId, TimedStepId } from './types.js';
import { roundMs } from './trace.js';

export interface SessionTarget {
  host: string;
  port: number;
  tls: TlsPlan | null;
  timeouts: Record<TimedStepId, number>;
  signal?: AbortSignal | undefined;
  clock: () => number;
}

export interface OpenSession {
  session: CsmockSession;
  hello: Hello;
  clock: ClockMeasurement;
  certificate?: CertificateInfo;
}

/** What a failed opening still learned, for the result: the certificate when TLS got that far. */
export interface OpeningFacts {
  certificate?: CertificateInfo;
}

/**
 * Runs one step: marks it running, then ok (with what `body` returns) or failed with the
 * explanation. Anything `body` throws leaves as a LoginFailure.
 */
export async function runStep<T>(
  trace: Trace,
  id: StepId,
  ctx: TargetContext,
  body: () => Promise<{ value: T; detail: string; data?: Record<string, unknown> }>,
  explain: (e: unknown) => LoginFailure = (e) => explainStepError(e, id, ctx),
): Promise<T> {
  trace.start(id);
  try {
    const { value, detail, data } = await body();
    trace.ok(id, detail, data);
    return value;
  } catch (e) {
    const failure = explain(e);
    trace.fail(id, failure.stepDetail, failure instanceof CertificateRefused ? { certificate: failure.certificate } : undefined);
    throw failure;
  }
}

/** Errors of a session in a step, explained. Server refusals are left to the caller (it knows the login). */
export function explainStepError(e: unknown, step: StepId, ctx: TargetContext): LoginFailure {
  if (isLoginFailure(e)) return e;
  if (e instanceof ConnectionLost) return connectionLostFailure(step, e, ctx);
  if (e instanceof ProtocolViolation) return notCsmockFailure(e.observation, ctx);
  if (e instanceof ServerAnswerError)
    return new LoginFailure('rejected', `the server refused: ${e.answer.code} — ${e.answer.message}`, '', {
      stepDetail: `${e.answer.code}: ${e.answer.message}`,
      server: e.answer,
    });
  return new LoginFailure(
    'unreachable',
    `unexpected failure in ${step} with ${describeTarget(ctx.host, ctx.port)}: ${errorText(e)}`,
    'Try again; if it persists, report it with the step trace.',
    { stepDetail: errorText(e) },
  );
}

export async function openSession(
  t: SessionTarget,
  trace: Trace,
  facts: OpeningFacts,
  explainRefusal: (e: ServerAnswerError, step: StepId) => LoginFailure,
): Promise<OpenSession> {
  const ctx: TargetContext = { host: t.host, port: t.port, tls: t.tls !== null };
  const explain = (step: StepId) => (e: unknown) => (e instanceof ServerAnswerError ? explainRefusal(e, step) : explainStepError(e, step, ctx));
  const bounds = (step: TimedStepId) => ({ timeoutMs: t.timeouts[step], signal: t.signal });

  let addresses = [t.host];
  if (isIP(t.host)) trace.skip('resolve', `${t.host} is an IP address: nothing to resolve`);
  else
    addresses = await runStep(trace, 'resolve', ctx, async () => {
      const found = await resolveHost(t.host, bounds('resolve'), ctx);
      return { value: found, detail: `${t.host} → ${found.join(', ')}`, data: { addresses: found } };
    });

  let connectMs = 0;
  const tcp = await runStep(trace, 'connect', ctx, async () => {
    const began = performance.now();
    const c = await connectTcp(addresses, bounds('connect'), ctx);
    connectMs = roundMs(performance.now() - began);
    const after = c.refused.length ? ` (after ${c.refused.join(', ')})` : '';
    return {
      value: c.socket,
      detail: `connected to ${describeTarget(c.address, t.port)}${after}`,
      data: { address: c.address, port: t.port, localPort: c.socket.localPort },
    };
  });

  let socket: Socket = tcp;
  try {
    if (!t.tls) trace.skip('tls', 'plain TCP: TLS is off');
    else {
      const tls = t.tls;
      socket = await runStep(trace, 'tls', ctx, async () => {
        const up = await startTls(tcp, { ...tls, nowMs: t.clock() }, bounds('tls'), ctx).catch((e: unknown) => {
          if (e instanceof CertificateRefused) facts.certificate = e.certificate;
          throw e;
        });
        facts.certificate = up.certificate;
        const c = up.certificate;
        const trust = tls.pinned
          ? `pinned fingerprint ${fingerprintHead(tls.pinned)} matches`
          : tls.caPem
            ? 'trusted by the given CA'
            : "trusted by the system's CAs";
        return {
          value: up.socket,
          detail: `${c.protocol} ${c.cipher}; ${c.subject} issued by ${c.issuer}; valid ${c.validFrom} → ${c.validTo} (${c.daysLeft} days left); ${trust}`,
          data: { certificate: c },
        };
      });
    }

    const session = new CsmockSession(socket, t.clock);
    return await runStep(
      trace,
      'hello',
      ctx,
      async () => {
        const began = performance.now();
        const hello = await withDeadline(session.hello(), {
          ...bounds('hello'),
          onTimeout: () => timeoutFailure('hello', t.timeouts.hello, ctx),
          onAbort: () => cancelledFailure('hello'),
        });
        const clock = await measureAfterHello(session, hello, t, ctx, t.timeouts.hello - (performance.now() - began), connectMs);
        return {
          value: { session, hello, clock, ...(facts.certificate ? { certificate: facts.certificate } : {}) },
          detail: `${hello.protocol} from ${hello.server || 'an unnamed server'}; server clock ${describeOffset(clock.offsetMs)}; round trip ${clock.roundTripMs} ms`,
          data: { protocol: hello.protocol, server: hello.server, serverTime: hello.serverTime, ...clock },
        };
      },
      explain('hello'),
    );
  } catch (e) {
    socket.destroy();
    throw e;
  }
}

/**
 * One GetServerTime right after the Hello gives the offset with a measured round trip. A server
 * that refuses it still told us its clock in the Hello; then the TCP connect (SYN to SYN-ACK,
 * one round trip) stands in for the round trip.
 */
async function measureAfterHello(
  session: CsmockSession,
  hello: Hello,
  t: SessionTarget,
  ctx: TargetContext,
  remainingMs: number,
  connectMs: number,
): Promise<ClockMeasurement> {
  const { requestId, sample } = sampleServerTime(session, t.clock);
  try {
    const s = await withDeadline(sample, {
      timeoutMs: Math.max(1, remainingMs),
      signal: t.signal,
      onTimeout: () =>
        new LoginFailure(
          'timeout',
          `${describeTarget(ctx.host, ctx.port)} sent its Hello but did not answer GetServerTime within ${t.timeouts.hello} ms`,
          'The server is stuck or overloaded: check it, or raise the hello timeout.',
          { stepDetail: 'no answer to GetServerTime' },
        ),
      onAbort: () => cancelledFailure('hello'),
      release: () => session.forget(requestId),
    });
    return { offsetMs: s.offsetMs, roundTripMs: s.roundTripMs };
  } catch (e) {
    if (e instanceof RequestRefused) return { offsetMs: offsetFromHello(hello), roundTripMs: connectMs };
    throw e;
  }
}
