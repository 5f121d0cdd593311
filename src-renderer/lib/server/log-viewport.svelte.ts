/**
 * Where the person is in the virtualised log: the scroll position, the row they picked (shown in
 * full below the log), and whether the log follows new events (it does while scrolled to the end,
 * like `tail -f`, and stops as soon as they scroll up).
 */
import { rowsPerPage, scrollToReveal, visibleWindow, type RowWindow } from './virtual-window.js';

export const NAV_KEYS = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'] as const;

export class LogViewport {
  scrollTop = $state(0);
  /** the scroller's measured height; 0 until measured (then `fallbackHeight` is assumed) */
  viewportHeight = $state(0);
  active = $state<number | null>(null);
  follow = $state(true);

  constructor(
    readonly rowHeight: number,
    /** a sticky header inside the scroller (the table's column headers), px */
    readonly headerHeight: number,
    /** the height the scroller is styled with, used before it is measured */
    readonly fallbackHeight: number,
    readonly overscan = 8,
  ) {}

  /** the height rows can use */
  get bodyHeight(): number {
    return Math.max(this.rowHeight, (this.viewportHeight || this.fallbackHeight) - this.headerHeight);
  }

  window(rowCount: number): RowWindow {
    return visibleWindow({
      scrollTop: this.scrollTop,
      viewportHeight: this.bodyHeight,
      rowHeight: this.rowHeight,
      rowCount,
      overscan: this.overscan,
    });
  }

  /** the scrollTop at the end of the rows */
  endScrollTop(rowCount: number): number {
    return Math.max(0, rowCount * this.rowHeight - this.bodyHeight);
  }

  /** The scroller moved (by the person or by us). */
  scrolled(scrollTop: number, rowCount: number): void {
    this.scrollTop = scrollTop;
    this.follow = scrollTop >= this.endScrollTop(rowCount) - 2;
  }

  /** Picks a row (a click). */
  select(index: number, rowCount: number): void {
    if (rowCount === 0) this.active = null;
    else this.active = Math.min(Math.max(0, index), rowCount - 1);
  }

  /**
   * A navigation key moves the picked row and returns the scrollTop that keeps it in view; null
   * for any other key (it is left to the browser).
   */
  key(key: string, rowCount: number): number | null {
    if (!(NAV_KEYS as readonly string[]).includes(key)) return null;
    if (rowCount === 0) return this.scrollTop;
    const page = rowsPerPage(this.rowHeight, this.bodyHeight);
    const current = this.active ?? (key === 'ArrowUp' || key === 'PageUp' || key === 'End' ? rowCount : -1);
    const next =
      key === 'ArrowDown'
        ? current + 1
        : key === 'ArrowUp'
          ? current - 1
          : key === 'PageDown'
            ? current + page
            : key === 'PageUp'
              ? current - page
              : key === 'Home'
                ? 0
                : rowCount - 1;
    this.select(next, rowCount);
    return scrollToReveal(this.active!, this.rowHeight, this.bodyHeight, this.scrollTop);
  }

  /** The rows were replaced (cleared, filtered): forget a pick that no longer exists. */
  rowsChanged(rowCount: number): void {
    if (this.active !== null && this.active >= rowCount) this.active = rowCount === 0 ? null : rowCount - 1;
  }
}
