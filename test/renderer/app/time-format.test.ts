// The renderer's UTC times have the main side's shape, so a view never shows two forms of UTC.
import { describe, expect, it } from 'vitest';
import { formatUtc } from '../../../src-renderer/lib/app/time-format.js';
import { isoSeconds } from '../../../src-main/core/time-format.js';

describe('formatUtc', () => {
  it('with its date, equals the instants in messages; without it, only the time, still marked UTC', () => {
    const d = new Date(Date.UTC(2026, 11, 7, 19, 24, 5, 750));
    expect(formatUtc(d, true)).toBe('2026-12-07 19:24:05 UTC');
    expect(formatUtc(d, true)).toBe(isoSeconds(Math.floor(d.getTime() / 1000)));
    expect(formatUtc(d, false)).toBe('19:24:05 UTC');
    expect(formatUtc(d, undefined, new Date(Date.UTC(2027, 0, 1)))).toBe('2026-12-07 19:24:05 UTC');
    expect(formatUtc(d, true)).not.toMatch(/Z$/);
  });
});
