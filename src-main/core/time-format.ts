/**
 * Instants as the tool writes them in messages, traces and CLI text: "2026-01-01 03:57:51 UTC", the
 * same shape as the renderer's UTC times and the HTML report's, so no view mixes an ISO `…Z` with
 * another form. (The name is older than the format; machine output keeps epoch seconds.)
 */
export function isoSeconds(epochSeconds: number): string {
  const ms = epochSeconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(epochSeconds);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** "95 s", "20 min", "1 h 5 min", "2 d 3 h" — for durations in explanations. */
export function humanDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 120) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86400) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/**
 * A measured duration in milliseconds, in words: "250 ms", "1.3 s", then as `humanDuration`
 * ("13 min 31 s", "1 h") — never "3600.0 s".
 */
export function humanDurationMs(ms: number): string {
  const abs = Math.abs(ms);
  if (!Number.isFinite(abs)) return String(ms);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  if (abs < 10_000) return `${(abs / 1000).toFixed(1)} s`;
  return humanDuration(abs / 1000);
}
