/**
 * The arithmetic of the virtualised log: which rows a scroll position shows, with a few rows of
 * overscan above and below so fast scrolling does not flash empty space. Fixed row height keeps it
 * O(1) whatever the number of rows.
 */
export interface WindowInput {
  /** the scroll container's scrollTop, px */
  scrollTop: number;
  /** the scroll container's visible height, px */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** rows rendered beyond each edge of the viewport */
  overscan: number;
}

export interface RowWindow {
  /** first row rendered */
  start: number;
  /** one past the last row rendered */
  end: number;
  /** where the first rendered row sits, px from the top of the content */
  offsetTop: number;
  /** the height of all rows, px: the scrollable content */
  totalHeight: number;
}

export function visibleWindow(i: WindowInput): RowWindow {
  const rowHeight = Math.max(1, i.rowHeight);
  const rowCount = Math.max(0, Math.floor(i.rowCount));
  const totalHeight = rowCount * rowHeight;
  const maxScroll = Math.max(0, totalHeight - i.viewportHeight);
  const scrollTop = Math.min(Math.max(0, i.scrollTop), maxScroll);
  const firstVisible = Math.floor(scrollTop / rowHeight);
  const visibleRows = Math.ceil(Math.max(0, i.viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - i.overscan);
  const end = Math.min(rowCount, firstVisible + visibleRows + i.overscan);
  return { start, end: Math.max(start, end), offsetTop: start * rowHeight, totalHeight };
}

/** The scrollTop that brings `row` fully into view, moving as little as possible. */
export function scrollToReveal(row: number, rowHeight: number, viewportHeight: number, scrollTop: number): number {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** How many whole rows fit in the viewport (at least 1): the step of Page Up and Page Down. */
export function rowsPerPage(rowHeight: number, viewportHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / Math.max(1, rowHeight)));
}
