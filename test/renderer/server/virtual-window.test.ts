import { describe, it, expect } from 'vitest';
import { rowsPerPage, scrollToReveal, visibleWindow } from '../../../src-renderer/lib/server/virtual-window.js';
import { LogViewport } from '../../../src-renderer/lib/server/log-viewport.svelte.js';

describe('visibleWindow', () => {
  const base = { viewportHeight: 220, rowHeight: 22, rowCount: 100_000, overscan: 5 };

  it('renders the rows in view plus the overscan, whatever the number of rows', () => {
    expect(visibleWindow({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 16, offsetTop: 0, totalHeight: 2_200_000 });
    // scrolled to row 1000 exactly: rows 995–1015 (10 visible + 1 partial + 5 either side)
    expect(visibleWindow({ ...base, scrollTop: 22_000 })).toEqual({ start: 995, end: 1016, offsetTop: 995 * 22, totalHeight: 2_200_000 });
    // half a row further down: row 1000 is partly hidden, row 1010 partly shown
    const w = visibleWindow({ ...base, scrollTop: 22_011 });
    expect([w.start, w.end]).toEqual([995, 1016]);
    expect(w.end - w.start).toBeLessThanOrEqual(10 + 1 + 2 * 5);
  });

  it('clamps at both ends and for a scroll position past the content', () => {
    const end = visibleWindow({ ...base, scrollTop: 99_999_999 });
    expect(end.end).toBe(100_000);
    expect(end.start).toBe(100_000 - 10 - 5);
    expect(visibleWindow({ ...base, scrollTop: -50 }).start).toBe(0);
    expect(visibleWindow({ ...base, rowCount: 3, scrollTop: 500 })).toEqual({ start: 0, end: 3, offsetTop: 0, totalHeight: 66 });
    expect(visibleWindow({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
  });

  it('scrolls as little as possible to reveal a row', () => {
    expect(scrollToReveal(5, 22, 220, 0)).toBe(0);
    expect(scrollToReveal(12, 22, 220, 0)).toBe(13 * 22 - 220);
    expect(scrollToReveal(3, 22, 220, 200)).toBe(66);
    expect(rowsPerPage(22, 220)).toBe(10);
    expect(rowsPerPage(22, 0)).toBe(1);
  });
});

describe('LogViewport', () => {
  it('moves the picked row with the navigation keys and keeps it in view; other keys are left alone', () => {
    const v = new LogViewport(22, 0, 220, 5);
    expect(v.key('a', 100)).toBeNull();
    expect(v.key('ArrowDown', 100)).toBe(0);
    expect(v.active).toBe(0);
    expect(v.key('PageDown', 100)).toBe(11 * 22 - 220);
    expect(v.active).toBe(10);
    v.scrolled(v.key('ArrowDown', 100)!, 100);
    expect(v.active).toBe(11);
    expect(v.scrollTop).toBe(12 * 22 - 220);
    expect(v.key('End', 100)).toBe(100 * 22 - 220);
    expect(v.active).toBe(99);
    expect(v.key('Home', 100)).toBe(0);
    expect(v.active).toBe(0);
    v.key('ArrowUp', 100);
    expect(v.active).toBe(0);
  });

  it('starts from the end for ArrowUp and End when nothing is picked', () => {
    const v = new LogViewport(22, 28, 248);
    v.key('ArrowUp', 40);
    expect(v.active).toBe(39);
  });

  it('follows new rows only while scrolled to the end', () => {
    const v = new LogViewport(22, 0, 220);
    expect(v.follow).toBe(true);
    v.scrolled(100, 100);
    expect(v.follow).toBe(false);
    v.scrolled(v.endScrollTop(100), 100);
    expect(v.follow).toBe(true);
  });

  it('forgets a pick past the rows that remain', () => {
    const v = new LogViewport(22, 0, 220);
    v.select(50, 100);
    v.rowsChanged(10);
    expect(v.active).toBe(9);
    v.rowsChanged(0);
    expect(v.active).toBeNull();
  });
});
