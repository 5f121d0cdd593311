/** A clock offset in words, the way a person says it: "CS clock 10 min behind". */
import { humanDuration } from '../../../src-main/core/browser.js';

/** A simulated offset in whole seconds: "CS clock 10 min behind", "CS clock 90 s ahead", "CS clock in step". */
export function clockOffsetWords(offsetSeconds: number, who = 'CS clock'): string {
  const s = Math.round(offsetSeconds);
  if (s === 0) return `${who} in step`;
  return `${who} ${humanDuration(s)} ${s < 0 ? 'behind' : 'ahead'}`;
}

/** A measured offset in ms: "CS clock 10 min behind this machine"; under a second, "within 4 ms". */
export function measuredOffsetWords(offsetMs: number, who = 'CS clock'): string {
  const abs = Math.abs(offsetMs);
  if (abs < 1000) return `${who} within ${Math.max(1, Math.round(abs))} ms of this machine`;
  return `${who} ${humanDuration(abs / 1000)} ${offsetMs < 0 ? 'behind' : 'ahead of'} this machine`;
}
