import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, restoreBounds, type Rect } from '../../src-main/app/window-bounds.js';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreBounds', () => {
  it('opens a first-time window at the default size, centred on the primary display', () => {
    expect(restoreBounds(undefined, [laptop], laptop)).toEqual({
      x: (1920 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: (1040 - DEFAULT_WINDOW_SIZE.height) / 2,
      ...DEFAULT_WINDOW_SIZE,
    });
  });

  it('restores a window that fits where it was', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900 };
    expect(restoreBounds(saved, [laptop, rightMonitor], laptop)).toEqual(saved);
  });

  it('keeps the maximised flag', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: true };
    expect(restoreBounds(saved, [laptop], laptop)).toEqual(saved);
  });

  it('moves a window whose monitor was unplugged to the primary display, centred', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900 };
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('pulls a window hanging off an edge back onto its display', () => {
    expect(restoreBounds({ x: 1500, y: 600, width: 1200, height: 800 }, [laptop], laptop)).toEqual({
      x: 1920 - 1200,
      y: 1040 - 800,
      width: 1200,
      height: 800,
    });
    expect(restoreBounds({ x: -300, y: -50, width: 1200, height: 800 }, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1200, height: 800 });
  });

  it('grows a window below the minimum size and shrinks one larger than its display', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 300, height: 200 }, [laptop], laptop)).toMatchObject(MIN_WINDOW_SIZE);
    expect(restoreBounds({ x: 0, y: 0, width: 5000, height: 3000 }, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('keeps the minimum on a display smaller than it, anchored at the top-left', () => {
    const small: Rect = { x: 0, y: 0, width: 800, height: 600 };
    expect(restoreBounds({ x: 50, y: 50, width: 900, height: 700 }, [small], small)).toEqual({ x: 0, y: 0, ...MIN_WINDOW_SIZE });
  });

  it('ignores saved bounds that are not numbers or have no size', () => {
    for (const saved of [
      { x: NaN, y: 0, width: 1200, height: 800 },
      { x: 0, y: 0, width: 0, height: 800 },
      { x: 0, y: Infinity, width: 1200, height: 800 },
    ]) {
      expect(restoreBounds(saved, [laptop], laptop)).toMatchObject(DEFAULT_WINDOW_SIZE);
    }
  });

  it('always lands fully on one display, never below the minimum, for any saved bounds', () => {
    const rect = fc.record({
      x: fc.integer({ min: -10_000, max: 10_000 }),
      y: fc.integer({ min: -10_000, max: 10_000 }),
      width: fc.integer({ min: 1, max: 8000 }),
      height: fc.integer({ min: 1, max: 8000 }),
    });
    const display = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: MIN_WINDOW_SIZE.width, max: 6000 }),
      height: fc.integer({ min: MIN_WINDOW_SIZE.height, max: 4000 }),
    });
    fc.assert(
      fc.property(rect, fc.array(display, { minLength: 1, maxLength: 3 }), (saved, displays) => {
        const b = restoreBounds(saved, displays, displays[0]!);
        expect(b.width).toBeGreaterThanOrEqual(MIN_WINDOW_SIZE.width);
        expect(b.height).toBeGreaterThanOrEqual(MIN_WINDOW_SIZE.height);
        const inside = displays.some((d) => b.x >= d.x && b.y >= d.y && b.x + b.width <= d.x + d.width && b.y + b.height <= d.y + d.height);
        expect(inside).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
