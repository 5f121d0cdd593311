/**
 * The server's clock against ours, measured as NTP does: stamp our clock when the request
 * leaves, take the round trip on a monotonic clock, and assume the server read its clock
 * half-way: offset = serverTime − (sentAt + roundTrip / 2). Over several samples the one with
 * the lowest round trip is the most accurate (its midpoint assumption has the least room to be wrong).
 */
import { performance } from 'node:perf_hooks';
import type { CsmockSession, Hello } from './csmock-session.js';
import { ProtocolViolation, RequestRefused, toServerError } from './csmock-session.js';
import type { ClockMeasurement } from './types.js';
import { humanDurationMs } from '../core/time-format.js';

export interface ServerTimeSample extends ClockMeasurement {
  serverTime: number;
}

/**
 * One GetServerTime round trip. Rejects with RequestRefused when the server refuses it and
 * ProtocolViolation when it answers with something else; the caller bounds the wait.
 */
export function sampleServerTime(session: CsmockSession, clock: () => number): { requestId: number; sample: Promise<ServerTimeSample> } {
  const sentAt = clock();
  const sentMono = performance.now();
  const { requestId, answer } = session.request('GetServerTime');
  const sample = answer.then((m) => {
    const roundTripMs = performance.now() - sentMono;
    if (m.type === 'Error') throw new RequestRefused(toServerError(m));
    if (m.type !== 'ServerTime' || typeof m.serverTime !== 'number' || !Number.isFinite(m.serverTime))
      throw new ProtocolViolation(`it answered GetServerTime with ${m.type === 'ServerTime' ? 'no serverTime' : `a ${m.type} message`}`);
    return { offsetMs: round(m.serverTime - (sentAt + roundTripMs / 2)), roundTripMs: round(roundTripMs), serverTime: m.serverTime };
  });
  return { requestId, sample };
}

/**
 * What the Hello alone says: the server stamped it no later than it arrived, so this offset is
 * off by at most the one-way delay. Used only when GetServerTime cannot be asked.
 */
export function offsetFromHello(hello: Hello): number {
  return round(hello.serverTime - hello.receivedAt);
}

export function bestSample<T extends ClockMeasurement>(samples: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const s of samples) if (!best || s.roundTripMs < best.roundTripMs) best = s;
  return best;
}

/** "5 min ahead of ours", "250 ms behind ours": the offset in words, as the trace says it */
export function describeOffset(offsetMs: number): string {
  if (Math.abs(offsetMs) < 1) return 'in step with ours';
  return `${humanDurationMs(offsetMs)} ${offsetMs > 0 ? 'ahead of' : 'behind'} ours`;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
