// Figures as the stress report keeps them: latencies as count/p50/p99/max in ms, sizes in MB, all
// rounded so the JSON stays readable.
import { percentile } from '../bench/measure.js';

export const round = (v, digits = 2) => (v === null || v === undefined || !Number.isFinite(v) ? v : Number(v.toFixed(digits)));

export const mb = (bytes) => round(bytes / 1048576, 1);

/** { count, p50, p99, max } in ms (null figures when there is nothing to summarise) */
export function latencySummary(values) {
  if (values.length === 0) return { count: 0, p50: null, p99: null, max: null };
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1]) };
}

/** Adds `n` to record[key]. */
export function tally(record, key, n = 1) {
  record[key] = (record[key] ?? 0) + n;
}

/** A duration for the table: "12.3 ms", or "–" when there is none. */
export const ms = (v) => (v === null || v === undefined ? '–' : `${v} ms`);
