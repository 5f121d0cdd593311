/**
 * Geometry of the validity-window timeline: where validFrom, issue, expiry, validUntil and "now" sit
 * on a bar, in percent. Pure, so the drawing stays a thin component and the arithmetic is tested.
 */
import type { TokenInstants } from './countdown.js';

export interface TimelineInput extends TokenInstants {
  toleranceSeconds: number;
}

export interface Span {
  left: number;
  width: number;
}

export interface TimelineGeometry {
  /** the whole accepted window, validFrom … validUntil */
  window: Span;
  /** token-tolerance before the start of the token's life (validFrom … validFrom + tolerance) */
  leadTolerance: Span;
  /** token-tolerance after expiry (exp … validUntil) */
  trailTolerance: Span;
  issued: number;
  expires: number;
  /** where now is drawn; clamped to the bar's ends when it lies far outside */
  now: number;
  /** now lies off the drawn range: before it or after it */
  nowOffscale: 'before' | 'after' | null;
}

/** room on each side of the window, so "now" just before or after it is still drawn in place */
const MARGIN = 0.08;

export function timelineGeometry(t: TimelineInput, now: number): TimelineGeometry {
  const start = Math.min(t.validFrom, t.iat);
  const end = Math.max(t.validUntil, t.exp);
  const span = Math.max(1, end - start);
  const lo = start - span * MARGIN;
  const hi = end + span * MARGIN;
  const at = (s: number) => ((s - lo) / (hi - lo)) * 100;
  const spanOf = (a: number, b: number): Span => ({ left: at(a), width: Math.max(0, at(b) - at(a)) });
  const nowOffscale = now < lo ? 'before' : now > hi ? 'after' : null;
  return {
    window: spanOf(t.validFrom, t.validUntil),
    leadTolerance: spanOf(t.validFrom, Math.min(t.validFrom + t.toleranceSeconds, t.validUntil)),
    trailTolerance: spanOf(Math.max(t.exp, t.validFrom), t.validUntil),
    issued: at(t.iat),
    expires: at(t.exp),
    now: nowOffscale === 'before' ? 0 : nowOffscale === 'after' ? 100 : at(now),
    nowOffscale,
  };
}
