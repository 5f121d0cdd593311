/** Instants as the tool prints them in messages: ISO 8601 UTC to the second. */
export function isoSeconds(epochSeconds: number): string {
  const ms = epochSeconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(epochSeconds);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
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
