/**
 * The validity window the wizard draws: a token GAX mints at instant 0 lives until its expiry; the CS
 * accepts it from `expiry − token-ttl − tolerance` to `expiry + tolerance`. All numbers come from the
 * token core's `validityWindow`, in seconds relative to the issue instant, then placed on a 0–100 scale.
 */
import { humanDuration, validityWindow, type TokenTimeOptions, type TtlSource } from '../../../src-main/core/browser.js';

export interface Span {
  /** percent of the drawing's width */
  left: number;
  width: number;
}

export type MarkId = 'accept-from' | 'issued' | 'ttl-start' | 'expires' | 'accept-until';

export interface TimelineMark {
  ids: MarkId[];
  /** seconds after the issue instant */
  at: number;
  /** percent of the drawing's width */
  pos: number;
  label: string;
  /** "+60 min", "−1 min", "0" */
  offset: string;
  /** label row, 0 nearest the bars: neighbours too close to share a row are moved up one */
  lane: number;
}

export interface TimelineModel {
  lifeSeconds: number;
  /** seconds relative to issue */
  expires: number;
  acceptFrom: number;
  ttlStart: number;
  acceptUntil: number;
  ttlMinutes: number;
  ttlSource: TtlSource;
  toleranceSeconds: number;
  toleranceIsDefault: boolean;
  /** how long after issue a fresh token is still refused (token-ttl shorter than the life); 0 when never */
  refusedAfterIssue: number;
  scale: { start: number; end: number };
  spans: { life: Span; lead: Span; ttl: Span; trail: Span; refused: Span | null };
  marks: TimelineMark[];
}

const LABELS: Record<MarkId, string> = {
  'accept-from': 'accepted from',
  issued: 'issued',
  'ttl-start': 'token-ttl starts',
  expires: 'expires',
  'accept-until': 'accepted until',
};

/** Empty room either side of the outermost instants, as a share of the drawn range. */
const PAD = 0.04;
/** Labels closer than this (percent) go in separate rows. */
export const LABEL_MIN_GAP = 14;

export function offsetText(seconds: number): string {
  if (seconds === 0) return '0';
  return `${seconds > 0 ? '+' : '−'}${humanDuration(seconds)}`;
}

export function timelineModel(lifeMinutes: number, options: TokenTimeOptions): TimelineModel {
  const exp = lifeMinutes * 60;
  const w = validityWindow(exp, options);
  const ttlStart = exp - w.ttlMinutes * 60;
  const first = Math.min(0, w.validFrom);
  const last = Math.max(exp, w.validUntil);
  const range = last - first;
  const start = first - range * PAD;
  const end = last + range * PAD;
  const pos = (t: number) => ((t - start) / (end - start)) * 100;
  const span = (a: number, b: number): Span => ({ left: pos(a), width: pos(b) - pos(a) });
  const refusedAfterIssue = Math.max(0, w.validFrom);

  const instants: { id: MarkId; at: number }[] = [
    { id: 'accept-from', at: w.validFrom },
    { id: 'issued', at: 0 },
    { id: 'ttl-start', at: ttlStart },
    { id: 'expires', at: exp },
    { id: 'accept-until', at: w.validUntil },
  ];
  // One mark per instant: token-ttl equal to the life starts at the issue instant, and says so once.
  const byInstant = new Map<number, MarkId[]>();
  for (const i of instants) byInstant.set(i.at, [...(byInstant.get(i.at) ?? []), i.id]);
  const marks: TimelineMark[] = [...byInstant.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([at, ids]) => ({ ids, at, pos: pos(at), label: ids.map((id) => LABELS[id]).join(' · '), offset: offsetText(at), lane: 0 }));
  assignLanes(marks);

  return {
    lifeSeconds: exp,
    expires: exp,
    acceptFrom: w.validFrom,
    ttlStart,
    acceptUntil: w.validUntil,
    ttlMinutes: w.ttlMinutes,
    ttlSource: w.ttlSource,
    toleranceSeconds: w.toleranceSeconds,
    toleranceIsDefault: w.toleranceIsDefault,
    refusedAfterIssue,
    scale: { start, end },
    spans: {
      life: span(0, exp),
      lead: span(w.validFrom, ttlStart),
      ttl: span(ttlStart, exp),
      trail: span(exp, w.validUntil),
      refused: refusedAfterIssue > 0 ? span(0, Math.min(refusedAfterIssue, exp)) : null,
    },
    marks,
  };
}

/** Left to right, each label takes the lowest row whose last label is far enough away. */
function assignLanes(marks: TimelineMark[]): void {
  const lastInLane: number[] = [];
  for (const m of marks) {
    let lane = lastInLane.findIndex((p) => m.pos - p >= LABEL_MIN_GAP);
    if (lane === -1) lane = lastInLane.length;
    lastInLane[lane] = m.pos;
    m.lane = lane;
  }
}
