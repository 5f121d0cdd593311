/**
 * Whether a mock CS view main sent has the shape the window reads. The status is shared by every
 * view and the status bar, so one malformed answer taken as it is would break each of them when it
 * renders; it is checked once, here, at the door (the full schema check is main's, in register()).
 */
import type { MockCsView } from './server-status.svelte.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCountMap = (v: unknown): boolean => isObject(v) && Object.values(v).every((n) => typeof n === 'number');

export function isMockCsView(v: unknown): v is MockCsView {
  if (!isObject(v) || typeof v['running'] !== 'boolean' || !Array.isArray(v['listeners'])) return false;
  if (typeof v['connections'] !== 'number' || typeof v['registered'] !== 'number') return false;
  const counters = v['counters'];
  if (!isObject(counters) || typeof counters['accepted'] !== 'number' || !isCountMap(counters['rejected']) || !isCountMap(counters['protocolErrors']))
    return false;
  const o = v['options'];
  return (
    isObject(o) &&
    typeof o['tokenPreambula'] === 'string' &&
    typeof o['clockOffsetSeconds'] === 'number' &&
    isObject(o['tokenUuid']) &&
    Array.isArray(o['users']) &&
    Array.isArray(o['listeners'])
  );
}
