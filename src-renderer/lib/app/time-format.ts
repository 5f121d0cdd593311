/** Times for people: always with their zone (house rule: times shown with their zone). */
import { isoSeconds } from '../../../src-main/core/browser.js';

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

export function formatLocal(d: Date, withDate?: boolean, now: Date = new Date()): string {
  const showDate = withDate ?? !sameDay(d, now);
  return d.toLocaleString(undefined, {
    ...(showDate ? { year: 'numeric', month: 'short', day: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZoneName: 'short',
  });
}

/** UTC as the main side writes it in messages (core isoSeconds), so a view never shows two UTC forms. */
export function formatUtc(d: Date, withDate?: boolean, now: Date = new Date()): string {
  const full = isoSeconds(d.getTime() / 1000);
  const showDate = withDate ?? !sameDay(d, now);
  return showDate ? full : full.slice(11);
}

/** "1 h 02 min 05 s", "4 min 09 s", "12 s" — for countdowns (tabular figures, no jitter). */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(Math.abs(totalSeconds)));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} d ${two(h)} h ${two(m)} min`;
  if (h > 0) return `${h} h ${two(m)} min ${two(sec)} s`;
  if (m > 0) return `${m} min ${two(sec)} s`;
  return `${sec} s`;
}

/** True where the local zone is UTC itself: then one time is enough, not "12:00 UTC (12:00 UTC)". */
export function localZoneIsUtc(): boolean {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu'].includes(zone);
}
